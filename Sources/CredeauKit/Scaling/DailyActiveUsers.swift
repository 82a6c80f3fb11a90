/// Parsing of the daily-active-user figure that `credeau scale-advise --dau` takes.
public enum DailyActiveUsers {
    /// The largest figure accepted. Past a billion users the extrapolated ladder means nothing.
    public static let maximum = 1_000_000_000

    static let expectedForms = "expected a whole number such as 80000, 80_000, 80,000, 80K or 1.2M"

    /// Parses `80000`, `80_000`, `80,000`, `1,00,000`, `80K`, `80k`, `1.2M` and `0.5m` into a count of users.
    ///
    /// Separators (`_`, `,`) may stand only between digits and never together with a suffix, so `1,2M`
    /// cannot be read as 12M by mistake. Commas must group digits in threes or the Indian way. A decimal point needs a suffix and must give a whole number.
    /// - Throws: `ScalingError.invalidDAU` for text that is not such a number, is below 1 or above `maximum`.
    public static func parse(_ text: String) throws(ScalingError) -> Int {
        var body = Substring(text.trimmingWhitespace())
        guard !body.isEmpty else { throw .invalidDAU(text, reason: expectedForms) }
        if body.first == "-" || body.first == "+" {
            guard body.first == "+" else { throw .invalidDAU(text, reason: "must be at least 1") }
            body = body.dropFirst()
        }

        var multiplier = 1
        if let last = body.last, let suffixMultiplier = suffixMultipliers[last] {
            multiplier = suffixMultiplier
            body = body.dropLast()
        }

        let parts = body.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let integerText = try digits(of: parts[0], allowingSeparators: multiplier == 1, original: text)
        try checkCommaGroups(parts[0], original: text)
        let fractionText = parts.count > 1 ? try digits(of: parts[1], allowingSeparators: false, original: text) : ""
        guard !integerText.isEmpty || !fractionText.isEmpty else { throw .invalidDAU(text, reason: expectedForms) }
        if parts.count > 1 && multiplier == 1 {
            throw .invalidDAU(text, reason: "a decimal point needs a K or M suffix; users are counted in whole numbers")
        }
        // More digits than this cannot be at most a billion after scaling, and would overflow Int.
        guard integerText.drop(while: { $0 == "0" }).count <= 10, fractionText.count <= 9 else {
            throw .invalidDAU(text, reason: "must be at most \(maximumText)")
        }

        let integerPart = Int(integerText) ?? 0
        var scaledFraction = 0
        if !fractionText.isEmpty, let fraction = Int(fractionText) {
            let divisor = power10(fractionText.count)
            guard (fraction * multiplier) % divisor == 0 else {
                throw .invalidDAU(text, reason: "is not a whole number of users")
            }
            scaledFraction = fraction * multiplier / divisor
        }
        let users = integerPart * multiplier + scaledFraction
        guard users >= 1 else { throw .invalidDAU(text, reason: "must be at least 1") }
        guard users <= maximum else { throw .invalidDAU(text, reason: "must be at most \(maximumText)") }
        return users
    }

    private static let suffixMultipliers: [Character: Int] = ["k": 1_000, "K": 1_000, "m": 1_000_000, "M": 1_000_000]

    private static let maximumText = "1,000,000,000"

    /// Returns the digits of `text` without separators, after checking that each separator sits between digits.
    private static func digits(
        of text: Substring, allowingSeparators: Bool, original: String
    ) throws(ScalingError) -> String {
        var result = ""
        var previous: Character?
        for (offset, character) in text.enumerated() {
            if character.isASCII, character.isNumber {
                result.append(character)
            } else if character == "_" || character == "," {
                guard allowingSeparators else {
                    throw .invalidDAU(original, reason: "separators cannot be combined with a K or M suffix or a decimal point")
                }
                let isBetweenDigits = previous?.isNumber == true && offset + 1 < text.count
                    && text[text.index(text.startIndex, offsetBy: offset + 1)].isNumber
                guard isBetweenDigits else { throw .invalidDAU(original, reason: expectedForms) }
            } else {
                throw .invalidDAU(original, reason: expectedForms)
            }
            previous = character
        }
        return result
    }

    /// Checks that commas group the digits as people write them: in threes (`1,000,000`) or the
    /// Indian way (`10,00,000`, a last group of three after groups of two), so `1,2,3` is not
    /// read as 123. Underscores may group digits in any way, as in source code.
    private static func checkCommaGroups(_ text: Substring, original: String) throws(ScalingError) {
        guard !commasGroupDigits(text) else { return }
        throw .invalidDAU(original, reason: "commas must group digits in threes (1,000,000) or the Indian way (10,00,000)")
    }

    /// Returns true when `text` has no comma or its commas group digits in threes or the Indian way.
    static func commasGroupDigits(_ text: Substring) -> Bool {
        guard text.contains(",") else { return true }
        let groups = text.split(separator: ",", omittingEmptySubsequences: false)
            .map { $0.filter { $0 != "_" }.count }
        let middle = groups.dropFirst().dropLast()
        let thousands = groups.last == 3 && middle.allSatisfy { $0 == 3 } && (1...3).contains(groups[0])
        let indian = groups.last == 3 && middle.allSatisfy { $0 == 2 } && (1...2).contains(groups[0])
        return thousands || indian
    }

    private static func power10(_ exponent: Int) -> Int {
        var value = 1
        for _ in 0..<exponent { value *= 10 }
        return value
    }
}

fileprivate extension String {
    /// Returns the string without leading and trailing spaces, tabs and line breaks.
    func trimmingWhitespace() -> String {
        let trimmed = drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed()
        return String(trimmed)
    }
}
