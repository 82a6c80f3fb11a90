import CBSON
import Testing
@testable import CredeauKit

@Suite struct SyncDocumentDecoderTests {
    static func parse(_ text: String) throws -> JSONValue { try JSONParser.parse(text) }

    @Test(arguments: [
        ("1773599399000", Int64(1_773_599_399_000)),
        ("\"1773599399000\"", Int64(1_773_599_399_000)),
        ("{\"$date\": \"2026-03-15T18:29:59Z\"}", Int64(1_773_599_399_000)),
        ("{\"$date\": {\"$numberLong\": \"1773599399000\"}}", Int64(1_773_599_399_000)),
        ("{\"$numberLong\": \"1773599399000\"}", Int64(1_773_599_399_000)),
        // Text without a zone is India time: 23:59:59 IST is 18:29:59 UTC.
        ("\"2026-03-15 23:59:59\"", Int64(1_773_599_399_000)),
        ("\"2026-03-15T23:59:59+05:30\"", Int64(1_773_599_399_000)),
        ("\"2026-03-15T18:29:59.250Z\"", Int64(1_773_599_399_250)),
        // The basic forms are India time too, as in serve-sms and `extract --sms`.
        ("\"20260315235959\"", Int64(1_773_599_399_000)),
        ("\"20260315\"", Int64(1_773_513_000_000)),
        ("\"20260230\"", Int64(20_260_230)),
    ])
    func datesConvertToEpochMillis(json: String, expected: Int64) throws {
        let value = try Self.parse("{\"d\": \(json)}")["d"] ?? .null
        #expect(SyncDateParser.millis(from: value) == expected)
    }

    @Test(arguments: ["\"yesterday\"", "\"2026-13-01 00:00:00\"", "true", "\"2026-03-15 25:00:00\"",
                      "\"2026-02-30 10:00:00\"", "\"2026-04-31\"", "\"2025-02-29T00:00:00Z\"",
                      "1771704900000.5"])
    func invalidDatesAreRejected(json: String) throws {
        let value = try Self.parse("{\"d\": \(json)}")["d"] ?? .null
        #expect(SyncDateParser.millis(from: value) == nil)
    }

    @Test func smsRecordsAcceptFieldVariants() throws {
        let document = try Self.parse("""
        {"clientId": "c1", "userId": "u1", "sync_request_id": "r9", "createdAt": {"$date": 1773500000000},
         "messages": [
           {"id": "1", "address": "VM-HDFCBK", "body": "Rs 10 debited", "date": 1773400000000},
           {"_id": {"$oid": "65f0aaaaaaaaaaaaaaaaaaaa"}, "from": "9812345678", "text": "hi", "received_at": "2026-03-10 10:00:00",
            "type": "sent"}
         ]}
        """)
        let header = try SyncJSONDecoder.header(document, source: .sms)
        #expect(header.clientID == "c1")
        #expect(header.userID == "u1")
        #expect(header.requestID == "r9")
        #expect(header.createdAtMillis == 1_773_500_000_000)
        let records = try SyncJSONDecoder.sms(document)
        #expect(records.count == 2)
        #expect(records[0].raw.sender == "VM-HDFCBK")
        #expect(records[0].raw.inboxDateMillis == 1_773_400_000_000)
        #expect(records[0].folder == .inbox)
        #expect(records[1].raw.id == "65f0aaaaaaaaaaaaaaaaaaaa")
        #expect(records[1].raw.body == "hi")
        #expect(records[1].folder == .sent)
        #expect(records[1].raw.requestID == "r9")
    }

    @Test func missingFieldErrorNamesField() throws {
        let document = try Self.parse(#"{"client_id": "c1", "user_id": "u1", "sms": [{"sms_id": "1"}]}"#)
        let missing = SyncDataError.missingField(source: .sms, names: ["sms_body", "body", "message", "text"])
        #expect(throws: SyncDataError.inSMS(index: 1, problem: missing)) { try SyncJSONDecoder.sms(document) }
        let error = SyncDataError.missingField(source: .sms, names: ["sms_body", "body"])
        #expect(error.description == "Missing field 'sms_body' (also accepted: 'body') in a sync document of source 'sms'")
    }

    /// Values that `extract --sms` rejects fail the document on the tree path and on the BSON
    /// and simdjson paths alike, with the SMS position and the words of `extract --sms`.
    @Test(arguments: [
        (#""sms_body": 12345"#, "sms_body", "expected a string, found integer"),
        (#""sms_body": 1.5"#, "sms_body", "expected a string, found number"),
        (#""sms_body": true"#, "sms_body", "expected a string, found boolean"),
        (#""sms_body": "x", "sms_id": 1.5"#, "sms_id", "expected a whole number, found 1.5"),
        (#""sms_body": "x", "sms_id": [1]"#, "sms_id", "expected a string or number, found array"),
        (#""sms_body": "x", "sms_sender": 98.5"#, "sms_sender", "expected a string, a whole number or an ObjectId, found number"),
        (#""sms_body": "x", "sms_inbox_date": [1]"#, "sms_inbox_date", "expected a date or epoch milliseconds, found array"),
        (#""sms_body": "x", "sms_inbox_date": {"a": 1}"#, "sms_inbox_date", "expected a date or epoch milliseconds, found object"),
        (#""sms_body": "x", "sms_inbox_date": 1e300"#, "sms_inbox_date", "invalid epoch milliseconds 1e+300"),
        (#""sms_body": "x", "sms_inbox_date": 1771704900000.5"#, "sms_inbox_date",
         "invalid epoch milliseconds 1771704900000.5: expected a whole number of milliseconds"),
        (#""sms_body": "x", "sms_inbox_date": "abc""#, "sms_inbox_date", "invalid date 'abc': expected epoch milliseconds, "
         + "YYYY-MM-DD, YYYY-MM-DD HH:MM:SS, YYYYMMDD, YYYYMMDDHHMMSS or ISO 8601"),
    ])
    func wrongSMSFieldTypeIsRejected(fields: String, field: String, reason: String) throws {
        let text = #"{"client_id": "c1", "user_id": "u1", "sms": [{"sms_id": "a", "sms_body": "ok"}, {"sms_id": "b", "#
            + fields + "}]}"
        let expected = SyncDataError.inSMS(index: 2, problem: .invalidValue(source: .sms, field: field, reason: reason))
        var tree = UserDataBuilder(clientID: "c1", userID: "u1")
        var loaded = UserDataBuilder(clientID: "c1", userID: "u1")
        var libbson = UserDataBuilder(clientID: "c1", userID: "u1")

        #expect(throws: expected) { try tree.add(document: Self.parse(text), source: .sms) }
        #expect(throws: expected) { try UserDataLoader.addSMS(text, to: &loaded) }
        #expect(throws: expected) { try UserDataLoader.addSMSWithLibBSON(Array(text.utf8), to: &libbson) }
    }

    @Test(arguments: [
        (#""sms": "not a list""#, "expected an array of SMS, found string"),
        (#""sms": {"a": 1}"#, "expected an array of SMS, found object"),
        (#""sms": null"#, "expected an array of SMS, found null"),
    ])
    func unusableSMSListIsNamed(member: String, reason: String) throws {
        let document = try Self.parse(#"{"client_id": "c1", "user_id": "u1", "# + member + "}")
        #expect(throws: SyncDataError.invalidValue(source: .sms, field: "sms", reason: reason)) {
            try SyncJSONDecoder.sms(document)
        }
    }

    @Test func recordThatIsNoObjectIsNamed() throws {
        let document = try Self.parse(#"{"client_id": "c1", "user_id": "u1", "sms": [{"sms_id": "a", "sms_body": "ok"}, "x"]}"#)
        let problem = SyncDataError.invalidValue(source: .sms, field: nil, reason: "expected an SMS object, found string")
        #expect(throws: SyncDataError.inSMS(index: 2, problem: problem)) { try SyncJSONDecoder.sms(document) }
        #expect(SyncDataError.inSMS(index: 2, problem: problem).description
            == "sms 2: Invalid sms record: expected an SMS object, found string")
    }

    @Test func invalidFieldErrorShowsValue() throws {
        let document = try Self.parse(#"{"client_id": "c1", "user_id": "u1", "apps": [{"package_name": "a", "first_install_time": "soon"}]}"#)
        do {
            _ = try SyncJSONDecoder.apps(document)
            Issue.record("expected an error")
        } catch {
            #expect(error.description.contains("'first_install_time'"))
            #expect(error.description.contains("'soon'"))
        }
        let listless = try Self.parse(#"{"client_id": "c1", "user_id": "u1", "apps": {"package_name": "a"}}"#)
        #expect(throws: SyncDataError.self) { try SyncJSONDecoder.apps(listless) }
    }

    @Test func deviceContactsAndCallsDecode() throws {
        let device = try SyncJSONDecoder.device(Self.parse("""
        {"client_id": "c1", "user_id": "u1", "created_at": 1773500000000,
         "device_data": {"brand": "Xiaomi", "model": "Redmi 9", "android_version": "12", "sdk_int": "31",
                         "is_rooted": 1, "is_emulator": "false", "first_seen_at": 1700000000000}}
        """), platform: .android)
        #expect(device.manufacturer == "Xiaomi")
        #expect(device.osVersion == "12")
        #expect(device.sdkInt == 31)
        #expect(device.isRooted == true)
        #expect(device.isEmulator == false)
        #expect(device.syncedAtMillis == 1_773_500_000_000)
        let contacts = try SyncJSONDecoder.contacts(Self.parse("""
        {"client_id": "c1", "user_id": "u1", "records": [
          {"id": "7", "display_name": "Ravi", "phone_numbers": ["+91 98765 43210", "022 1234"]},
          {"contact_id": "8", "name": "Asha", "number": "9000000000", "last_updated": 1773000000000}]}
        """))
        #expect(contacts.map(\.phones) == [["+91 98765 43210", "022 1234"], ["9000000000"]])
        #expect(contacts[1].updatedAtMillis == 1_773_000_000_000)
        let calls = try SyncJSONDecoder.callLogs(Self.parse("""
        {"client_id": "c1", "user_id": "u1", "calls": [
          {"id": "1", "phone": "900", "type": 3, "duration": 0, "timestamp": 1773000000000},
          {"call_id": "2", "number": "901", "type": "OUTGOING", "duration": "42", "call_date": 1773000001000},
          {"call_id": "3", "number": "902", "type": "5", "date": 1773000002000}]}
        """))
        #expect(calls.map(\.type) == [.missed, .outgoing, .rejected])
        #expect(calls[1].durationSeconds == 42)
        #expect(throws: SyncDataError.self) {
            try SyncJSONDecoder.callLogs(Self.parse(#"{"client_id": "c", "user_id": "u", "calls": [{"type": "video", "date": 1}]}"#))
        }
    }

    @Test func builderDeduplicatesAcrossSyncs() throws {
        // Dates are 2026-03-01 IST, because an inbox date before 2000 is rejected.
        var builder = UserDataBuilder(clientID: "c1", userID: "u1")
        let first = try Self.parse("""
        {"client_id": "c1", "user_id": "u1", "created_at": 1772323201000, "sms": [
          {"sms_id": "1", "sms_sender": "VM-HDFCBK", "sms_body": "a", "sms_inbox_date": 1772323200500},
          {"sms_id": "2", "sms_sender": "VM-HDFCBK", "sms_body": "b", "sms_inbox_date": 1772323200600}]}
        """)
        // The re-sync repeats id 1 and sends SMS 2 again under a new id.
        let second = try Self.parse("""
        {"client_id": "c1", "user_id": "u1", "created_at": 1772323202000, "sms": [
          {"sms_id": "1", "sms_sender": "VM-HDFCBK", "sms_body": "a", "sms_inbox_date": 1772323200500},
          {"sms_id": "99", "sms_sender": "VM-HDFCBK", "sms_body": "b", "sms_inbox_date": 1772323200600},
          {"sms_id": "3", "sms_sender": "VM-HDFCBK", "sms_body": "c", "sms_inbox_date": 1772323200700}]}
        """)
        try builder.add(document: first, source: .sms)
        try builder.add(document: second, source: .sms)
        let apps1 = try Self.parse(#"{"client_id": "c1", "user_id": "u1", "created_at": 1000, "apps": [{"package_name": "x", "app_name": "Old"}]}"#)
        let apps2 = try Self.parse(#"{"client_id": "c1", "user_id": "u1", "created_at": 3000, "apps": [{"package_name": "x", "app_name": "New"}, {"package_name": "y"}]}"#)
        try builder.add(document: apps2, source: .apps)
        try builder.add(document: apps1, source: .apps)
        let stranger = try Self.parse(#"{"client_id": "c1", "user_id": "u2", "sms": []}"#)
        #expect(throws: SyncDataError.otherUser(source: .sms, clientID: "c1", userID: "u2")) {
            try builder.add(document: stranger, source: .sms)
        }
        let user = builder.build()
        #expect(user.sms.map(\.smsID) == ["1", "2", "3"])
        // SMS 3 arrived only with the second sync, so its sync time is that document's.
        #expect(user.sms.map(\.createdAtMillis) == [1_772_323_201_000, 1_772_323_201_000, 1_772_323_202_000])
        #expect(user.smsFolders == [.inbox, .inbox, .inbox])
        #expect(user.apps?.map(\.appName) == ["New", nil])
        #expect(user.syncTimes[.sms] == [1_772_323_201_000, 1_772_323_202_000])
        #expect(user.contacts == nil)
        #expect(user.device == nil)
    }

    @Test func implausibleDatesSkippedWhenAsked() throws {
        // The sync is 2026-03-01 IST: one SMS is from 1970 and one more than a day after the sync.
        let text = """
        {"client_id": "c1", "user_id": "u1", "created_at": 1772323201000, "sms": [
          {"sms_id": "1", "sms_sender": "VM-HDFCBK", "sms_body": "a", "sms_inbox_date": 86400000},
          {"sms_id": "2", "sms_sender": "VM-HDFCBK", "sms_body": "b", "sms_inbox_date": 1772323200600},
          {"sms_id": "3", "sms_sender": "VM-HDFCBK", "sms_body": "c", "sms_inbox_date": 1775000000000}]}
        """
        var strict = UserDataBuilder(clientID: "c1", userID: "u1")
        #expect(throws: SyncDataError.self) { try strict.add(document: try Self.parse(text), source: .sms) }

        var lenient = UserDataBuilder(clientID: "c1", userID: "u1", skipsInvalidData: true)
        try lenient.add(document: Self.parse(text), source: .sms)

        #expect(lenient.build().sms.map(\.smsID) == ["2"])
        #expect(lenient.skippedSMSCount == 2)
        #expect(lenient.firstSkipReason?.contains("before 2000-01-01") == true)
    }

    @Test func unreadableRecordsSkippedWhenAsked() throws {
        let text = """
        {"client_id": "c1", "user_id": "u1", "created_at": 1772323201000, "sms": [
          {"sms_id": "1", "sms_sender": "VM-HDFCBK", "sms_inbox_date": 1772323200000},
          {"sms_id": "2", "sms_sender": "VM-HDFCBK", "sms_body": "b", "sms_inbox_date": 1772323200600},
          {"sms_id": "3", "sms_sender": "VM-HDFCBK", "sms_body": ["c"]},
          "not an object"]}
        """
        var strict = UserDataBuilder(clientID: "c1", userID: "u1")
        #expect(throws: SyncDataError.self) { try strict.add(document: try Self.parse(text), source: .sms) }

        var lenient = UserDataBuilder(clientID: "c1", userID: "u1", skipsInvalidData: true)
        let document = try JSONParser.parseDocument(Array(text.utf8)).document
        defer { bson_destroy(document) }
        try lenient.add(smsBSON: document)

        #expect(lenient.build().sms.map(\.smsID) == ["2"])
        #expect(lenient.unreadableSMSCount == 3)
        #expect(lenient.skippedSMSCount == 0)
        #expect(lenient.firstSkipReason?.contains("sms_body") == true)
    }

    @Test func singleSMSDocumentIsOneSMS() throws {
        var builder = UserDataBuilder(clientID: "c1", userID: "u1")
        try builder.add(document: Self.parse("""
        {"client_id": "c1", "user_id": "u1", "created_at": "2026-03-14 10:00:00", "sms_id": "s1",
         "sms_sender": "VM-HDFCBK", "sms_body": "hello", "sms_inbox_date": "20260314"}
        """), source: .sms)
        let user = builder.build()
        #expect(user.sms.map(\.smsID) == ["s1"])
        #expect(user.sms.first?.inboxDateMillis == IndiaTime.millis(year: 2026, month: 3, day: 14, hour: 0, minute: 0, second: 0))
    }

    @Test func builtUserFeedsEngine() throws {
        var builder = UserDataBuilder(clientID: "c1", userID: "u1")
        try builder.add(document: Self.parse("""
        {"client_id": "c1", "user_id": "u1", "created_at": "2026-03-14 10:00:00", "sms": [
          {"sms_id": "1", "sms_sender": "VM-HDFCBK", "sms_body": "hello", "sms_inbox_date": "2026-03-14 09:00:00"}]}
        """), source: .sms)
        try builder.add(document: Self.parse(#"{"client_id": "c1", "user_id": "u1", "created_at": 1, "call_logs": []}"#),
                        source: .callLogs)
        let vector = FeatureEngine().compute(user: builder.build(), cutoffMillis: FeatureFixture.cutoff,
                                             groupings: [.sms])
        #expect(vector["all_sms_count_7d"] == .integer(1))
        #expect(vector["calls_count_all"] == .integer(0))
        #expect(vector["contacts_data_null_reason"] == .string("not_synced"))
    }
}
