/// SMS history length, coverage, sync lag and duplicates (`sms` grouping). These let a model
/// tell "no activity" from "no history".
enum SMSCoverageFamily {
    private static let factory = DefinitionFactory(grouping: .sms)

    private struct State {
        var firstDaysBack: Int?
        var lastDaysBack: Int?
        var monthsWithData = 0
        var coveredDays180 = 0
        var syncLagHours: Double?
        var kept = 0
        var duplicates = 0
        var undated = 0
        var typeFirst: [Int?]
        var typeLast: [Int?]

        init(_ input: FeatureInput) {
            let sms = input.sms
            kept = sms.count
            duplicates = sms.duplicateCount
            undated = sms.undatedCount
            firstDaysBack = sms.times.first?.daysBack
            lastDaysBack = sms.times.last?.daysBack
            var months = Set<Int>()
            var days = Set<Int>()
            typeFirst = Array(repeating: nil, count: SenderType.allCases.count)
            typeLast = typeFirst
            for position in 0..<sms.count {
                let time = sms.times[position]
                if time.monthsBack <= 5 { months.insert(time.monthsBack) }
                if time.daysBack < 180 { days.insert(time.day) }
                guard !sms.isSent[position] else { continue }
                let type = SMSVolumeFamily.senderTypeIndex(input.user.sms[sms.indexes[position]].senderType)
                if typeFirst[type] == nil { typeFirst[type] = time.daysBack }
                typeLast[type] = time.daysBack
            }
            monthsWithData = months.count
            coveredDays180 = days.count
            if let lastSync = input.user.syncTimes[.sms]?.last(where: { $0 <= input.cutoff }) {
                syncLagHours = Double(input.cutoff - lastSync) / 3_600_000
            }
        }
    }

    static func emit<S: FeatureSink>(_ input: FeatureInput?, into sink: inout S) {
        let state = input.flatMap { $0.smsNullReason == nil ? State($0) : nil }
        sink.add(factory.verbatim("sms_data_null_reason", nil,
                                  "Why SMS features are null: not_synced, no_data_before_cutoff or "
                                  + "platform_unsupported (iOS); null when SMS are available", .text, .never),
                 .optionalString(input?.smsNullReason))
        sink.add(factory.make("sms_days_since_first", .all, "IST days from the first SMS to the cutoff date",
                              .days, .emptyWindow),
                 .optionalInt(state?.firstDaysBack))
        sink.add(factory.make("sms_days_since_last", .all, "IST days from the last SMS to the cutoff date",
                              .days, .emptyWindow),
                 .optionalInt(state?.lastDaysBack))
        sink.add(factory.make("sms_span_days", .all, "IST days between the first and the last SMS",
                              .days, .emptyWindow),
                 state.map { state in
                     guard let first = state.firstDaysBack, let last = state.lastDaysBack else { return .null }
                     return .int(first - last)
                 } ?? .null)
        sink.add(factory.make("sms_month_count", .days(180), "Calendar months m0 to m5 with at least one SMS",
                              .count, .sourceMissing),
                 state.map { .int($0.monthsWithData) } ?? .null)
        sink.add(factory.make("sms_coverage_share", .days(180), "Share of the last 180 IST days with at least one SMS",
                              .share, .sourceMissing),
                 state.map { .double(Double($0.coveredDays180) / 180) } ?? .null)
        sink.add(factory.make("sms_history_truncated_flag", .all,
                              "1 when the first SMS is less than 180 days before the cutoff, so long windows "
                              + "cover less than their length", .flag, .sourceMissing),
                 state.map { .flag(($0.firstDaysBack ?? 0) < 179) } ?? .null)
        sink.add(factory.make("sms_last_sync_lag_hours", .all,
                              "Hours between the last SMS sync at or before the cutoff and the cutoff",
                              .hours, .fieldMissing),
                 state.map { $0.syncLagHours.map { .double($0) } ?? .null } ?? .null)
        sink.add(factory.make("sms_duplicate_count", .all,
                              "SMS received at or before the cutoff and dropped as duplicates of a kept SMS: same "
                              + "id, or same sender, body and received second",
                              .count, .sourceMissing),
                 state.map { .int($0.duplicates) } ?? .null)
        sink.add(factory.make("sms_duplicate_share", .all,
                              "Duplicates dropped divided by all dated SMS at or before the cutoff, duplicates included",
                              .share, .zeroDenominator),
                 state.map { .share($0.duplicates, $0.duplicates + $0.kept) } ?? .null)
        sink.add(factory.make("sms_undated_count", .all, "SMS without a received time, which no window can use",
                              .count, .sourceMissing),
                 state.map { .int($0.undated) } ?? .null)
        for (type, senderType) in SenderType.allCases.enumerated() {
            sink.add(factory.make("\(senderType.rawValue)_sender_days_since_first", .all,
                                  "IST days from the first SMS of a \(senderType.rawValue) sender to the cutoff date",
                                  .days, .emptyWindow),
                     .optionalInt(state?.typeFirst[type]))
            sink.add(factory.make("\(senderType.rawValue)_sender_days_since_last", .all,
                                  "IST days from the last SMS of a \(senderType.rawValue) sender to the cutoff date",
                                  .days, .emptyWindow),
                     .optionalInt(state?.typeLast[type]))
        }
    }
}
