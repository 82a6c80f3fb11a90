@testable import CredeauKit

/// Builders for hand-made users in feature tests. Times are IST wall-clock text.
enum FeatureFixture {
    /// Epoch milliseconds of an IST `YYYY-MM-DD HH:MM:SS`.
    static func ist(_ text: String) -> Int64 {
        guard let millis = SyncDateParser.millis(fromText: text) else {
            preconditionFailure("Test date '\(text)' is not YYYY-MM-DD HH:MM:SS.")
        }
        return millis
    }

    /// The standard cutoff of these tests: Sunday 2026-03-15 23:59:59 IST.
    static let cutoffText = "2026-03-15 23:59:59"
    static var cutoff: Int64 { ist(cutoffText) }

    static func sms(
        _ date: String, sender: String = "hdfcbk", body: String = "hello", type: SMSType = .notInTheList,
        senderType: SenderType = .bank, id: String? = nil, syncedAt: Int64 = 0
    ) -> ExtractedSMS {
        ExtractedSMS(
            smsID: id ?? "\(sender)-\(date)-\(body)", smsSender: sender, smsBody: body,
            inboxDateMillis: ist(date), createdAtMillis: syncedAt, templateHash: "", senderType: senderType,
            smsType: type, smsNLPTag: type.rawValue)
    }

    /// Makes a transactional SMS with an amount, channel and optional extras.
    static func txn(
        _ date: String, _ direction: TransactionDirection, _ amount: Double?, channel: TransactionChannel? = nil,
        sender: String = "hdfcbk", party: String? = nil, account: String? = "1234", balance: Double? = nil,
        body: String? = nil, pan: String? = "bank | hdfc bank | 34"
    ) -> ExtractedSMS {
        let type: SMSType = direction == .credit ? .accountCreditExecuted : .accountDebitExecuted
        var entry = sms(date, sender: sender, body: body ?? "\(direction.rawValue) \(amount ?? 0) \(date)", type: type)
        entry.transactionType = direction
        entry.amount = amount
        entry.transactionChannel = channel
        entry.transactionParty = party
        entry.accountLastDigits = account
        entry.availableBalance = balance
        entry.uniquePAN = pan
        entry.senderName = "hdfc bank"
        entry.accountType = .bank
        entry.isExtracted = true
        return entry
    }

    /// Makes a user whose SMS were synced at the given time (default: 2026-03-14 12:00 IST).
    static func user(sms: [ExtractedSMS], syncedAt: Int64? = nil) -> UserData {
        UserData(clientID: "c1", userID: "u1", sms: sms,
                 syncTimes: [.sms: [syncedAt ?? ist("2026-03-14 12:00:00")]])
    }

    /// Runs the standard extractor on a body received at an IST time, as the pipeline does.
    static func extracted(_ date: String, _ body: String, sender: String) -> ExtractedSMS {
        let sms = RawSMS(id: "\(sender)-\(date)", sender: sender, body: body, inboxDateMillis: ist(date))
        return ExtractionTestSupport.extractor.extract(sms, createdAtMillis: 0)
    }

    static func compute(
        _ user: UserData, cutoff: Int64 = FeatureFixture.cutoff, groupings: Set<FeatureGrouping> = Set(FeatureGrouping.allCases),
        engine: FeatureEngine = FeatureEngine()
    ) -> [String: FeatureValue] {
        let vector = engine.compute(user: user, cutoffMillis: cutoff, groupings: groupings)
        return Dictionary(zip(vector.names, vector.values), uniquingKeysWith: { first, _ in first })
    }
}
