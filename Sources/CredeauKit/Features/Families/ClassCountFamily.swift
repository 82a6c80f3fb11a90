/// SMS per extracted class, plus the compatibility counts (`extracted_sms` grouping).
enum ClassCountFamily {
    private static let factory = DefinitionFactory(grouping: .extractedSMS)

    private static func classText(_ token: String) -> String {
        switch token {
        case "all": return "every received SMS"
        case "txn": return "transactional SMS (money moved, any direction)"
        case "credit": return "transactional SMS crediting money"
        case "debit": return "transactional SMS debiting money"
        default: return "SMS classified as \(token)"
        }
    }

    static func emit<S: FeatureSink>(_ input: FeatureInput?, into sink: inout S) {
        let state = input.flatMap { $0.smsNullReason == nil ? $0.transactions : nil }
        for (classIndex, token) in TransactionState.classTokens.enumerated() {
            for (slot, window) in FeatureWindow.standard.enumerated() {
                sink.add(factory.make("\(token)_sms_count", window, "Number of \(classText(token)), after "
                                      + "de-duplication", .count, .sourceMissing),
                         state.map { .int($0.classCount(classIndex, slot)) } ?? .null)
            }
        }
        for (classIndex, name) in [(0, "all_sms_count_nlp"), (1, "txn_sms_count_nlp"), (2, "credit_sms_count_nlp")] {
            sink.add(factory.verbatim(name, .all, "Compatibility name: lifetime number of \(classText(TransactionState.classTokens[classIndex]))",
                                      .count, .sourceMissing),
                     state.map { .int($0.classCount(classIndex, FeatureWindow.allSlot)) } ?? .null)
        }
    }
}
