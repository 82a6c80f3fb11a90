/// Available balances stated in SMS ("Avl Bal"), across all accounts (`extracted_sms` grouping).
enum BalanceFamily {
    private static let factory = DefinitionFactory(grouping: .extractedSMS)
    /// A day "below" when its last observed balance is under this many rupees.
    static let lowBalanceRupees = 1_000.0
    static let lowWindows = [30, 90, 180]

    private struct State {
        var count = Array(repeating: 0, count: 7)
        var sum = Array(repeating: 0.0, count: 7)
        var sumSquares = Array(repeating: 0.0, count: 7)
        var minimum = Array(repeating: Double.infinity, count: 7)
        var maximum = Array(repeating: -Double.infinity, count: 7)
        var latest: (balance: Double, daysBack: Int)?
        var endOfMonth: [Double?] = [nil, nil, nil]
        var lowDays = [0, 0, 0]
        var observedDays = [0, 0, 0]

        init(_ input: FeatureInput) {
            let sms = input.sms
            var dayBalance: (day: Int, daysBack: Int, balance: Double)?
            func closeDay(_ entry: (day: Int, daysBack: Int, balance: Double)) {
                for (index, days) in BalanceFamily.lowWindows.enumerated() where entry.daysBack < days {
                    observedDays[index] += 1
                    if entry.balance < BalanceFamily.lowBalanceRupees { lowDays[index] += 1 }
                }
            }
            for position in 0..<sms.count where !sms.isSent[position] {
                guard let balance = input.user.sms[sms.indexes[position]].availableBalance, balance.isFinite else {
                    continue
                }
                let time = sms.times[position]
                forEachSlot(time.mask & 0x7F) { slot in
                    count[slot] += 1
                    sum[slot] += balance
                    sumSquares[slot] += balance * balance
                    minimum[slot] = min(minimum[slot], balance)
                    maximum[slot] = max(maximum[slot], balance)
                }
                latest = (balance, time.daysBack)
                // SMS are oldest first, so the last observation in or before month k wins.
                for month in 1...3 where time.monthsBack >= month { endOfMonth[month - 1] = balance }
                if let open = dayBalance, open.day != time.day { closeDay(open) }
                dayBalance = (time.day, time.daysBack, balance)
            }
            if let open = dayBalance { closeDay(open) }
        }
    }

    static func emit<S: FeatureSink>(_ input: FeatureInput?, into sink: inout S) {
        let state = input.flatMap { $0.smsNullReason == nil ? State($0) : nil }
        sink.add(factory.make("balance_latest", .all, "Most recent available balance stated in an SMS, any account",
                              .inr, .emptyWindow), state.map { $0.latest.map { .inr($0.balance) } ?? .null } ?? .null)
        sink.add(factory.make("balance_days_since_latest", .all,
                              "IST days from the most recent balance observation to the cutoff date", .days, .emptyWindow),
                 state.map { .optionalInt($0.latest?.daysBack) } ?? .null)
        for (slot, window) in FeatureWindow.rolling.enumerated() {
            sink.add(factory.make("balance_observation_count", window, "SMS stating an available balance",
                                  .count, .sourceMissing), state.map { .int($0.count[slot]) } ?? .null)
            sink.add(factory.make("balance_min", window, "Lowest stated available balance", .inr, .emptyWindow),
                     state.map { $0.count[slot] == 0 ? .null : .inr($0.minimum[slot]) } ?? .null)
            sink.add(factory.make("balance_max", window, "Highest stated available balance", .inr, .emptyWindow),
                     state.map { $0.count[slot] == 0 ? .null : .inr($0.maximum[slot]) } ?? .null)
            sink.add(factory.make("balance_mean", window, "Mean of stated available balances (per observation)",
                                  .inr, .emptyWindow),
                     state.map { $0.count[slot] == 0 ? .null : .inr($0.sum[slot] / Double($0.count[slot])) } ?? .null)
            sink.add(factory.make("balance_std", window, "Population standard deviation of stated balances",
                                  .inr, .fewerThanTwo),
                     state.map { state in
                         let n = Double(state.count[slot])
                         guard state.count[slot] >= 2 else { return .null }
                         let mean = state.sum[slot] / n
                         return .inr(max(0, state.sumSquares[slot] / n - mean * mean).squareRoot())
                     } ?? .null)
        }
        for month in 1...3 {
            sink.add(factory.make("balance_end_of_month", .month(month),
                                  "Last stated balance on or before the last day of the month", .inr, .emptyWindow),
                     state.map { $0.endOfMonth[month - 1].map { .inr($0) } ?? .null } ?? .null)
        }
        for (index, days) in lowWindows.enumerated() {
            sink.add(factory.make("balance_low_day_count", .days(days),
                                  "IST days whose last stated balance is below 1,000 rupees", .count, .sourceMissing),
                     state.map { .int($0.lowDays[index]) } ?? .null)
            sink.add(factory.make("balance_low_day_share", .days(days),
                                  "Days below 1,000 rupees divided by days with a balance observation",
                                  .share, .zeroDenominator),
                     state.map { .share($0.lowDays[index], $0.observedDays[index]) } ?? .null)
        }
    }
}
