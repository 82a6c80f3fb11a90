/// Converts the date spellings found in sync documents to epoch milliseconds.
///
/// Accepted: a whole number (epoch ms), numeric text, `{"$date": …}` (text, number or `$numberLong`),
/// `{"$numberLong": "…"}`, text `YYYY-MM-DD HH:MM:SS`, ISO 8601 (`T` separator, optional
/// fraction, optional `Z` or `±HH:MM`) and the basic forms `YYYYMMDD` and `YYYYMMDDHHMMSS`.
/// Text without a zone is India time (UTC+05:30).
enum SyncDateParser {
    static let indiaOffsetMillis: Int64 = 19_800_000

    /// Returns the instant in epoch milliseconds, or nil when the value is no date spelling above.
    static func millis(from value: JSONValue) -> Int64? {
        switch value {
        case let .integer(number):
            return number
        case let .number(number):
            return SMSDateRule.millis(number)
        case let .string(text):
            return millis(fromText: text)
        case .object:
            if let inner = value["$date"] { return millis(from: inner) }
            if let long = value["$numberLong"]?.stringValue { return Int64(long) }
            return nil
        default:
            return nil
        }
    }

    /// Parses numeric text, `YYYY-MM-DD HH:MM:SS` or ISO 8601.
    static func millis(fromText text: String) -> Int64? {
        let bytes = Array(text.utf8)
        // Digits are read as `SMSDateParser` reads them, so that `extract --sms`, serve-sms and
        // the feature engine agree on the basic forms and on epoch milliseconds.
        if !bytes.isEmpty, bytes.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) { return SMSDateParser.millis(from: text) }
        guard bytes.count >= 10, let year = number(bytes, 0, 4), bytes[4] == 0x2D, let month = number(bytes, 5, 2),
              bytes[7] == 0x2D, let day = number(bytes, 8, 2), (1...12).contains(month),
              (1...CivilTime.daysIn(month: month, year: year)).contains(day)
        else { return nil }
        var hour = 0, minute = 0, second = 0, fractionMillis = 0
        var index = 10
        if bytes.count > 10 {
            guard bytes.count >= 19, bytes[10] == 0x20 || bytes[10] == 0x54, let parsedHour = number(bytes, 11, 2),
                  bytes[13] == 0x3A, let parsedMinute = number(bytes, 14, 2), bytes[16] == 0x3A,
                  let parsedSecond = number(bytes, 17, 2), parsedHour < 24, parsedMinute < 60, parsedSecond < 61
            else { return nil }
            (hour, minute, second) = (parsedHour, parsedMinute, parsedSecond)
            index = 19
            if index < bytes.count, bytes[index] == 0x2E {
                index += 1
                var scale = 100
                while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 {
                    fractionMillis += Int(bytes[index] - 0x30) * scale
                    scale /= 10
                    index += 1
                }
            }
        }
        var offsetMillis = indiaOffsetMillis
        if index < bytes.count {
            if bytes[index] == 0x5A, index + 1 == bytes.count {
                offsetMillis = 0
            } else if bytes[index] == 0x2B || bytes[index] == 0x2D, bytes.count - index == 6 || bytes.count - index == 5 {
                let hasColon = bytes.count - index == 6
                guard let offsetHour = number(bytes, index + 1, 2),
                      let offsetMinute = number(bytes, index + (hasColon ? 4 : 3), 2)
                else { return nil }
                let sign: Int64 = bytes[index] == 0x2D ? -1 : 1
                offsetMillis = sign * Int64(offsetHour * 3600 + offsetMinute * 60) * 1000
            } else {
                return nil
            }
        }
        let days = CivilTime.days(year: year, month: month, day: day)
        let localMillis = (days * 86_400 + Int64(hour * 3600 + minute * 60 + second)) * 1000 + Int64(fractionMillis)
        return localMillis - offsetMillis
    }

    private static func number(_ bytes: [UInt8], _ start: Int, _ length: Int) -> Int? {
        guard start + length <= bytes.count else { return nil }
        var result = 0
        for byte in bytes[start..<(start + length)] {
            guard byte >= 0x30, byte <= 0x39 else { return nil }
            result = result * 10 + Int(byte - 0x30)
        }
        return result
    }
}
