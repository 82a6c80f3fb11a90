/// Maps the generator's package names, whose last dotted part is a category name, to categories.
public struct SyntheticAppCategories: AppCategoryProvider {
    public init() {}

    public func featureCategory(forPackage packageName: String) -> FeatureAppCategory? {
        guard let dot = packageName.lastIndex(of: ".") else { return nil }
        return FeatureAppCategory(rawValue: String(packageName[packageName.index(after: dot)...]))
    }
}

/// Builds a user shaped like a busy Indian borrower: bank, wallet, NBFC, promotional and personal
/// SMS over 180 days, with about a third of SMS carrying transactions.
public struct SyntheticUserGenerator {
    var random: SplitMix64

    public init(seed: UInt64) { random = SplitMix64(seed: seed) }

    public mutating func makeUser(
        cutoffMillis: Int64, smsCount: Int = 5_000, appCount: Int = 300, callCount: Int = 2_000, contactCount: Int = 1_000
    ) -> UserData {
        let dayMillis: Int64 = 86_400_000
        let span = 180 * dayMillis
        let headers: [(String, SenderType)] = [
            ("hdfcbk", .bank), ("sbiinb", .bank), ("icicib", .bank), ("paytmb", .wallet), ("bajajf", .nbfc),
            ("kissht", .nbfc), ("airtel", .telecom), ("amazon", .ecommerce), ("licind", .insurance), ("zerodh", .investment),
        ]
        let types: [SMSType] = [
            .accountDebitExecuted, .accountCreditExecuted, .accountDebitExecuted, .walletDebitExecuted, .otp,
            .promotional, .promotional, .loanEMIDue, .billDue, .balanceUpdate, .notInTheList, .cardStatement,
        ]
        let channels: [TransactionChannel] = [.upi, .upi, .imps, .neft, .atm, .pos, .nach]
        var sms: [ExtractedSMS] = []
        sms.reserveCapacity(smsCount)
        for index in 0..<smsCount {
            let received = cutoffMillis - Int64.random(in: 0..<span, using: &random)
            let personal = Int.random(in: 0..<10, using: &random) == 0
            let header = headers.randomElement(using: &random) ?? headers[0]
            let sender = personal ? "98\(Int.random(in: 10_000_000..<99_999_999, using: &random))" : header.0
            let type = personal ? SMSType.notInTheList : (types.randomElement(using: &random) ?? .otp)
            let body = "Rs \(index) debited from a/c XX1234 on \(received) towards UPI ref \(index * 7). Avl Bal Rs 1000"
            var entry = ExtractedSMS(
                smsID: "sms-\(index)", smsSender: sender, smsBody: body, inboxDateMillis: received,
                createdAtMillis: cutoffMillis - dayMillis, templateHash: "t\(index % 50)",
                senderType: personal ? .other : header.1, smsType: type, smsNLPTag: type.rawValue)
            if type.isTransactional || type == .loanEMIDue || type == .billDue || type == .cardStatement {
                entry.amount = Double(Int.random(in: 10..<80_000, using: &random))
                entry.transactionChannel = channels.randomElement(using: &random)
                entry.accountLastDigits = String(1000 + index % 3)
                entry.uniquePAN = "\(header.1.rawValue) | \(header.0) | \(index % 3)"
                entry.transactionParty = index % 5 == 0 ? "acme payroll" : "merchant \(index % 40)"
                entry.availableBalance = Double(Int.random(in: 0..<200_000, using: &random))
                entry.dueAmount = type == .loanEMIDue || type == .billDue ? entry.amount : nil
                entry.senderName = header.0
                entry.accountType = .bank
            }
            sms.append(entry)
        }
        let categories = FeatureAppCategory.allCases
        let apps = (0..<appCount).map { index in
            AppRecord(
                packageName: "com.example.app\(index).\((categories.randomElement(using: &random) ?? .social).rawValue)",
                appName: "App \(index)", firstInstallMillis: cutoffMillis - Int64.random(in: 0..<(2 * span), using: &random),
                lastUpdateMillis: cutoffMillis - Int64.random(in: 0..<span, using: &random), isSystemApp: index % 7 == 0)
        }
        let callTypes: [CallType] = [.incoming, .outgoing, .missed, .rejected, .incoming, .outgoing]
        let calls = (0..<callCount).map { index in
            CallLogRecord(
                callID: "call-\(index)", number: "+91 98\(10_000_000 + Int.random(in: 0..<300, using: &random))",
                type: callTypes.randomElement(using: &random) ?? .incoming,
                durationSeconds: Int.random(in: 0..<600, using: &random),
                dateMillis: cutoffMillis - Int64.random(in: 0..<span, using: &random))
        }
        let contacts = (0..<contactCount).map { index in
            ContactRecord(
                contactID: "contact-\(index)", name: index % 20 == 0 ? "Loan Agent \(index)" : "Friend \(index)",
                phones: ["+91 98\(10_000_000 + index)"], email: index % 4 == 0 ? "p\(index)@example.com" : nil,
                updatedAtMillis: cutoffMillis - Int64.random(in: 0..<(2 * span), using: &random))
        }
        var device = DeviceRecord(platform: .android, syncedAtMillis: cutoffMillis - dayMillis)
        device.manufacturer = "Xiaomi"
        device.model = "Redmi Note 12"
        device.osVersion = "13"
        device.firstSeenMillis = cutoffMillis - 400 * dayMillis
        device.isRooted = false
        device.timezone = "Asia/Kolkata"
        let synced = [cutoffMillis - dayMillis]
        return UserData(
            clientID: "bench", userID: "user-1", sms: sms, apps: apps, device: [device], contacts: contacts,
            callLogs: calls,
            syncTimes: [.sms: synced, .apps: synced, .device: synced, .contacts: synced, .callLogs: synced])
    }
}
