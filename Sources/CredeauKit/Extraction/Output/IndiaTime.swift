/// Conversions between epoch milliseconds and India Standard Time (UTC+05:30, no daylight saving),
/// the clock every date in an extracted entry is written in.
public enum IndiaTime {
    /// The fixed offset of Asia/Kolkata from UTC, in milliseconds.
    public static let offsetMillis: Int64 = 19_800_000

    /// `YYYY-MM-DD HH:MM:SS` in India time.
    public static func dateTime(fromMillis millis: Int64) -> String {
        let parts = CivilTime(localMillis: millis &+ offsetMillis)
        // Written digit by digit into a fixed buffer: the services format two dates per SMS.
        guard (0...9999).contains(parts.year) else {
            var text = date(parts)
            text.append(" ")
            appendJoined([(parts.hour, 2), (parts.minute, 2), (parts.second, 2)], separator: ":", to: &text)
            return text
        }
        return fixedWidthText(parts, length: 19)
    }

    /// `YYYY-MM-DD` in India time.
    public static func date(fromMillis millis: Int64) -> String {
        let parts = CivilTime(localMillis: millis &+ offsetMillis)
        guard (0...9999).contains(parts.year) else { return date(parts) }
        return fixedWidthText(parts, length: 10)
    }

    /// The first `length` characters (10 or 19) of `YYYY-MM-DD HH:MM:SS`, for a year of 0 to 9999.
    private static func fixedWidthText(_ parts: CivilTime, length: Int) -> String {
        String(unsafeUninitializedCapacity: length) { buffer in
            func put(_ value: Int, width: Int, at offset: Int) {
                var rest = value
                for position in stride(from: offset + width - 1, through: offset, by: -1) {
                    buffer[position] = UInt8(ascii: "0") + UInt8(rest % 10)
                    rest /= 10
                }
            }
            put(parts.year, width: 4, at: 0)
            put(parts.month, width: 2, at: 5)
            put(parts.day, width: 2, at: 8)
            (buffer[4], buffer[7]) = (0x2D, 0x2D)
            guard length == 19 else { return 10 }
            put(parts.hour, width: 2, at: 11)
            put(parts.minute, width: 2, at: 14)
            put(parts.second, width: 2, at: 17)
            (buffer[10], buffer[13], buffer[16]) = (0x20, 0x3A, 0x3A)
            return 19
        }
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
