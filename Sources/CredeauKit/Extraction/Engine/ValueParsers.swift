/// Converters from matched bytes to field values, working on the lower-cased UTF-8 body.
enum ValueParsers {
    /// Parses an Indian-grouped rupee amount (`1,75,000.50`, `845`, `45.0`). A multiplier word after
    /// the figure scales it (`1.5 lakh`, `1.2l`, `5 crore`). Returns nil when the bytes are not a
    /// positive amount below one lakh crore, or not a figure at all. With `allowingZero` a figure of
    /// zero is an amount too.
    static func amount(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, allowingZero: Bool = false) -> Double? {
        var whole: Double = 0
        var fraction: Double = 0
        var scale: Double = 1
        var seenPoint = false
        var digits = 0
        var factor: Double = 1
        figure: for index in range {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: " "), UInt8(ascii: "a")...UInt8(ascii: "z"):
                // The pattern admits letters only as a multiplier word after the figure.
                guard digits > 0, let word = multiplier(bytes, index..<range.upperBound) else { return nil }
                factor = word
                break figure
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                digits += 1
                let digit = Double(byte - UInt8(ascii: "0"))
                if seenPoint {
                    scale /= 10
                    fraction += digit * scale
                } else {
                    whole = whole * 10 + digit
                }
            case UInt8(ascii: ","):
                if seenPoint { return nil }
            case UInt8(ascii: "."):
                if seenPoint { return nil }
                seenPoint = true
            default:
                return nil
            }
        }
        let value = (whole + fraction) * factor
        // Counting digits keeps bytes without a figure from reading as zero.
        guard digits > 0, value > 0 || (allowingZero && value == 0), value < 1e12 else { return nil }
        // Round to the paisa so binary fractions do not leak into the output.
        return (value * 100).rounded() / 100
    }

    /// Returns the factor of the Indian multiplier word in `range` after one optional space:
    /// 1e5 for lakh, lakhs, lac, lacs and l, 1e7 for crore, crores and cr. Returns nil for any other word.
    private static func multiplier(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Double? {
        var start = range.lowerBound
        if start < range.upperBound, bytes[start] == UInt8(ascii: " ") { start += 1 }
        switch String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<range.upperBound]), as: UTF8.self) {
        case "l", "lac", "lacs", "lakh", "lakhs": return 1e5
        case "cr", "crore", "crores": return 1e7
        default: return nil
        }
    }

    /// Parses a stated balance, which may be zero. It is negative when a minus is before the figure
    /// (`-2,300.00`, `- inr 2,300`, `(-)inr 2,300`) or `Dr` is after it, as in an overdrawn account.
    /// The figure is read by `amount` from its first digit, past any sign and currency.
    static func balance(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Double? {
        guard !range.isEmpty else { return nil }
        let first = bytes[range.lowerBound]
        let minus = first == UInt8(ascii: "-") || first == UInt8(ascii: "(")
        var start = range.lowerBound
        while start < range.upperBound, !isDigit(bytes[start]) { start += 1 }
        guard let figure = amount(bytes, start..<range.upperBound, allowingZero: true) else { return nil }
        // A zero balance stays positive so that no "-0" reaches the output.
        return figure > 0 && (minus || hasDebitSuffix(bytes, after: range.upperBound)) ? -figure : figure
    }

    /// Returns true when `Dr` follows the figure that ends at `end` (`2,300.00 Dr`, `2300.00DR.`),
    /// also in brackets (`2,300.00 (Dr)`) or after a dash joined to both (`2,300.00-Dr`).
    /// A `Dr` before an amount (`2,300 Dr Rs 40`, `2,300 Dr 40.00`) is a debit verb instead, while
    /// a date, a time, a phone number or a count after it (`Dr 05-03-26`, `Dr 1/2`) is no amount.
    private static func hasDebitSuffix(_ bytes: UnsafeBufferPointer<UInt8>, after end: Int) -> Bool {
        var index = end
        if index < bytes.count, bytes[index] == UInt8(ascii: "-") {
            index += 1
        } else {
            while index < bytes.count, bytes[index] == UInt8(ascii: " ") { index += 1 }
        }
        let bracketed = index < bytes.count && bytes[index] == UInt8(ascii: "(")
        if bracketed { index += 1 }
        guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "d"), bytes[index + 1] == UInt8(ascii: "r") else {
            return false
        }
        index += 2
        if index < bytes.count, isDigit(bytes[index]) || isLetter(bytes[index]) { return false }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") { index += 1 }
        if bracketed {
            // A bracket must close right after the `Dr`, so `(Dr Reddy)` is no sign.
            return index < bytes.count && bytes[index] == UInt8(ascii: ")")
        }
        while index < bytes.count, bytes[index] == UInt8(ascii: " ") { index += 1 }
        return !startsCurrency(bytes, at: index) && !startsMoneyFigure(bytes, at: index)
    }

    /// Returns true when a currency word (`rs`, `inr`) or sign (`₹`) starts at `index`.
    private static func startsCurrency(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        currencies.contains { prefix in
            let after = index + prefix.count
            guard after <= bytes.count, prefix.indices.allSatisfy({ bytes[index + $0] == prefix[$0] }) else { return false }
            // A word such as `rsvp` is no currency, but `rs40` and `rs.` are.
            return after == bytes.count || !isLetter(bytes[after])
        }
    }

    /// Returns true when a figure that reads as money starts at `index`: digits with a paisa part
    /// (`40.00`) or thousands separators (`1,500`, `1,25,000`). Returns false for a bare digit run,
    /// which may be a count or a phone number, and for a figure that goes on as a date or a time.
    private static func startsMoneyFigure(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> Bool {
        var index = start
        var group = 0
        var grouped = false
        while index < bytes.count, isDigit(bytes[index]) || bytes[index] == UInt8(ascii: ",") {
            if bytes[index] == UInt8(ascii: ",") {
                // The first group has one to three digits, and the middle ones two (Indian) or three.
                guard (1...3).contains(group), !grouped || group >= 2 else { return false }
                grouped = true
                group = 0
            } else {
                group += 1
            }
            index += 1
        }
        guard group > 0, !grouped || group == 3 else { return false }

        var paisa = 0
        if index + 1 < bytes.count, bytes[index] == UInt8(ascii: "."), isDigit(bytes[index + 1]) {
            index += 1
            while index < bytes.count, isDigit(bytes[index]) {
                index += 1
                paisa += 1
            }
            guard paisa <= 2 else { return false }
        }
        guard grouped || paisa > 0 else { return false }

        // A figure joined to more date or time parts (`05.03.26`, `10.15:30`) is no amount.
        guard index < bytes.count else { return true }
        switch bytes[index] {
        case UInt8(ascii: "-"), UInt8(ascii: "/"), UInt8(ascii: ":"): return false
        case UInt8(ascii: "."): if index + 1 < bytes.count, isDigit(bytes[index + 1]) { return false }
        default: break
        }
        return !startsTimeOrRateUnit(bytes, at: index)
    }

    /// Units that make a figure a time or a rate (`10.15 am`, `2.5%`, `1.5 hrs`), which bodies
    /// write after the balance, and not an amount.
    private static let timeOrRateUnits: [[UInt8]] = ["am", "pm", "a.m", "p.m", "hrs", "hr", "%"].map { Array($0.utf8) }

    /// Returns true when a time or rate unit follows `start`, after spaces, as a whole word.
    private static func startsTimeOrRateUnit(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> Bool {
        var index = start
        while index < bytes.count, bytes[index] == UInt8(ascii: " ") { index += 1 }
        for unit in timeOrRateUnits where index + unit.count <= bytes.count {
            guard (0..<unit.count).allSatisfy({ bytes[index + $0] == unit[$0] }) else { continue }
            let end = index + unit.count
            if unit == [UInt8(ascii: "%")] || end == bytes.count || !isLetter(bytes[end]) { return true }
        }
        return false
    }

    private static let currencies: [[UInt8]] = ["rs", "inr", "₹"].map { Array($0.utf8) }

    private static let monthPrefixes: [(UInt8, UInt8, UInt8)] = ["jan", "feb", "mar", "apr", "may", "jun",
                                                                "jul", "aug", "sep", "oct", "nov", "dec"].map { name in
        let bytes = Array(name.utf8)
        return (bytes[0], bytes[1], bytes[2])
    }

    /// Parses a day-first date (`18-03-2026`, `18/3/26`, `18-Mar-2026`, `18Mar26`, `2026-03-18`)
    /// into `yyyy-mm-dd`. When day-first gives a month above 12 it tries month-first
    /// (`2/16/26`). Two-digit years are 20yy. Returns nil for anything that is not a real date.
    static func isoDate(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String? {
        // Up to three numbers and one month name; anything more is not a date.
        var numbers = (0, 0, 0)
        var numberCount = 0
        var firstNumberHasFourDigits = false
        var month: Int?
        var index = range.lowerBound
        while index < range.upperBound {
            let byte = bytes[index]
            if isDigit(byte) {
                var value = 0
                var length = 0
                while index < range.upperBound, isDigit(bytes[index]) {
                    // Digits past the ninth are dropped so a long run cannot overflow. Such a run
                    // is no date part and fails the range checks below anyway.
                    if length < 9 { value = value * 10 + Int(bytes[index] - UInt8(ascii: "0")) }
                    length += 1
                    index += 1
                }
                switch numberCount {
                case 0:
                    numbers.0 = value
                    firstNumberHasFourDigits = length == 4 && month == nil
                case 1: numbers.1 = value
                case 2: numbers.2 = value
                default: return nil
                }
                numberCount += 1
            } else if byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z") {
                let wordStart = index
                while index < range.upperBound, bytes[index] >= UInt8(ascii: "a"), bytes[index] <= UInt8(ascii: "z") {
                    index += 1
                }
                if month == nil, index - wordStart >= 3 {
                    let prefix = (bytes[wordStart], bytes[wordStart + 1], bytes[wordStart + 2])
                    if let found = monthPrefixes.firstIndex(where: { $0 == prefix }) { month = found + 1 }
                }
            } else {
                index += 1
            }
        }

        var day: Int
        var monthNumber: Int
        var year: Int
        if firstNumberHasFourDigits, numberCount == 3 {
            // A leading four-digit number marks the ISO order year-month-day.
            (year, monthNumber, day) = numbers
        } else if let month, numberCount == 2 {
            (day, monthNumber, year) = (numbers.0, month, numbers.1)
        } else if month == nil, numberCount == 3 {
            (day, monthNumber, year) = numbers
            if monthNumber > 12, day <= 12 { swap(&day, &monthNumber) }
        } else {
            return nil
        }
        if year < 100 { year += 2000 }
        guard (1...12).contains(monthNumber), (1...daysIn(month: monthNumber, year: year)).contains(day),
              (1990...2100).contains(year) else { return nil }
        return "\(year)-\(twoDigits(monthNumber))-\(twoDigits(day))"
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    private static func twoDigits(_ value: Int) -> String {
        value < 10 ? "0\(value)" : "\(value)"
    }
}
