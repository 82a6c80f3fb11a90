import Testing
@testable import CredeauKit

/// Amounts the families cannot round to the paisa (huge, infinite, NaN) count as missing.
@Suite struct UnusableAmountTests {
    typealias F = FeatureFixture

    private static func entries(amount: Double?, balance: Double?) -> [ExtractedSMS] {
        var due = F.sms("2026-03-08 11:00:00", body: "emi due", type: .loanEMIDue)
        due.dueAmount = amount
        due.outstandingAmount = amount
        due.amount = amount
        return [
            F.txn("2026-03-14 10:00:00", .debit, amount, channel: .upi, balance: balance),
            F.txn("2026-03-10 02:30:00", .debit, 12_000, channel: .imps, balance: 3_000),
            F.txn("2026-03-05 09:00:00", .credit, amount, channel: .neft, party: "ACME LTD", balance: balance),
            F.txn("2026-02-05 09:00:00", .credit, 40_000, channel: .neft, party: "ACME LTD"),
            due,
        ]
    }

    @Test(arguments: [1e300, -1e300, Double.infinity, -Double.infinity, Double.nan, 9e13, -9e13])
    func unusableAmountsCountAsMissing(value: Double) {
        let bad = F.compute(F.user(sms: Self.entries(amount: value, balance: value)))
        let missing = F.compute(F.user(sms: Self.entries(amount: nil, balance: nil)))

        #expect(bad.count == missing.count)
        for (name, expected) in missing {
            #expect(bad[name] == expected, "feature \(name)")
        }
    }

    @Test func usableAmountsAreKept() {
        let user = F.user(sms: Self.entries(amount: 8.9e13, balance: -250.5))
        let checked = user.withUsableAmounts()

        #expect(checked.sms.map(\.amount) == user.sms.map(\.amount))
        #expect(checked.sms.map(\.availableBalance) == user.sms.map(\.availableBalance))
    }
}
