#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Finds text after the first JSON value of a body.
///
/// libbson 1.23's `bson_new_from_json` reads one document and does not fail on a second document
/// or a comma after it: `{…}{…}` returns the first object, and `{"a": 1} , {"a": 2}` returns one
/// object with both members (observed).
/// Reading on with the same `bson_json_reader_t` does not help: it returns 0 for `{…}, {…}` and
/// crashes in jsonsl when called again after an error (observed on `{"a":1}}`).
enum JSONTrailingContent {
    /// Returns the position of the first byte after the value that starts at `start` (an object or
    /// an array) that is not JSON whitespace, or nil when only whitespace follows.
    ///
    /// String contents are skipped with memchr, so only the bytes between strings (punctuation,
    /// numbers, literals) are read one by one. The text is expected to be valid JSON up to the end
    /// of the value; for an unterminated value it returns nil.
    static func firstExtraByte(in bytes: UnsafeRawBufferPointer, valueStart start: Int) -> Int? {
        guard let end = endOfValue(in: bytes, from: start) else { return nil }
        var index = end
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x0A, 0x0D, 0x09: index += 1
            default: return index
            }
        }
        return nil
    }

    /// Returns the position just after the bracket that closes the object or array at `start`.
    static func endOfValue(in bytes: UnsafeRawBufferPointer, from start: Int) -> Int? {
        var depth = 0
        var index = start
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "\""):
                guard let close = closingQuote(in: bytes, openingAt: index) else { return nil }
                index = close + 1
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                depth += 1
                index += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                depth -= 1
                index += 1
                if depth == 0 { return index }
            default:
                index += 1
            }
        }
        return nil
    }

    /// Returns the position of the quote that ends the string opened at `opening`: the next quote
    /// preceded by an even number of backslashes.
    private static func closingQuote(in bytes: UnsafeRawBufferPointer, openingAt opening: Int) -> Int? {
        guard let base = bytes.baseAddress else { return nil }
        var search = opening + 1
        while search < bytes.count {
            guard let found = memchr(base + search, Int32(UInt8(ascii: "\"")), bytes.count - search) else { return nil }
            let quote = base.distance(to: UnsafeRawPointer(found))
            var backslash = quote - 1
            while backslash > opening, bytes[backslash] == UInt8(ascii: "\\") { backslash -= 1 }
            if (quote - 1 - backslash) % 2 == 0 { return quote }
            search = quote + 1
        }
        return nil
    }
}
