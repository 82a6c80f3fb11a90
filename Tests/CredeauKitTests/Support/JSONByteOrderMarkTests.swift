@testable import CredeauKit
import Testing

/// A body that starts with a UTF-8 byte order mark parses as the same body without it.
@Suite struct JSONByteOrderMarkTests {
    private static let mark: [UInt8] = [0xEF, 0xBB, 0xBF]

    @Test(arguments: [#"{"a": 1, "b": ["x"]}"#, #"[1, 2]"#, "  {\"a\": \"é\"}\n"])
    func markIsDropped(text: String) throws {
        let plain = try JSONParser.parse(Array(text.utf8))
        let marked = try JSONParser.parse(Self.mark + Array(text.utf8))

        #expect(marked == plain)
    }

    @Test(arguments: [[0xEF, 0xBB, 0xBF, 0xEF, 0xBB, 0xBF, 0x7B, 0x7D], [0xEF, 0xBB, 0x7B, 0x7D], [0xEF, 0xBB, 0xBF]])
    func otherMarkedBytesRejected(bytes: [UInt8]) {
        #expect(throws: JSONParseError.self) { try JSONParser.parse(bytes) }
    }
}
