@testable import CredeauKit
import Testing

/// Bodies with text after their first JSON value are rejected; libbson alone reads only the first.
@Suite struct JSONTrailingContentTests {
    @Test(arguments: [
        #"{"a": 1}{"a": 2}"#,
        #"{"a": 1}{not json"#,
        #"{"a": 1} , {"a": 2}"#,
        #"{"a": 1},"#,
        #"{"a": 1}{}{}"#,
        #"[1, 2]{}"#,
        "{\"a\": 1}\n{\"a\": 2}\n",
        #"{"a": "}\"{"}{"b": 1}"#,
        #"{"a": "x\\"}{"b": 1}"#,
        #"{"a": [{"b": "]"}]} x"#,
    ])
    func trailingValueRejected(text: String) {
        #expect(throws: JSONParseError.self, "\(text)") { try JSONParser.parse(text) }
    }

    @Test func trailingValueReasonNamesPosition() {
        do {
            _ = try JSONParser.parse(#"{"a": 1}{"a": 2}"#)
            Issue.record("two objects parsed")
        } catch {
            #expect(error.reason.contains("position 8"))
        }
    }

    @Test(arguments: [
        (#"{"a": 1}"#, JSONValue.object([("a", .integer(1))])),
        ("{\"a\": 1} \n\t\r ", .object([("a", .integer(1))])),
        (#"{"a": "}{\"]"}"#, .object([("a", .string("}{\"]"))])),
        (#"{"a": "x\\"}"#, .object([("a", .string("x\\"))])),
        (#" [1, {"b": []}] "#, .array([.integer(1), .object([("b", .array([]))])])),
    ])
    func singleValueAccepted(text: String, value: JSONValue) throws {
        #expect(try JSONParser.parse(text) == value)
    }

    @Test func smsRequestWithSecondObjectRejected() {
        let bodies = [
            #"{"client_id":"acme","user_id":"twoobj","sms":[]}{"client_id":"acme","user_id":"twoobj","sms":[{"sms_id":"1","sms_body":"x","sms_inbox_date":1}]}"#,
            #"{"client_id":"acme","user_id":"twoobj","sms":[]}{not json at all"#,
        ]
        for body in bodies {
            do {
                _ = try SMSExtractionRequest.parse(Array(body.utf8), maxSMSCount: 10)
                Issue.record("accepted: \(body)")
            } catch let error as ValidationError {
                #expect(error.issues.map(\.type) == ["json_invalid"])
            } catch {
                Issue.record("unexpected error \(error)")
            }
        }
    }

    @Test func gzipMemberWithTrailingBytesRejected() {
        let member = Gzip.compress(Array(#"{"a": 1}"#.utf8))
        #expect(throws: Gzip.Failure.invalidData) { try Gzip.decompress(member + Array("trailing garbage".utf8), maxBytes: 1 << 20) }
        #expect(throws: Gzip.Failure.invalidData) { try Gzip.decompress(member + [0x1F], maxBytes: 1 << 20) }
        #expect(throws: Gzip.Failure.invalidData) { try Gzip.decompress(member + [0x1F, 0x8B, 0x08], maxBytes: 1 << 20) }
    }

    @Test func gzipMembersJoined() throws {
        let joined = Gzip.compress(Array("abc".utf8)) + Gzip.compress(Array("def".utf8))
        #expect(try Gzip.decompress(joined, maxBytes: 1 << 20) == Array("abcdef".utf8))
    }
}
