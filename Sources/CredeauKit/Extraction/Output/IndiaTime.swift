/// Conversions between epoch milliseconds and India Standard Time (UTC+05:30, no daylight saving),
/// the clock every date in an extracted entry is written in.
public enum IndiaTime {
    /// The fixed offset of Asia/Kolkata from UTC, in milliseconds.
    public static let offsetMillis: Int64 = 19_800_000

    /// `YYYY-MM-DD HH:MM:SS` in India time.
    public static func dateTime(fromMillis millis: Int64) -> String {
        let parts = CivilTime(localMillis: millis &+ offsetMillis)
        var text = date(parts)
        text.append(" ")
        appendJoined([(parts.hour, 2), (parts.minute, 2), (parts.second, 2)], separator: ":", to: &text)
        return text
    }

    /// `YYYY-MM-DD` in India time.
    public static func date(fromMillis millis: Int64) -> String {
        date(CivilTime(localMillis: millis &+ offsetMillis))
    }

    /// Epoch milliseconds of a wall-clock time given in India time.
    public static func millis(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int) -> Int64 {
        CivilTime.utcMillis(year: year, month: month, day: day, hour: hour, minute: minute, second: second) - offsetMillis
    }

    private static func date(_ parts: CivilTime) -> String {
        var text = ""
        text.reserveCapacity(19)
        appendJoined([(parts.year, 4), (parts.month, 2), (parts.day, 2)], separator: "-", to: &text)
        return text
    }

    /// Appends each value zero-padded to its width, with `separator` between them.
    private static func appendJoined(_ values: [(Int, Int)], separator: Character, to text: inout String) {
        for (index, (value, width)) in values.enumerated() {
            if index > 0 { text.append(separator) }
            appendPadded(value, width: width, to: &text)
        }
    }

    private static func appendPadded(_ value: Int, width: Int, to text: inout String) {
        let digits = String(value)
        if digits.count < width { text.append(String(repeating: "0", count: width - digits.count)) }
        text.append(digits)
    }
}

/// A proleptic Gregorian date and time of day, converted with Howard Hinnant's days-from-civil
/// algorithm (http://howardhinnant.github.io/date_algorithms.html).
struct CivilTime: Equatable {
    var year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int

    init(localMillis: Int64) {
        let seconds = Int(localMillis.dividedRoundingDown(by: 1000))
        let days = seconds.dividedRoundingDown(by: 86_400)
        let secondOfDay = seconds - days * 86_400
        hour = secondOfDay / 3600
        minute = secondOfDay % 3600 / 60
        second = secondOfDay % 60

        let shifted = days + 719_468
        let era = shifted.dividedRoundingDown(by: 146_097)
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    }

    static func utcMillis(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int) -> Int64 {
        let adjustedYear = month <= 2 ? year - 1 : year
        let era = adjustedYear.dividedRoundingDown(by: 400)
        let yearOfEra = adjustedYear - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        let days = era * 146_097 + dayOfEra - 719_468
        let seconds = Int64(days) * 86_400 + Int64(hour * 3600 + minute * 60 + second)
        return seconds * 1000
    }
}

extension BinaryInteger {
    /// Floor division, so times before 1970 land on the right day.
    fileprivate func dividedRoundingDown(by divisor: Self) -> Self {
        let quotient = self / divisor
        return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }
}
