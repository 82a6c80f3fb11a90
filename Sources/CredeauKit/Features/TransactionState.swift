/// One pass over the kept inbox SMS for everything the extraction engine found: class counts,
/// transaction and notice statistics, salary tags and transaction-level duplicates.
struct TransactionState {
    /// SMS classes counted by the class family: all, txn, credit, debit, then every `SMSType`.
    static let classTokens: [String] = ["all", "txn", "credit", "debit"] + SMSType.allCases.map(\.rawValue)

    var classCounts: [Int]
    var stats: AmountAccumulator
    /// Kept credit transactions other than loan disbursals (one subject, index 0). A loan is not
    /// income, so the income estimate reads these instead of the `credit` subject of `stats`.
    var incomeCredits = AmountAccumulator(subjectCount: 1)
    /// Kept positions (into `PreparedSMS`) of transactions that count, oldest first, with direction.
    var transactions: [(position: Int, credit: Bool)] = []
    /// Normalised counterparty of each entry of `transactions` (see `normalizedParty`).
    var transactionParties: [String?] = []
    /// Kept positions of salary credits, oldest first.
    var salaryPositions: [Int] = []
    /// Transactions dropped because another sender reported the same one (see `isRepeat`).
    var duplicateTransactions = 0
    var inboxCount = 0
    var classifiedCount = 0

    /// Two SMS describe one transaction when direction, amount and account digits match, they
    /// arrive within this window, and they come from different senders (bank plus aggregator).
    static let repeatWindowMillis: Int64 = 600_000

    init(input: FeatureInput) {
        let sms = input.sms
        let user = input.user
        let slots = FeatureWindow.slotCount
        classCounts = Array(repeating: 0, count: TransactionState.classTokens.count * slots)
        stats = AmountAccumulator(subjectCount: TransactionSubject.allCases.count)
        var credits: [SalaryDetector.Credit] = []
        var creditPositions: [Int] = []
        var lastSeen: [RepeatKey: (millis: Int64, sender: Int)] = [:]
        // Few distinct payers repeat across many SMS, so each raw spelling is normalised once.
        var partyCache: [String: String] = [:]
        let typeOffset = 4
        input.withSMSBase { base in
            for position in 0..<sms.count where !sms.isSent[position] {
                let entry = base + sms.indexes[position]
                let time = sms.times[position]
                inboxCount += 1
                if entry.pointee.isClassified { classifiedCount += 1 }
                let typeIndex = typeOffset + TransactionState.typeIndex(entry.pointee.smsType)
    
                forEachSlot(time.mask) { slot in
                    classCounts[slot] += 1
                    classCounts[typeIndex * slots + slot] += 1
                }
                if let (subject, amount) = TransactionSubject.noticeSubject(entry) {
                    stats.add(subject: subject.rawValue, amount: amount, time: time)
                }

                guard let direction = entry.pointee.direction else { continue }
                let credit = direction == .credit
                forEachSlot(time.mask) { slot in
                    classCounts[1 * slots + slot] += 1
                    classCounts[(credit ? 2 : 3) * slots + slot] += 1
                }

                if let amount = entry.pointee.amount, let account = entry.pointee.accountLastDigits, let millis = entry.pointee.inboxDateMillis {
                    let key = RepeatKey(credit: credit, cents: Int64((amount * 100).rounded()), account: account)
                    if let previous = lastSeen[key], millis - previous.millis <= TransactionState.repeatWindowMillis,
                       previous.sender != sms.senderIDs[position] {
                        duplicateTransactions += 1
                        continue
                    }
                    lastSeen[key] = (millis, sms.senderIDs[position])
                }

                transactions.append((position, credit))
                var party: String?
                if let raw = entry.pointee.transactionParty {
                    if let cached = partyCache[raw] {
                        party = cached
                    } else {
                        party = TransactionState.normalizedParty(raw)
                        partyCache[raw] = party
                    }
                }
                transactionParties.append(party)

                stats.add(subject: credit ? TransactionSubject.credit.rawValue : TransactionSubject.debit.rawValue,
                          amount: entry.pointee.amount, time: time)
                if let channel = TransactionSubject.channelSubject(entry.pointee.transactionChannel, credit: credit) {
                    stats.add(subject: channel.rawValue, amount: entry.pointee.amount, time: time)
                }
                switch entry.pointee.smsType {
                case .cardDebitExecuted: stats.add(subject: TransactionSubject.cardDebit.rawValue, amount: entry.pointee.amount, time: time)
                case .walletDebitExecuted:
                    stats.add(subject: TransactionSubject.walletDebit.rawValue, amount: entry.pointee.amount, time: time)
                case .walletCreditExecuted:
                    stats.add(subject: TransactionSubject.walletCredit.rawValue, amount: entry.pointee.amount, time: time)
                default: break
                }

                // Salary tagging and the income sums leave loan disbursals out.
                if credit, entry.pointee.smsType != .loanDisbursed {
                    incomeCredits.add(subject: 0, amount: entry.pointee.amount, time: time)
                    creditPositions.append(position)
                    credits.append(SalaryDetector.Credit(
                        month: input.clock.cutoffMonthIndex - time.monthsBack, dayOfMonth: time.dayOfMonth,
                        amount: entry.pointee.amount ?? 0, party: party,
                        hasKeyword: TransactionState.tagMentionsSalary(entry.pointee.smsNLPTag) || containsASCIICaseInsensitive(entry.pointee.smsBody, "salary")))
                }
            }
        }

        for (index, isSalary) in SalaryDetector.detect(credits).enumerated() where isSalary {
            let position = creditPositions[index]
            salaryPositions.append(position)
            stats.add(subject: TransactionSubject.salaryCredit.rawValue,
                      amount: user.sms[sms.indexes[position]].amount, time: sms.times[position])
        }
    }

    private static let types = SMSType.allCases

    static func typeIndex(_ type: SMSType) -> Int {
        types.firstIndex(of: type) ?? 0
    }

    /// Returns true when the NLP tag contains `salary`, as Foundation's `contains` decides.
    ///
    /// Tags are ASCII in practice, and there a byte search finds the same matches as Foundation
    /// for a fraction of its cost. Other text keeps Foundation's search, which also matches
    /// canonically equivalent characters.
    static func tagMentionsSalary(_ tag: String) -> Bool {
        var bytesOfTag = tag
        let asciiMatch: Bool? = bytesOfTag.withUTF8 { bytes in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            let needle: StaticString = "salary"
            let length = needle.utf8CodeUnitCount
            guard bytes.count >= length else { return false }
            for start in 0...(bytes.count - length) where (0..<length).allSatisfy({ bytes[start + $0] == needle.utf8Start[$0] }) {
                return true
            }
            return false
        }
        return asciiMatch ?? tag.contains("salary")
    }

    /// Lower-cased payer with spaces collapsed, so `ACME  Pvt Ltd` and `acme pvt ltd` match.
    static func normalizedParty(_ party: String?) -> String? {
        guard let party, !party.isEmpty else { return nil }
        return party.lowercased().split(separator: " ").joined(separator: " ")
    }

    func classCount(_ classIndex: Int, _ slot: Int) -> Int {
        classCounts[classIndex * FeatureWindow.slotCount + slot]
    }
}

private struct RepeatKey: Hashable {
    var credit: Bool
    var cents: Int64
    var account: String
}
