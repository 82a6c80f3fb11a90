/// An integer literal in JSON text that does not fit a signed 64-bit integer.
public struct OversizedJSONInteger: Equatable, Sendable {
    /// The member name the number is the value of (for an array element, the array's name); nil at top level.
    public var key: String?
    /// The literal as written, such as `18446744073709551616`.
    public var text: String
    /// 1-based line of the literal within the scanned text.
    public var line: Int
    /// The member name of the innermost array with a name that contains the literal (`sms` for a
    /// field of an SMS record), or nil when no named array does.
    public var listKey: String?
    /// The 1-based position, in that array, of the element that contains the literal.
    public var element: Int?

    public init(key: String?, text: String, line: Int, listKey: String? = nil, element: Int? = nil) {
        self.key = key
        self.text = text
        self.line = line
        self.listKey = listKey
        self.element = element
    }

    /// The position of the SMS holding the literal when the array is an SMS list (`sms`, `data`
    /// …, the names `SyncRecordField.smsArray` accepts). Other collections share some of those
    /// names, so a caller uses it only for the SMS collection.
    var smsIndex: Int? {
        guard let listKey, SyncRecordField.smsArray.names.contains(listKey) else { return nil }
        return element
    }

    /// `the integer 18446744073709551616 is outside the 64-bit range …`, without the field name.
    /// Only a value that may be an id (a member whose name ends in `id`, or none) gets the advice
    /// to write it as a string: a date or a count that large is wrong, not too long.
    public var reason: String {
        let range = "the integer \(text) is outside the 64-bit range (-9223372036854775808 to 9223372036854775807)"
        guard key.map({ $0.lowercased().hasSuffix("id") }) ?? true else { return range }
        return range + "; write large ids as JSON strings"
    }
}

/// Finds integer literals that libbson would not store exactly.
///
/// With Debian 12's libbson 1.23, `18446744073709551616` (2^64) parses as 0 and longer literals wrap to
/// an unrelated number (observed, while 2^63 is rejected), so ids written as such numbers would
/// merge different users. Callers scan the text first and reject the document instead.
public enum JSONIntegerRange {
    private static let maxPositive = Array("9223372036854775807".utf8)
    private static let maxNegative = Array("9223372036854775808".utf8)

    /// Returns the first integer literal outside the Int64 range, or nil. Literals with a fraction
    /// or an exponent are doubles and are not checked. Text inside strings is skipped.
    public static func firstOversized(in bytes: UnsafeRawBufferPointer) -> OversizedJSONInteger? {
        // An oversized literal has at least 19 digits, `+` or `-` in a row, so text without such
        // a run needs no tokenising scan.
        guard containsRun(in: bytes, minLength: maxPositive.count) else { return nil }
        return scanForOversized(in: bytes)
    }

    public static func firstOversized(in bytes: [UInt8]) -> OversizedJSONInteger? {
        bytes.withUnsafeBytes { firstOversized(in: $0) }
    }

    /// Returns true when `bytes` has `minLength` or more consecutive digits, `+` or `-`.
    ///
    /// Every such run covers one of the positions `minLength - 1`, `2 * minLength - 1`, …, so
    /// only those are probed, and the bytes around a probe are read only when it is a run byte.
    static func containsRun(in bytes: UnsafeRawBufferPointer, minLength: Int) -> Bool {
        var probe = minLength - 1
        while probe < bytes.count {
            guard isRunByte(bytes[probe]) else {
                probe += minLength
                continue
            }
            var start = probe
            while start > 0, isRunByte(bytes[start - 1]) { start -= 1 }
            var end = probe + 1
            while end < bytes.count, isRunByte(bytes[end]) { end += 1 }
            if end - start >= minLength { return true }
            // bytes[end] ends this run, so a longer run lies wholly after it.
            probe = end + minLength
        }
        return false
    }

    private static func isRunByte(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-")
    }

    /// Finds the first oversized literal with a tokenising scan that tracks strings, keys and lines.
    static func scanForOversized(in bytes: UnsafeRawBufferPointer) -> OversizedJSONInteger? {
        var index = 0
        var line = 1
        var lastString: Range<Int>?
        var key: Range<Int>?
        // Open containers: whether each is an array, the member name it is the value of, and for
        // an array the 1-based element being read. Only the path to the literal is needed.
        var containers: [(isArray: Bool, key: Range<Int>?, element: Int)] = []
        // True between a member's `:` and the start of its value, so a container opened there
        // takes that member's name.
        var afterColon = false
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                let isInArray = containers.last?.isArray ?? true
                containers.append((byte == UInt8(ascii: "["), afterColon && !isInArray ? key : nil, 1))
                afterColon = false
                index += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                if !containers.isEmpty { containers.removeLast() }
                index += 1
            case UInt8(ascii: ","):
                if let last = containers.indices.last, containers[last].isArray { containers[last].element += 1 }
                index += 1
            case UInt8(ascii: "\n"):
                line += 1
                index += 1
            case UInt8(ascii: "\""):
                let start = index + 1
                index = start
                while index < bytes.count, bytes[index] != UInt8(ascii: "\"") {
                    if bytes[index] == UInt8(ascii: "\\") { index += 1 }
                    index += 1
                }
                lastString = start..<min(index, bytes.count)
                afterColon = false
                index += 1
            case UInt8(ascii: ":"):
                key = lastString
                afterColon = true
                index += 1
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                let start = index
                var isInteger = true
                while index < bytes.count, isNumberByte(bytes[index]) {
                    if bytes[index] == UInt8(ascii: ".") || bytes[index] | 0x20 == UInt8(ascii: "e") { isInteger = false }
                    index += 1
                }
                afterColon = false
                if isInteger, !fitsInt64(bytes, start..<index) {
                    // The innermost named array: the element of it that contains the literal is the
                    // record, as the SMS list's element is the SMS.
                    let list = containers.last { $0.isArray && $0.key != nil }
                    return OversizedJSONInteger(key: key.map { text(bytes, $0) }, text: text(bytes, start..<index),
                                                line: line, listKey: list?.key.map { text(bytes, $0) },
                                                element: list?.element)
                }
            default:
                index += 1
            }
        }
        return nil
    }

    private static func isNumberByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."),
             UInt8(ascii: "e"), UInt8(ascii: "E"):
            return true
        default:
            return false
        }
    }

    /// Compares the digits with the Int64 limits as text, so no arithmetic can overflow.
    private static func fitsInt64(_ bytes: UnsafeRawBufferPointer, _ range: Range<Int>) -> Bool {
        var digits = bytes[range]
        let negative = digits.first == UInt8(ascii: "-")
        if negative { digits = digits.dropFirst() }
        while digits.count > 1, digits.first == UInt8(ascii: "0") { digits = digits.dropFirst() }
        let limit = negative ? maxNegative : maxPositive
        if digits.count != limit.count { return digits.count < limit.count }
        return !digits.lexicographicallyPrecedes(limit) ? digits.elementsEqual(limit) : true
    }

    private static func text(_ bytes: UnsafeRawBufferPointer, _ range: Range<Int>) -> String {
        String(decoding: bytes[range], as: UTF8.self)
    }
}
