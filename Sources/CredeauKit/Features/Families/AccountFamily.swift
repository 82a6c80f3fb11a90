/// Accounts, banks, counterparties and the primary account (`extracted_sms` grouping).
enum AccountFamily {
    private static let factory = DefinitionFactory(grouping: .extractedSMS)
    static let accountTypes: [AccountType] = [.bank, .card, .wallet, .loan]
    static let partyWindows = [30, 90, 180]

    private struct State {
        var accounts: [Int] = []
        var banks: [Int] = []
        var accountsByType: [Int] = []
        var parties = [0, 0, 0]
        var primaryName: String?
        var primaryDigits: String?
        var primaryCount = 0
        var primaryCredit = 0.0
        var primaryDebit = 0.0
        var transactions180 = 0
        var primaryBalance: Double?

        init(_ input: FeatureInput) {
            let sms = input.sms
            var accountIDs: [String: Int] = [:]
            var bankIDs: [String: Int] = [:]
            var accountEntries: [(position: Int, account: Int, bank: Int?)] = []
            // The account of each SMS read here, by position, so that the loops below need no
            // lookup by PAN. The value is -1 where the SMS has no PAN or was not read (a sent SMS).
            var accountAt = Array(repeating: -1, count: sms.count)
            var typeSets = Array(repeating: Set<Int>(), count: AccountFamily.accountTypes.count)
            input.withSMSBase { base in
                for position in 0..<sms.count where !sms.isSent[position] {
                    let entry = base + sms.indexes[position]
                    guard let pan = entry.pointee.uniquePAN, !pan.isEmpty else { continue }
                    let account = AccountFamily.denseID(of: pan, in: &accountIDs)
                    accountAt[position] = account
                    var bank: Int?
                    if entry.pointee.senderType == .bank, let name = entry.pointee.senderName {
                        bank = AccountFamily.denseID(of: name, in: &bankIDs)
                    }
                    accountEntries.append((position, account, bank))
                    if let type = entry.pointee.accountType ?? entry.pointee.smsSubType,
                       let typeIndex = AccountFamily.accountTypes.firstIndex(of: type) {
                        typeSets[typeIndex].insert(account)
                    }
                }
            }
            var counter = DistinctCounter(subjectCount: 1, keyCount: accountIDs.count)
            var bankCounter = DistinctCounter(subjectCount: 1, keyCount: bankIDs.count)
            for entry in accountEntries {
                counter.add(subject: 0, key: entry.account, time: sms.times[entry.position])
                if let bank = entry.bank { bankCounter.add(subject: 0, key: bank, time: sms.times[entry.position]) }
            }
            accounts = counter.counts(subject: 0)
            banks = bankCounter.counts(subject: 0)
            accountsByType = typeSets.map(\.count)

            // The primary account has the most counted transactions in the last 180 days. On equal
            // counts the account with the more recent transaction (the later position) wins.
            var txnCounts = Array(repeating: 0, count: accountIDs.count)
            var lastPosition = Array(repeating: -1, count: accountIDs.count)
            var partySeen: [Set<String>] = [[], [], []]
            let counted = input.transactions
            input.withSMSBase { base in
                for (rank, (position, _)) in counted.transactions.enumerated() {
                    let entry = base + sms.indexes[position]
                    let time = sms.times[position]
                    if let party = counted.transactionParties[rank] {
                        for (index, days) in AccountFamily.partyWindows.enumerated() where time.daysBack < days {
                            partySeen[index].insert(party)
                        }
                    }
                    guard time.daysBack < 180 else { continue }
                    transactions180 += 1
                    guard let account = AccountFamily.account(at: position, entry: entry, accountAt: accountAt,
                                                              accountIDs: accountIDs) else { continue }
                    txnCounts[account] += 1
                    lastPosition[account] = position
                }
            }
            parties = partySeen.map(\.count)
            let best = txnCounts.indices.max {
                (txnCounts[$0], lastPosition[$0]) < (txnCounts[$1], lastPosition[$1])
            }
            guard let best, txnCounts[best] > 0 else { return }
            primaryCount = txnCounts[best]
            input.withSMSBase { base in
                for (position, credit) in counted.transactions {
                    let entry = base + sms.indexes[position]
                    guard sms.times[position].daysBack < 180,
                          AccountFamily.account(at: position, entry: entry, accountAt: accountAt, accountIDs: accountIDs) == best
                    else { continue }
                    primaryName = entry.pointee.senderName ?? entry.pointee.smsSender
                    primaryDigits = entry.pointee.accountLastDigits ?? primaryDigits
                    if credit { primaryCredit += entry.pointee.amount ?? 0 } else { primaryDebit += entry.pointee.amount ?? 0 }
                    primaryBalance = entry.pointee.availableBalance ?? primaryBalance
                }
            }
        }
    }

    /// Returns the id of `key` in `ids`, adding it with the next free id (the count) when it is
    /// new. The `default:` subscript finds or inserts the key with one hash.
    private static func denseID(of key: String, in ids: inout [String: Int]) -> Int {
        let next = ids.count
        return read(&ids[key, default: next])
    }

    private static func read(_ value: inout Int) -> Int { value }

    /// Returns the account of the SMS at `position`: from `accountAt`, or by its PAN for an SMS the
    /// first loop did not read. Nil when its PAN is missing or belongs to no read SMS.
    private static func account(at position: Int, entry: UnsafePointer<ExtractedSMS>, accountAt: [Int],
                                accountIDs: [String: Int]) -> Int? {
        if accountAt[position] >= 0 { return accountAt[position] }
        guard let pan = entry.pointee.uniquePAN else { return nil }
        return accountIDs[pan]
    }

    static func emit<S: FeatureSink>(_ input: FeatureInput?, into sink: inout S) {
        let state = input.flatMap { $0.smsNullReason == nil ? State($0) : nil }
        for (slot, window) in FeatureWindow.rolling.enumerated() {
            sink.add(factory.make("account_distinct", window, "Distinct accounts (unique_pan) named in SMS",
                                  .count, .sourceMissing), state.map { .int($0.accounts[slot]) } ?? .null)
            sink.add(factory.make("bank_distinct", window, "Distinct banks (sender name of bank senders) with an "
                                  + "account SMS", .count, .sourceMissing), state.map { .int($0.banks[slot]) } ?? .null)
        }
        for (index, type) in accountTypes.enumerated() {
            sink.add(factory.make("\(type.rawValue)_account_distinct", .all,
                                  "Distinct \(type.rawValue) accounts (unique_pan) named in SMS", .count, .sourceMissing),
                     state.map { .int($0.accountsByType[index]) } ?? .null)
        }
        for (index, days) in partyWindows.enumerated() {
            sink.add(factory.make("transaction_party_distinct", .days(days),
                                  "Distinct counterparties named in transactions", .count, .sourceMissing),
                     state.map { .int($0.parties[index]) } ?? .null)
        }
        let primary = "the primary account (most transactions in the last 180 days, ties to the most recent)"
        sink.add(factory.make("primary_account_institution_value", .days(180), "Institution name of \(primary)",
                              .text, .emptyWindow), state.map { .optionalString($0.primaryName) } ?? .null)
        sink.add(factory.make("primary_account_last_digits_value", .days(180), "Last account digits of \(primary)",
                              .text, .emptyWindow), state.map { .optionalString($0.primaryDigits) } ?? .null)
        sink.add(factory.make("primary_account_txn_count", .days(180), "Transactions on \(primary)",
                              .count, .sourceMissing), state.map { .int($0.primaryCount) } ?? .null)
        sink.add(factory.make("primary_account_txn_share", .days(180),
                              "Transactions on \(primary) divided by all transactions", .share, .zeroDenominator),
                 state.map { .share($0.primaryCount, $0.transactions180) } ?? .null)
        sink.add(factory.make("primary_account_credit_amount_sum", .days(180), "Rupees credited to \(primary)",
                              .inr, .sourceMissing), state.map { .inr($0.primaryCredit) } ?? .null)
        sink.add(factory.make("primary_account_debit_amount_sum", .days(180), "Rupees debited from \(primary)",
                              .inr, .sourceMissing), state.map { .inr($0.primaryDebit) } ?? .null)
        sink.add(factory.make("primary_account_balance_latest", .days(180),
                              "Most recent balance stated in a transaction on \(primary)", .inr, .emptyWindow),
                 state.map { $0.primaryBalance.map { .inr($0) } ?? .null } ?? .null)
    }
}
