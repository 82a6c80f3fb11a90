#if canImport(Glibc)
import Glibc
#endif

/// Finds JSON texts where simdjson's tape might not hold what libbson 1.23's `bson_new_from_json`
/// makes of the text. Callers use the tape only where both parsers agree, and give the rest to
/// libbson, whose errors and Extended JSON readings are the reference.
///
/// simdjson itself rejects invalid UTF-8, control characters in strings, `NaN` and `Infinity`,
/// leading zeros, content after the value, an empty text and integers beyond UInt64, so libbson
/// parses those texts as before. The other differences are screened here.
enum JSONTapeScreen {
    /// Returns true when the text has nothing that libbson reads differently from plain JSON.
    /// That rules out a UTF-8 byte order mark, which `JSONParser` drops, and a string that starts
    /// with `$`, because libbson reads `{"$oid": …}`, `{"$date": …}` and other Extended JSON
    /// wrappers even under unknown keys. It also rules out the escapes `\u0000`, `\u0024` (`$`)
    /// and `\uD800` to `\uDFFF` (UTF-16 surrogates). False positives, such as `"$` inside a
    /// string, only cost speed.
    ///
    /// - Parameter allowingWrappers: let the strings `"$oid"`, `"$date"` and `"$numberLong"`
    ///   through, for callers that check the wrappers on the tape with `JSONTapeExtendedJSON`.
    static func isPlainJSON(_ bytes: UnsafeRawBufferPointer, allowingWrappers: Bool = false) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { return false }
        return !containsStringWithDollar(base, count: bytes.count, allowingWrappers: allowingWrappers)
            && !containsScreenedEscape(base, count: bytes.count)
    }

    /// Returns true when every number on the tape is one that libbson stores with the same
    /// value: an integer within Int64. Floating-point numbers are left to libbson, whose
    /// `strtod` may round or reject the extremes otherwise.
    static func hasPlainNumbers(_ tape: JSONTape) -> Bool {
        tape.hasOnlyInt64Numbers()
    }

    private static func containsStringWithDollar(_ base: UnsafeRawPointer, count: Int, allowingWrappers: Bool) -> Bool {
        var search = 0
        while search < count, let found = memchr(base + search, Int32(UInt8(ascii: "$")), count - search) {
            let position = base.distance(to: UnsafeRawPointer(found))
            search = position + 1
            guard position > 0, base.load(fromByteOffset: position - 1, as: UInt8.self) == UInt8(ascii: "\"") else { continue }
            let rest = UnsafeRawBufferPointer(start: base + position, count: count - position)
            guard allowingWrappers, wrapperNames.contains(where: { rest.starts(with: $0) }) else { return true }
        }
        return false
    }

    /// The wrapper names with their closing quote.
    private static let wrapperNames: [[UInt8]] = [Array("$oid\"".utf8), Array("$date\"".utf8), Array("$numberLong\"".utf8)]

    /// Checks every backslash, escaped or not, so an escape after `\\` is found too.
    private static func containsScreenedEscape(_ base: UnsafeRawPointer, count: Int) -> Bool {
        var search = 0
        while search < count, let found = memchr(base + search, Int32(UInt8(ascii: "\\")), count - search) {
            let position = base.distance(to: UnsafeRawPointer(found))
            if position + 5 < count, base.load(fromByteOffset: position + 1, as: UInt8.self) == UInt8(ascii: "u"),
               isScreenedCodeUnit(UnsafeRawBufferPointer(start: base + position + 2, count: 4)) {
                return true
            }
            search = position + 1
        }
        return false
    }

    /// True for the four hex digits of U+0000, U+0024 and the surrogates U+D800 to U+DFFF.
    private static func isScreenedCodeUnit(_ digits: UnsafeRawBufferPointer) -> Bool {
        let first = digits[0] | 0x20
        let second = digits[1] | 0x20
        if first == UInt8(ascii: "d") {
            return (UInt8(ascii: "8")...UInt8(ascii: "9")).contains(second) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(second)
        }
        guard digits[0] == UInt8(ascii: "0"), digits[1] == UInt8(ascii: "0") else { return false }
        return (digits[2] == UInt8(ascii: "0") && digits[3] == UInt8(ascii: "0"))
            || (digits[2] == UInt8(ascii: "2") && digits[3] == UInt8(ascii: "4"))
    }
}
