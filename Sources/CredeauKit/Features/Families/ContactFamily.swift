/// Address-book size, quality and keyword groups (`sms` grouping).
enum ContactFamily {
    private static let factory = DefinitionFactory(grouping: .sms)

    /// Keyword groups matched in contact names (ASCII, case-insensitive substring).
    static let keywordGroups: [(token: String, keywords: [StaticString])] = [
        ("lender", ["loan", "finance", "fincorp", "credit", "lend"]),
        ("bank", ["bank"]),
        ("recovery", ["recovery", "collection", "legal", "agent"]),
        ("family", ["mom", "dad", "papa", "mummy", "bhai", "didi", "wife", "husband"]),
        ("work", ["office", "boss", "manager", "hr "]),
    ]

    private struct State {
        var count = 0
        var named = 0
        var withEmail = 0
        var distinctNumbers = 0
        var duplicateNumbers = 0
        var nonIndian = 0
        var added = [0, 0, 0]
        var groups = Array(repeating: 0, count: keywordGroups.count)

        init?(_ input: FeatureInput) {
            guard let records = input.user.contacts else { return nil }
            var numbers = Set<UInt64>()
            var numberCount = 0
            for contact in records where input.isVisible(contact) {
                count += 1
                if let name = contact.name, !name.isEmpty {
                    named += 1
                    for (index, group) in keywordGroups.enumerated()
                    where group.keywords.contains(where: { containsASCIICaseInsensitive(name, $0) }) {
                        groups[index] += 1
                    }
                }
                if let email = contact.email, !email.isEmpty { withEmail += 1 }
                for phone in contact.phones {
                    guard let normalized = ContactFamily.numberKey(phone) else { continue }
                    numberCount += 1
                    numbers.insert(normalized)
                    if !ContactFamily.isIndianNumber(phone) { nonIndian += 1 }
                }
                if let updated = contact.updatedAtMillis {
                    let daysBack = input.clock.cutoffDay - FeatureClock.day(of: updated)
                    for (index, days) in [7, 30, 90].enumerated() where daysBack < days { added[index] += 1 }
                }
            }
            distinctNumbers = numbers.count
            duplicateNumbers = numberCount - numbers.count
            if input.nullReason(synced: true, source: .contacts, visibleRecords: count) != nil { return nil }
        }
    }

    /// Returns the last 10 digits of a phone number as an integer, so that `+91 98…` and `098…`
    /// compare equal. Returns nil when the text has no digit.
    static func numberKey(_ phone: String) -> UInt64? {
        var key: UInt64 = 0
        var digits = 0
        for byte in phone.utf8 where byte >= 0x30 && byte <= 0x39 {
            key = (key * 10 + UInt64(byte - 0x30)) % 10_000_000_000
            digits += 1
        }
        return digits == 0 ? nil : key
    }

    /// True for numbers with a +91 or 0091 prefix, or with no international prefix at all.
    static func isIndianNumber(_ phone: String) -> Bool {
        var prefix: [UInt8] = []
        for byte in phone.utf8 where byte != 0x20 && byte != 0x2D {
            prefix.append(byte)
            if prefix.count == 4 { break }
        }
        if prefix.first == 0x2B { return prefix.starts(with: [0x2B, 0x39, 0x31]) }
        if prefix.starts(with: [0x30, 0x30]) { return prefix == [0x30, 0x30, 0x39, 0x31] }
        return true
    }

    static func emit<S: FeatureSink>(_ input: FeatureInput?, into sink: inout S) {
        let state = input.flatMap { State($0) }
        sink.add(factory.verbatim("contacts_data_null_reason", nil,
                                  "Why contact features are null: not_synced or no_data_before_cutoff; null when "
                                  + "contacts are available", .text, .never),
                 .optionalString(input.flatMap { state == nil ? ($0.user.contacts == nil ? "not_synced"
                                                                   : "no_data_before_cutoff") : nil }))
        sink.add(factory.make("contacts_count", .all, "Contacts visible at the cutoff (updated at or before it, or "
                              + "undated and in a sync at or before it)", .count, .sourceMissing),
                 state.map { .int($0.count) } ?? .null)
        sink.add(factory.make("contacts_named_share", .all, "Share of contacts with a non-empty name",
                              .share, .zeroDenominator), state.map { .share($0.named, $0.count) } ?? .null)
        sink.add(factory.make("contacts_email_count", .all, "Contacts with an e-mail address", .count, .sourceMissing),
                 state.map { .int($0.withEmail) } ?? .null)
        sink.add(factory.make("contacts_number_distinct", .all, "Distinct phone numbers (last 10 digits)",
                              .count, .sourceMissing), state.map { .int($0.distinctNumbers) } ?? .null)
        sink.add(factory.make("contacts_number_duplicate_count", .all,
                              "Phone numbers that repeat a number already in the address book", .count, .sourceMissing),
                 state.map { .int($0.duplicateNumbers) } ?? .null)
        sink.add(factory.make("contacts_non_indian_number_count", .all,
                              "Phone numbers with an international prefix other than +91", .count, .sourceMissing),
                 state.map { .int($0.nonIndian) } ?? .null)
        for (index, days) in [7, 30, 90].enumerated() {
            sink.add(factory.make("contacts_added_count", .days(days),
                                  "Contacts whose updated_at falls in the window", .count, .sourceMissing),
                     state.map { .int($0.added[index]) } ?? .null)
        }
        for (index, group) in keywordGroups.enumerated() {
            sink.add(factory.make("contacts_\(group.token)_count", .all,
                                  "Contacts whose name contains a \(group.token) keyword", .count, .sourceMissing),
                     state.map { .int($0.groups[index]) } ?? .null)
        }
    }
}
