import Testing
@testable import CredeauKit

/// The cache returns what `SenderNormaliser` returns for every sender, however often it repeats.
@Suite struct SenderKeyCacheTests {
    /// Headers with and without operator prefixes and category suffixes, lower case, phone
    /// numbers, numeric headers, blanks and non-ASCII text, including pairs that `String`
    /// equality treats as equal but whose bytes differ.
    private static let senders: [String?] = [
        nil, "", " ", "   ", "VM-HDFCBK", "vm-hdfcbk", "AX-HDFCBK-S", "ax-hdfcbk-s", "JD-ICICIT-T", "BZ-DOPBNK-G",
        "hdfcbk", "JX-CSHfre-S", "  VK-CANBNK  ", "\tVK-CANBNK\n", "AX-650018", "650018", "+919876543210",
        "9876543210", "09876543210", "+91 98765 43210", "+91-98765-43210", "98765", "+1", "+", "-", "--", "A-B",
        "AB-", "AB-C", "AB-CD", "ABC-D", "A1-HDFCBK", "12-HDFCBK", "VM-HDFC BK", "VM_HDFCBK", "VM-HDFCBK-SS",
        "VM-HDFCBK-", "VM-HDFCBK-1", "Paytm", "APAY", "SBIINB", "ßank", "VM-ßank-S", "ÉTAT", "e\u{301}tat",
        "\u{E9}tat", "VM-KOTAK", "VM-\u{212A}OTAK", "\u{212A}\u{212A}", "KK", "VM-\u{212A}\u{212A}-S",
        "VM-\u{FF28}\u{FF24}\u{FF26}\u{FF23}", "\u{0967}\u{0968}\u{0969}", "बैंक", "VM-बैंक", "🏦-BANK",
        "VM-BANK-🏦", "AX\u{0301}-HDFCBK", "\u{00A0}VM-HDFCBK\u{00A0}", "VM-HDFCBK\r\n", "ǰ-HDFCBK", "j\u{30C}-HDFCBK",
    ]

    @Test func matchesNormaliser() {
        var cache = SenderKeyCache()
        // Three passes in different orders, so every sender is also looked up while cached.
        let orders = [Self.senders, Self.senders.reversed(), Self.senders.enumerated().sorted { $0.offset % 3 < $1.offset % 3 }.map(\.element)]
        for order in orders {
            for sender in order {
                #expect(cache.key(for: sender) == SenderNormaliser.normalise(sender).key, "sender \(String(describing: sender))")
            }
        }
    }

    @Test func separatesEquivalentSenders() {
        // KELVIN SIGN is canonically equivalent to K, so the two strings are equal as Strings.
        let ascii = "VM-KOTAK", kelvin = "VM-\u{212A}OTAK"
        #expect(ascii == kelvin)
        #expect(SenderNormaliser.normalise(ascii).key != SenderNormaliser.normalise(kelvin).key)

        var cache = SenderKeyCache()
        #expect(cache.key(for: ascii) == "KOTAK")
        #expect(cache.key(for: kelvin) == SenderNormaliser.normalise(kelvin).key)
    }

    @Test func builderKeepsEquivalentSenders() throws {
        // The SMS share body and time and differ only in sender bytes, so both stay, as before the cache.
        let base: Int64 = 1_772_700_000_000
        let records: [JSONValue] = [("1", "VM-KOTAK"), ("2", "VM-\u{212A}OTAK"), ("3", "vm-kotak")].map { id, sender in
            .object([("sms_id", .string(id)), ("sms_sender", .string(sender)), ("sms_body", .string("Rs 5 debited")),
                     ("sms_inbox_date", .integer(base))])
        }
        let document = JSONValue.object([("client_id", .string("c1")), ("user_id", .string("u1")),
                                         ("created_at", .integer(base + 60_000)), ("sms", .array(records))])
        var builder = UserDataBuilder(clientID: "c1", userID: "u1")
        try builder.add(document: document, source: .sms)

        #expect(builder.syncedSMS.map(\.raw.id) == ["1", "2"])
    }
}
