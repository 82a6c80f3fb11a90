/// Risky apps, device integrity, inbox tampering and loan stacking, with a rule-based summary
/// flag (`fraud` grouping).
enum FraudFamily {
    private static let factory = DefinitionFactory(grouping: .fraud)

    static let appCategories: [FeatureAppCategory] = [
        .fakeGPS, .smsEditor, .appCloner, .autoClicker, .vpnRemoteAccess, .emulatorRootTools, .gamblingBetting, .lending,
    ]
    /// Categories whose mere presence is a fraud signal (tools to fake location, SMS or identity).
    static let riskyCategories: Set<FeatureAppCategory> = [
        .fakeGPS, .smsEditor, .appCloner, .autoClicker, .vpnRemoteAccess, .emulatorRootTools,
    ]
    static let financialKeywords: [StaticString] = ["credited", "debited", "a/c", "avl bal", "account", "loan", "emi"]
    static let collectionKeywords: [StaticString] = ["recovery", "collection", "legal action", "overdue", "default"]
    static let lendingBurstApps = 3
    static let p2pFinancialLimit = 3
    static let lenderLimit = 5
    static let collectionLimit = 3

    private struct SMSSignals {
        var futureDated = 0
        var p2pFinancial = [0, 0, 0]
        var sentFinancial = 0
        var burstShare: FeatureValue = .null
        var beforeDevice: Int?
        var spanDays = 0
        var lenders: [Int] = []
        var disbursalLenders: [Int] = []
        var collection = [0, 0]

        init(_ input: FeatureInput) {
            let sms = input.sms
            futureDated = sms.futureDatedCount
            var counter = DistinctCounter(subjectCount: 2, keyCount: sms.senderKeys.count)
            let deviceSeen = input.device?.firstSeenMillis.map { FeatureClock.day(of: $0) }
            var before = 0
            var in7 = 0
            var in90 = 0
            input.withSMSBase { base in
                for position in 0..<sms.count {
                    let time = sms.times[position]
                    let entry = base + sms.indexes[position]
                    if time.daysBack < 7 { in7 += 1 }
                    if time.daysBack < 90 { in90 += 1 }
                    if let deviceSeen, time.day < deviceSeen { before += 1 }
                    if sms.isSent[position] {
                        if FraudFamily.matchesAny(entry.pointee.smsBody, FraudFamily.financialKeywords) { sentFinancial += 1 }
                        continue
                    }
                    let sender = sms.senderIDs[position]
                    let isPhone = sms.senderIsPhone[sender]
                    if isPhone, FraudFamily.matchesAny(entry.pointee.smsBody, FraudFamily.financialKeywords) {
                        for (index, days) in [30, 90, 180].enumerated() where time.daysBack < days { p2pFinancial[index] += 1 }
                    }
                    if CreditFamily.isLoanSMS(entry) { counter.add(subject: 0, key: sender, time: time) }
                    if entry.pointee.smsType == .loanDisbursed { counter.add(subject: 1, key: sender, time: time) }
                    let collectionLike = entry.pointee.smsType == .loanOverdue
                        || ((isPhone || entry.pointee.senderType == .other)
                            && FraudFamily.matchesAny(entry.pointee.smsBody, FraudFamily.collectionKeywords))
                    if collectionLike {
                        for (index, days) in [30, 90].enumerated() where time.daysBack < days { collection[index] += 1 }
                    }
                }
            }
            burstShare = .share(in7, in90)
            beforeDevice = deviceSeen == nil ? nil : before
            if let first = sms.times.first, let last = sms.times.last { spanDays = first.daysBack - last.daysBack }
            lenders = counter.counts(subject: 0)
            disbursalLenders = counter.counts(subject: 1)
        }
    }

    static func matchesAny(_ body: String, _ keywords: [StaticString]) -> Bool {
        keywords.contains { containsASCIICaseInsensitive(body, $0) }
    }

    /// One fraud rule: the feature it reads and whether it fired.
    private struct Rule {
        var feature: String
        var fired: Bool
    }

    static func emit<S: FeatureSink>(_ input: FeatureInput?, into sink: inout S) {
        let apps = input?.apps
        let device = input?.device
        let sms = input.flatMap { $0.smsNullReason == nil ? SMSSignals($0) : nil }
        var rules: [Rule] = []

        for category in appCategories {
            let token = "fraud_app_\(category.rawValue)"
            sink.add(factory.make("\(token)_count", .all, "Installed \(category.rawValue) apps", .count, .sourceMissing),
                     apps.map { .int($0.count(category)) } ?? .null)
            for days in [7, 30] {
                sink.add(factory.make("\(token)_installed_count", .days(days),
                                      "\(category.rawValue) apps first installed in the window", .count, .sourceMissing),
                         apps.map { .int($0.installedCount(category, withinDays: days)) } ?? .null)
            }
        }
        let riskyCount = apps.map { state in state.apps.filter { $0.category.map(riskyCategories.contains) ?? false }.count }
        sink.add(factory.make("fraud_app_risky_count", .all, "Installed apps to fake location, edit SMS or call logs, "
                              + "clone apps, auto-click, hide the network (VPN, remote access) or root or emulate the "
                              + "device", .count, .sourceMissing), .optionalInt(riskyCount))
        rules.append(Rule(feature: "fraud_app_risky_count_all", fired: (riskyCount ?? 0) >= 1))
        let lendingBurst = apps.map { $0.installedCount(.lending, withinDays: 7) >= lendingBurstApps }
        sink.add(factory.make("lending_app_install_burst_flag", .days(7),
                              "1 when at least 3 lending apps were first installed in the last 7 days", .flag,
                              .sourceMissing), lendingBurst.map { .flag($0) } ?? .null)
        rules.append(Rule(feature: "lending_app_install_burst_flag_7d", fired: lendingBurst ?? false))

        let deviceFlags: [(String, String, Bool?)] = [
            ("device_rooted_flag", "1 when the SDK reports the device rooted", device?.isRooted),
            ("device_emulator_flag", "1 when the SDK reports an emulator", device?.isEmulator),
            ("device_developer_mode_flag", "1 when developer options are on", device?.isDeveloperMode),
            ("device_mock_location_flag", "1 when mock locations are allowed", device?.isMockLocation),
            ("device_timezone_not_india_flag", "1 when the device time zone is not Asia/Kolkata (or Asia/Calcutta)",
             device?.timezone.map { $0 != "Asia/Kolkata" && $0 != "Asia/Calcutta" }),
        ]
        for (stem, text, flag) in deviceFlags {
            sink.add(factory.make(stem, .all, text, .flag, .fieldMissing), flag.map { .flag($0) } ?? .null)
            if stem != "device_developer_mode_flag", stem != "device_timezone_not_india_flag" {
                rules.append(Rule(feature: "\(stem)_all", fired: flag ?? false))
            }
        }

        sink.add(factory.make("sms_future_dated_count", .all, "SMS whose received time is more than an hour after the "
                              + "sync that carried them (a changed clock or injected SMS)", .count, .sourceMissing),
                 sms.map { .int($0.futureDated) } ?? .null)
        rules.append(Rule(feature: "sms_future_dated_count_all", fired: (sms?.futureDated ?? 0) >= 1))
        for (index, days) in [30, 90, 180].enumerated() {
            sink.add(factory.make("fin_sms_from_p2p_count", .days(days), "Financial-looking SMS (credited, debited, "
                                  + "a/c, avl bal, account, loan, emi) from a phone number instead of a header",
                                  .count, .sourceMissing), sms.map { .int($0.p2pFinancial[index]) } ?? .null)
        }
        rules.append(Rule(feature: "fin_sms_from_p2p_count_30d", fired: (sms?.p2pFinancial[0] ?? 0) >= p2pFinancialLimit))
        sink.add(factory.make("fin_sms_in_sent_count", .all, "Financial-looking SMS in the sent folder",
                              .count, .sourceMissing), sms.map { .int($0.sentFinancial) } ?? .null)
        sink.add(factory.make("sms_burst_share", .days(7), "SMS of the last 7 days divided by SMS of the last 90",
                              .share, .zeroDenominator), sms?.burstShare ?? .null)
        sink.add(factory.make("sms_before_device_first_seen_count", .all,
                              "SMS dated before the IST day the device was first seen", .count, .fieldMissing),
                 .optionalInt(sms?.beforeDevice))
        let shortHistory: Bool? = sms.flatMap { sms in
            guard let device, let seen = device.firstSeenMillis, let input else { return nil }
            return sms.spanDays < 30 && input.clock.cutoffDay - FeatureClock.day(of: seen) > 180
        }
        sink.add(factory.make("short_history_old_device_flag", .all, "1 when the SMS history spans under 30 days on "
                              + "a device first seen over 180 days before the cutoff", .flag, .fieldMissing),
                 shortHistory.map { .flag($0) } ?? .null)
        rules.append(Rule(feature: "short_history_old_device_flag_all", fired: shortHistory ?? false))
        for window in [FeatureWindow.days(7), .days(30)] {
            let slot = FeatureWindow.slot(of: window)
            sink.add(factory.make("fraud_lender_sender_distinct", window, "Distinct lenders sending SMS (loan classes "
                                  + "or NBFC senders)", .count, .sourceMissing),
                     sms.map { .int($0.lenders[slot]) } ?? .null)
            sink.add(factory.make("loan_disbursal_lender_distinct", window, "Distinct senders of loan disbursal SMS",
                                  .count, .sourceMissing), sms.map { .int($0.disbursalLenders[slot]) } ?? .null)
        }
        rules.append(Rule(feature: "fraud_lender_sender_distinct_30d",
                          fired: (sms?.lenders[FeatureWindow.slot(of: .days(30))] ?? 0) >= lenderLimit))
        for (index, days) in [30, 90].enumerated() {
            sink.add(factory.make("collection_sms_count", .days(days), "Loan overdue SMS, plus SMS from phone numbers "
                                  + "or unknown senders naming recovery, collection, legal action, overdue or default",
                                  .count, .sourceMissing), sms.map { .int($0.collection[index]) } ?? .null)
        }
        rules.append(Rule(feature: "collection_sms_count_30d", fired: (sms?.collection[0] ?? 0) >= collectionLimit))

        let fired = rules.filter(\.fired).map(\.feature)
        let ruleText = "rooted, emulator or mock-location device; a risky app; 3 or more lending apps installed in "
            + "7 days; a future-dated SMS; 3 or more financial SMS from phone numbers in 30 days; 5 or more lenders "
            + "in 30 days; 3 or more collection SMS in 30 days; short SMS history on an old device"
        sink.add(factory.make("fraud_rule_hits_count", .all, "Fraud rules fired: \(ruleText)", .count, .never),
                 .int(fired.count))
        sink.add(factory.verbatim("fraud_flag", .all, "1 when any fraud rule fired (see fraud_rule_hits_count)",
                                  .flag, .never), .flag(!fired.isEmpty))
        sink.add(factory.verbatim("fraud_flag_reason", .all, "Names of the features whose rule fired, comma-separated; "
                                  + "empty when none fired", .text, .never), .string(fired.joined(separator: ",")))
    }
}
