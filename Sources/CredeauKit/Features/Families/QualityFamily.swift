/// How much the extraction engine could read, and whether there is enough data
/// (`extracted_sms` grouping).
enum QualityFamily {
    private static let factory = DefinitionFactory(grouping: .extractedSMS)
    /// Sufficiency needs transactions in this many distinct months and this many transactions.
    static let sufficientMonths = 3
    static let sufficientTransactions = 10

    private struct State {
        var inbox = 0
        var classified = 0
        var transactions = 0
        var withBalance = 0
        var months = 0
        var duplicates = 0

        init(_ input: FeatureInput) {
            let state = input.transactions
            inbox = state.inboxCount
            classified = state.classifiedCount
            transactions = state.transactions.count
            duplicates = state.duplicateTransactions
            var monthSet = Set<Int>()
            for (position, _) in state.transactions {
                monthSet.insert(input.sms.times[position].monthsBack)
                if input.user.sms[input.sms.indexes[position]].availableBalance != nil { withBalance += 1 }
            }
            months = monthSet.count
        }
    }

    static func emit<S: FeatureSink>(_ input: FeatureInput?, into sink: inout S) {
        let state = input.flatMap { $0.smsNullReason == nil ? State($0) : nil }
        sink.add(factory.make("sms_classified_share", .all, "Share of received SMS the extractor assigned a known "
                              + "class (not not_in_the_list)", .share, .zeroDenominator),
                 state.map { .share($0.classified, $0.inbox) } ?? .null)
        sink.add(factory.make("txn_balance_share", .all, "Share of counted transactions whose SMS states a balance",
                              .share, .zeroDenominator), state.map { .share($0.withBalance, $0.transactions) } ?? .null)
        sink.add(factory.make("txn_month_count", .all, "Distinct IST calendar months with a counted transaction",
                              .count, .sourceMissing), state.map { .int($0.months) } ?? .null)
        sink.add(factory.make("data_sufficiency_flag", .all, "1 when transactions span at least 3 calendar months and "
                              + "number at least 10", .flag, .sourceMissing),
                 state.map { .flag($0.months >= sufficientMonths && $0.transactions >= sufficientTransactions) } ?? .null)
        sink.add(factory.make("duplicate_txn_removed_count", .all,
                              "Transactions not counted because another sender reported the same direction, amount "
                              + "and account digits within 10 minutes", .count, .sourceMissing),
                 state.map { .int($0.duplicates) } ?? .null)
    }
}
