import Testing
@testable import CredeauKit

/// Loan disbursals are credit transactions, so they count in the `txn`, `credit` and
/// `loan_disbursal` classes, but never as salary or income.
@Suite struct LoanDisbursalFeatureTests {
    typealias F = FeatureFixture

    /// Navi pays out 30,000 on Jan 22 (m2), Bajaj Finance 75,000 on Feb 12 (m1) and KreditBee
    /// 25,000 on Mar 10, five days before the cutoff.
    private static let disbursals = [
        F.extracted("2026-01-22 16:00:00", "Navi: Your loan of Rs.30,000 has been credited to your bank account XX9012. "
                    + "EMI Rs.2,888 starts 05-Mar-26.", sender: "AD-NAVIFN"),
        F.extracted("2026-02-12 11:00:00", "Bajaj Finance: Rs.75,000 personal loan amount has been credited to your "
                    + "bank a/c XX5529. EMI: Rs.3,480/month.", sender: "VM-BAJAJF"),
        F.extracted("2026-03-10 09:30:00", "Congratulations! Your loan of Rs 25,000 has been disbursed to your bank "
                    + "account ending 3309. First EMI of Rs 4,480 is due on 05-04-2026. - KreditBee", sender: "VM-KREDTB"),
    ]

    /// Credits of 20,000 in m1 to m3 from different payers (no salary) and 6,000 of EMI paid.
    private static var baseSMS: [ExtractedSMS] {
        var emi = F.sms("2026-03-03 10:00:00", sender: "bajajf", body: "EMI paid", type: .loanEMIPaid, senderType: .nbfc)
        emi.amount = 6_000
        return [
            F.txn("2026-02-10 10:00:00", .credit, 20_000, party: "A"),
            F.txn("2026-01-20 10:00:00", .credit, 20_000, party: "B"),
            F.txn("2025-12-01 10:00:00", .credit, 20_000, party: "C"),
            F.txn("2026-02-15 10:00:00", .debit, 4_000, party: "D"),
            emi,
        ]
    }

    /// Names of the salary, income and obligation features that a loan must not change.
    private static func incomeFeatureNames(_ values: [String: FeatureValue]) -> [String] {
        let fixed = [
            "income_estimated_monthly_180d_nlp", "credit_monthly_amount_cv_180d_nlp", "emi_monthly_estimate_90d_nlp",
            "foir_estimate_90d_nlp",
        ]
        return fixed + values.keys.filter { $0.hasPrefix("salary_") }.sorted()
    }

    @Test func extractedDisbursalsAreCreditTransactions() {
        for entry in Self.disbursals {
            #expect(entry.smsType == .loanDisbursed, "\(entry.smsBody)")
            #expect(entry.isTransactional, "\(entry.smsBody)")
            #expect(entry.transactionType == .credit, "\(entry.smsBody)")
            #expect(entry.direction == .credit, "\(entry.smsBody)")
        }
        #expect(Self.disbursals.map(\.amount) == [30_000, 75_000, 25_000])
        #expect(Self.disbursals.map(\.accountLastDigits) == ["9012", "5529", "3309"])
    }

    @Test func disbursalsCountAsCreditAndDisbursal() {
        let base = F.compute(F.user(sms: Self.baseSMS))
        let values = F.compute(F.user(sms: Self.baseSMS + Self.disbursals))

        #expect(base["txn_sms_count_all_nlp"] == .integer(4))
        #expect(values["txn_sms_count_all_nlp"] == .integer(7))
        #expect(values["txn_sms_count_nlp"] == .integer(7))
        #expect(values["credit_sms_count_all_nlp"] == .integer(6))
        #expect(values["credit_sms_count_nlp"] == .integer(6))
        #expect(values["debit_sms_count_all_nlp"] == .integer(1))
        #expect(values["loan_disbursed_sms_count_all_nlp"] == .integer(3))
        #expect(values["loan_disbursed_sms_count_30d_nlp"] == .integer(1))

        #expect(values["credit_txn_count_all_nlp"] == .integer(6))
        #expect(values["credit_txn_amount_sum_all_nlp"] == .double(190_000))
        #expect(values["credit_txn_amount_sum_m1_nlp"] == .double(95_000))
        #expect(values["credit_txn_amount_sum_m2_nlp"] == .double(50_000))
        #expect(values["loan_disbursal_count_all_nlp"] == .integer(3))
        #expect(values["loan_disbursal_amount_sum_all_nlp"] == .double(130_000))
        #expect(values["loan_disbursal_amount_max_all_nlp"] == .double(75_000))
        #expect(values["loan_disbursal_count_7d_nlp"] == .integer(1))
        #expect(values["loan_disbursal_days_since_last_all_nlp"] == .integer(5))
        #expect(values["loan_disbursal_lender_distinct_7d"] == .integer(1))
        #expect(values["loan_disbursal_lender_distinct_30d"] == .integer(1))
    }

    @Test func disbursalsLeaveIncomeUnchanged() {
        let base = F.compute(F.user(sms: Self.baseSMS))
        let values = F.compute(F.user(sms: Self.baseSMS + Self.disbursals))

        // With the loans, the m1 to m3 credits would be 95,000, 50,000 and 20,000 (median 50,000).
        // Without them each month has 20,000, and FOIR is 2,000 / 20,000.
        #expect(values["income_estimated_monthly_180d_nlp"] == .double(20_000))
        #expect(values["foir_estimate_90d_nlp"] == .double(0.1))
        #expect(values["salary_flag_all_nlp"] == .integer(0))
        for name in Self.incomeFeatureNames(base) {
            #expect(values[name] == base[name], "\(name)")
        }
    }

    @Test func disbursalIsNeverSalary() {
        // A salary-advance loan names salary, and a lender paying the same amount around the same
        // day every month looks like a recurring payer. Neither is salary.
        var monthly = [
            F.extracted("2026-01-05 10:00:00", "Your salary advance loan of Rs 10,000 has been disbursed to your "
                        + "a/c XX1234. - Refyne", sender: "VM-REFYNE"),
            F.extracted("2026-02-05 10:00:00", "Rs.10,000 loan amount has been credited to your bank a/c XX1234.",
                        sender: "VM-KREDTB"),
            F.extracted("2026-03-05 10:00:00", "Rs.10,500 loan amount has been credited to your bank a/c XX1234.",
                        sender: "VM-KREDTB"),
        ]
        for index in monthly.indices { monthly[index].transactionParty = "KreditBee" }
        #expect(monthly.allSatisfy { $0.smsType == .loanDisbursed })

        let base = F.compute(F.user(sms: Self.baseSMS))
        let values = F.compute(F.user(sms: Self.baseSMS + monthly))
        #expect(values["salary_flag_all_nlp"] == .integer(0))
        #expect(values["salary_credit_txn_count_all_nlp"] == .integer(0))
        #expect(values["credit_txn_count_all_nlp"] == .integer(6))
        for name in Self.incomeFeatureNames(base) {
            #expect(values[name] == base[name], "\(name)")
        }
    }
}
