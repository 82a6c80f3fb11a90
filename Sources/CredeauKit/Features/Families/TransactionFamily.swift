/// Counts and amount statistics of transactions by direction and channel, and of loan, card and
/// bill notices (`extracted_sms` grouping). Rolling windows get every measure; calendar months
/// get count and sum.
enum TransactionFamily {
    private static let factory = DefinitionFactory(grouping: .extractedSMS)

    enum Measure: CaseIterable {
        case count, amountSum, amountMean, amountMedian, amountMax, amountMin, amountStd
        case large10kCount, large50kCount, nightShare, weekendShare

        var token: String {
            switch self {
            case .count: return "count"
            case .amountSum: return "amount_sum"
            case .amountMean: return "amount_mean"
            case .amountMedian: return "amount_median"
            case .amountMax: return "amount_max"
            case .amountMin: return "amount_min"
            case .amountStd: return "amount_std"
            case .large10kCount: return "large_10k_count"
            case .large50kCount: return "large_50k_count"
            case .nightShare: return "night_share"
            case .weekendShare: return "weekend_share"
            }
        }

        func definition(_ subject: String) -> (String, FeatureUnit, FeatureNullRule) {
            switch self {
            case .count: return ("Number of \(subject)", .count, .sourceMissing)
            case .amountSum: return ("Sum in rupees of \(subject)", .inr, .sourceMissing)
            case .amountMean: return ("Mean in rupees of \(subject)", .inr, .emptyWindow)
            case .amountMedian: return ("Median in rupees of \(subject)", .inr, .emptyWindow)
            case .amountMax: return ("Largest amount in rupees of \(subject)", .inr, .emptyWindow)
            case .amountMin: return ("Smallest amount in rupees of \(subject)", .inr, .emptyWindow)
            case .amountStd: return ("Population standard deviation in rupees of \(subject)", .inr, .fewerThanTwo)
            case .large10kCount: return ("Number of \(subject) of at least 10,000 rupees", .count, .sourceMissing)
            case .large50kCount: return ("Number of \(subject) of at least 50,000 rupees", .count, .sourceMissing)
            case .nightShare: return ("Share of \(subject) received 00:00 to 05:59 IST", .share, .zeroDenominator)
            case .weekendShare: return ("Share of \(subject) received on an IST Saturday or Sunday", .share,
                                        .zeroDenominator)
            }
        }

        /// Computes the value for one subject and slot. `medians` comes precomputed, once per subject.
        func value(_ stats: AmountAccumulator, _ subject: Int, _ slot: Int, _ medians: [Double?]) -> FeatureValue {
            let index = stats.index(subject, slot)
            switch self {
            case .count: return .int(stats.count[index])
            case .amountSum: return .inr(stats.sum[index])
            case .amountMean: return stats.mean(subject, slot).map { .inr($0) } ?? .null
            case .amountMedian: return medians[slot].map { .inr($0) } ?? .null
            case .amountMax: return stats.amountCount[index] == 0 ? .null : .inr(stats.maximum[index])
            case .amountMin: return stats.amountCount[index] == 0 ? .null : .inr(stats.minimum[index])
            case .amountStd: return stats.standardDeviation(subject, slot).map { .inr($0) } ?? .null
            case .large10kCount: return .int(stats.large10k[index])
            case .large50kCount: return .int(stats.large50k[index])
            case .nightShare: return .share(stats.night[index], stats.count[index])
            case .weekendShare: return .share(stats.weekend[index], stats.count[index])
            }
        }
    }

    static func emit<S: FeatureSink>(_ input: FeatureInput?, into sink: inout S) {
        let stats = input.flatMap { $0.smsNullReason == nil ? $0.transactions.stats : nil }
        for subject in TransactionSubject.allCases {
            let index = subject.rawValue
            let medians = stats?.medians(index) ?? []
            for measure in Measure.allCases {
                for (slot, window) in FeatureWindow.rolling.enumerated() {
                    sink.add(definition(subject, measure, window),
                             stats.map { measure.value($0, index, slot, medians) } ?? .null)
                }
            }
            for measure in [Measure.count, .amountSum] {
                for (offset, window) in FeatureWindow.months.enumerated() {
                    sink.add(definition(subject, measure, window),
                             stats.map { measure.value($0, index, FeatureWindow.firstMonthSlot + offset, medians) }
                                 ?? .null)
                }
            }
            sink.add(factory.make("\(subject.token)_days_since_first", .all,
                                  "IST days from the first of the \(subject.text) to the cutoff date", .days, .emptyWindow),
                     stats.map { $0.oldestDaysBack[index] < 0 ? .null : .int($0.oldestDaysBack[index]) } ?? .null)
            sink.add(factory.make("\(subject.token)_days_since_last", .all,
                                  "IST days from the last of the \(subject.text) to the cutoff date", .days, .emptyWindow),
                     stats.map { $0.latestDaysBack[index] < 0 ? .null : .int($0.latestDaysBack[index]) } ?? .null)
        }
    }

    private static func definition(
        _ subject: TransactionSubject, _ measure: Measure, _ window: FeatureWindow
    ) -> FeatureDefinition {
        let (text, unit, rule) = measure.definition(subject.text)
        return factory.make("\(subject.token)_\(measure.token)", window, text, unit, rule)
    }
}
