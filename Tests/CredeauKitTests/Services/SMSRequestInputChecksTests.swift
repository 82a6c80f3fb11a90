@testable import CredeauKit
import Testing

/// Edge cases of `POST /api/extract_sms` bodies: dates out of range, lengths in code points,
/// trailing content, repeated keys and Extended JSON values.
@Suite struct SMSRequestInputChecksTests {
    private func parse(_ json: String) throws -> SMSExtractionRequest {
        try SMSExtractionRequest.parse(Array(json.utf8), maxSMSCount: 10)
    }

    private func body(inboxDate: String) -> String {
        #"{"client_id": "c", "user_id": "u", "sms": [{"sms_id": "1", "sms_body": "b", "sms_inbox_date": "#
            + inboxDate + "}]}"
    }

    /// Returns the issues `json` is rejected with, or records an issue when it is accepted.
    private func issues(_ json: String, sourceLocation: SourceLocation = #_sourceLocation) -> [ValidationIssue] {
        do {
            _ = try parse(json)
            Issue.record("accepted: \(json.prefix(120))", sourceLocation: sourceLocation)
        } catch let error as ValidationError {
            return error.issues
        } catch {
            Issue.record("unexpected error \(error)", sourceLocation: sourceLocation)
        }
        return []
    }

    @Test(arguments: [
        ("9223372036854775807", JSONValue.integer(.max)),
        ("-9223372036854775808", .integer(.min)),
        ("-1", .integer(-1)),
        ("253402300800000", .integer(253_402_300_800_000)),
        (#"{"$date": 9223372036854775807}"#, .integer(.max)),
        (#"{"$numberLong": "4133961000000"}"#, .integer(4_133_961_000_000)),
        (#"{"$numberDouble": "Infinity"}"#, .number(.infinity)),
        (#"{"$numberDouble": "-Infinity"}"#, .number(-.infinity)),
        ("1e300", .number(1e300)),
        (#""0000-01-01""#, .string("0000-01-01")),
        (#""1969-12-31 23:59:59""#, .string("1969-12-31 23:59:59")),
        (#""2101-01-01""#, .string("2101-01-01")),
        (#""9999-12-31T23:59:59Z""#, .string("9999-12-31T23:59:59Z")),
    ])
    func inboxDateOutOfRangeRejected(text: String, input: JSONValue) {
        let found = issues(body(inboxDate: text))
        #expect(found.map(\.type) == ["datetime_parsing"], "\(text)")
        #expect(found.first?.location == [.string("body"), .string("sms"), .integer(0), .string("sms_inbox_date")])
        #expect(found.first?.input == input, "\(text)")
    }

    /// A date in epoch milliseconds must be whole, and the error names that rule rather than asking for text.
    @Test func fractionalInboxDateRejected() {
        let found = issues(body(inboxDate: "1772700000000.7"))

        #expect(found.map(\.type) == ["int_from_float"])
        #expect(found.first?.location == [.string("body"), .string("sms"), .integer(0), .string("sms_inbox_date")])
    }

    @Test func inboxDateNaNRejected() {
        let found = issues(body(inboxDate: #"{"$numberDouble": "NaN"}"#))
        #expect(found.map(\.type) == ["datetime_parsing"])
    }

    @Test func inboxDateRangeBoundsAccepted() throws {
        let lastMillis = IndiaTime.millis(year: 2100, month: 12, day: 31, hour: 23, minute: 59, second: 59) + 999
        let cases: [(String, Int64)] = [
            ("0", 0),
            (#"{"$date": 0}"#, 0),
            (#""1970-01-01T00:00:00Z""#, 0),
            ("\(lastMillis)", lastMillis),
            (#""2100-12-31 23:59:59""#, lastMillis - 999),
            (#""2100-12-31T18:29:59.999Z""#, lastMillis),
            ("1772541341000.0", 1_772_541_341_000),
        ]
        for (text, millis) in cases {
            let request = try? parse(body(inboxDate: text))
            #expect(request?.sms.map(\.inboxDateMillis) == [millis], "\(text)")
        }
    }

    /// "a" followed by `count` combining acute accents: one `Character`, 1 + count code points.
    private func accented(_ count: Int) -> String {
        "a" + String(repeating: "\u{301}", count: count)
    }

    @Test func lengthCountsCodePoints() {
        let long = accented(500)
        #expect(long.count == 1)
        let fields = [
            (#"{"client_id": "\#(long)", "user_id": "u", "sms": []}"#, ["body", "client_id"]),
            (#"{"client_id": "c", "user_id": "\#(long)", "sms": []}"#, ["body", "user_id"]),
            (#"{"client_id": "c", "user_id": "u", "request_id": "\#(long)", "sms": []}"#, ["body", "request_id"]),
        ]
        for (json, location) in fields {
            let found = issues(json)
            #expect(found.map(\.type) == ["string_too_long"], "\(location)")
            #expect(found.first?.location == location.map { .string($0) })
            #expect(found.first?.input == .string(long))
        }

        let items = [
            ("sms_id", #"{"sms_id": "\#(long)", "sms_body": "b", "sms_inbox_date": 0}"#),
            ("sms_sender", #"{"sms_id": "1", "sms_sender": "\#(long)", "sms_body": "b", "sms_inbox_date": 0}"#),
        ]
        for (field, item) in items {
            let json = #"{"client_id": "c", "user_id": "u", "sms": ["# + item + "]}"
            let found = issues(json)
            #expect(found.map(\.type) == ["string_too_long"], "\(field)")
            #expect(found.first?.location == [.string("body"), .string("sms"), .integer(0), .string(field)])
        }
    }

    @Test func lengthLimitAcceptsMaxCodePoints() throws {
        // 128 code points in 255 UTF-8 bytes: past the one-walk decoder's byte limit, so the schema checks it.
        let longest = accented(127)
        let request = try parse(#"{"client_id": "\#(longest)", "user_id": "u", "sms": [{"sms_id": "\#(longest)", "#
            + #""sms_sender": "\#(longest)", "sms_body": "b", "sms_inbox_date": 0}]}"#)
        #expect(request.clientID == longest)
        #expect(request.sms.map(\.id) == [longest])
        #expect(request.sms.map(\.sender) == [longest])
    }

    @Test func storedTextCutToCodePoints() {
        let cut = PostgresExtractedSMSStore.parameterText(.text(accented(200)), maxLength: 128)
        #expect(cut?.unicodeScalars.count == 128)
        #expect(cut == accented(127))
    }

    @Test func storedTextKeepsWhatFollowsNUL() {
        #expect(PostgresExtractedSMSStore.parameterText(.text("nul\u{0}id"), maxLength: 128) == "nul\u{FFFD}id")
        #expect(PostgresExtractedSMSStore.parameterText(.text("plain"), maxLength: nil) == "plain")
    }

    @Test func repeatedKeyLastWinsInOneWalk() throws {
        let request = try parse("""
            {"client_id": "c0", "user_id": "u0", "request_id": "r0", "sms": [],
             "client_id": "c1", "user_id": "u1", "request_id": null,
             "sms": [{"sms_id": "a", "sms_sender": "S0", "sms_body": "first", "sms_inbox_date": 5,
                      "sms_id": "b", "sms_sender": null, "sms_body": "last", "sms_inbox_date": 7}]}
            """)
        #expect(request.clientID == "c1")
        #expect(request.userID == "u1")
        #expect(request.requestID == nil)
        #expect(request.sms.map(\.id) == ["b"])
        #expect(request.sms.map(\.sender) == [nil])
        #expect(request.sms.map(\.body) == ["last"])
        #expect(request.sms.map(\.inboxDateMillis) == [7])
    }

    @Test func repeatedKeyLastWinsInTree() throws {
        // The float id sends the body through the JSON tree and the schema.
        let request = try parse("""
            {"client_id": "c0", "client_id": "c1", "user_id": "u1", "request_id": "r0", "request_id": "r1",
             "sms": [{"sms_id": 1.0, "sms_body": "first", "sms_body": "last", "sms_inbox_date": 5, "sms_inbox_date": 7}]}
            """)
        #expect(request.clientID == "c1")
        #expect(request.requestID == "r1")
        #expect(request.sms.map(\.body) == ["last"])
        #expect(request.sms.map(\.inboxDateMillis) == [7])
    }

    @Test func repeatedKeyLastValueChecked() {
        let found = issues(#"{"client_id":"acme","user_id":"first","user_id":5,"sms":[{"sms_id":"1","sms_body":"a","sms_body":"b","sms_inbox_date":1}]}"#)
        #expect(found.map(\.type) == ["string_type"])
        #expect(found.first?.location == [.string("body"), .string("user_id")])
        #expect(found.first?.input == .integer(5))

        let itemIssues = issues(#"{"client_id": "c", "user_id": "u", "sms": [{"sms_id": "1", "sms_body": "a", "sms_body": 3, "sms_inbox_date": 1}]}"#)
        #expect(itemIssues.map(\.type) == ["string_type"])
        #expect(itemIssues.first?.input == .integer(3))
    }

    private func body(smsID: String) -> String {
        #"{"client_id": "c", "user_id": "u", "sms": [{"sms_id": "# + smsID
            + #", "sms_body": "b", "sms_inbox_date": 1772323200000}]}"#
    }

    @Test(arguments: [
        ("1e20", "100000000000000000000"),
        ("1e21", "1000000000000000000000"),
        ("-9.3e18", "-9300000000000000000"),
        ("9.0e18", "9000000000000000000"),
        ("12.0", "12"),
    ])
    func wholeFloatIDsKeepEveryDigit(text: String, id: String) throws {
        let request = try parse(body(smsID: text))

        #expect(request.sms.map(\.id) == [id])
    }

    @Test(arguments: [(#"{"$numberDouble": "Infinity"}"#, "finite_number"), (#"{"$numberDouble": "-Infinity"}"#, "finite_number"),
                      ("1.5", "int_from_float")])
    func nonWholeIDsRejected(text: String, type: String) {
        let found = issues(body(smsID: text))

        #expect(found.map(\.type) == [type], "\(text)")
        #expect(found.first?.location == [.string("body"), .string("sms"), .integer(0), .string("sms_id")])
    }

    /// PostgreSQL would store U+0000 as U+FFFD and so mix two users' rows.
    @Test func idsWithNULRejected() {
        let found = issues(#"{"client_id": "a\u0000b", "user_id": "\u0000", "sms": []}"#)

        #expect(found.map(\.type) == ["string_pattern_mismatch", "string_pattern_mismatch"])
        #expect(found.map(\.location) == [[.string("body"), .string("client_id")], [.string("body"), .string("user_id")]])
        #expect(found.first?.message == #"String should match pattern '^[^\x00]*$'"#)
    }

    /// "7\u0000" and "7\uFFFD" would be two SMS in the response and one row in PostgreSQL.
    @Test func smsIDWithNULRejected() {
        let found = issues(body(smsID: #""7\u0000""#))

        #expect(found.map(\.type) == ["string_pattern_mismatch"])
        #expect(found.first?.location == [.string("body"), .string("sms"), .integer(0), .string("sms_id")])
    }

    /// pydantic reports one issue per string, and a wrong length before the pattern.
    @Test func longTextWithNULOneIssue() {
        let long = "\"" + String(repeating: "x", count: 200) + "\\u0000\""
        let found = issues(#"{"client_id": "c1", "user_id": \#(long), "sms": [{"sms_id": \#(long), "sms_body": "b", "sms_inbox_date": 1772323200000}]}"#)

        #expect(found.map(\.type) == ["string_too_long", "string_too_long"])
        #expect(found.map { $0.location.last } == [.string("user_id"), .string("sms_id")])
    }

    /// pydantic reads a number id as an integer, which 1e200 is too large to be.
    @Test func hugeWholeIDIsTooLarge() {
        let found = issues(body(smsID: "1e200"))

        #expect(found.map(\.type) == ["int_parsing_size"])
        #expect(found.first?.input == .number(1e200))
    }
}
