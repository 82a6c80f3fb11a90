import Testing
@testable import CredeauKit

@Suite struct JSONIntegerRangeTests {
    @Test(arguments: [
        "9223372036854775807", "-9223372036854775808", "0", "-0", "00012", "1.8446744073709552e19",
        "99999999999999999999.5", "1e400", "\"99999999999999999999999\"", "\"a\\\"99999999999999999999999\"",
    ])
    func valueInRangeIsAccepted(literal: String) {
        #expect(JSONIntegerRange.firstOversized(in: Array("{\"n\": \(literal)}".utf8)) == nil)
    }

    @Test(arguments: [
        "9223372036854775808", "-9223372036854775809", "18446744073709551616", "99999999999999999999999999999",
        "10000000000000000000",
    ])
    func integerBeyondInt64IsFound(literal: String) throws {
        let found = try #require(JSONIntegerRange.firstOversized(in: Array("{\"n\": \(literal)}".utf8)))

        #expect(found.text == literal)
        #expect(found.key == "n")
        #expect(found.line == 1)
    }

    @Test func arrayElementNamesArrayAndLine() throws {
        let text = "{\"a\": \"x:y\",\n \"ids\": [1,\n 2, 18446744073709551616]}"
        let found = try #require(JSONIntegerRange.firstOversized(in: Array(text.utf8)))

        #expect(found.key == "ids")
        #expect(found.line == 3)
    }

    @Test func smsRecordIsNamedByItsPosition() throws {
        let text = #"{"user_id": "u", "sms": [{"sms_id": "1", "tags": [1, 2, [3]]},"# + "\n"
            + #" {"sms_id": "2", "sms_inbox_date": 99999999999999999999}]}"#
        let found = try #require(JSONIntegerRange.firstOversized(in: Array(text.utf8)))

        #expect(found.key == "sms_inbox_date")
        #expect(found.listKey == "sms")
        #expect(found.element == 2)
        #expect(found.smsIndex == 2)
        #expect(found.line == 2)
        // A date that large is wrong, not an id to quote.
        #expect(found.reason == "the integer 99999999999999999999 is outside the 64-bit range "
            + "(-9223372036854775808 to 9223372036854775807)")
    }

    @Test func idsKeepTheAdviceAndOtherListsGiveNoSMSPosition() throws {
        let id = try #require(JSONIntegerRange.firstOversized(
            in: Array(#"{"data": [{"sms_id": 99999999999999999999}]}"#.utf8)))
        #expect(id.reason.hasSuffix("; write large ids as JSON strings"))
        #expect(id.smsIndex == 1)
        let app = try #require(JSONIntegerRange.firstOversized(
            in: Array(#"{"apps": [{"a": 1}, {"a": 2}, {"first_install_time": 99999999999999999999}]}"#.utf8)))
        #expect(app.listKey == "apps")
        #expect(app.element == 3)
        #expect(app.smsIndex == nil)
        let topLevel = try #require(JSONIntegerRange.firstOversized(in: Array("[{}, {\"n\": 99999999999999999999}]".utf8)))
        #expect(topLevel.listKey == nil)
        #expect(topLevel.smsIndex == nil)
    }

    @Test func parserRejectsInsteadOfWrapping() {
        #expect(throws: JSONParseError.self) { try JSONParser.parse("{\"user_id\": 18446744073709551616}") }
        do {
            _ = try JSONParser.parse("{\"user_id\": 18446744073709551616}")
        } catch {
            #expect(error.description.contains("field 'user_id': the integer 18446744073709551616"))
        }
    }

    @Test func parserKeepsLargestInt64() throws {
        let value = try JSONParser.parse("{\"user_id\": 9223372036854775807}")

        #expect(value == .object([("user_id", .integer(Int64.max))]))
    }
}

@Suite struct DumpReaderIntegerRangeTests {
    @Test func loadRejectsWrappedUserID() throws {
        let path = try IOTestSupport.writeTemporaryFile(named: "sms_sync_request_sms_data.json",
            "{\"client_id\": \"c1\", \"user_id\": \"u1\", \"sms\": []}\n{\"client_id\": \"c1\", \"user_id\": 18446744073709551616, \"sms\": []}\n")

        #expect(throws: DumpLoadError.self) { try DumpReader.documents(atPath: path) }
        do {
            _ = try DumpReader.documents(atPath: path)
        } catch let error as DumpLoadError {
            #expect(error.description.hasSuffix("line 2, field 'user_id': " + OversizedJSONInteger(
                key: "user_id", text: "18446744073709551616", line: 2).reason))
        }
    }
}

@Suite struct DumpReaderDateTests {
    @Test func loadReadsDateTextsLibbsonRejects() throws {
        let path = try IOTestSupport.writeTemporaryFile(named: "sms_sync_request_sms_data.json",
            #"{"client_id": "c1", "user_id": "u1", "created_at": {"$date": "2026-03-18T06:30:00Z"}, "sms": []}"# + "\n"
            + #"{"client_id": "c1", "user_id": "u2", "created_at": {"$date": "2026-03-18T12:00:00+05:30"}, "sms": []}"# + "\n")
        let documents = try DumpReader.documents(atPath: path)
        #expect(documents.count == 2)
        let created = try documents.map { document in
            try document.withBSON { BSONConversion.value(ofDocument: $0, asArray: false)["created_at"] }
        }
        #expect(created == [.integer(1_773_815_400_000), .integer(1_773_815_400_000)])
    }

    @Test func loadNamesLineAndFieldOfFractionalDate() throws {
        let path = try IOTestSupport.writeTemporaryFile(named: "sms_sync_request_sms_data.json",
            #"{"client_id": "c1", "user_id": "u1", "sms": []}"# + "\n"
            + #"{"client_id": "c1", "user_id": "u2", "sms": [{"sms_id": "1", "sms_body": "b", "sms_inbox_date": {"$date": 1.5}}]}"# + "\n")
        do {
            _ = try DumpReader.documents(atPath: path)
            Issue.record("a fractional $date was loaded")
        } catch let error as DumpLoadError {
            #expect(error.description.contains("line 2, field 'sms_inbox_date': invalid $date value 1.5"))
        }
    }
}
