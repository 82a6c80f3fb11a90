import CBSON
import Testing
@testable import CredeauKit

/// `POST /api/extract_sms` bodies sent as BSON: the same outcome as the same body in JSON, the
/// `bson_invalid` errors of malformed documents, and the BSON bodies serve-insights writes.
@Suite struct SMSBSONRequestTests {
    /// The outcome of parsing a body, comparable across the JSON and BSON paths.
    private enum Outcome: Equatable {
        case request(clientID: String, userID: String, requestID: String?, sms: [RawSMS])
        case issues([ValidationIssue])
        case httpError(status: Int, message: String)
        case other(String)

        init(_ parse: () throws -> SMSExtractionRequest) {
            do {
                let request = try parse()
                self = .request(clientID: request.clientID, userID: request.userID, requestID: request.requestID,
                                sms: request.sms)
            } catch let error as ValidationError {
                self = .issues(error.issues)
            } catch let error as HTTPError {
                self = .httpError(status: error.status, message: error.message)
            } catch {
                self = .other("\(error)")
            }
        }
    }

    /// The BSON bytes libbson makes from `json`, as a client converting its JSON body would send them.
    private static func bson(fromJSON json: String) throws -> [UInt8] {
        let parsed = try JSONParser.parseDocument(Array(json.utf8))
        defer { bson_destroy(parsed.document) }
        return bytes(of: parsed.document)
    }

    private static func bytes(of document: OpaquePointer) -> [UInt8] {
        let data = bson_get_data(document)!
        let length = Int(UInt32(littleEndian: UnsafeRawPointer(data).loadUnaligned(as: UInt32.self)))
        return Array(UnsafeBufferPointer(start: data, count: length))
    }

    private static func parseJSON(_ json: String, max: Int = 3) -> Outcome {
        Outcome { try SMSExtractionRequest.parse(Array(json.utf8), maxSMSCount: max) }
    }

    private static func parseBSON(_ bytes: [UInt8], max: Int = 3) -> Outcome {
        Outcome { try SMSExtractionRequest.parse(bson: bytes, maxSMSCount: max) }
    }

    /// Valid bodies, rare forms and every kind of field error, as JSON objects.
    static let jsonBodies: [String] = [
        #"{"client_id": "c", "user_id": "u", "sms": []}"#,
        #"{"client_id": "c", "user_id": "u", "request_id": "r", "sms": [{"sms_id": "1", "sms_sender": "VM-HDFCBK", "sms_body": "Rs 5 debited", "sms_inbox_date": 1772541341000}]}"#,
        #"{"client_id": "c", "user_id": "u", "request_id": null, "sms": [{"sms_id": 42, "sms_sender": null, "sms_body": "a\u0000b", "sms_inbox_date": "2026-03-03 18:05:41"}]}"#,
        #"{"client_id": "₹é🏦", "user_id": "ब", "sms": [{"sms_id": 1.0, "sms_body": "", "sms_inbox_date": {"$date": 5}}], "extra": {"deep": [1, 2, {"x": true}]}}"#,
        #"{"client_id": "c", "client_id": "d", "user_id": "u", "sms": [{"sms_id": "a", "sms_id": "b", "sms_body": "x", "sms_inbox_date": 0}]}"#,
        #"{"client_id": "", "user_id": 5, "sms": {}}"#,
        #"{"user_id": "u", "sms": [5, {"sms_id": "1"}, {"sms_id": [], "sms_body": 3, "sms_inbox_date": "soon"}]}"#,
        #"{"client_id": "c", "user_id": "u", "sms": [{"sms_id": "1", "sms_body": "b", "sms_inbox_date": -1}]}"#,
        #"{"client_id": "c", "user_id": "u", "sms": [{"sms_id": {"$oid": "5f1e7d2b9c0a4b3d2e1f0a9b"}, "sms_body": "b", "sms_inbox_date": 1}]}"#,
        #"{"client_id": "c", "user_id": "u", "sms": [{"sms_id": "1", "sms_body": "b", "sms_inbox_date": {"$numberDouble": "NaN"}}]}"#,
        #"{"client_id": "c", "user_id": "u", "sms": [{}, {}, {}, {}, {}]}"#,
        #"{"client_id": "a\u0000b", "user_id": "\u0000", "sms": [{"sms_id": "1", "sms_body": "b", "sms_inbox_date": 1}]}"#,
        #"{"client_id": "c", "user_id": "u", "sms": [{"sms_id": "7\u0000", "sms_body": "b", "sms_inbox_date": 1}]}"#,
        #"{"client_id": "c", "user_id": "u", "sms": [{"sms_id": "1", "sms_body": "b", "sms_inbox_date": 1}, {"sms_id": "2", "sms_body": "b", "sms_inbox_date": 1}, {"sms_id": "3", "sms_body": "b", "sms_inbox_date": 1}, {"sms_id": "4", "sms_body": "b", "sms_inbox_date": 1}]}"#,
    ]

    @Test(arguments: jsonBodies)
    func bsonBodyParsesAsJSON(json: String) throws {
        let bytes = try Self.bson(fromJSON: json)
        let fromJSON = Self.parseJSON(json)
        // Compared as text, because an issue whose input is NaN is not equal to itself.
        #expect("\(Self.parseBSON(bytes))" == "\(fromJSON)", "\(json)")
        if case .other = fromJSON { Issue.record("unexpected error for \(json)") }
    }

    @Test func tooManySMSGives413() throws {
        let json = Self.jsonBodies.last!
        let outcome = Self.parseBSON(try Self.bson(fromJSON: json))
        #expect(outcome == .httpError(status: 413, message: "Too many SMS in one request: 4 sent, the limit is 3 "
            + "(MAX_SMS_COUNT). Split the batch into requests of at most 3 SMS"))
    }

    /// The `ctx.error` of the single `bson_invalid` issue `bytes` is rejected with.
    private func bsonError(_ bytes: [UInt8], sourceLocation: SourceLocation = #_sourceLocation) -> String? {
        guard case let .issues(issues) = Self.parseBSON(bytes) else {
            Issue.record("not rejected with issues", sourceLocation: sourceLocation)
            return nil
        }
        #expect(issues.count == 1, sourceLocation: sourceLocation)
        #expect(issues.first?.type == "bson_invalid", sourceLocation: sourceLocation)
        #expect(issues.first?.location == [.string("body"), .integer(0)], sourceLocation: sourceLocation)
        #expect(issues.first?.message == "BSON decode error", sourceLocation: sourceLocation)
        return issues.first?.context?["error"]?.stringValue
    }

    @Test func malformedFramesRejected() throws {
        let valid = try Self.bson(fromJSON: Self.jsonBodies[1])
        #expect(bsonError([]) == "the body has 0 bytes, fewer than the 5 of an empty BSON document")
        #expect(bsonError(Array(valid.dropLast())) == "the length prefix is \(valid.count) bytes but the body has \(valid.count - 1)")
        #expect(bsonError(valid + [0]) == "the length prefix is \(valid.count) bytes but the body has \(valid.count + 1)")
        var unterminated = valid
        unterminated[unterminated.count - 1] = 1
        #expect(bsonError(unterminated) == "the document does not end with a 0 byte")
        #expect(bsonError(Array(#"{"client_id": "c"}"#.utf8))?.hasPrefix("the length prefix is ") == true)
    }

    /// Replaces the first occurrence of `old` in `bytes` with `new` of the same length.
    private func patched(_ bytes: [UInt8], _ old: String, _ new: [UInt8]) throws -> [UInt8] {
        let needle = Array(old.utf8)
        #expect(needle.count == new.count)
        let start = try #require(bytes.indices.first { bytes[$0...].starts(with: needle) })
        var copy = bytes
        copy.replaceSubrange(start..<start + needle.count, with: new)
        return copy
    }

    @Test func corruptElementsRejected() throws {
        let valid = try Self.bson(fromJSON: Self.jsonBodies[1])
        let invalidUTF8Value = try patched(valid, "debited", [0x64, 0x65, 0xC3, 0x28, 0x74, 0x65, 0x64])
        #expect(bsonError(invalidUTF8Value)?.hasPrefix("invalid element, invalid UTF-8 or nesting deeper than 32 at byte ") == true)
        let invalidUTF8Key = try patched(valid, "sms_sender", [0x73, 0x6D, 0x73, 0x5F, 0xFF, 0x65, 0x6E, 0x64, 0x65, 0x72])
        #expect(bsonError(invalidUTF8Key) != nil)
        // The type byte of "sms_body" becomes 0x19, a type BSON does not define.
        let unknownType = try patched(valid, "\u{02}sms_body", [0x19] + Array("sms_body".utf8))
        // libbson stops at the element's value, after the type byte and the key "sms_body\0".
        let valueStart = try #require(unknownType.firstIndex(of: 0x19)) + 1 + "sms_body".utf8.count + 1
        #expect(bsonError(unknownType) == "invalid element, invalid UTF-8 or nesting deeper than 32 at byte \(valueStart)")
        // The overlong NUL of Java's modified UTF-8, which libbson's own check lets through.
        let encodedNUL = try patched(valid, "debited", [0x64, 0x65, 0xC0, 0x80, 0x74, 0x65, 0x64])
        #expect(bsonError(encodedNUL)?.hasPrefix("invalid element, invalid UTF-8 or nesting deeper than 32 at byte ") == true)
        // A string whose length runs past its document.
        let longString = try patched(valid, "\u{02}request_id\0\u{02}\0\0\0", [0x02] + Array("request_id".utf8) + [0, 0xFF, 0, 0, 0])
        #expect(bsonError(longString) != nil)
    }

    @Test func overlongNULRejectedInJSONBodies() throws {
        // libbson's JSON parser takes C0 80 as a NUL; the body must fail like other invalid UTF-8.
        let body = Array(#"{"client_id": "c", "user_id": "u", "sms": [{"sms_id": "1", "sms_body": "Rs 5 de"#.utf8)
            + [0xC0, 0x80] + Array(#"bited", "sms_inbox_date": 1772541341000}]}"#.utf8)
        guard case let .issues(issues) = Outcome({ try SMSExtractionRequest.parse(body, maxSMSCount: 10) }) else {
            Issue.record("a body with C0 80 was accepted")
            return
        }
        #expect(issues.map(\.type) == ["json_invalid"])
        #expect(issues.first?.context?["error"]?.stringValue == "invalid bytes in UTF8 string")
        // The same body with a real two-byte character is accepted.
        var valid = body
        let overlong = try #require(body.firstIndex(of: 0xC0))
        valid[overlong] = 0xC3
        valid[overlong + 1] = 0xA9
        #expect(throws: Never.self) { try SMSExtractionRequest.parse(valid, maxSMSCount: 10) }
    }

    @Test func deepNestingRejected() throws {
        let nested = String(repeating: #"{"a": "#, count: 40) + "1" + String(repeating: "}", count: 40)
        let bytes = try Self.bson(fromJSON: #"{"client_id": "c", "user_id": "u", "sms": [], "x": "# + nested + "}")
        #expect(bsonError(bytes)?.contains("nesting deeper than 32") == true)
    }

    @Test func bsonOnlyTypesReadAsJSONWould() throws {
        // A BSON datetime and int64 date, and a binary value where a string is required.
        let document = bson_new()!
        defer { bson_destroy(document) }
        bson_append_utf8(document, "client_id", -1, "c", -1)
        bson_append_utf8(document, "user_id", -1, "u", -1)
        let list = bson_new()!
        defer { bson_destroy(list) }
        let first = bson_new()!
        bson_append_utf8(first, "sms_id", -1, "1", -1)
        bson_append_utf8(first, "sms_body", -1, "b", -1)
        bson_append_date_time(first, "sms_inbox_date", -1, 1_772_541_341_000)
        bson_append_document(list, "0", -1, first)
        bson_destroy(first)
        let second = bson_new()!
        bson_append_utf8(second, "sms_id", -1, "2", -1)
        bson_append_binary(second, "sms_body", -1, BSON_SUBTYPE_BINARY, [1, 2, 3], 3)
        bson_append_int64(second, "sms_inbox_date", -1, 5)
        bson_append_document(list, "1", -1, second)
        bson_destroy(second)
        bson_append_array(document, "sms", -1, list)

        guard case let .issues(issues) = Self.parseBSON(Self.bytes(of: document)) else {
            Issue.record("a binary sms_body was accepted")
            return
        }
        #expect(issues.map(\.type) == ["string_type"])
        #expect(issues.first?.location == [.string("body"), .string("sms"), .integer(1), .string("sms_body")])
    }

    @Test(arguments: [
        ("application/bson", true), ("Application/BSON; charset=binary", true), (" application/bson ", true),
        ("application/json", false), ("application/bson-seq", false), ("text/plain", false), ("", false),
    ])
    func contentTypeSelectsBSON(header: String, isBSON: Bool) {
        #expect(SMSExtractionRequest.isBSON(contentType: header) == isBSON)
    }

    @Test func missingContentTypeIsJSON() {
        #expect(!SMSExtractionRequest.isBSON(contentType: nil))
    }
}
