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
