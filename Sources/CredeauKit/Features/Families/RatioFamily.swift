/// Ratios between directions, windows and channels of the transaction statistics
/// (`extracted_sms` grouping).
enum RatioFamily {
    private static let factory = DefinitionFactory(grouping: .extractedSMS)

    static func emit<S: FeatureSink>(_ input: FeatureInput?, into sink: inout S) {
        let stats = input.flatMap { $0.smsNullReason == nil ? $0.transactions.stats : nil }
        let credit = TransactionSubject.credit.rawValue
        let debit = TransactionSubject.debit.rawValue
        func sum(_ stats: AmountAccumulator, _ subject: Int, _ slot: Int) -> Double { stats.sum[stats.index(subject, slot)] }
        func count(_ stats: AmountAccumulator, _ subject: Int, _ slot: Int) -> Int { stats.count[stats.index(subject, slot)] }

        for (slot, window) in FeatureWindow.rolling.enumerated() {
            sink.add(factory.make("credit_debit_amount_ratio", window,
                                  "Credited rupees divided by debited rupees", .ratio, .zeroDenominator),
                     stats.map { .ratio(sum($0, credit, slot), sum($0, debit, slot)) } ?? .null)
            sink.add(factory.make("credit_debit_count_ratio", window,
                                  "Credit transactions divided by debit transactions", .ratio, .zeroDenominator),
                     stats.map { .share(count($0, credit, slot), count($0, debit, slot)) } ?? .null)
            sink.add(factory.make("net_flow_amount", window, "Credited minus debited rupees (negative when more "
                                  + "money left than arrived)", .inr, .sourceMissing),
                     stats.map { .inr(sum($0, credit, slot) - sum($0, debit, slot)) } ?? .null)
        }
        // Trend: the last N days against the N days before them; the 2N-day window minus the
        // N-day window is exactly that earlier block.
        for (recent, both) in [(30, 60), (90, 180)] {
            let recentSlot = FeatureWindow.slot(of: .days(recent))
            let bothSlot = FeatureWindow.slot(of: .days(both))
            for (subject, token) in [(credit, "credit_txn"), (debit, "debit_txn")] {
                sink.add(factory.make("\(token)_amount_trend", .days(recent),
                                      "Rupees of \(token) in the last \(recent) days divided by the \(recent) days "
                                      + "before them", .ratio, .zeroDenominator),
                         stats.map { .ratio(sum($0, subject, recentSlot), sum($0, subject, bothSlot) - sum($0, subject, recentSlot)) }
                             ?? .null)
            }
            sink.add(factory.make("txn_count_trend", .days(recent),
                                  "Transactions in the last \(recent) days divided by the \(recent) days before them",
                                  .ratio, .zeroDenominator),
                     stats.map { stats in
                         let recentCount = count(stats, credit, recentSlot) + count(stats, debit, recentSlot)
                         let bothCount = count(stats, credit, bothSlot) + count(stats, debit, bothSlot)
                         return .share(recentCount, bothCount - recentCount)
                     } ?? .null)
        }
        let slot30 = FeatureWindow.slot(of: .days(30))
        let slot90 = FeatureWindow.slot(of: .days(90))
        for (subject, token) in [(credit, "credit_txn"), (debit, "debit_txn")] {
            sink.add(factory.make("\(token)_amount_30d_share", .days(90),
                                  "Rupees of \(token) in the last 30 days divided by the last 90 days",
                                  .share, .zeroDenominator),
                     stats.map { .ratio(sum($0, subject, slot30), sum($0, subject, slot90)) } ?? .null)
        }
        let debitShares: [(TransactionSubject, String)] = [
            (.upiDebit, "upi"), (.atmDebit, "atm"), (.posDebit, "pos"), (.nachDebit, "nach"), (.cardDebit, "card"),
        ]
        for window in [FeatureWindow.days(30), .days(90), .days(180)] {
            let slot = FeatureWindow.slot(of: window)
            for (subject, token) in debitShares {
                sink.add(factory.make("\(token)_debit_amount_share", window,
                                      "Rupees of \(subject.text) divided by all debited rupees", .share, .zeroDenominator),
                         stats.map { .ratio(sum($0, subject.rawValue, slot), sum($0, debit, slot)) } ?? .null)
            }
            sink.add(factory.make("emi_credit_amount_ratio", window,
                                  "Rupees of EMI paid divided by credited rupees", .ratio, .zeroDenominator),
                     stats.map { .ratio(sum($0, TransactionSubject.emiPaid.rawValue, slot), sum($0, credit, slot)) }
                         ?? .null)
        }
    }
}
