import Testing
@testable import CredeauKit

/// Common wordings of payment SMS. Each table contains several senders' spellings of one kind
/// of message.
@Suite struct PaymentWordingTests {
    private func extract(_ sender: String, _ body: String) -> ExtractedSMS {
        ExtractionTestSupport.extract(body, sender: sender)
    }

    /// A lender confirms an EMI: the amount is the EMI paid, and the loan number is no party.
    @Test(arguments: [
        ("JD-BAJAJF", "Thank you! We have received your EMI payment of Rs 2,345 for Loan 4XXXXXX9 on 05-03-2026.", 2345.0),
        ("JD-BAJAJF", "Your EMI of Rs 2,345 for Loan 4XXXXXX9 has been received. Thank you.", 2345),
        ("VM-ICICIB", "Your EMI of INR 3,000 for Loan LAXXXX1234 has been successfully paid on 05-Mar-26.", 3000),
        ("AD-TATACP", "Dear Customer, EMI payment of Rs.6,712.00 against Loan A/c TCFPL0123456 received on 05/03/2026. Thank you - Tata Capital", 6712),
        ("VK-HDBFSL", "We have received EMI of Rs 3,150 towards your loan no. 12XXXX789 on 05-MAR-26. Thank you for the timely payment.", 3150),
        ("AX-KREDTB", "Your EMI of Rs. 1,499 for loan KB987654 is paid successfully. Next EMI due on 05-04-2026. -KreditBee", 1499),
        ("VM-IDFCFB", "Thank you for paying your EMI of INR 8,250.00 for loan account ending 4410 on 05-Mar-2026. - IDFC FIRST Bank", 8250),
        ("JM-MUTHOT", "Dear Customer, instalment of Rs 2,100 for Gold Loan 0412XXXX56 has been received on 05-03-26. Muthoot Finance", 2100),
        ("VM-HDFCBK", "Your EMI of Rs 2,345 has been received. Principal Rs 2,000 Interest Rs 345.", 2345),
    ])
    func emiConfirmationKeepsAmount(sender: String, body: String, amount: Double) {
        let entry = extract(sender, body)
        #expect(entry.smsType == .loanEMIPaid)
        #expect(entry.amount == amount)
        #expect(entry.accountType == .loan)
        #expect(entry.transactionParty == nil)
    }

    /// An EMI that is only due, will be debited or was not received has no paid amount.
    @Test func unpaidEMIIsNoPayment() {
        let due = extract("VM-BAJAJF", "Your EMI of Rs 2,345 for Loan 4XXXXXX9 is due on 05-04-2026. Please maintain sufficient balance in A/c XX1234.")
        #expect(due.smsType == .loanEMIDue)
        #expect(due.amount == nil)
        #expect(due.dueAmount == 2345)
        let upcoming = extract("VM-HDFCBK", "EMI of Rs 4,567 will be debited from your A/c XX5678 on 05-04-26 towards Loan A/c XX9012.")
        #expect(upcoming.smsType == .loanEMIDue)
        #expect(upcoming.amount == nil)
        let missed = extract("VM-BAJAJF", "We have not received your EMI of Rs 2,345 for Loan 4XXXXXX9. Please pay immediately.")
        #expect(missed.smsType != .loanEMIPaid)
        #expect(missed.amount == nil)
    }

    /// A bank reports an EMI debited from the customer's account: a debit tagged `emi`, with the
    /// account the money left when the SMS names it.
    @Test(arguments: [
        ("VM-HDFCBK", "EMI of Rs 4,567 for your HDFC Bank Loan A/c XX9012 has been debited on 05-03-26. Thank you.", 4567.0, "9012"),
        ("VM-HDFCBK", "EMI of Rs 4,567 debited from your A/c XX5678 towards Loan A/c XX9012 on 05-03-26.", 4567, "5678"),
        ("AD-SBIINB", "Dear Customer, EMI of INR 12,500.00 has been deducted from your account XX4455 for loan no. XXXX7788 on 05/03/2026. Avl Bal INR 5,430.10 -SBI", 12500, "4455"),
        ("VK-AXISBK", "EMI Rs 8,999 for Loan A/c XXXX1122 debited from SB A/c XX3344 on 05-MAR-26. Avl Bal Rs 21,004.50 - Axis Bank", 8999, "3344"),
        ("BP-KOTAKB", "Your Loan EMI of Rs.6,100.00 has been debited from a/c no. XXXXXXXX7766 on 05-03-2026. -Kotak Bank", 6100, "7766"),
        ("VM-ICICIB", "ICICI Bank Acct XX903 debited with EMI of INR 5,432.00 for Loan LBMUM00012345 on 05-Mar-26. Avl Bal INR 1,234.00", 5432, "903"),
    ])
    func bankEMIDebitIsDebit(sender: String, body: String, amount: Double, digits: String) {
        let entry = extract(sender, body)
        #expect(entry.smsType == .accountDebitExecuted)
        #expect(entry.smsNLPTag == "account_debit_executed_emi")
        #expect(entry.transactionType == .debit)
        #expect(entry.amount == amount)
        #expect(entry.accountLastDigits == digits)
        #expect(entry.accountType == .bank)
    }

    /// `Trxn.`, `Txn.`, `Tran.` read like "Transaction of".
    @Test(arguments: [
        ("VM-SBICRD", "Trxn. of INR 499.00 done on SBI Credit Card ending 7788 at SWIGGY on 05/03/26. Total O/s INR 12,340.50", 499.0, "7788", "SWIGGY"),
        ("VM-SBICRD", "Txn. of Rs 1,250.00 done on your SBI Card ending 4432 at AMAZON on 05-03-26.", 1250, "4432", "AMAZON"),
        ("VM-INDUSB", "Txn.of Rs.350.00 on IndusInd Credit Card XX1881 at ZOMATO on 05-03-26 is successful.", 350, "1881", "ZOMATO"),
        ("VM-BOBCRD", "Tran. of INR 2,100.00 on Bank of Baroda Credit Card ending 9911 at RELIANCE TRENDS on 05-03-26.", 2100, "9911", "RELIANCE TRENDS"),
    ])
    func abbreviatedTransactionIsCardDebit(sender: String, body: String, amount: Double, digits: String, party: String) {
        let entry = extract(sender, body)
        #expect(entry.smsType == .cardDebitExecuted)
        #expect(entry.transactionType == .debit)
        #expect(entry.amount == amount)
        #expect(entry.accountLastDigits == digits)
        #expect(entry.transactionParty == party)
    }

    @Test func abbreviatedTransactionKeepsOutstanding() {
        let entry = extract("VM-SBICRD", "Trxn. of INR 499.00 done on SBI Credit Card ending 7788 at SWIGGY on 05/03/26. Total O/s INR 12,340.50")
        #expect(entry.outstandingAmount == 12340.50)
    }

    /// "Payment of Rs X to Y successful" from an account or a wallet is a debit to Y.
    @Test(arguments: [
        ("VM-SBIINB", "Dear Customer, Payment of Rs 800 to BESCOM is successful from A/c XX1234. Ref 612345678922", SMSType.accountDebitExecuted, 800.0, "BESCOM"),
        ("VM-AXISBK", "Payment of INR 1,500.00 to Airtel Postpaid from Axis Bank A/c XX4321 successful on 05-03-26.", .accountDebitExecuted, 1500, "Airtel Postpaid"),
        ("VM-HDFCBK", "Your payment of Rs.1,200.00 to Tata Power was successful from HDFC Bank A/c XX8899 on 05-03-26. Ref no 612300011122", .accountDebitExecuted, 1200, "Tata Power"),
        ("VM-KOTAKB", "Payment of INR 2,000 to LIC of India successfully done from Kotak A/c XX6677 on 05-03-26. UPI Ref 612398765432", .accountDebitExecuted, 2000, "LIC of India"),
        ("VM-MOBIKW", "Payment of Rs.99 to Jio successful. MobiKwik wallet balance: Rs.401.00. Txn ID MK1234567890", .walletDebitExecuted, 99, "Jio"),
        ("VM-FRCHRG", "Payment of Rs 150 to BESCOM successful from Freecharge wallet. Wallet balance: Rs 350", .walletDebitExecuted, 150, "BESCOM"),
        ("JD-PAYTMB", "Payment of Rs 349 to Airtel Prepaid has been successfully made from Paytm Wallet. Balance: Rs 1,151", .walletDebitExecuted, 349, "Airtel Prepaid"),
        ("VM-HDFCBK", "Payment of Rs 500 to Swiggy successful using HDFC Bank Credit Card XX1234 on 05-03-26.", .cardDebitExecuted, 500, "Swiggy"),
    ])
    func successfulPaymentToPayeeIsDebit(sender: String, body: String, type: SMSType, amount: Double, party: String) {
        let entry = extract(sender, body)
        #expect(entry.smsType == type)
        #expect(entry.transactionType == .debit)
        #expect(entry.amount == amount)
        #expect(entry.transactionParty == party)
    }

    @Test func successfulPaymentKeepsAccountAndBalance() {
        #expect(extract("VM-SBIINB", "Dear Customer, Payment of Rs 800 to BESCOM is successful from A/c XX1234. Ref 612345678922").accountLastDigits == "1234")
        #expect(extract("VM-MOBIKW", "Payment of Rs.99 to Jio successful. MobiKwik wallet balance: Rs.401.00. Txn ID MK1234567890").availableBalance == 401)
    }

    /// A payment to the user's own card or account, and a biller's confirmation naming no account,
    /// are not debits of the user.
    @Test func paymentThatIsNoDebit() {
        let biller = extract("AD-BESCOM", "Payment of Rs 800 to BESCOM is successful. Ref 612345678922")
        #expect(biller.smsType == .notInTheList)
        #expect(biller.smsNLPTag == "not_in_the_list_payment_confirmation")
        let cardBill = extract("AD-HDFCBK", "Payment of Rs 5,000 to your HDFC Bank Credit Card XX1234 has been received. Thank you.")
        #expect(cardBill.smsType == .cardCreditExecuted)
        let toCard = extract("JK-CREDIN", "Payment of Rs 1,000 to HDFC Credit Card XX1234 successful via CRED.")
        #expect(toCard.transactionType != .debit)
        let due = extract("AD-HDFCBK", "Payment of Rs 500 to BESCOM is due on 10-03-26 from A/c XX1234.")
        #expect(due.smsType == .billDue)
    }

    /// The payee ends before "using", "through" or "thru" and the instrument after it.
    @Test(arguments: [
        ("VM-HDFCBK", "You paid Rs.450 to Dominos using HDFC Bank A/c XX5678. UPI Ref 612345678920", "Dominos"),
        ("VM-MOBIKW", "You paid Rs.99 to Jio using MobiKwik wallet. Balance Rs.401.00", "Jio"),
        ("VM-AMAZON", "Rs 200.00 paid to Swiggy using Amazon Pay balance. Remaining balance Rs 50.00", "Swiggy"),
        ("VM-ICICIB", "You have paid Rs 1,020.00 to Uber India using ICICI Bank Credit Card XX1001 on 05-Mar-26.", "Uber India"),
        ("JD-PAYTMB", "Paid Rs.60 to Chai Point using Paytm Wallet. Updated balance Rs.940", "Chai Point"),
        ("VM-ICICIB", "Rs 300 sent to RAMESH KUMAR using ICICI Bank UPI on 05-03-26. Ref 612311122233", "RAMESH KUMAR"),
        ("VM-ICICIB", "Rs 1,500 paid to Airtel through ICICI Bank NetBanking on 05-03-26.", "Airtel"),
    ])
    func payeeBeforeInstrument(sender: String, body: String, party: String) {
        let entry = extract(sender, body)
        #expect(entry.transactionType == .debit)
        #expect(entry.transactionParty == party)
    }

    /// A card payment reminder: the due amount is the total, not the minimum, and the account is
    /// the card.
    @Test(arguments: [
        ("VM-HDFCBK", "Your HDFC Bank Credit Card xx4455 payment of Rs 5,000 is due on 10-03-2026. Minimum due Rs 250.", 5000.0),
        ("VM-ICICIB", "ICICI Bank Credit Card XX7001: payment of INR 18,430.00 is due by 12-Mar-26. Min amount due INR 922.00. Pay now to avoid charges.", 18430),
        ("VM-SBICRD", "Minimum due Rs 600 and total due Rs 12,000 on your SBI Card ending 1234 is payable by 15-03-26.", 12000),
        ("VM-AXISBK", "Reminder: Rs 7,450 is due on your Axis Bank Credit Card XX3390 on 18-03-26. Minimum amount due Rs 373.", 7450),
        ("VM-KOTAKB", "Kotak Credit Card XX2211 payment due: Rs 9,876.00 on 20-03-26. Min due: Rs 494.00", 9876),
        ("VK-ICICIT", "Reminder: Payment of Rs.9,120.00 on ICICI Bank Credit Card XX4412 is due on 28-Mar-26. Minimum amount due is Rs.460.00.", 9120),
    ])
    func cardReminderTakesTotalDue(sender: String, body: String, due: Double) {
        let entry = extract(sender, body)
        #expect(entry.smsType == .billDue)
        #expect(entry.dueAmount == due)
        #expect(entry.accountType == .card)
        #expect(entry.outstandingAmount == nil || entry.outstandingAmount == due)
    }

    @Test func minimumDueAloneIsTheDue() {
        let entry = extract("VM-HDFCBK", "Minimum amount due of Rs 1,250 on your HDFC Bank Credit Card XX1234 is payable by 10-03-26.")
        #expect(entry.dueAmount == 1250)
        #expect(entry.accountType == .card)
    }

    /// A bill that only suggests paying with a card stays a bill without an account kind.
    @Test func billPaidByCardIsNoCardDue() {
        let entry = extract("VM-AIRTEL", "Your Airtel bill of Rs 499 is due on 10-03-26. Pay using your HDFC card for cashback.")
        #expect(entry.smsType == .billDue)
        #expect(entry.accountType == nil)
        #expect(entry.dueAmount == 499)
    }
}
