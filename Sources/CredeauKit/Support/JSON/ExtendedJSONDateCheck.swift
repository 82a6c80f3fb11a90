#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A `{"$date": …}` value in Extended JSON that is not a date.
public struct InvalidExtendedJSONDate: Equatable, Sendable {
    /// The member whose value is the `$date` object, such as `sms_inbox_date`; nil when not found.
    public var key: String?
    public var reason: String
    /// The byte offset of the `"$date"` member name in the text.
    public var offset = 0
}

/// Checks `$date` values before libbson parses them.
///
/// libbson 1.23 rejects a bad `$date` with a message that names no field, and it rolls impossible
/// days such as `2026-02-30` over into the next month. This check names the member and accepts
/// only an ISO 8601 time of a real calendar day, epoch milliseconds or `{"$numberLong": "…"}`.
public enum ExtendedJSONDateCheck {
    private static let marker = Array("\"$date\"".utf8)

    /// Returns the first invalid `$date` value in the text, or nil.
    public static func firstInvalid(in bytes: UnsafeRawBufferPointer) -> InvalidExtendedJSONDate? {
        var invalid: InvalidExtendedJSONDate?
        forEachDateValue(in: bytes) { marker, value in
            guard let reason = problem(bytes, valueAt: value) else { return true }
            invalid = InvalidExtendedJSONDate(key: key(before: marker, in: bytes), reason: reason, offset: marker)
            return false
        }
        return invalid
    }

    /// Calls `body` with the position of each `"$date"` member name and of its value, until
    /// `body` returns false.
    private static func forEachDateValue(in bytes: UnsafeRawBufferPointer, _ body: (_ marker: Int, _ value: Int) -> Bool) {
        var start = 0
        while let found = find(marker, in: bytes, from: start) {
            start = found + marker.count
            // A `\"$date\"` inside a string is text, not a member name.
            if found > 0, bytes[found - 1] == UInt8(ascii: "\\") { continue }
            var index = skipSpaces(bytes, from: start)
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { continue }
            index = skipSpaces(bytes, from: index + 1)
            guard body(found, index) else { return }
        }
    }

    public static func firstInvalid(in bytes: [UInt8]) -> InvalidExtendedJSONDate? {
        bytes.withUnsafeBytes { firstInvalid(in: $0) }
    }

    private static func problem(_ bytes: UnsafeRawBufferPointer, valueAt index: Int) -> String? {
        let expected = "expected an ISO 8601 time of a real day, epoch milliseconds or {\"$numberLong\": \"…\"}"
        guard index < bytes.count else { return "missing value; " + expected }
        switch bytes[index] {
        case UInt8(ascii: "\""):
            var end = index + 1
            while end < bytes.count, bytes[end] != UInt8(ascii: "\""), bytes[end] != UInt8(ascii: "\\") { end += 1 }
            let text = String(decoding: bytes[(index + 1)..<min(end, bytes.count)], as: UTF8.self)
            guard SMSDateParser.millis(from: text) == nil else { return nil }
            // The message quotes the text as written, escapes included, up to its closing quote.
            var close = index + 1
            while close < bytes.count, bytes[close] != UInt8(ascii: "\"") {
                close += bytes[close] == UInt8(ascii: "\\") ? 2 : 1
            }
            let written = String(decoding: bytes[(index + 1)..<min(close, bytes.count)], as: UTF8.self)
            return "invalid $date value '\(written)': " + expected
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            // Whole milliseconds only: libbson fails on a fraction or an exponent without naming the field.
            var end = index + 1
            while end < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[end]) { end += 1 }
            guard end < bytes.count, bytes[end] == UInt8(ascii: ".") || bytes[end] == UInt8(ascii: "e")
                || bytes[end] == UInt8(ascii: "E")
            else { return nil }
            let text = String(decoding: bytes[index..<min(index + 24, bytes.count)], as: UTF8.self)
                .prefix { $0 != "," && $0 != "}" && $0 != " " }
            return "invalid $date value \(text): " + expected
        case UInt8(ascii: "{"):
            let inner = skipSpaces(bytes, from: index + 1)
            let numberLong = Array("\"$numberLong\"".utf8)
            guard inner + numberLong.count <= bytes.count,
                  bytes[inner..<(inner + numberLong.count)].elementsEqual(numberLong)
            else { return "invalid $date object: " + expected }
            var digits = skipSpaces(bytes, from: inner + numberLong.count)
            guard digits < bytes.count, bytes[digits] == UInt8(ascii: ":") else { return "invalid $date object: " + expected }
            digits = skipSpaces(bytes, from: digits + 1)
            guard digits < bytes.count, bytes[digits] == UInt8(ascii: "\"") else { return "invalid $date object: " + expected }
            var end = digits + 1
            if end < bytes.count, bytes[end] == UInt8(ascii: "-") { end += 1 }
            let firstDigit = end
            while end < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[end]) { end += 1 }
            guard end > firstDigit, end < bytes.count, bytes[end] == UInt8(ascii: "\"") else {
                return "invalid $date object: $numberLong must hold decimal digits; " + expected
            }
            return nil
        default:
            let end = min(index + 16, bytes.count)
            let text = String(decoding: bytes[index..<end], as: UTF8.self).prefix { $0 != "," && $0 != "}" }
            return "invalid $date value \(text): " + expected
        }
    }

    /// Returns the text with every `{"$date": "…"}` text replaced by `{"$numberLong": "…"}` of the
    /// epoch milliseconds `SMSDateParser` reads from it, or nil when there is no such text or one
    /// does not parse. Call it after `firstInvalid` found nothing.
    public static func rewritingDateTexts(in bytes: [UInt8]) -> [UInt8]? {
        bytes.withUnsafeBytes { raw -> [UInt8]? in
            var output: [UInt8] = []
            var copied = 0
            var parsedAll = true
            forEachDateValue(in: raw) { _, index in
                guard index < raw.count, raw[index] == UInt8(ascii: "\"") else { return true }
                var end = index + 1
                while end < raw.count, raw[end] != UInt8(ascii: "\""), raw[end] != UInt8(ascii: "\\") { end += 1 }
                guard end < raw.count, raw[end] == UInt8(ascii: "\""),
                      let millis = SMSDateParser.millis(from: String(decoding: raw[(index + 1)..<end], as: UTF8.self))
                else {
                    parsedAll = false
                    return false
                }
                output += raw[copied..<index]
                output += Array("{\"$numberLong\": \"\(millis)\"}".utf8)
                copied = end + 1
                return true
            }
            guard parsedAll, copied > 0 else { return nil }
            output += raw[copied...]
            return output
        }
    }

    /// Reads `"key"` in `"key": {"$date"`, walking back from the `$date` marker.
    private static func key(before marker: Int, in bytes: UnsafeRawBufferPointer) -> String? {
        var index = skipSpacesBack(bytes, from: marker - 1)
        guard index >= 0, bytes[index] == UInt8(ascii: "{") else { return nil }
        index = skipSpacesBack(bytes, from: index - 1)
        guard index >= 0, bytes[index] == UInt8(ascii: ":") else { return nil }
        index = skipSpacesBack(bytes, from: index - 1)
        guard index >= 0, bytes[index] == UInt8(ascii: "\"") else { return nil }
        let end = index
        index -= 1
        while index >= 0, bytes[index] != UInt8(ascii: "\"") { index -= 1 }
        guard index >= 0 else { return nil }
        return String(decoding: bytes[(index + 1)..<end], as: UTF8.self)
    }

    /// Returns the first position at or after `start` where `needle` begins, or nil.
    ///
    /// memchr looks for the needle's second byte (`$` in the marker), which is rare in request
    /// bodies, while its first byte is a quote that every string has. glibc hides memmem behind
    /// _GNU_SOURCE.
    static func find(_ needle: [UInt8], in bytes: UnsafeRawBufferPointer, from start: Int) -> Int? {
        guard needle.count >= 2, start >= 0, bytes.count - start >= needle.count, let base = bytes.baseAddress else {
            return nil
        }
        let lastStart = bytes.count - needle.count
        var index = start
        while index <= lastStart {
            let searched = lastStart - index + 1
            guard let found = memchr(base + index + 1, Int32(needle[1]), searched) else { return nil }
            let candidate = base.distance(to: UnsafeRawPointer(found)) - 1
            if bytes[candidate..<(candidate + needle.count)].elementsEqual(needle) { return candidate }
            index = candidate + 1
        }
        return nil
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
    }

    private static func skipSpaces(_ bytes: UnsafeRawBufferPointer, from start: Int) -> Int {
        var index = start
        while index < bytes.count, isSpace(bytes[index]) { index += 1 }
        return index
    }

    private static func skipSpacesBack(_ bytes: UnsafeRawBufferPointer, from start: Int) -> Int {
        var index = start
        while index >= 0, isSpace(bytes[index]) { index -= 1 }
        return index
    }
}
