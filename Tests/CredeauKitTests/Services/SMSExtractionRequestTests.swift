@testable import CredeauKit
import Testing

/// `SMSExtractionRequest.parse` reads most bodies in one libbson walk and the rest through the
/// JSON tree; these cases check that both routes read the same values.
@Suite struct SMSExtractionRequestTests {
    private func parse(_ json: String, maxSMSCount: Int = 10) throws -> SMSExtractionRequest {
        try SMSExtractionRequest.parse(Array(json.utf8), maxSMSCount: maxSMSCount)
    }

    @Test func commonFormsReadInOneWalk() throws {
        let request = try parse("""
            {"sms": [{"sms_id": 42, "sms_sender": null, "sms_body": "Rs 10 debited", "sms_inbox_date": 1700000000000,
                      "extra": [1, 2]},
                     {"sms_id": "b", "sms_sender": "VM-HDFCBK", "sms_body": "", "sms_inbox_date": "2026-03-03 18:05:41",
                      "sms_id": "b2"},
                     {"sms_id": "c", "sms_body": "x", "sms_inbox_date": {"$date": 1700000000123}}],
             "client_id": "first", "user_id": "u1", "client_id": "c1", "request_id": null, "note": true}
            """)
        #expect(request.clientID == "c1")
        #expect(request.userID == "u1")
        #expect(request.requestID == nil)
        #expect(request.sms.map(\.id) == ["42", "b2", "c"])
        #expect(request.sms.map(\.sender) == [nil, "VM-HDFCBK", nil])
        #expect(request.sms.map(\.body) == ["Rs 10 debited", "", "x"])
        #expect(request.sms[0].inboxDateMillis == 1_700_000_000_000)
        #expect(request.sms[1].inboxDateMillis == SMSDateParser.millis(from: "2026-03-03 18:05:41"))
        #expect(request.sms[2].inboxDateMillis == 1_700_000_000_123)
        #expect(request.sms.map(\.clientID) == ["c1", "c1", "c1"])
        #expect(request.sms.map(\.userID) == ["u1", "u1", "u1"])
        #expect(request.sms.map(\.requestID) == [nil, nil, nil])
    }

    @Test func lookAlikeKeysAreUnknown() throws {
        // Keys of the same length as a known key but other bytes (case, a letter, non-ASCII), and
        // keys of one level at the other, where `sms_sender` and `request_id` share a length.
        let request = try parse("""
            {"Client_id": "x", "client_id": "c1", "user_iD": "x", "user_id": "u1", "request_ıd": "x", "smz": [],
             "sms_sender": "x", "sms_id": "x",
             "sms": [{"sms_iD": "x", "sms_id": "a", "sms_sendeR": "x", "request_id": "x", "sms_body": "b", "sms_bodi": "x",
                      "sms_inbox_datE": 9, "sms_inbox_date": 5, "SMS_ID": "x", "sms_ıd": "x"}]}
            """)
        #expect(request.clientID == "c1")
        #expect(request.userID == "u1")
        #expect(request.requestID == nil)
        #expect(request.sms.map(\.id) == ["a"])
        #expect(request.sms.map(\.sender) == [nil])
        #expect(request.sms.map(\.body) == ["b"])
        #expect(request.sms.map(\.inboxDateMillis) == [5])

        // A required field sent only under a look-alike key is missing.
        #expect(throws: ValidationError.self) {
            try parse(#"{"client_id": "c", "user_id": "u", "sms": [{"sms_id": "a", "SMS_BODY": "b", "sms_inbox_date": 1}]}"#)
        }
    }

    @Test func rareValidFormsReadThroughTree() throws {
        // Whole numbers sent as floats, and a sender of 50 characters but 150 UTF-8 bytes.
        let sender = String(repeating: "क", count: 50)
        let request = try parse("""
            {"client_id": "c1", "user_id": "u1", "request_id": "r1",
             "sms": [{"sms_id": 7.0, "sms_sender": "\(sender)", "sms_body": "b", "sms_inbox_date": 5.0}]}
            """)
        #expect(request.requestID == "r1")
        #expect(request.sms.map(\.id) == ["7"])
        #expect(request.sms.map(\.sender) == [sender])
        #expect(request.sms.map(\.inboxDateMillis) == [5])
        #expect(request.sms.map(\.requestID) == ["r1"])
    }

    @Test func oversizedBatchRejectedWith413() throws {
        let item = #"{"sms_id": "a", "sms_body": "b", "sms_inbox_date": 1}"#
        let json = #"{"client_id": "c", "user_id": "u", "sms": ["# + Array(repeating: item, count: 4).joined(separator: ",") + "]}"
        do {
            _ = try parse(json, maxSMSCount: 3)
            Issue.record("a batch of 4 SMS passed a limit of 3")
        } catch let error as HTTPError {
            #expect(error.status == 413)
            #expect(error.message.contains("4 sent, the limit is 3"))
        }
    }

    @Test func invalidItemReportsSchemaIssues() throws {
        do {
            _ = try parse(#"{"client_id": "c", "user_id": "u", "sms": [{"sms_id": "", "sms_body": 3, "sms_inbox_date": "soon"}]}"#)
            Issue.record("an invalid item passed")
        } catch let error as ValidationError {
            #expect(error.issues.map(\.type) == ["string_type", "string_too_short", "datetime_parsing"])
        }
    }

    /// A plain JSON parser reads `{"$oid": …}` as an object, so a string field rejects it.
    @Test func objectIDWrapperIsNoString() throws {
        let body = #"{"client_id": {"$oid": "5f1d7a3b9c8e4d2a1b0c9d8e"}, "user_id": "u", "#
            + #""sms": [{"sms_id": "1", "sms_sender": {"$oid": "5f1d7a3b9c8e4d2a1b0c9d8f"}, "sms_body": "b", "#
            + #""sms_inbox_date": 1772541341000}]}"#
        do {
            _ = try parse(body)
            Issue.record("an ObjectId was accepted as a string")
        } catch let error as ValidationError {
            #expect(error.issues.map(\.type) == ["string_type", "string_type"])
            #expect(error.issues.first?.input == .object([("$oid", .string("5f1d7a3b9c8e4d2a1b0c9d8e"))]))
        }
    }

    /// libbson reads `{"$numberDecimal": …}` as a decimal128, which comes back as the same wrapper,
    /// so the sender is rejected with the wrapper as input instead of read as null.
    @Test func decimalWrapperIsNoString() throws {
        let body = #"{"client_id": "c", "user_id": "u", "sms": [{"sms_id": "1", "#
            + #""sms_sender": {"$numberDecimal": "12.5"}, "sms_body": "b", "sms_inbox_date": 1772541341000}]}"#
        do {
            _ = try parse(body)
            Issue.record("a decimal128 was accepted as a sender")
        } catch let error as ValidationError {
            #expect(error.issues.map(\.type) == ["string_type"])
            #expect(error.issues.first?.input == .object([("$numberDecimal", .string("12.5"))]))
        }
    }
}
