/// Lenders, overdue notices and card and bill positions (`extracted_sms` grouping).
enum CreditFamily {
    private static let factory = DefinitionFactory(grouping: .extractedSMS)
    static let overdueWindows: [FeatureWindow] = [.days(30), .days(90), .days(180), .all]

    /// True for SMS that show a lending relationship: loan classes, or an NBFC sender.
    /// Takes the entry by pointer: passing the struct by value copied it, retaining each of its
    /// strings, for every SMS of every user.
    static func isLoanSMS(_ entry: UnsafePointer<ExtractedSMS>) -> Bool {
        let type = entry.pointee.smsType
        switch type {
        case .loanDisbursed, .loanEMIDue, .loanEMIPaid, .loanOverdue: return true
        default: return entry.pointee.senderType == .nbfc && type != .promotional && type != .otp
        }
    }

    private struct State {
        var lenders: [Int] = []
        var overdueLenders: [Int] = []
        var cardOutstanding: Double?
        var cardDue: Double?
        var billDue: Double?
        var emiDue: Double?

        init(_ input: FeatureInput) {
            let sms = input.sms
            var counter = DistinctCounter(subjectCount: 2, keyCount: sms.senderKeys.count)
            input.withSMSBase { base in
                for position in 0..<sms.count where !sms.isSent[position] {
                    let entry = base + sms.indexes[position]
                    let time = sms.times[position]
                    if CreditFamily.isLoanSMS(entry) { counter.add(subject: 0, key: sms.senderIDs[position], time: time) }
                    switch entry.pointee.smsType {
                    case .loanOverdue: counter.add(subject: 1, key: sms.senderIDs[position], time: time)
                    case .cardStatement: cardDue = entry.pointee.dueAmount ?? entry.pointee.amount ?? cardDue
                    case .billDue: billDue = entry.pointee.dueAmount ?? entry.pointee.amount ?? billDue
                    case .loanEMIDue: emiDue = entry.pointee.dueAmount ?? entry.pointee.amount ?? emiDue
                    default: break
                    }
                    let isCard = entry.pointee.accountType == .card || entry.pointee.smsSubType == .card || entry.pointee.smsType == .cardStatement
                    if isCard, let outstanding = entry.pointee.outstandingAmount { cardOutstanding = outstanding }
                }
            }
            lenders = counter.counts(subject: 0)
            overdueLenders = counter.counts(subject: 1)
        }
    }

    static func emit<S: FeatureSink>(_ input: FeatureInput?, into sink: inout S) {
        let state = input.flatMap { $0.smsNullReason == nil ? State($0) : nil }
        for (slot, window) in FeatureWindow.rolling.enumerated() {
            sink.add(factory.make("lender_distinct", window, "Distinct senders of loan SMS (disbursal, EMI due or "
                                  + "paid, overdue) or of any non-promotional NBFC SMS", .count, .sourceMissing),
                     state.map { .int($0.lenders[slot]) } ?? .null)
        }
        for window in overdueWindows {
            let slot = FeatureWindow.slot(of: window)
            sink.add(factory.make("overdue_lender_distinct", window, "Distinct senders of loan overdue notices",
                                  .count, .sourceMissing), state.map { .int($0.overdueLenders[slot]) } ?? .null)
        }
        sink.add(factory.make("card_outstanding_latest", .all, "Most recent card outstanding amount stated in an SMS",
                              .inr, .emptyWindow), state.map { $0.cardOutstanding.map { .inr($0) } ?? .null } ?? .null)
        sink.add(factory.make("card_statement_due_latest", .all, "Total due of the most recent card statement",
                              .inr, .emptyWindow), state.map { $0.cardDue.map { .inr($0) } ?? .null } ?? .null)
        sink.add(factory.make("bill_due_latest", .all, "Amount of the most recent bill due notice", .inr, .emptyWindow),
                 state.map { $0.billDue.map { .inr($0) } ?? .null } ?? .null)
        sink.add(factory.make("emi_due_latest", .all, "Amount of the most recent EMI due reminder", .inr, .emptyWindow),
                 state.map { $0.emiDue.map { .inr($0) } ?? .null } ?? .null)
    }
}
