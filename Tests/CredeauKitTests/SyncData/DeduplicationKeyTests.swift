import Testing
@testable import CredeauKit

/// The --sms deduplicator and the featurisation builder keep the same SMS.
@Suite struct DeduplicationKeyTests {
    private static let base: Int64 = 1_772_700_000_000

    /// A re-sync sequence with each kind of near-duplicate, in arrival order.
    private static let sequence: [RawSMS] = [
        RawSMS(id: "1", sender: "VM-HDFCBK", body: "Rs 100 debited", inboxDateMillis: base),
        RawSMS(id: "2", sender: "vm-hdfcbk", body: "Rs 100 debited", inboxDateMillis: base),
        RawSMS(id: "3", sender: "AX-HDFCBK-S", body: "Rs 100 debited", inboxDateMillis: base + 400),
        RawSMS(id: "4", sender: "VM-HDFCBK", body: "Rs 100 debited ", inboxDateMillis: base),
        RawSMS(id: "5", sender: "VM-HDFCBK", body: "Rs 100 debited", inboxDateMillis: base + 1000),
        RawSMS(id: "1", sender: "VM-ICICIB", body: "other", inboxDateMillis: base + 5000),
        // Its content matches the dropped id-1 copy above, so it is a duplicate too.
        RawSMS(id: "6", sender: "VM-ICICIB", body: "other", inboxDateMillis: base + 5000),
        RawSMS(id: "7", sender: "VM-HDFCBK", body: "no date", inboxDateMillis: nil),
        RawSMS(id: "8", sender: "VM-HDFCBK", body: "no date", inboxDateMillis: nil),
    ]
    private static let expectedIDs = ["1", "4", "5", "7", "8"]

    @Test func deduplicatorKeepsExpected() {
        var deduplicator = SMSDeduplicator()
        let keptIDs = Self.sequence.filter { deduplicator.insert($0) }.map(\.id)

        #expect(keptIDs == Self.expectedIDs)
    }

    @Test func builderKeepsExpected() throws {
        var builder = UserDataBuilder(clientID: "c1", userID: "u1")
        let records = Self.sequence.map { sms -> JSONValue in
            var members: [(String, JSONValue)] = [("sms_id", .string(sms.id)), ("sms_sender", .string(sms.sender ?? "")),
                                                  ("sms_body", .string(sms.body))]
            if let date = sms.inboxDateMillis { members.append(("sms_inbox_date", .integer(date))) }
            return .object(members)
        }
        let document = JSONValue.object([("client_id", .string("c1")), ("user_id", .string("u1")),
                                         ("created_at", .integer(Self.base + 60_000)), ("sms", .array(records))])
        try builder.add(document: document, source: .sms)

        #expect(builder.build().sms.map(\.smsID) == Self.expectedIDs)
    }

    /// Ids and bodies compare as bytes, as the stores compare them: "é" written as one code point
    /// and as "e" with a combining accent are two SMS, which Swift's `==` takes as one text.
    private static let canonicalTwins: [RawSMS] = [
        RawSMS(id: "\u{E9}", sender: "VM-HDFCBK", body: "Rs 100 debited", inboxDateMillis: base),
        RawSMS(id: "e\u{301}", sender: "VM-HDFCBK", body: "Rs 200 debited", inboxDateMillis: base + 60_000),
        RawSMS(id: "3", sender: "VM-HDFCBK", body: "Rs 5 at caf\u{E9}", inboxDateMillis: base + 120_000),
        RawSMS(id: "4", sender: "VM-HDFCBK", body: "Rs 5 at cafe\u{301}", inboxDateMillis: base + 120_000),
    ]

    @Test func deduplicatorComparesBytes() {
        var deduplicator = SMSDeduplicator()
        let keptIDs = Self.canonicalTwins.filter { deduplicator.insert($0) }.map(\.id)

        #expect(keptIDs.count == 4)
    }

    @Test func builderComparesBytes() throws {
        var builder = UserDataBuilder(clientID: "c1", userID: "u1")
        let records = Self.canonicalTwins.map { sms -> JSONValue in
            .object([("sms_id", .string(sms.id)), ("sms_sender", .string(sms.sender ?? "")), ("sms_body", .string(sms.body)),
                     ("sms_inbox_date", .integer(sms.inboxDateMillis ?? 0))])
        }
        let document = JSONValue.object([("client_id", .string("c1")), ("user_id", .string("u1")),
                                         ("created_at", .integer(Self.base + 600_000)), ("sms", .array(records))])
        try builder.add(document: document, source: .sms)

        #expect(builder.build().sms.count == 4)
    }

    @Test func contactIDsCompareBytes() throws {
        var builder = UserDataBuilder(clientID: "c1", userID: "u1")
        let contacts: [JSONValue] = ["\u{E9}", "e\u{301}", "\u{E9}"].map { id in
            .object([("contact_id", .string(id)), ("name", .string("Ren\u{E9}"))])
        }
        let document = JSONValue.object([("client_id", .string("c1")), ("user_id", .string("u1")),
                                         ("created_at", .integer(Self.base)), ("contacts", .array(contacts))])
        try builder.add(document: document, source: .contacts)

        #expect(builder.build().contacts?.count == 2)
    }

    /// A contact whose id reads like another contact's name and phone is a different contact.
    @Test func contactIDNeverEqualsFields() throws {
        var builder = UserDataBuilder(clientID: "c1", userID: "u1")
        let contacts: [JSONValue] = [
            .object([("contact_id", .string("Asha|98765")), ("name", .string("Other"))]),
            .object([("name", .string("Asha")), ("phone", .string("98765"))]),
        ]
        let document = JSONValue.object([("client_id", .string("c1")), ("user_id", .string("u1")),
                                         ("created_at", .integer(Self.base)), ("contacts", .array(contacts))])
        try builder.add(document: document, source: .contacts)

        #expect(builder.build().contacts?.count == 2)
    }

    @Test func userKeysCompareBytes() {
        let composed = UserKey(clientID: "c", userID: "\u{E9}")
        let decomposed = UserKey(clientID: "c", userID: "e\u{301}")

        #expect(composed != decomposed)
        #expect(Set([composed, decomposed]).count == 2)
        #expect(SyncDBUser(clientID: "c", userID: "\u{E9}") != SyncDBUser(clientID: "c", userID: "e\u{301}"))
    }
}
