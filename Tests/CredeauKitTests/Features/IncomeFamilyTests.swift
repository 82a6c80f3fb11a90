import Testing
@testable import CredeauKit

@Suite struct IncomeFamilyTests {
    typealias F = FeatureFixture

    @Test func recurringPayerIsSalary() {
        // ACME PAYROLL: 50,000 on Jan 1, 52,000 on Feb 2, 49,000 on Mar 1. Each has another credit
        // within 20 % and 5 days of month in a month at most 2 away, so all three are salary.
        // The 5,000 on Feb 20 is off by amount and day, so it is not.
        let user = F.user(sms: [
            F.txn("2026-01-01 10:00:00", .credit, 50_000, party: "ACME PAYROLL"),
            F.txn("2026-02-02 10:00:00", .credit, 52_000, party: "ACME  payroll"),
            F.txn("2026-03-01 10:00:00", .credit, 49_000, party: "acme payroll"),
            F.txn("2026-02-20 10:00:00", .credit, 5_000, party: "ACME PAYROLL"),
        ])
        let values = F.compute(user, groupings: [.extractedSMS])
        #expect(values["salary_flag_all_nlp"] == .integer(1))
        #expect(values["salary_credit_txn_count_all_nlp"] == .integer(3))
        #expect(values["salary_credit_txn_amount_sum_m1_nlp"] == .double(52_000))
        #expect(values["salary_month_count_180d_nlp"] == .integer(3))
        #expect(values["salary_amount_latest_all_nlp"] == .double(49_000))
        // Monthly totals 50,000, 52,000, 49,000: median 50,000.
        #expect(values["salary_monthly_amount_median_180d_nlp"] == .double(50_000))
        // Days of month 1, 2, 1: mode 1.
        #expect(values["salary_credit_day_mode_180d_nlp"] == .integer(1))
        #expect(values["salary_source_distinct_180d_nlp"] == .integer(1))
        #expect(values["income_estimated_monthly_180d_nlp"] == .double(50_000))
        // Mean 50,333.33; population variance ((-333.33)^2 + 1,666.67^2 + (-1,333.33)^2) / 3
        // = 1,555,555.6; std 1,247.22; CV 0.024779.
        let cv = values["salary_monthly_amount_cv_180d_nlp"]?.doubleValue ?? -1
        #expect(abs(cv - 0.024779) < 0.00001)
    }

    @Test func keywordTagsSalary() {
        let user = F.user(sms: [
            F.txn("2026-03-01 10:00:00", .credit, 30_000, body: "Rs 30000 credited: SALARY FOR FEB"),
            F.txn("2026-03-02 10:00:00", .credit, 30_000, body: "Rs 30000 credited by friend"),
        ])
        let values = F.compute(user, groupings: [.extractedSMS])
        #expect(values["salary_credit_txn_count_all_nlp"] == .integer(1))
        #expect(values["salary_month_count_180d_nlp"] == .integer(1))
    }

    @Test func patternAfterCutoffDoesNotTagEarlierCredits() {
        // NEWCO credits 30,000 on Feb 18 and again on Mar 18. With the cutoff on Mar 15 only the
        // February credit is visible, and alone it is no pattern.
        let sms = [
            F.txn("2026-02-18 10:00:00", .credit, 30_000, party: "NEWCO"),
            F.txn("2026-03-18 10:00:00", .credit, 30_000, party: "NEWCO"),
        ]
        let early = F.compute(F.user(sms: sms), groupings: [.extractedSMS])
        #expect(early["salary_flag_all_nlp"] == .integer(0))
        #expect(early["salary_credit_txn_count_all_nlp"] == .integer(0))
        // With a cutoff after Mar 18 both credits form the pattern.
        let late = F.compute(F.user(sms: sms), cutoff: F.ist("2026-03-31 23:59:59"), groupings: [.extractedSMS])
        #expect(late["salary_flag_all_nlp"] == .integer(1))
        #expect(late["salary_credit_txn_count_all_nlp"] == .integer(2))
    }

    @Test func incomeStabilityAndObligations() {
        // Credits: m1 (Feb) 20,000; m2 (Jan) 20,000; m3 (Dec) 20,000; m4 and m5 none.
        // Monthly totals over m1..m5: 20k, 20k, 20k, 0, 0: mean 12,000, population variance
        // (3 * 8,000^2 + 2 * 12,000^2) / 5 = 96,000,000; std 9,797.96; CV 0.816497.
        // EMI paid: 6,000 on Mar 3 (within 90 days): monthly estimate 2,000.
        var emi = F.sms("2026-03-03 10:00:00", sender: "bajajf", body: "EMI paid", type: .loanEMIPaid, senderType: .nbfc)
        emi.amount = 6_000
        let user = F.user(sms: [
            F.txn("2026-02-10 10:00:00", .credit, 20_000, party: "A"),
            F.txn("2026-01-20 10:00:00", .credit, 20_000, party: "B"),
            F.txn("2025-12-01 10:00:00", .credit, 20_000, party: "C"),
            emi,
        ])
        let values = F.compute(user, groupings: [.extractedSMS])
        let cv = values["credit_monthly_amount_cv_180d_nlp"]?.doubleValue ?? -1
        #expect(abs(cv - 0.816497) < 0.00001)
        #expect(values["credit_month_count_180d_nlp"] == .integer(3))
        // No salary: income estimate = median of m1..m3 credits = 20,000.
        #expect(values["income_estimated_monthly_180d_nlp"] == .double(20_000))
        #expect(values["emi_monthly_estimate_90d_nlp"] == .double(2_000))
        #expect(values["foir_estimate_90d_nlp"] == .double(0.1))
    }
}
