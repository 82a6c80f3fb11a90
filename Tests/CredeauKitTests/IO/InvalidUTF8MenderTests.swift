import Testing
@testable import CredeauKit

@Suite struct InvalidUTF8MenderTests {
    /// Mends `bytes` and returns the mended text and the sites found.
    private func mend(_ bytes: [UInt8]) -> (text: String, sites: [InvalidUTF8Site])? {
        bytes.withUnsafeBytes { InvalidUTF8Mender.mend($0) }.map { (String(decoding: $0.text, as: UTF8.self), $0.sites) }
    }

    @Test func siteNamesElementAndKey() throws {
        let text = Array(#"{"u":"x","sms":[{"b":"ok"},"s",{"m":{"b":"a"#.utf8) + [0xFF, 0xFE]
            + Array(#""},"n":[1]},{"b":"\""#.utf8) + [0xC3] + Array(#""}]}"#.utf8)
        let mended = try #require(mend(text))

        #expect(mended.sites == [
            InvalidUTF8Site(memberKey: "sms", element: 3, path: ["m", "b"]),
            InvalidUTF8Site(memberKey: "sms", element: 4, path: ["b"]),
        ])
        #expect(mended.text == #"{"u":"x","sms":[{"b":"ok"},"s",{"m":{"b":"a\#u{FFFD}\#u{FFFD}"},"n":[1]},{"b":"\"\#u{FFFD}"}]}"#)
    }

    @Test func memberOutsideArrayHasNoElement() throws {
        let mended = try #require(mend(Array(#"{"sms":[],"user_id":"a"#.utf8) + [0x80] + Array(#""}"#.utf8)))

        #expect(mended.sites == [InvalidUTF8Site(memberKey: "user_id", element: nil, path: ["user_id"])])
    }

    @Test func siteOutsideObjectsNamesMember() throws {
        let mended = try #require(mend(Array(#"{"tags":[["a"#.utf8) + [0xFF] + Array(#""]],"n":{"o":{"p":"b"#.utf8) + [0xFE] + Array(#""}}}"#.utf8)))

        #expect(mended.sites == [
            InvalidUTF8Site(memberKey: "tags", element: 1, path: ["tags"]),
            InvalidUTF8Site(memberKey: "n", element: nil, path: ["n", "o", "p"]),
        ])
    }

    /// A key with bad bytes is mended like a value: a top-level one is a member of its own.
    @Test func keysAreMendedToo() throws {
        let text = Array(#"{"t"#.utf8) + [0xFF] + Array(#"":1,"sms":[{"b":"ok"},{"x"#.utf8) + [0xFE]
            + Array(#"":"v"}]}"#.utf8)
        let mended = try #require(mend(text))

        #expect(mended.sites == [
            InvalidUTF8Site(memberKey: "t\u{FFFD}", element: nil, path: ["t\u{FFFD}"]),
            InvalidUTF8Site(memberKey: "sms", element: 2, path: ["x\u{FFFD}"]),
        ])
        #expect(mended.text == #"{"t\#u{FFFD}":1,"sms":[{"b":"ok"},{"x\#u{FFFD}":"v"}]}"#)
    }

    @Test(arguments: [
        Array(#"{"sms":[{"b":"fine é"}]}"#.utf8),
        Array(#"{"sms":[{"b":1"#.utf8) + [0xFF] + Array(#"}]}"#.utf8),
        Array(#"{"sms":"a"}]]"#.utf8) + [0xFF],
    ])
    func unmendableTextGivesNil(bytes: [UInt8]) {
        #expect(mend(bytes) == nil)
    }
}
