import Testing
@testable import CredeauKit

/// Amounts written with the Indian multipliers lakh and crore, and the credit marker `Cr` that
/// must not be read as one.
@Suite struct AmountMultiplierTests {
    private func extract(_ body: String, sender: String = "VM-HDFCBK-S") -> ExtractedSMS {
        ExtractionTestSupport.extract(body, sender: sender)
    }

    @Test(arguments: [
        ("Congratulations! Your loan of Rs 1.5 Lakh has been disbursed to your bank account XX4821.", 150_000.0),
        ("Rs 2 lakh credited to your A/c XX4821 from ACME PAYROLL. Salary for Mar-26.", 200_000),
        ("Rs. 1.2L debited from A/c XX4821 for NEFT to JOHN.", 120_000),
        ("₹ 5 crore credited to A/c XX4821", 50_000_000),
        ("Rs. 1.5 lakh credited to A/c XX4821 on 05-03-26 by NEFT from ACME. Ref 12345", 150_000),
        ("INR 3 lacs credited to A/c XX4821 on 05-03-26", 300_000),
        ("Rs 2.25 Crores credited to A/c XX4821 on 05-03-26", 22_500_000),
        ("Rs 5 Cr credited to A/c XX4821 on 05-03-26", 50_000_000),
        ("Rs.40lac debited from A/c XX4821 on 05-03-26", 4_000_000),
    ])
    func multiplierWords(body: String, expected: Double) {
        #expect(extract(body).amount == expected)
    }

    @Test(arguments: [
        ("Rs 500 LIC premium debited from A/c XX4821 on 05-03-26", 500.0),
        ("Rs 500.00 Cr to A/c XX4821 on 05-03-26 by NEFT", 500),
        ("Rs 750 Cr. to A/c XX4821 on 05-03-26 by IMPS", 750),
        ("Rs 1,240 debited from A/c XX4821 on 05-03-26 at LAKHANI STORES", 1240),
    ])
    func lettersThatAreNoMultiplier(body: String, expected: Double) {
        #expect(extract(body).amount == expected)
    }

    @Test func balanceCreditMarkerKept() {
        let entry = extract("Ac XX7316 Debited with Rs.1240.00, 03-03-2026 18:05:41. Aval Bal Rs.8615.30 CR. Helpline 18001800-PNB",
                            sender: "VM-PNBSMS-S")
        #expect(entry.amount == 1240)
        #expect(entry.availableBalance == 8615.30)
    }

    @Test func dueInLakhs() {
        let entry = extract("Your loan EMI of Rs 1.2 lakh is due on 05-04-26 for loan a/c XX4821")
        #expect(entry.smsType == .loanEMIDue)
        #expect(entry.dueAmount == 120_000)
    }
}
