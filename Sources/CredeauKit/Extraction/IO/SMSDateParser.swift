/// Parses the text forms of an SMS date that dumps carry, into epoch milliseconds.
///
/// Accepted: epoch milliseconds as digits, `YYYY-MM-DD`, `YYYY-MM-DD HH:MM:SS` and ISO 8601
/// (`T` or `t` separator, optional fraction, optional `Z` or `±HH:MM` / `±HHMM` / `±HH` offset), and
/// the ISO 8601 basic forms `YYYYMMDD` and `YYYYMMDDHHMMSS`. Text without an offset is India
/// time, as the phone SDK writes it.
///
/// Eight or fourteen digits that form a valid date are read as a basic form: as epoch
/// milliseconds they would be a time on 1 or 2 January 1970, or after the year 2200.
enum SMSDateParser {
    static func millis(from text: String) -> Int64? {
        var text = text
        return text.withUTF8 { millis(utf8: UnsafeRawBufferPointer($0)) }
    }

    /// Reads UTF-8 date text in place, so a caller holding the bytes (a SQLite column, a BSON
    /// string) needs no `String`.
    static func millis(utf8 bytes: UnsafeRawBufferPointer) -> Int64? {
        guard !bytes.isEmpty else { return nil }
        let isDigits = bytes.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
        if isDigits, bytes.count == 8 || bytes.count == 14, let millis = basicFormMillis(bytes) {
            return millis
        }
        if isDigits || (bytes.first == UInt8(ascii: "-") && bytes.count > 1) {
            return Int64(String(decoding: bytes, as: UTF8.self))
        }
        var cursor = Cursor(bytes: bytes)
        guard let year = cursor.number(digits: 4), cursor.skip("-"),
              let month = cursor.number(digits: 2), cursor.skip("-"),
              let day = cursor.number(digits: 2),
              (1...12).contains(month), (1...CivilTime.daysIn(month: month, year: year)).contains(day)
        else { return nil }
        if cursor.isAtEnd {
            return IndiaTime.millis(year: year, month: month, day: day, hour: 0, minute: 0, second: 0)
        }

        // RFC 3339 allows a lower-case separator, as it does a lower-case `z`.
        guard cursor.skip(" ") || cursor.skip("T") || cursor.skip("t"),
              let hour = cursor.number(digits: 2), cursor.skip(":"),
              let minute = cursor.number(digits: 2), hour < 24, minute < 60
        else { return nil }
        var second = 0
        if cursor.skip(":") {
            guard let value = cursor.number(digits: 2), value < 61 else { return nil }
            second = min(value, 59)
        }
        var fractionMillis = 0
        if cursor.skip(".") || cursor.skip(",") {
            var scale = 100
            var digitCount = 0
            while let digit = cursor.digit() {
                fractionMillis += digit * scale
                scale /= 10
                digitCount += 1
            }
            guard digitCount > 0 else { return nil }
        }

        let wallClock = CivilTime.utcMillis(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
            + Int64(fractionMillis)
        guard let offset = cursor.zoneOffsetMillis(), cursor.isAtEnd else { return nil }
        return wallClock - offset
    }

    /// Reads `YYYYMMDD` or `YYYYMMDDHHMMSS` text in India time, or returns nil for other text and
    /// for digits that do not form a valid date and time.
    static func basicFormMillis(_ text: String) -> Int64? {
        let bytes = Array(text.utf8)
        guard bytes.count == 8 || bytes.count == 14, bytes.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        return bytes.withUnsafeBytes { basicFormMillis($0) }
    }

    private static func basicFormMillis(_ bytes: UnsafeRawBufferPointer) -> Int64? {
        var cursor = Cursor(bytes: bytes)
        guard let year = cursor.number(digits: 4), let month = cursor.number(digits: 2),
              let day = cursor.number(digits: 2),
              (1...12).contains(month), (1...CivilTime.daysIn(month: month, year: year)).contains(day)
        else { return nil }
        guard !cursor.isAtEnd else {
            return IndiaTime.millis(year: year, month: month, day: day, hour: 0, minute: 0, second: 0)
        }
        guard let hour = cursor.number(digits: 2), let minute = cursor.number(digits: 2),
              let second = cursor.number(digits: 2), hour < 24, minute < 60, second < 60
        else { return nil }
        return IndiaTime.millis(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
    }

    private struct Cursor {
        let bytes: UnsafeRawBufferPointer
        var index = 0

        var isAtEnd: Bool { index == bytes.count }

        mutating func skip(_ character: Unicode.Scalar) -> Bool {
            guard index < bytes.count, bytes[index] == UInt8(ascii: character) else { return false }
            index += 1
            return true
        }

        mutating func digit() -> Int? {
            guard index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 else { return nil }
            index += 1
            return Int(bytes[index - 1] - 0x30)
        }

        mutating func number(digits: Int) -> Int? {
            var value = 0
            for _ in 0..<digits {
                guard let digit = digit() else { return nil }
                value = value * 10 + digit
            }
            return value
        }

        /// Reads the zone offset east of UTC, or returns India's offset when the text has none.
        mutating func zoneOffsetMillis() -> Int64? {
            if isAtEnd { return IndiaTime.offsetMillis }
            if skip("Z") || skip("z") { return 0 }
            let sign: Int64
            if skip("+") {
                sign = 1
            } else if skip("-") {
                sign = -1
            } else {
                return nil
            }
            guard let hours = number(digits: 2) else { return nil }
            _ = skip(":")
            let minutes = isAtEnd ? 0 : number(digits: 2)
            guard let minutes, hours < 24, minutes < 60 else { return nil }
            return sign * Int64(hours * 3600 + minutes * 60) * 1000
        }
    }
}
