/// Classifies one SMS and extracts its fields with a rule pack.
///
/// Stateless after `init`: one instance may serve many threads, each call using its own
/// scratch buffers. An SMS the rules do not recognise becomes `not_in_the_list`, and no
/// input makes `extract` fail.
public final class SMSExtractor: Sendable {
    private let rules: RulePack
    private let senders: SenderRegistry
    private let scratchPool: ScratchPool

    public init(rules: RulePack = .standard, senders: SenderRegistry = .standard) {
        self.rules = rules
        self.senders = senders
        scratchPool = ScratchPool(groupCapacity: rules.maxCaptureCount + 1, gateWords: rules.keywordGates.gateWords)
    }

    /// Classifies `sms` and fills every field of the extracted entry that the body carries.
    public func extract(_ sms: RawSMS, createdAtMillis: Int64) -> ExtractedSMS {
        scratchPool.withScratch { scratch in extract(sms, createdAtMillis: createdAtMillis, scratch: scratch) }
    }

    /// Calls `body` with a function that extracts as `extract(_:createdAtMillis:)` does, on one
    /// set of scratch buffers kept for the whole call. Threads that take buffers from the shared
    /// pool SMS by SMS pass them back and forth between cores, so a loop over many SMS keeps one set.
    public func withExtraction<Result>(_ body: (_ extract: (RawSMS, Int64) -> ExtractedSMS) throws -> Result) rethrows
        -> Result
    {
        try scratchPool.withScratch { scratch in
            try body { sms, createdAtMillis in extract(sms, createdAtMillis: createdAtMillis, scratch: scratch) }
        }
    }

    private func extract(_ sms: RawSMS, createdAtMillis: Int64, scratch: ExtractionScratch) -> ExtractedSMS {
        scratch.load(sms.body, gates: rules.keywordGates)
        let text = SMSText(cased: scratch.cased, lower: scratch.lower, gateHits: scratch.gateHits, gateEnds: scratch.gateEnds)
        let scanner = FieldScanner(text: text, pack: rules, data: scratch.matchData)
        let sender = cachedLookup(sms.sender, scratch: scratch)
        return extract(sms, sender: sender, createdAtMillis: createdAtMillis, scanner: scanner)
    }

    private func cachedLookup(_ rawSender: String?, scratch: ExtractionScratch) -> SenderLookup {
        guard let rawSender else { return senders.lookup(nil) }
        if let cached = scratch.senders[rawSender] { return cached }
        let found = senders.lookup(rawSender)
        if scratch.senders.count >= ExtractionScratch.maxCachedSenders { scratch.senders.removeAll(keepingCapacity: true) }
        scratch.senders[rawSender] = found
        return found
    }

    private func extract(_ sms: RawSMS, sender: SenderLookup, createdAtMillis: Int64, scanner: FieldScanner) -> ExtractedSMS {
        // A missing or phone-number sender: take the institution the body names ("-SBI").
        let alias = sender.info == nil ? senders.institutionMentioned(inLowercasedBytes: scanner.text.lower) : nil
        let senderType = sender.info?.type ?? alias?.type ?? .other
        let senderName = sender.info?.name ?? alias?.name

        var classifier = Classifier(scanner: scanner, rules: rules.rules)
        let outcome = classifier.classify()

        var entry = ExtractedSMS(
            smsID: sms.id, smsSender: sender.key, smsBody: sms.body, inboxDateMillis: sms.inboxDateMillis,
            createdAtMillis: createdAtMillis, templateHash: "", senderType: senderType, smsType: outcome.smsType,
            smsNLPTag: outcome.smsType.rawValue)
        entry.userID = sms.userID
        entry.clientID = sms.clientID
        entry.requestID = sms.requestID
        entry.senderName = senderName

        var partyRange: Range<Int>?
        if outcome.extractsFields {
            fillFields(&entry, outcome: outcome, classifier: &classifier, partyRange: &partyRange)
        }
        if entry.isExtracted {
            let lastTwo = entry.accountLastDigits.map { String($0.suffix(2)) } ?? "-1"
            entry.uniquePAN = "\(senderType.rawValue) | \(senderName ?? (sender.key.isEmpty ? "unknown" : sender.key)) | \(lastTwo)"
        }
        entry.smsNLPTag = nlpTag(outcome: outcome, channel: entry.transactionChannel, scanner: scanner)
        entry.templateHash = TemplateHasher.hash(scanner.text.lower, skipping: partyRange)
        return entry
    }

    private func fillFields(_ entry: inout ExtractedSMS, outcome: Classification, classifier: inout Classifier,
                            partyRange: inout Range<Int>?) {
        let scanner = classifier.scanner
        let type = outcome.smsType
        entry.accountType = outcome.accountType
        entry.smsSubType = outcome.accountType
        entry.transactionType = outcome.direction
        entry.amount = classifier.amount()
        entry.accountLastDigits = scanner.accountDigits()
        entry.availableBalance = scanner.balance(accountType: outcome.accountType)
        entry.outstandingAmount = scanner.outstanding()

        let movesMoney = type.isTransactional || [.loanEMIPaid, .paymentBounce, .transactionDeclined, .loanDisbursed].contains(type)
        if movesMoney {
            if let party = scanner.party(direction: outcome.direction) {
                entry.transactionParty = party.name
                partyRange = party.range
            }
            entry.referenceNumber = scanner.reference()
            entry.transactionChannel = scanner.channel() ?? defaultChannel(for: outcome.accountType)
        }
        if [.loanEMIDue, .billDue, .cardStatement, .loanOverdue].contains(type) {
            entry.dueAmount = scanner.dueAmount() ?? entry.outstandingAmount ?? entry.amount
            entry.dueDate = scanner.dueDate()
        }

        entry.isExtracted = entry.amount != nil || entry.accountLastDigits != nil || entry.availableBalance != nil
            || entry.outstandingAmount != nil || entry.transactionParty != nil || entry.referenceNumber != nil
            || entry.dueAmount != nil || entry.dueDate != nil
    }

    private func defaultChannel(for accountType: AccountType?) -> TransactionChannel? {
        switch accountType {
        case .card: return .card
        case .wallet: return .wallet
        default: return nil
        }
    }

    /// Builds `sms_nlp_tag`: the sms_type, then an optional `_refinement` from the rule, the
    /// first matching tag rule, or the payment rail (never `card`, `wallet` or `other`, which
    /// the sms_type already names or which add nothing).
    private func nlpTag(outcome: Classification, channel: TransactionChannel?, scanner: FieldScanner) -> String {
        let type = outcome.smsType
        if let fixed = outcome.tag { return "\(type.rawValue)_\(fixed)" }
        // By index, so tags that do not apply are not copied (see Classifier.classify).
        let tags = rules.tags
        for index in tags.indices
        where tags[index].types.contains(type) && scanner.text.containsAny(tags[index].any) && scanner.matches(tags[index].pattern) {
            return "\(type.rawValue)_\(tags[index].suffix)"
        }
        if let channel, rules.channelTagTypes.contains(type), ![.other, .card, .wallet].contains(channel) {
            return "\(type.rawValue)_\(channel.rawValue)"
        }
        return type.rawValue
    }
}
