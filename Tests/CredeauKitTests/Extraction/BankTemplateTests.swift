import Testing
@testable import CredeauKit

/// Bank alert templates whose direction, type, reference or tag hangs on a detail of their wording.
@Suite struct BankTemplateTests {
    private func extract(_ body: String) -> ExtractedSMS { ExtractionTestSupport.extract(body) }

    @Test(arguments: [
        "Txn of Rs.300.00 on HDFC Bank Card x7730 at ZOMATO on 05-03-26 has been reversed. Refund will be credited in 5-7 days.",
        "Transaction of INR 450 at SWIGGY on your Card XX1234 is reversed. Amount will be credited to your card within 7 working days.",
    ])
    func pendingReversalIsNoTransaction(body: String) {
        let entry = extract(body)
        #expect(entry.smsNLPTag == "not_in_the_list_refund_initiated")
        #expect(entry.transactionType != .debit)
    }

    @Test(arguments: [
        "Txn of Rs.300.00 on HDFC Bank Card x7730 at ZOMATO on 05-03-26 has been reversed.",
        "Transaction of INR 450 at SWIGGY on Card XX1234 was refunded to your card on 05-03-26.",
    ])
    func doneReversalIsCardCredit(body: String) {
        let entry = extract(body)
        #expect(entry.smsType == .cardCreditExecuted)
        #expect(entry.transactionType == .credit)
        #expect(entry.smsNLPTag == "card_credit_executed_refund")
    }

    @Test func laterReversalKeepsDebit() {
        let entry = extract("Rs.500 debited from A/c XX1234 on 05-03-26. Your earlier txn of Rs 200 at SHOP has been reversed.")
        #expect(entry.transactionType == .debit)
        #expect(entry.amount == 500)
    }

    @Test func moneyTransferAlertIsDebit() {
        let entry = extract("Money Transfer:Rs 1,000.00 from HDFC Bank A/c **4821 on 05-03-26 to RAMESH KUMAR UPI: 608412779313 Not You? Call 18002586161")
        #expect(entry.smsType == .accountDebitExecuted)
        #expect(entry.amount == 1000)
        #expect(entry.accountLastDigits == "4821")
        #expect(entry.transactionParty == "RAMESH KUMAR")
        #expect(entry.referenceNumber == "608412779313")
    }

    @Test func amountFromAccountToNameIsDebit() {
        let entry = extract("Rs 2,500.00 from SBI A/c XX1234 on 05-03-26 to SITA DEVI. UPI Ref 612345678901")
        #expect(entry.transactionType == .debit)
        #expect(entry.transactionParty == "SITA DEVI")
    }

    @Test(arguments: [
        ("Rs.500.00 has been debited from account **4821 to VPA merchant@ybl on 05-03-26. Your UPI transaction reference number is 608412779310. If not done by you, call 18002586161", "608412779310"),
        ("Rs 500 debited from A/c XX4821 on 05-03-26. Ref No. is 774512390011", "774512390011"),
        ("INR 9,000 credited to A/c XX4821 by NEFT. UTR is SBIN226045123456", "SBIN226045123456"),
    ])
    func referenceAfterIs(body: String, expected: String) {
        #expect(extract(body).referenceNumber == expected)
    }

    @Test func creditFromAccountToYours() {
        let entry = extract("Rs 500 from A/c XX5678 to your A/c XX1234 received via IMPS on 05-03-26")
        #expect(entry.transactionType == .credit)
    }

    @Test func laterChargeIsNoChargesTag() {
        let entry = extract("Rs.1,000 debited from A/c XX4821 on 05-03-26 to A/c XX9999. Avl Bal: Rs. 12,000.00. Rs.50 charges applied.")
        #expect(entry.smsType == .accountDebitExecuted)
        #expect(entry.amount == 1000)
        #expect(entry.smsNLPTag == "account_debit_executed")
    }

    @Test(arguments: [
        "Rs 20 debited from A/c XX1234 on 05-03-26 towards SMS charges for Q3",
        "SMS Charges: Rs 20 debited from A/c XX1234 on 05-03-26",
        "A/C X8314 debited by 45.0 on date 12Feb26 towards annual fee",
    ])
    func ownChargeKeepsTag(body: String) {
        #expect(extract(body).smsNLPTag == "account_debit_executed_charges")
    }
}
