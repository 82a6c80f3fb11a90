import Testing
@testable import CredeauKit

/// Classification, false positives and the nlp tag.
@Suite struct ClassificationTests {
    private func extract(_ body: String, sender: String? = "VM-HDFCBK-S") -> ExtractedSMS {
        ExtractionTestSupport.extract(body, sender: sender)
    }

    @Test(arguments: [
        "Your IDFC First Bank OTP for fund transfer is 804117. It is valid for 10 minutes.",
        "OTP 662019 for your creditcard xxxxx8841 transaction of INR 2,150.00 at FLIPKART. Valid for 5 minutes.",
        "482913 is your Amazon OTP. Do not share it with anyone.",
    ])
    func otpIsNotTransaction(body: String) {
        let entry = extract(body)
        #expect(entry.smsType == .otp)
        #expect(!entry.isTransactional)
    }

    @Test(arguments: [
        "Get Rs 500 cashback on your first bill payment! Use code POWER500. T&C apply.",
        "FLAT 30% OFF on purchase of Rs. 3000 is valid for 3 DAYS ONLY",
        "Pre-approved personal loan of Rs 2,00,000 is waiting for you! Apply now",
        "Get a FREE health check-up on purchase of medicines worth Rs.1500 & above.",
    ])
    func promotionWithAmountIsNotDebit(body: String) {
        let entry = extract(body)
        #expect(entry.smsType == .promotional)
        #expect(entry.transactionType == nil)
        #expect(!entry.isTransactional)
    }

    @Test func emiReminderIsNotDebit() {
        let entry = extract("Rs. 3,275.00 will be debited from your account on 05-Apr-26 towards your Home Loan EMI.")
        #expect(entry.smsType == .loanEMIDue)
        #expect(!entry.isTransactional)
        #expect(entry.dueDate == "2026-04-05")
    }

    @Test func upcomingDebitIsNotTransaction() {
        let entry = extract("INR.499.00 will be debited on 12/03/2026 from HDFC Bank Card 8842 for Amazon Prime")
        #expect(entry.smsType == .billDue)
        #expect(!entry.isTransactional)
    }

    @Test(arguments: [
        "Your slice credit card transaction of RS. 4,500 on makemytrip.com failed.",
        "Transaction of Rs.1,450.00 on Card XX6623 at CROMA was declined due to incorrect PIN.",
        "Your transaction of Rs.2,000 to RAVI KUMAR was not successful.",
    ])
    func declinedIsNotTransaction(body: String) {
        let entry = extract(body)
        #expect(entry.smsType == .transactionDeclined)
        #expect(!entry.isTransactional)
    }

    @Test func declinedMerchantStopsAtVerb() {
        let entry = extract("Transaction of Rs.1,450.00 on Card XX6623 at CROMA was declined due to incorrect PIN.")
        #expect(entry.transactionParty == "CROMA")
        #expect(extract("Your slice credit card transaction of RS. 999 on hotstar.com failed.").transactionParty == "hotstar.com")
    }

    @Test func reversalOfFailedTransactionIsCredit() {
        let entry = extract("Rs.5,000.00 has been credited to your Acct XX208 as reversal of failed transaction. Avl Bal Rs 9,904.18")
        #expect(entry.smsType == .accountCreditExecuted)
        #expect(entry.smsNLPTag == "account_credit_executed_refund")
    }

    @Test func futureCashbackIsNotCredit() {
        let entry = extract("Rs.500 cashback will be credited to your A/c XX4821 within 90 days of the eligible transaction.")
        #expect(!entry.isTransactional)
        #expect(entry.smsNLPTag == "not_in_the_list_upcoming_credit")
    }

    @Test func billPaymentReceiptIsNotCredit() {
        let entry = extract("Your Airtel bill payment of Rs.599 has been received. Thank you!", sender: "VM-AIRTEL")
        #expect(!entry.isTransactional)
        #expect(entry.smsNLPTag == "not_in_the_list_payment_confirmation")
    }

    @Test func merchantRefundNoticeIsNotTransaction() {
        let entry = extract("Refund of Rs.1,299.00 for your order has been processed to your original payment method.")
        #expect(!entry.isTransactional)
        #expect(entry.smsNLPTag == "not_in_the_list_refund_initiated")
    }

    @Test(arguments: [
        ("Your NACH debit of Rs.5,610.00 for loan EMI to BAJAJ FINANCE has been returned unpaid due to insufficient funds.", "payment_bounce_emi"),
        ("ECS of Rs 2,999 presented by TVS CREDIT from your a/c XX2290 bounced due to insufficient balance.", "payment_bounce_nach"),
        ("Cheque no. 000412 for Rs 18,000.00 from Acct XX903 has been dishonoured.", "payment_bounce_cheque"),
    ])
    func bounceKinds(body: String, tag: String) {
        let entry = extract(body)
        #expect(entry.smsType == .paymentBounce)
        #expect(entry.smsNLPTag == tag)
        #expect(!entry.isTransactional)
    }

    @Test func mandateCreationIsNotTransaction() {
        let entry = extract("Your UPI-Mandate for Rs.649.00 is successfully created towards Netflix from A/c No: XXXXXX2281.")
        #expect(!entry.isTransactional)
        #expect(entry.smsType == .notInTheList)
        #expect(entry.smsNLPTag == "not_in_the_list_mandate_setup")
    }

    @Test func cardBillPaymentIsCredit() {
        let entry = extract("Payment of Rs 9,480.00 has been received on your ICICI Bank Credit Card XX6024 via BBPS on 14-FEB-26.")
        #expect(entry.smsType == .cardCreditExecuted)
        #expect(entry.transactionType == .credit)
        #expect(entry.smsNLPTag == "card_credit_executed_bill_payment")
    }

    @Test func refundIsCredit() {
        let entry = extract("Refund of INR 1,149 from Myntra Designs has been credited to your Credit Card XXXX2964 on 03-Feb-26")
        #expect(entry.smsType == .cardCreditExecuted)
        #expect(entry.smsNLPTag == "card_credit_executed_refund")
        #expect(entry.transactionParty == "Myntra Designs")
    }

    @Test func walletDebit() {
        let entry = extract("Payment of Rs 640.00 using Apay Balance successful at BookMyShow. Updated Balance is Rs 1,860.00", sender: "APAY")
        #expect(entry.smsType == .walletDebitExecuted)
        #expect(entry.accountType == .wallet)
        #expect(entry.availableBalance == 1860)
    }

    @Test func walletCredit() {
        let entry = extract("Rs 1,000 added to your Paytm Wallet. Updated Wallet Balance: Rs 1,730.50.", sender: "VM-PAYTM")
        #expect(entry.smsType == .walletCreditExecuted)
        #expect(entry.transactionType == .credit)
    }

    @Test(arguments: [
        ("Your A/c no. 2296 is credited with INR 41,250.00 towards Salary.", "account_credit_executed_salary"),
        ("Rs 200 debited from A/c XX1 to VPA asha@okaxis (UPI Ref No 607712345518)", "account_debit_executed_upi"),
        ("Rs 200 credited to your A/c XX1 via IMPS. IMPS Ref no 605218834417", "account_credit_executed_imps"),
        ("Rs 200 debited from A/c XX1 towards NEFT transfer.", "account_debit_executed_neft"),
        ("Rs 5000.00 withdrawn from ATM from a/c XX2290 on 09-02-2026.", "account_debit_executed_atm"),
        ("Rs.7,250.00 debited from your account XXXX4471 towards EMI of Loan A/c XXXX9981.", "account_debit_executed_emi"),
        ("A/c ending 3328 debited with ₹649 for NACH-ECS to a company.", "account_debit_executed_nach"),
        ("Rs.3,499.00 spent on your Credit Card ending 7781 at LIFESTYLE on 26/02/26.", "card_debit_executed_pos"),
    ])
    func nlpTagRefinements(body: String, tag: String) {
        #expect(extract(body).smsNLPTag == tag)
    }

    @Test func transactionalForExecutedTypesAndDisbursal() {
        for type in SMSType.allCases {
            let expected = type.rawValue.hasSuffix("_executed") || type == .loanDisbursed
            #expect(type.isTransactional == expected, "\(type.rawValue)")
        }
    }

    @Test func loanTypes() {
        #expect(extract("Rs.75,000 personal loan amount has been credited to your bank a/c XX5529.").smsType == .loanDisbursed)
        #expect(extract("We have received your EMI payment of Rs.3,450 for loan a/c XXXX8812.").smsType == .loanEMIPaid)
        #expect(extract("Your loan EMI of Rs.6,100 is overdue by 12 days. Pay immediately.").smsType == .loanOverdue)
    }

    @Test func paidOutLoanIsCreditTransaction() {
        let entry = extract("Your CASHe loan of INR 20000 has been successfully disbursed to your bank account ending with 9981.",
                            sender: "VM-CASHEE")
        #expect(entry.smsType == .loanDisbursed)
        #expect(entry.isTransactional)
        #expect(entry.transactionType == .credit)
        #expect(entry.accountType == .bank)
        #expect(entry.amount == 20_000)
        #expect(entry.accountLastDigits == "9981")
    }

    @Test(arguments: [
        "Your Navi loan of Rs.80,000 will be disbursed to your bank account ending 4411 within 2 hours.",
        "Loan of Rs 2,00,000 sanctioned. Disbursal subject to document verification.",
        "Your loan disbursement request for Rs 1,00,000 has been received and is under process.",
        "Your loan of Rs 10000 is ready to be disbursed. Accept the agreement to get money.",
        "Your loan of Rs 30,000 is not yet disbursed. We will notify you once done.",
    ])
    func pendingDisbursalIsNotTransaction(body: String) {
        let entry = extract(body, sender: "VM-KREDTB")
        #expect(entry.smsNLPTag == "not_in_the_list_disbursal_pending")
        #expect(!entry.isTransactional)
        #expect(entry.amount == nil)
    }

    @Test(arguments: [
        ("Rs 60,000 from your MoneyTap credit line has been transferred to your savings a/c XX2210.", 60_000.0),
        ("Disbursement of INR 1,10,000 under Personal Loan No. PL55102 processed to your savings account XXXX4410.", 110_000),
        ("Gold loan amount Rs. 42,000 credited to your a/c no. XX6613 on 14-10-2026.", 42_000),
        ("Rs 8,000 withdrawn from your Flexi Loan and transferred to your bank a/c XX3390.", 8_000),
        ("Rs.15,000 credited to your a/c XX8841 from your KreditBee credit line.", 15_000),
    ])
    func paidOutWordingsAreDisbursals(body: String, amount: Double) {
        let entry = extract(body, sender: "VM-LENDER")
        #expect(entry.smsType == .loanDisbursed)
        #expect(entry.transactionType == .credit)
        #expect(entry.amount == amount)
    }

    @Test(arguments: [
        ("Loan disbursal of Rs.50,000 cancelled at your request.", "not_in_the_list_disbursal_cancelled"),
        ("Disbursement of Rs 45,000 to your a/c XX1180 was reversed by the beneficiary bank.", "not_in_the_list_disbursal_cancelled"),
        ("Your loan request of Rs 20,000 was withdrawn by you. No money has been disbursed.", "not_in_the_list_disbursal_cancelled"),
        ("Loan amount of Rs 18,000 has not been credited yet. Please wait 24 hours.", "not_in_the_list_disbursal_pending"),
        ("Your loan amount of Rs 25,000 will be transferred to your bank account XX7701 after e-sign.", "not_in_the_list_disbursal_pending"),
        ("Request received for disbursement of Rs 1,50,000 against loan LAN44120. It will be processed soon.", "not_in_the_list_disbursal_pending"),
        ("We were unable to disburse your loan of Rs 30,000 as the bank details did not match.", "transaction_declined"),
        ("Your two-wheeler loan of Rs 78,000 has been disbursed to the dealer Sai Motors.", "not_in_the_list_disbursal_to_third_party"),
    ])
    func unpaidDisbursalsAreNotCredits(body: String, tag: String) {
        let entry = extract(body, sender: "VM-LENDER")
        #expect(entry.smsNLPTag == tag)
        #expect(!entry.isTransactional)
        #expect(entry.smsType != .loanDisbursed)
    }

    @Test(arguments: [
        ("Refund of Rs 1,180 for the processing fee on your personal loan has been credited to your a/c XX5510.",
         "account_credit_executed_refund"),
        ("Your loan a/c no. 7781 has been credited with Rs 6,400 on 05-10-2026.", "account_credit_executed"),
    ])
    func loanWordCreditIsNotDisbursal(body: String, tag: String) {
        let entry = extract(body)
        #expect(entry.smsType != .loanDisbursed)
        #expect(entry.smsNLPTag == tag)
    }

    @Test func disbursalReversalDebitStaysDebit() {
        let entry = extract("Rs 9,500 debited from your a/c XX3321 towards reversal of loan disbursal.", sender: "VM-IDFCFB")
        #expect(entry.smsType == .accountDebitExecuted)
        #expect(entry.transactionType == .debit)
        #expect(entry.amount == 9_500)
    }

    @Test func disbursalWithoutAmountIsNotTransaction() {
        let entry = extract("Your loan has been disbursed to your bank account. First EMI on 05-08-2026.", sender: "VM-MONEYV")
        #expect(entry.smsType != .loanDisbursed)
        #expect(!entry.isTransactional)
    }

    @Test func disbursalToDealerIsNotCredit() {
        let entry = extract("Home loan of Rs 25,00,000 disbursed to the builder Prestige Estates against your loan A/c 667788.")
        #expect(entry.smsType != .loanDisbursed)
        #expect(!entry.isTransactional)
    }

    @Test func repaymentCreditedToLoanIsEMIPaid() {
        let entry = extract("Your loan account XX1234 has been credited with Rs 5,000 towards EMI. Thank you.")
        #expect(entry.smsType == .loanEMIPaid)
        #expect(!entry.isTransactional)
    }

    @Test func statementBillAndBalance() {
        #expect(extract("Your credit card statement for Feb-26 is ready. Total due Rs.6,420.00.").smsType == .cardStatement)
        #expect(extract("Your BESCOM Bill 7730014426 of Rs.1,186.00 is due on 18-Mar-2026.").smsType == .billDue)
        let balance = extract("Available balance in a/c XX6620 is Rs.8,940.15 as on 14Mar26 09:05 AM.")
        #expect(balance.smsType == .balanceUpdate)
        #expect(balance.availableBalance == 8940.15)
    }
}
