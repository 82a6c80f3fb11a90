import Testing
@testable import CredeauKit

@Suite struct JSONArraySplitterTests {
    /// Feeds `text` in chunks of `chunkSize` bytes and returns each element's text and location,
    /// or the unreadable reason.
    private func split(_ text: String, chunkSize: Int) throws -> [String] {
        var splitter = JSONArraySplitter()
        var found: [String] = []
        let bytes = Array(text.utf8)
        let visit: (ScanItem) throws -> Void = { item in
            switch item {
            case let .document(span, element):
                #expect(Array(bytes[Int(span.offset)..<Int(span.offset) + span.length]) == Array(element))
                found.append("\(span.location.document ?? 0)@\(span.location.line ?? 0):" + String(decoding: element, as: UTF8.self))
            case let .unreadable(location, reason, _):
                found.append("\(location.document ?? 0)@\(location.line ?? 0)! \(reason)")
            }
        }
        var offset = 0
        while offset < bytes.count {
            let end = min(offset + chunkSize, bytes.count)
            try bytes[offset..<end].withUnsafeBytes { try splitter.feed($0, at: Int64(offset), visit: visit) }
            offset = end
        }
        try splitter.finish(visit: visit)
        return found
    }

    @Test(arguments: [1, 3, 4096])
    func stringsHideBracketsAndCommas(chunkSize: Int) throws {
        let text = "\u{FEFF}[ {\"a\":\"x],{\\\"y\"}, {\"b\":[1,{\"c\":\"]\"}]},\n{\"d\":\"\\\\\"} ]\n"
        let found = try split(text, chunkSize: chunkSize)

        #expect(found == [
            "1@1:{\"a\":\"x],{\\\"y\"}",
            "2@1:{\"b\":[1,{\"c\":\"]\"}]}",
            "3@2:{\"d\":\"\\\\\"}",
        ])
    }

    @Test func scalarElementsAreReported() throws {
        let found = try split("[1, \"two\", {\"ok\":true}, null]", chunkSize: 5)

        #expect(found == [
            "1@1! expected a JSON object, found '1'",
            "2@1! expected a JSON object, found '\"two\"'",
            "3@1:{\"ok\":true}",
            "4@1! expected a JSON object, found 'null'",
        ])
    }

    @Test func unclosedArrayIsReported() throws {
        #expect(try split("[{\"a\":1},\n", chunkSize: 64) == ["1@1:{\"a\":1}", "0@2! the JSON array is not closed with ']'"])
    }

    @Test func textAfterArrayIsReported() throws {
        #expect(try split("[{\"a\":1}] trailing", chunkSize: 64) == ["1@1:{\"a\":1}", "0@1! unexpected text after the closing ']'"])
    }

    /// JSON allows no trailing comma, as libbson (`migrate --load`) does not.
    @Test(arguments: [1, 4096])
    func trailingCommaIsReportedAtItsLine(chunkSize: Int) throws {
        #expect(try split("[{\"a\":1},\n{\"b\":2},\n]\n", chunkSize: chunkSize) == [
            "1@1:{\"a\":1}", "2@2:{\"b\":2}",
            "0@2! a comma after the last element (before ']') is not JSON; remove it",
        ])
    }

    @Test func strayAndMissingCommasAreReported() throws {
        #expect(try split("[,{\"a\":1},,\n{\"b\":2} {\"c\":3}]", chunkSize: 64) == [
            "0@1! a comma before the first element is not JSON",
            "1@1:{\"a\":1}",
            "0@1! a comma after another comma is not JSON",
            "2@2:{\"b\":2}",
            "0@2! a comma is missing before this element",
            "3@2:{\"c\":3}",
        ])
    }

    @Test func emptyArrayHasNoElements() throws {
        #expect(try split(" [ ] ", chunkSize: 2).isEmpty)
    }
}
