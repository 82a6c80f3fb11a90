/// The money-movement and notice subjects of the transaction family, in output order.
enum TransactionSubject: Int, CaseIterable {
    case credit, debit
    case upiCredit, upiDebit, impsCredit, impsDebit, neftCredit, neftDebit, rtgsCredit, rtgsDebit
    case atmDebit, posDebit, nachDebit, cardDebit, walletCredit, walletDebit
    case salaryCredit, loanDisbursal, emiPaid, emiDue, loanOverdue, paymentBounce, cardStatement, billDue

    var token: String {
        switch self {
        case .credit: return "credit_txn"
        case .debit: return "debit_txn"
        case .upiCredit: return "upi_credit_txn"
        case .upiDebit: return "upi_debit_txn"
        case .impsCredit: return "imps_credit_txn"
        case .impsDebit: return "imps_debit_txn"
        case .neftCredit: return "neft_credit_txn"
        case .neftDebit: return "neft_debit_txn"
        case .rtgsCredit: return "rtgs_credit_txn"
        case .rtgsDebit: return "rtgs_debit_txn"
        case .atmDebit: return "atm_debit_txn"
        case .posDebit: return "pos_debit_txn"
        case .nachDebit: return "nach_debit_txn"
        case .cardDebit: return "card_debit_txn"
        case .walletCredit: return "wallet_credit_txn"
        case .walletDebit: return "wallet_debit_txn"
        case .salaryCredit: return "salary_credit_txn"
        case .loanDisbursal: return "loan_disbursal"
        case .emiPaid: return "emi_paid"
        case .emiDue: return "emi_due"
        case .loanOverdue: return "loan_overdue"
        case .paymentBounce: return "payment_bounce"
        case .cardStatement: return "card_statement"
        case .billDue: return "bill_due"
        }
    }

    /// Description of one event of the subject and of the amount it carries.
    var text: String {
        switch self {
        case .credit: return "credit transactions (money in; amount credited)"
        case .debit: return "debit transactions (money out; amount debited)"
        case .upiCredit, .impsCredit, .neftCredit, .rtgsCredit:
            return "credit transactions over \(channelName) (amount credited)"
        case .upiDebit, .impsDebit, .neftDebit, .rtgsDebit, .atmDebit, .posDebit, .nachDebit:
            return "debit transactions over \(channelName) (amount debited)"
        case .cardDebit: return "card debits (card_debit_executed; amount spent)"
        case .walletCredit: return "wallet credits (wallet_credit_executed; amount loaded or received)"
        case .walletDebit: return "wallet debits (wallet_debit_executed; amount paid)"
        case .salaryCredit: return "salary credits (credit with a salary keyword or a recurring payer pattern)"
        case .loanDisbursal: return "loan disbursal SMS (amount disbursed)"
        case .emiPaid: return "EMI paid SMS (amount paid, else amount due)"
        case .emiDue: return "EMI due reminders (amount due, else amount)"
        case .loanOverdue: return "loan overdue notices (amount due, else outstanding, else amount)"
        case .paymentBounce: return "payment bounce SMS (amount bounced, else amount due)"
        case .cardStatement: return "card statements (total due, else outstanding, else amount)"
        case .billDue: return "bill due notices (amount due, else amount)"
        }
    }

    private var channelName: String {
        switch self {
        case .upiCredit, .upiDebit: return "UPI"
        case .impsCredit, .impsDebit: return "IMPS"
        case .neftCredit, .neftDebit: return "NEFT"
        case .rtgsCredit, .rtgsDebit: return "RTGS"
        case .atmDebit: return "ATM withdrawal"
        case .posDebit: return "POS (card at a shop)"
        case .nachDebit: return "NACH (auto-debit mandate)"
        default: return ""
        }
    }

    /// Returns the channel subject for a direction and channel, if one exists.
    static func channelSubject(_ channel: TransactionChannel?, credit: Bool) -> TransactionSubject? {
        switch (channel, credit) {
        case (.upi, true): return .upiCredit
        case (.upi, false): return .upiDebit
        case (.imps, true): return .impsCredit
        case (.imps, false): return .impsDebit
        case (.neft, true): return .neftCredit
        case (.neft, false): return .neftDebit
        case (.rtgs, true): return .rtgsCredit
        case (.rtgs, false): return .rtgsDebit
        case (.atm, false): return .atmDebit
        case (.pos, false): return .posDebit
        case (.nach, false): return .nachDebit
        default: return nil
        }
    }

    /// Returns the notice subject of an SMS class and the amount it reports.
    /// Takes the entry by pointer, because an `ExtractedSMS` argument was a copy of the struct
    /// with a retain for each of its strings.
    static func noticeSubject(_ entry: UnsafePointer<ExtractedSMS>) -> (TransactionSubject, Double?)? {
        let amount = entry.pointee.amount, due = entry.pointee.dueAmount, outstanding = entry.pointee.outstandingAmount
        switch entry.pointee.smsType {
        case .loanDisbursed: return (.loanDisbursal, amount)
        case .loanEMIPaid: return (.emiPaid, amount ?? due)
        case .loanEMIDue: return (.emiDue, due ?? amount)
        case .loanOverdue: return (.loanOverdue, due ?? outstanding ?? amount)
        case .paymentBounce: return (.paymentBounce, amount ?? due)
        case .cardStatement: return (.cardStatement, due ?? outstanding ?? amount)
        case .billDue: return (.billDue, due ?? amount)
        default: return nil
        }
    }
}

extension ExtractedSMS {
    /// Direction of a transactional SMS: the extracted `transaction_type`, else implied by the
    /// class. Nil for SMS that move no money.
    var direction: TransactionDirection? {
        guard smsType.isTransactional else { return nil }
        if let transactionType { return transactionType }
        switch smsType {
        case .accountCreditExecuted, .cardCreditExecuted, .walletCreditExecuted, .loanDisbursed: return .credit
        default: return .debit
        }
    }
}
