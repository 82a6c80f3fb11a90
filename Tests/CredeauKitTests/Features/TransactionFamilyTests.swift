import Testing
@testable import CredeauKit

/// Transaction statistics and ratios on one hand-built account. Cutoff Sunday 2026-03-15 23:59:59.
@Suite struct TransactionFamilyTests {
    typealias F = FeatureFixture

    /// Debits: 500 UPI Sat Mar 14; 12,000 IMPS Tue Mar 10 at 02:30 (night); 60,000 NEFT Mon Mar 2;
    /// 1,500 UPI Fri Feb 20 (23 days back); 2,000 UPI Sun Feb 1 (42 days back, outside 30d).
    /// Credits: 40,000 NEFT Thu Mar 5; 10,000 on Sat Jan 10 (64 days back).
    static let user = F.user(sms: [
        F.txn("2026-03-14 10:00:00", .debit, 500, channel: .upi),
        F.txn("2026-03-10 02:30:00", .debit, 12_000, channel: .imps),
        F.txn("2026-03-02 15:00:00", .debit, 60_000, channel: .neft),
        F.txn("2026-02-20 12:00:00", .debit, 1_500, channel: .upi),
        F.txn("2026-02-01 12:00:00", .debit, 2_000, channel: .upi),
        F.txn("2026-03-05 09:00:00", .credit, 40_000, channel: .neft, party: "ACME LTD"),
        F.txn("2026-01-10 09:00:00", .credit, 10_000),
    ])

    @Test func debitStatisticsOverThirtyDays() {
        let values = F.compute(Self.user, groupings: [.extractedSMS])
        // 30d debits: 500, 12,000, 60,000, 1,500.
        #expect(values["debit_txn_count_30d_nlp"] == .integer(4))
        #expect(values["debit_txn_amount_sum_30d_nlp"] == .double(74_000))
        #expect(values["debit_txn_amount_mean_30d_nlp"] == .double(18_500))
        // Sorted 500, 1,500, 12,000, 60,000: median (1,500 + 12,000) / 2.
        #expect(values["debit_txn_amount_median_30d_nlp"] == .double(6_750))
        #expect(values["debit_txn_amount_max_30d_nlp"] == .double(60_000))
        #expect(values["debit_txn_amount_min_30d_nlp"] == .double(500))
        // Deviations from 18,500: -18,000, -17,000, -6,500, 41,500; squares sum 2,377,500,000;
        // / 4 = 594,375,000; square root 24,379.807 -> 24,379.81.
        #expect(values["debit_txn_amount_std_30d_nlp"] == .double(24_379.81))
        #expect(values["debit_txn_large_10k_count_30d_nlp"] == .integer(2))
        #expect(values["debit_txn_large_50k_count_30d_nlp"] == .integer(1))
        #expect(values["debit_txn_night_share_30d_nlp"] == .double(0.25))
        #expect(values["debit_txn_weekend_share_30d_nlp"] == .double(0.25))
    }

    @Test func windowsMonthsAndRecency() {
        let values = F.compute(Self.user, groupings: [.extractedSMS])
        // 7d = Mar 9..15: Mar 14 and Mar 10.
        #expect(values["debit_txn_count_7d_nlp"] == .integer(2))
        #expect(values["debit_txn_amount_sum_7d_nlp"] == .double(12_500))
        #expect(values["debit_txn_count_60d_nlp"] == .integer(5))
        // March: 500 + 12,000 + 60,000; February: 1,500 + 2,000.
        #expect(values["debit_txn_count_m0_nlp"] == .integer(3))
        #expect(values["debit_txn_amount_sum_m0_nlp"] == .double(72_500))
        #expect(values["debit_txn_count_m1_nlp"] == .integer(2))
        #expect(values["debit_txn_amount_sum_m1_nlp"] == .double(3_500))
        #expect(values["debit_txn_days_since_last_all_nlp"] == .integer(1))
        #expect(values["debit_txn_days_since_first_all_nlp"] == .integer(42))
        #expect(values["credit_txn_amount_sum_90d_nlp"] == .double(50_000))
        #expect(values["credit_txn_amount_sum_60d_nlp"] == .double(40_000))
    }

    @Test func channelSubjects() {
        let values = F.compute(Self.user, groupings: [.extractedSMS])
        #expect(values["upi_debit_txn_count_30d_nlp"] == .integer(2))
        #expect(values["upi_debit_txn_amount_sum_30d_nlp"] == .double(2_000))
        #expect(values["upi_debit_txn_amount_sum_60d_nlp"] == .double(4_000))
        #expect(values["imps_debit_txn_amount_sum_30d_nlp"] == .double(12_000))
        #expect(values["neft_debit_txn_count_30d_nlp"] == .integer(1))
        #expect(values["neft_credit_txn_amount_sum_30d_nlp"] == .double(40_000))
        #expect(values["atm_debit_txn_count_30d_nlp"] == .integer(0))
        #expect(values["atm_debit_txn_amount_mean_30d_nlp"] == .null)
    }

    @Test func ratiosBetweenDirectionsAndWindows() {
        let values = F.compute(Self.user, groupings: [.extractedSMS])
        // 40,000 credited / 74,000 debited.
        #expect(values["credit_debit_amount_ratio_30d_nlp"] == .double(40_000.0 / 74_000.0))
        #expect(values["credit_debit_count_ratio_30d_nlp"] == .double(0.25))
        #expect(values["net_flow_amount_30d_nlp"] == .double(-34_000))
        // Debits days 0-29: 74,000; days 30-59: 2,000 (Feb 1).
        #expect(values["debit_txn_amount_trend_30d_nlp"] == .double(37))
        // Credits days 30-59: none, so the trend is null.
        #expect(values["credit_txn_amount_trend_30d_nlp"] == .null)
        // Transactions days 0-29: 4 debits + 1 credit; days 30-59: 1 debit.
        #expect(values["txn_count_trend_30d_nlp"] == .double(5))
        #expect(values["upi_debit_amount_share_30d_nlp"] == .double(2_000.0 / 74_000.0))
        // 30d credits 40,000 of 90d credits 50,000.
        #expect(values["credit_txn_amount_30d_share_90d_nlp"] == .double(0.8))
    }

    @Test func classCountsAndCompatibilityNames() {
        var otp = F.sms("2026-03-14 08:00:00", body: "OTP 1", type: .otp)
        otp.smsID = "otp"
        let user = F.user(sms: Self.user.sms + [otp])
        let values = F.compute(user, groupings: [.extractedSMS])
        #expect(values["all_sms_count_nlp"] == .integer(8))
        #expect(values["txn_sms_count_nlp"] == .integer(7))
        #expect(values["credit_sms_count_nlp"] == .integer(2))
        #expect(values["otp_sms_count_7d_nlp"] == .integer(1))
        #expect(values["account_debit_executed_sms_count_all_nlp"] == .integer(5))
    }

    @Test func sameTransactionFromTwoSendersCountsOnce() {
        // The bank and a wallet report the same 700 debit on account 1234 two minutes apart.
        let user = F.user(sms: [
            F.txn("2026-03-14 10:00:00", .debit, 700),
            F.txn("2026-03-14 10:02:00", .debit, 700, sender: "paytmb"),
            F.txn("2026-03-14 12:00:00", .debit, 700, sender: "paytmb"),
        ])
        let values = F.compute(user, groupings: [.extractedSMS])
        #expect(values["debit_txn_count_all_nlp"] == .integer(2))
        #expect(values["duplicate_txn_removed_count_all_nlp"] == .integer(1))
        // Class counts still count every SMS.
        #expect(values["debit_sms_count_all_nlp"] == .integer(3))
    }

    @Test func noticesUseTheirDueAmounts() {
        var due = F.sms("2026-03-12 10:00:00", sender: "bajajf", body: "EMI due", type: .loanEMIDue, senderType: .nbfc)
        due.dueAmount = 4_500
        var bounce = F.sms("2026-03-11 10:00:00", body: "NACH bounced", type: .paymentBounce)
        bounce.amount = 4_500
        let values = F.compute(F.user(sms: [due, bounce]), groupings: [.extractedSMS])
        #expect(values["emi_due_count_30d_nlp"] == .integer(1))
        #expect(values["emi_due_amount_sum_30d_nlp"] == .double(4_500))
        #expect(values["payment_bounce_amount_max_all_nlp"] == .double(4_500))
        #expect(values["payment_bounce_days_since_last_all_nlp"] == .integer(4))
        #expect(values["emi_due_latest_all_nlp"] == .double(4_500))
    }
}
