import Testing
@testable import CredeauKit

/// `SMSDuplicateKey` keeps a precomputed hash and the builder caches sender keys. These tests
/// compare both deduplicators with plain reference versions, built from byte-exact texts
/// (`ExactText`) and `SenderNormaliser`, on many SMS with every kind of near-duplicate.
@Suite struct DuplicateKeyEquivalenceTests {
    private struct ReferenceKey: Hashable {
        var sender: ExactText
        var second: Int64
        var body: ExactText

        init?(_ sms: RawSMS) {
            guard let millis = sms.inboxDateMillis else { return nil }
            sender = ExactText(SenderNormaliser.normalise(sms.sender).key)
            second = floorDivide(millis, 1000)
            body = ExactText(sms.body)
        }
    }

    private static let base: Int64 = 1_772_700_000_000
    private static let senders: [String?] = [
        "VM-HDFCBK", "vm-hdfcbk", "AX-HDFCBK-S", "HDFCBK", "VM-ICICIB", "+919876543210", "9876543210", nil, "",
        "VM-KOTAK", "VM-\u{212A}OTAK", "\u{E9}TAT", "e\u{301}TAT", "VM-बैंक",
    ]
    private static let bodies = [
        "Rs 100 debited", "Rs 100 debited ", "rs 100 debited", "", "caf\u{E9} bill", "cafe\u{301} bill",
        "\u{212A}YC done", "KYC done", "₹500 credited", "OTP 1234",
    ]

    /// SMS drawn from small pools of ids, senders, bodies and times, so duplicates of every kind
    /// are frequent. Canonically equivalent texts (NFC and NFD) are different bytes, so they
    /// must not match.
    /// Without `plausibleDates`, half the dates are near 1970 and some are negative.
    private static func sample(count: Int, seed: UInt64, plausibleDates: Bool) -> [RawSMS] {
        var random = SplitMix64(seed: seed)
        return (0..<count).map { _ in
            let ids = ["", "\u{E9}", "e\u{301}"]
            let pick = random.next() % 16
            let id = pick < UInt64(ids.count) ? ids[Int(pick)] : "id\(random.next() % 400)"
            let offsets: [Int64?] = [nil, 0, 400, 999, 1000, 1999, -1, -1000, -1001, 86_400_000]
            let offset = offsets[Int(random.next() % UInt64(offsets.count))]
            return RawSMS(id: id, sender: senders[Int(random.next() % UInt64(senders.count))],
                          body: bodies[Int(random.next() % UInt64(bodies.count))],
                          inboxDateMillis: offset.map { millis in
                              let origin = plausibleDates || random.next() % 2 == 0 ? base : 0
                              return origin + Int64(random.next() % 3) * 2000 + millis
                          })
        }
    }

    private static func referenceDeduplicatorKeeps(_ list: [RawSMS]) -> [Int] {
        var ids: Set<ExactText> = [], contents: Set<ReferenceKey> = []
        return list.indices.filter { index in
            let isNewID = ids.insert(ExactText(list[index].id)).inserted
            guard let key = ReferenceKey(list[index]) else { return isNewID }
            return contents.insert(key).inserted && isNewID
        }
    }

    /// Returns the ids the builder keeps. An SMS is new unless its non-empty id or its content was seen before.
    private static func referenceBuilderKeeps(_ list: [RawSMS]) -> [String] {
        var ids: Set<ExactText> = [], contents: Set<ReferenceKey> = [], keptIDs: [String] = []
        for sms in list {
            let key = ReferenceKey(sms)
            let seenID = !sms.id.isEmpty && ids.contains(ExactText(sms.id))
            let seenContent = key.map { contents.contains($0) } ?? false
            if !sms.id.isEmpty { ids.insert(ExactText(sms.id)) }
            if let key { contents.insert(key) }
            if !seenID && !seenContent { keptIDs.append(sms.id) }
        }
        return keptIDs
    }

    @Test(arguments: [1, 2, 3, 4] as [UInt64])
    func deduplicatorMatchesReference(seed: UInt64) {
        let list = Self.sample(count: 3000, seed: seed, plausibleDates: false)
        var deduplicator = SMSDeduplicator()
        let keptIndices = list.indices.filter { deduplicator.insert(list[$0]) }

        #expect(keptIndices == Self.referenceDeduplicatorKeeps(list))
        #expect(keptIndices.count > 50, "the sample needs kept SMS")
        #expect(keptIndices.count < 2500, "the sample needs dropped SMS")
    }

    @Test(arguments: [5, 6, 7, 8] as [UInt64])
    func builderMatchesReference(seed: UInt64) throws {
        let list = Self.sample(count: 3000, seed: seed, plausibleDates: true)
        // Several documents, so the dictionaries grow across calls to add.
        var builder = UserDataBuilder(clientID: "c1", userID: "u1")
        for (number, start) in stride(from: 0, to: list.count, by: 700).enumerated() {
            let records = list[start..<min(start + 700, list.count)].map { sms -> JSONValue in
                var members: [(String, JSONValue)] = [("sms_id", .string(sms.id)), ("sms_body", .string(sms.body))]
                if let sender = sms.sender { members.append(("sms_sender", .string(sender))) }
                if let date = sms.inboxDateMillis { members.append(("sms_inbox_date", .integer(date))) }
                return .object(members)
            }
            let document = JSONValue.object([("client_id", .string("c1")), ("user_id", .string("u1")),
                                             ("created_at", .integer(Self.base + 2 * 86_400_000 + Int64(number) * 60_000)),
                                             ("sms", .array(records))])
            try builder.add(document: document, source: .sms)
        }
        let keptIDs = builder.syncedSMS.map(\.raw.id)

        #expect(keptIDs == Self.referenceBuilderKeeps(list))
        #expect(keptIDs.count > 50, "the sample needs kept SMS")
        #expect(keptIDs.count < 2500, "the sample needs dropped SMS")
    }
}
