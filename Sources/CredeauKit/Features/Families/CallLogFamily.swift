/// Calls by direction, durations, distinct numbers and timing (`sms` grouping).
enum CallLogFamily {
    private static let factory = DefinitionFactory(grouping: .sms)

    private struct State {
        var total: [Int]
        var byType: [[Int]]
        var incomingSeconds: [Int]
        var outgoingSeconds: [Int]
        var night: [Int]
        var savedContact: [Int]
        var distinct: [Int] = []
        var firstDaysBack: Int?
        var lastDaysBack: Int?

        init?(_ input: FeatureInput) {
            guard let records = input.user.callLogs else { return nil }
            let slots = FeatureWindow.slotCount
            total = Array(repeating: 0, count: slots)
            byType = Array(repeating: total, count: 4)
            incomingSeconds = total
            outgoingSeconds = total
            night = total
            savedContact = total
            var contactNumbers = Set<UInt64>()
            for contact in input.user.contacts ?? [] where input.isVisible(contact) {
                for phone in contact.phones {
                    if let key = ContactFamily.numberKey(phone) { contactNumbers.insert(key) }
                }
            }
            var numberIDs: [UInt64: Int] = [:]
            var calls: [(time: EventTime, key: Int)] = []
            calls.reserveCapacity(records.count)
            var visible = 0
            for call in records where call.dateMillis <= input.cutoff {
                visible += 1
                let time = input.clock.time(of: call.dateMillis)
                let numberKey = ContactFamily.numberKey(call.number) ?? UInt64.max
                let id: Int
                if let known = numberIDs[numberKey] {
                    id = known
                } else {
                    id = numberIDs.count
                    numberIDs[numberKey] = id
                }
                calls.append((time, id))
                let typeIndex: Int? = switch call.type {
                case .incoming: 0
                case .outgoing: 1
                case .missed: 2
                case .rejected: 3
                case .other: nil
                }
                let saved = contactNumbers.contains(numberKey)
                firstDaysBack = max(firstDaysBack ?? time.daysBack, time.daysBack)
                lastDaysBack = min(lastDaysBack ?? time.daysBack, time.daysBack)
                forEachSlot(time.mask) { slot in
                    total[slot] += 1
                    if let typeIndex { byType[typeIndex][slot] += 1 }
                    if call.type == .incoming { incomingSeconds[slot] += max(0, call.durationSeconds) }
                    if call.type == .outgoing { outgoingSeconds[slot] += max(0, call.durationSeconds) }
                    if time.isNight { night[slot] += 1 }
                    if saved { savedContact[slot] += 1 }
                }
            }
            var numbers = DistinctCounter(subjectCount: 1, keyCount: numberIDs.count)
            for call in calls { numbers.add(subject: 0, key: call.key, time: call.time) }
            distinct = numbers.counts(subject: 0)
            let synced = (input.user.syncTimes[.callLogs] ?? []).contains { $0 <= input.cutoff }
            if visible == 0, !(input.user.syncTimes[.callLogs] ?? []).isEmpty, !synced { return nil }
        }
    }

    static let typeTokens = ["incoming", "outgoing", "missed", "rejected"]

    static func emit<S: FeatureSink>(_ input: FeatureInput?, into sink: inout S) {
        let state = input.flatMap { State($0) }
        sink.add(factory.verbatim("call_logs_data_null_reason", nil,
                                  "Why call-log features are null: not_synced or no_data_before_cutoff; null when "
                                  + "call logs are available", .text, .never),
                 .optionalString(input.flatMap { state == nil ? ($0.user.callLogs == nil ? "not_synced"
                                                                   : "no_data_before_cutoff") : nil }))
        let windows = FeatureWindow.standard
        for (slot, window) in windows.enumerated() {
            sink.add(factory.make("calls_count", window, "Calls of any type", .count, .sourceMissing),
                     state.map { .int($0.total[slot]) } ?? .null)
        }
        for (type, token) in typeTokens.enumerated() {
            for (slot, window) in windows.enumerated() {
                sink.add(factory.make("calls_\(token)_count", window, "\(token.capitalized) calls", .count, .sourceMissing),
                         state.map { .int($0.byType[type][slot]) } ?? .null)
            }
        }
        for (slot, window) in windows.enumerated() {
            sink.add(factory.make("calls_incoming_duration_sum", window, "Seconds spent on incoming calls",
                                  .seconds, .sourceMissing),
                     state.map { .int($0.incomingSeconds[slot]) } ?? .null)
            sink.add(factory.make("calls_outgoing_duration_sum", window, "Seconds spent on outgoing calls",
                                  .seconds, .sourceMissing),
                     state.map { .int($0.outgoingSeconds[slot]) } ?? .null)
            sink.add(factory.make("calls_incoming_duration_mean", window, "Mean seconds per incoming call",
                                  .seconds, .zeroDenominator),
                     state.map { .share($0.incomingSeconds[slot], $0.byType[0][slot]) } ?? .null)
            sink.add(factory.make("calls_outgoing_duration_mean", window, "Mean seconds per outgoing call",
                                  .seconds, .zeroDenominator),
                     state.map { .share($0.outgoingSeconds[slot], $0.byType[1][slot]) } ?? .null)
            sink.add(factory.make("calls_number_distinct", window, "Distinct phone numbers called or calling",
                                  .count, .sourceMissing),
                     state.map { .int($0.distinct[slot]) } ?? .null)
            sink.add(factory.make("calls_night_share", window, "Share of calls 00:00 to 05:59 IST",
                                  .share, .zeroDenominator),
                     state.map { .share($0.night[slot], $0.total[slot]) } ?? .null)
            sink.add(factory.make("calls_incoming_share", window, "Share of calls that were incoming",
                                  .share, .zeroDenominator),
                     state.map { .share($0.byType[0][slot], $0.total[slot]) } ?? .null)
            sink.add(factory.make("calls_outgoing_share", window, "Share of calls that were outgoing",
                                  .share, .zeroDenominator),
                     state.map { .share($0.byType[1][slot], $0.total[slot]) } ?? .null)
            sink.add(factory.make("calls_missed_share", window, "Share of calls that were missed",
                                  .share, .zeroDenominator),
                     state.map { .share($0.byType[2][slot], $0.total[slot]) } ?? .null)
            sink.add(factory.make("calls_saved_contact_share", window,
                                  "Share of calls with a number saved in the contacts", .share, .zeroDenominator),
                     state.map { .share($0.savedContact[slot], $0.total[slot]) } ?? .null)
        }
        sink.add(factory.make("calls_days_since_first", .all, "IST days from the first call to the cutoff date",
                              .days, .emptyWindow), .optionalInt(state?.firstDaysBack))
        sink.add(factory.make("calls_days_since_last", .all, "IST days from the last call to the cutoff date",
                              .days, .emptyWindow), .optionalInt(state?.lastDaysBack))
    }
}
