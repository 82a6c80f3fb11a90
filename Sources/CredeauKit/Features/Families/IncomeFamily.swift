/// Salary detection, estimated income and its stability, EMI burden (`extracted_sms` grouping).
enum IncomeFamily {
    private static let factory = DefinitionFactory(grouping: .extractedSMS)

    private struct State {
        var salaryFlag: Bool
        var salaryMonths: Int
        var latestSalary: Double?
        var monthlySalaryMedian: Double?
        var monthlySalaryCV: Double?
        var salaryDayMode: Int?
        var salarySources: Int
        var estimatedIncome: Double?
        var creditCV: Double?
        var creditMonths: Int
        var emiMonthly: Double

        init(_ input: FeatureInput) {
            let state = input.transactions
            let stats = state.stats
            let salary = TransactionSubject.salaryCredit.rawValue
            let credit = TransactionSubject.credit.rawValue
            let monthSlots = (0...5).map { FeatureWindow.firstMonthSlot + $0 }
            salaryFlag = !state.salaryPositions.isEmpty
            let salaryTotals = monthSlots.filter { stats.count[stats.index(salary, $0)] > 0 }
                .map { stats.sum[stats.index(salary, $0)] }
            salaryMonths = salaryTotals.count
            monthlySalaryMedian = IncomeFamily.median(salaryTotals)
            monthlySalaryCV = IncomeFamily.coefficientOfVariation(salaryTotals)
            var dayCounts = Array(repeating: 0, count: 32)
            var sources = Set<String>()
            for position in state.salaryPositions {
                let entry = input.user.sms[input.sms.indexes[position]]
                latestSalary = entry.amount ?? latestSalary
                let time = input.sms.times[position]
                guard time.daysBack < 180 else { continue }
                dayCounts[time.dayOfMonth] += 1
                sources.insert(TransactionState.normalizedParty(entry.transactionParty) ?? "sender:" + entry.smsSender)
            }
            let bestDay = dayCounts.indices.max { dayCounts[$0] < dayCounts[$1] || (dayCounts[$0] == dayCounts[$1] && $0 > $1) }
            salaryDayMode = bestDay.flatMap { dayCounts[$0] > 0 ? $0 : nil }
            salarySources = sources.count
            let income = state.incomeCredits
            let completeCredits = (1...5).map { income.sum[income.index(0, FeatureWindow.firstMonthSlot + $0)] }
            creditCV = IncomeFamily.coefficientOfVariation(completeCredits)
            creditMonths = monthSlots.filter { stats.count[stats.index(credit, $0)] > 0 }.count
            estimatedIncome = monthlySalaryMedian ?? IncomeFamily.median(Array(completeCredits.prefix(3)))
            emiMonthly = stats.sum[stats.index(TransactionSubject.emiPaid.rawValue, FeatureWindow.slot(of: .days(90)))] / 3
        }
    }

    /// Median of the values; nil when empty.
    static func median(_ values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }

    /// Population standard deviation divided by the mean; nil below two values or at mean 0.
    static func coefficientOfVariation(_ values: [Double]) -> Double? {
        guard values.count >= 2 else { return nil }
        let mean = values.reduce(0, +) / Double(values.count)
        guard mean > 0 else { return nil }
        let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count)
        return variance.squareRoot() / mean
    }

    static func emit<S: FeatureSink>(_ input: FeatureInput?, into sink: inout S) {
        let state = input.flatMap { $0.smsNullReason == nil ? State($0) : nil }
        sink.add(factory.make("salary_flag", .all, "1 when any credit at or before the cutoff, other than a loan "
                              + "disbursal, is tagged salary: a salary keyword, or the same payer crediting within "
                              + "20 % of the amount and 5 days of the day of month in another calendar month at most "
                              + "2 months away", .flag, .sourceMissing),
                 state.map { .flag($0.salaryFlag) } ?? .null)
        sink.add(factory.make("salary_month_count", .days(180), "Calendar months m0 to m5 with a salary credit",
                              .count, .sourceMissing), state.map { .int($0.salaryMonths) } ?? .null)
        sink.add(factory.make("salary_amount_latest", .all, "Amount of the most recent salary credit",
                              .inr, .emptyWindow), state.map { $0.latestSalary.map { .inr($0) } ?? .null } ?? .null)
        sink.add(factory.make("salary_monthly_amount_median", .days(180),
                              "Median of the monthly salary totals over the months m0 to m5 that have salary",
                              .inr, .emptyWindow), state.map { $0.monthlySalaryMedian.map { .inr($0) } ?? .null } ?? .null)
        sink.add(factory.make("salary_monthly_amount_cv", .days(180),
                              "Coefficient of variation (population std / mean) of the monthly salary totals over "
                              + "months m0 to m5 with salary", .ratio, .fewerThanTwo),
                 state.map { $0.monthlySalaryCV.map { .double($0) } ?? .null } ?? .null)
        sink.add(factory.make("salary_credit_day_mode", .days(180),
                              "Most frequent IST day of month of salary credits (smallest day on ties)",
                              .number, .emptyWindow), state.map { .optionalInt($0.salaryDayMode) } ?? .null)
        sink.add(factory.make("salary_source_distinct", .days(180),
                              "Distinct payers (else senders) of salary credits", .count, .sourceMissing),
                 state.map { .int($0.salarySources) } ?? .null)
        sink.add(factory.make("income_estimated_monthly", .days(180),
                              "Estimated monthly income: the median monthly salary total, else the median credited "
                              + "rupees of months m1 to m3 without loan disbursals", .inr, .emptyWindow),
                 state.map { $0.estimatedIncome.map { .inr($0) } ?? .null } ?? .null)
        sink.add(factory.make("credit_monthly_amount_cv", .days(180),
                              "Income stability: coefficient of variation of credited rupees without loan "
                              + "disbursals over months m1 to m5 (months without such credits count as 0)", .ratio,
                              .zeroDenominator),
                 state.map { $0.creditCV.map { .double($0) } ?? .null } ?? .null)
        sink.add(factory.make("credit_month_count", .days(180), "Calendar months m0 to m5 with a credit transaction",
                              .count, .sourceMissing), state.map { .int($0.creditMonths) } ?? .null)
        sink.add(factory.make("emi_monthly_estimate", .days(90), "Rupees of EMI paid in the last 90 days divided by 3",
                              .inr, .sourceMissing), state.map { .inr($0.emiMonthly) } ?? .null)
        sink.add(factory.make("foir_estimate", .days(90),
                              "Fixed obligation to income ratio: emi_monthly_estimate divided by "
                              + "income_estimated_monthly", .ratio, .zeroDenominator),
                 state.map { state in state.estimatedIncome.map { .ratio(state.emiMonthly, $0) } ?? .null } ?? .null)
    }
}
