/// SMS counts and distinct senders by folder, sender kind and sender type (`sms` grouping).
enum SMSVolumeFamily {
    private static let factory = DefinitionFactory(grouping: .sms)

    /// Subject tokens and descriptions, in output order; sender types follow the fixed subjects.
    static let subjects: [(countStem: String, distinctStem: String, text: String)] = [
        ("all", "SMS in any folder"), ("inbox", "received SMS"), ("sent", "sent SMS"),
        ("a2p", "SMS from a header or short code (application to person)"),
        ("p2p", "SMS from a 10-or-more-digit phone number (person to person)"),
    ].map { ("\($0.0)_sms_count", "\($0.0)_sender_distinct", $0.1) }
        + SenderType.allCases.map {
            ("\($0.rawValue)_sender_sms_count", "\($0.rawValue)_sender_distinct", "received SMS from \($0.rawValue) senders")
        }

    private struct State {
        var counts: [Int]
        var distinct: [[Int]] = []

        init(_ input: FeatureInput) {
            let sms = input.sms
            let fixed = 5
            let slots = FeatureWindow.slotCount
            counts = Array(repeating: 0, count: subjects.count * slots)
            var senders = DistinctCounter(subjectCount: subjects.count, keyCount: sms.senderKeys.count)
            var members: [Int] = []
            members.reserveCapacity(4)
            for position in 0..<sms.count {
                let time = sms.times[position]
                let sender = sms.senderIDs[position]
                members.removeAll(keepingCapacity: true)
                members.append(0)
                if sms.isSent[position] {
                    members.append(2)
                } else {
                    members.append(1)
                    let type = input.user.sms[sms.indexes[position]].senderType
                    members.append(fixed + SMSVolumeFamily.senderTypeIndex(type))
                }
                members.append(sms.senderIsPhone[sender] ? 4 : 3)
                for subject in members {
                    senders.add(subject: subject, key: sender, time: time)
                    let base = subject * slots
                    forEachSlot(time.mask) { counts[base + $0] += 1 }
                }
            }
            distinct = (0..<subjects.count).map { senders.counts(subject: $0) }
        }
    }

    private static let senderTypes = SenderType.allCases

    static func senderTypeIndex(_ type: SenderType) -> Int {
        senderTypes.firstIndex(of: type) ?? senderTypes.count - 1
    }

    static func emit<S: FeatureSink>(_ input: FeatureInput?, into sink: inout S) {
        let state = input.flatMap { $0.smsNullReason == nil ? State($0) : nil }
        for (subject, description) in subjects.enumerated() {
            for (slot, window) in FeatureWindow.standard.enumerated() {
                sink.add(
                    factory.make(description.countStem, window,
                                 "Number of \(description.text), after de-duplication", .count, .sourceMissing),
                    state.map { .int($0.counts[subject * FeatureWindow.slotCount + slot]) } ?? .null)
            }
            for (slot, window) in FeatureWindow.standard.enumerated() {
                sink.add(
                    factory.make(description.distinctStem, window,
                                 "Number of distinct senders of \(description.text)", .count, .sourceMissing),
                    state.map { .int($0.distinct[subject][slot]) } ?? .null)
            }
        }
        sink.add(
            factory.verbatim("all_sms_count", .all, "Compatibility name: lifetime number of SMS in any folder, "
                             + "after de-duplication (same as all_sms_count_all)", .count, .sourceMissing),
            state.map { .int($0.counts[FeatureWindow.allSlot]) } ?? .null)
    }
}
