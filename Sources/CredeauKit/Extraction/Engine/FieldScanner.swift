/// Runs the rule pack's patterns over one SMS; created per call, so it may keep state.
struct FieldScanner {
    let text: SMSText
    let pack: RulePack
    let data: PCRE2MatchData

    /// Returns the capture of `group` when `pattern` matches at or after `start`.
    func firstCapture(_ pattern: RulePattern, group: Int, from start: Int = 0) -> (match: Range<Int>, value: Range<Int>)? {
        guard search(pattern, from: start), let whole = data.range(ofGroup: 0), let value = data.range(ofGroup: group)
        else { return nil }
        return (whole, value)
    }

    func matches(_ pattern: RulePattern) -> Bool {
        search(pattern, from: 0)
    }

    /// Finds the first match at or after `start`, searching from the first place one of the
    /// pattern's leading literals can begin, and not at all when none occurs.
    private func search(_ pattern: RulePattern, from start: Int) -> Bool {
        guard let earliest = text.earliestStart(of: pattern) else { return false }
        return pattern.regex.match(text.lower, from: max(start, earliest), into: data)
    }

    /// Tries each field pattern in order, and each pattern's successive matches, until `accept`
    /// returns a value. At most `attempts` matches per pattern are tried, which bounds the work.
    func scan<Value>(_ patterns: [FieldPattern], direction: TransactionDirection? = nil, attempts: Int = 6,
                     accept: (_ value: Range<Int>, _ match: Range<Int>) -> Value?) -> Value? {
        // Patterns are read in place by index, because `for field in patterns` copies every
        // pattern, retaining its strings and regex, including those that the gate skips.
        for index in patterns.indices where text.containsAny(patterns[index].any) {
            if let only = patterns[index].direction, only != direction { continue }
            var start = 0
            for _ in 0..<attempts {
                guard let found = firstCapture(patterns[index].pattern, group: patterns[index].group, from: start) else { break }
                if let value = accept(found.value, found.match) { return value }
                // Resume inside the rejected match, at its capture, so a shorter candidate that
                // starts there ("on BANK card 4432 at SHOP" -> "at SHOP") is still found.
                start = max(found.value.lowerBound, found.match.lowerBound + 1)
                if start > text.count { break }
            }
        }
        return nil
    }

    // MARK: Fields

    /// Finds the transaction amount in rupees. Balances, limits and dues are skipped, and the
    /// result is nil when a foreign-currency amount comes first.
    func amount() -> Double? {
        let found: (value: Double, start: Int)? = scan(pack.amount) { value, match in
            if isExcludedAmount(at: match.lowerBound) { return nil }
            return ValueParsers.amount(text.lower, value).map { ($0, match.lowerBound) }
        }
        if text.containsAny(pack.foreignCurrencyGate), let foreign = firstCapture(pack.foreignCurrency, group: 0) {
            guard let found, found.start < foreign.match.lowerBound else { return nil }
        }
        return found?.value
    }

    /// Returns true when the body states an amount in a foreign currency.
    func hasForeignAmount() -> Bool {
        text.containsAny(pack.foreignCurrencyGate) && matches(pack.foreignCurrency)
    }

    /// Returns true when one of the excluded words (balance, limit, due …) is just before `start`,
    /// within the same clause.
    private func isExcludedAmount(at start: Int) -> Bool {
        var windowStart = start
        while windowStart > 0, start - windowStart < 24 {
            let byte = text.lower[windowStart - 1]
            let endsClause = byte == 0x0A || byte == UInt8(ascii: ";")
                || (byte == UInt8(ascii: ".") && windowStart < text.count && text.lower[windowStart] == 0x20)
            if endsClause { break }
            windowStart -= 1
        }
        return pack.amountExcludedAfter.contains { word in
            text.containsAny(word) && text.contains(word.keywords[0].bytes, in: windowStart..<start)
        }
    }

    func accountDigits() -> String? {
        scan(pack.accountDigits) { value, _ in
            value.count >= 2 ? text.casedString(value) : nil
        }
    }

    /// Finds the available balance, negative when the body shows a minus sign ("Rs -2,300.00",
    /// "Rs (-)2,300") or a `Dr` after the figure, and zero when the body states zero.
    /// NOTE: `Bal:-Rs 2300` reads as 2300 because `:-` is a separator, although an overdrawn
    /// account could send the same text.
    func balance(accountType: AccountType?) -> Double? {
        if accountType == .card, text.containsAny(pack.balanceExcludedWhen) { return nil }
        return scan(pack.balance) { value, _ in ValueParsers.balance(text.lower, value) }
    }

    func outstanding() -> Double? {
        scan(pack.outstanding) { value, _ in ValueParsers.amount(text.lower, value) }
    }

    func dueAmount() -> Double? {
        scan(pack.dueAmount) { value, _ in ValueParsers.amount(text.lower, value) }
    }

    func dueDate() -> String? {
        scan(pack.dueDate) { value, _ in ValueParsers.isoDate(text.lower, value) }
    }

    /// Finds a payment reference: at least six characters, at least four of them digits.
    func reference() -> String? {
        scan(pack.reference) { value, _ in
            guard value.count >= 6 else { return nil }
            var digits = 0
            for index in value where text.lower[index] >= UInt8(ascii: "0") && text.lower[index] <= UInt8(ascii: "9") {
                digits += 1
            }
            return digits >= 4 ? text.casedString(value) : nil
        }
    }

    /// Finds the counter-party in the SMS's own spelling, with its byte range for the template hash.
    func party(direction: TransactionDirection?) -> (name: String, range: Range<Int>)? {
        scan(pack.party, direction: direction) { value, _ in
            cleanParty(value).map { ($0, value) }
        }
    }

    /// Trims punctuation and spaces, collapses inner white space, and rejects fragments that name
    /// the user's own account or the bank's boilerplate rather than a counter-party.
    private func cleanParty(_ range: Range<Int>) -> String? {
        var lower = range.lowerBound
        var upper = range.upperBound
        while lower < upper, Self.isTrimmable(text.lower[lower]) { lower += 1 }
        while upper > lower, Self.isTrimmable(text.lower[upper - 1]) { upper -= 1 }
        guard upper - lower >= 2, upper - lower <= 60 else { return nil }

        var cleaned: [UInt8] = []
        cleaned.reserveCapacity(upper - lower)
        var wordStart = lower
        var index = lower
        while index <= upper {
            let atEnd = index == upper
            if atEnd || Self.isSpace(text.lower[index]) {
                if index > wordStart {
                    if isRejectedWord(wordStart..<index) { return nil }
                    if !cleaned.isEmpty { cleaned.append(0x20) }
                    cleaned.append(contentsOf: UnsafeBufferPointer(rebasing: text.cased[wordStart..<index]))
                }
                wordStart = index + 1
            }
            index += 1
        }
        return String(decoding: cleaned, as: UTF8.self)
    }

    private func isRejectedWord(_ word: Range<Int>) -> Bool {
        pack.partyRejectedWords.contains { rejected in
            rejected.bytes.count == word.count && rejected.bytes.indices.allSatisfy { rejected.bytes[$0] == text.lower[word.lowerBound + $0] }
        }
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
    }

    private static func isTrimmable(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x20, 0x0A, 0x0D, 0x09, UInt8(ascii: "."), UInt8(ascii: ","), UInt8(ascii: "-"), UInt8(ascii: ":"),
             UInt8(ascii: "_"), UInt8(ascii: "*"), UInt8(ascii: "/"):
            return true
        default:
            return false
        }
    }

    func channel() -> TransactionChannel? {
        let channels = pack.channels
        for index in channels.indices where text.containsAny(channels[index].any) && matches(channels[index].pattern) {
            return channels[index].channel
        }
        return nil
    }

    /// Finds the direction from the earliest debit or credit verb in the body.
    func verbDirection() -> TransactionDirection? {
        var earliest: (direction: TransactionDirection, start: Int)?
        for verb in pack.directionVerbs where text.containsAny(verb.any) {
            guard matches(verb.pattern), let found = data.range(ofGroup: 0) else { continue }
            // On a tie the verb listed first wins, so debit verbs win over credit verbs.
            if found.lowerBound < (earliest?.start ?? Int.max) {
                earliest = (verb.direction, found.lowerBound)
            }
        }
        return earliest?.direction
    }
}
