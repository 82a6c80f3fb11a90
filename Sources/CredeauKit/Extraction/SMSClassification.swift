/// The closed set of SMS classes the extraction engine assigns (`sms_type`).
///
/// `isTransactional` is true for the `*Executed` cases and for `loanDisbursed`, the classes
/// that report money that has left or reached an account of the user. A loan disbursal is a
/// credit to the borrower's account. The rule pack assigns it only when the SMS states the
/// amount and that the money was paid out, not when a loan is approved or will be disbursed.
public enum SMSType: String, Sendable, CaseIterable, Codable {
    case accountDebitExecuted = "account_debit_executed"
    case accountCreditExecuted = "account_credit_executed"
    case cardDebitExecuted = "card_debit_executed"
    case cardCreditExecuted = "card_credit_executed"
    case walletDebitExecuted = "wallet_debit_executed"
    case walletCreditExecuted = "wallet_credit_executed"
    case loanDisbursed = "loan_disbursed"
    case loanEMIDue = "loan_emi_due"
    case loanEMIPaid = "loan_emi_paid"
    case loanOverdue = "loan_overdue"
    case billDue = "bill_due"
    case cardStatement = "card_statement"
    case paymentBounce = "payment_bounce"
    case transactionDeclined = "transaction_declined"
    case balanceUpdate = "balance_update"
    case otp = "otp"
    case promotional = "promotional"
    case notInTheList = "not_in_the_list"

    public var isTransactional: Bool {
        switch self {
        case .accountDebitExecuted, .accountCreditExecuted, .cardDebitExecuted, .cardCreditExecuted,
             .walletDebitExecuted, .walletCreditExecuted, .loanDisbursed:
            return true
        default:
            return false
        }
    }
}

/// Institution kind behind a sender header (`sender_type`).
public enum SenderType: String, Sendable, CaseIterable, Codable {
    case bank, card, nbfc, wallet, insurance, investment, telecom, ecommerce, utility, government, other
}

/// Direction of a money movement (`transaction_type`).
public enum TransactionDirection: String, Sendable, Codable {
    case debit = "debit-transaction"
    case credit = "credit-transaction"
}

/// Kind of account an SMS reports on (`account_type`, also `sms_sub_type`).
public enum AccountType: String, Sendable, CaseIterable, Codable {
    case bank, card, wallet, loan
}

/// Payment rail named in the SMS (`transaction_channel`).
public enum TransactionChannel: String, Sendable, CaseIterable, Codable {
    case upi, imps, neft, rtgs, atm, pos, nach, cheque, cash, netbanking, card, wallet, other
}
