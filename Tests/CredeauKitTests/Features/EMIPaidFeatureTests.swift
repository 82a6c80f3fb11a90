import Testing
@testable import CredeauKit

/// EMI confirmations in lenders' common wording feed the `emi_paid` amounts, and a card payment
/// reminder feeds `bill_due_latest` with its total due, through the standard extractor.
@Suite struct EMIPaidFeatureTests {
    typealias F = FeatureFixture

    /// Bajaj Finance confirms 2,345 on Mar 5 and ICICI Bank 3,000 on Feb 5.
    private static let confirmations = [
        F.extracted("2026-03-05 12:00:00", "Thank you! We have received your EMI payment of Rs 2,345 for Loan 4XXXXXX9 on 05-03-2026.",
                    sender: "JD-BAJAJF"),
        F.extracted("2026-02-05 12:00:00", "Your EMI of INR 3,000 for Loan LAXXXX1234 has been successfully paid on 05-Feb-26.",
                    sender: "VM-ICICIB"),
    ]

    @Test func confirmationsSumTheirAmounts() {
        let values = F.compute(F.user(sms: Self.confirmations), groupings: [.extractedSMS])
        #expect(values["emi_paid_count_all_nlp"] == .integer(2))
        #expect(values["emi_paid_amount_sum_all_nlp"] == .double(5_345))
        #expect(values["emi_paid_amount_max_all_nlp"] == .double(3_000))
        #expect(values["emi_paid_amount_min_all_nlp"] == .double(2_345))
        #expect(values["emi_paid_amount_mean_all_nlp"] == .double(2_672.5))
        #expect(values["emi_paid_count_30d_nlp"] == .integer(1))
        #expect(values["emi_paid_amount_sum_30d_nlp"] == .double(2_345))
    }

    @Test func cardReminderGivesTotalDue() {
        let reminder = F.extracted("2026-03-06 09:00:00",
                                   "Your HDFC Bank Credit Card xx4455 payment of Rs 5,000 is due on 10-03-2026. Minimum due Rs 250.",
                                   sender: "VM-HDFCBK")
        let values = F.compute(F.user(sms: [reminder]), groupings: [.extractedSMS])
        #expect(values["bill_due_latest_all_nlp"] == .double(5_000))
    }
}
