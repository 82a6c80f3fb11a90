/// Hand-written JSON encoding of strings and amounts into a byte buffer, without Foundation.
///
/// Used by the JSON Lines writer and meant for the HTTP services' response bodies too.
public enum JSONText {
    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// True for the bytes that may need an escape: controls, `"`, `\`, and 0xE2, which starts
    /// U+2028 and U+2029. One table lookup per byte is cheaper than four comparisons.
    private static let escapeCandidates: [Bool] = (0...255).map { byte in
        byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0xE2
    }

    /// Appends `text` as a quoted JSON string.
    ///
    /// Escapes `"`, `\` and the control characters U+0000 to U+001F (short forms `\b \f \n \r \t`,
    /// `\u00XX` for the rest). U+2028 and U+2029 are escaped too, so the output is also valid
    /// JavaScript. Everything else, including ₹ and emoji, is copied as UTF-8.
    public static func appendString(_ text: String, to buffer: inout [UInt8]) {
        var text = text
        text.withUTF8 { bytes in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: maxQuotedCount(utf8Count: bytes.count)) { scratch in
                let written = writeString(bytes, to: scratch.baseAddress!)
                buffer.append(contentsOf: UnsafeBufferPointer(start: scratch.baseAddress!, count: written))
            }
        }
    }

    /// The maximum number of bytes `writeString` writes for `utf8Count` input bytes: two quotes and six bytes
    /// (`\u00XX`) per input byte.
    static func maxQuotedCount(utf8Count: Int) -> Int {
        2 + 6 * utf8Count
    }

    /// Writes UTF-8 `bytes` as a quoted JSON string, escaped as `appendString` describes, to
    /// `output`, which must have room for `maxQuotedCount(utf8Count:)` bytes. Returns the number
    /// of bytes written.
    static func writeString(_ bytes: UnsafeBufferPointer<UInt8>, to output: UnsafeMutablePointer<UInt8>) -> Int {
        var out = output
        out.pointee = UInt8(ascii: "\"")
        out += 1
        guard let base = bytes.baseAddress else {
            out.pointee = UInt8(ascii: "\"")
            return 2
        }
        escapeCandidates.withUnsafeBufferPointer { candidates in
            var runStart = 0
            var index = 0
            while index < bytes.count {
                // Eight bytes without a candidate, the usual case, are skipped with one test.
                if index + 8 <= bytes.count,
                   !mayNeedEscape(UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)) {
                    index += 8
                    continue
                }
                let byte = base[index]
                guard candidates[Int(byte)] else {
                    index += 1
                    continue
                }
                var width = 1
                if byte == 0xE2 {
                    guard index + 2 < bytes.count, base[index + 1] == 0x80, base[index + 2] == 0xA8 || base[index + 2] == 0xA9
                    else {
                        index += 1
                        continue
                    }
                    width = 3
                }
                out.update(from: base + runStart, count: index - runStart)
                out += index - runStart
                if byte == 0xE2 {
                    out += writeUnicodeEscape(base[index + 2] == 0xA8 ? 0x2028 : 0x2029, to: out)
                } else if let letter = shortEscape(byte) {
                    out[0] = 0x5C
                    out[1] = letter
                    out += 2
                } else {
                    out += writeUnicodeEscape(UInt16(byte), to: out)
                }
                index += width
                runStart = index
            }
            out.update(from: base + runStart, count: bytes.count - runStart)
            out += bytes.count - runStart
        }
        out.pointee = UInt8(ascii: "\"")
        return output.distance(to: out) + 1
    }

    /// Returns false only when none of the eight bytes of `word` is an escape candidate (see
    /// `escapeCandidates`). True may be a false alarm, which the byte-by-byte check settles.
    ///
    /// `(x - 0x01…01) & ~x & 0x80…80` is non-zero exactly when some byte of `x` is zero.
    /// Subtracting 0x20 in place of 0x01 finds a byte below 0x20 the same way. The other
    /// candidates become zero bytes after an exclusive or with that byte in every lane.
    @inline(__always)
    static func mayNeedEscape(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highBits: UInt64 = 0x8080_8080_8080_8080
        let quote = word ^ (ones &* 0x22)
        let backslash = word ^ (ones &* 0x5C)
        let lead = word ^ (ones &* 0xE2)
        let found = ((word &- ones &* 0x20) & ~word)
            | ((quote &- ones) & ~quote)
            | ((backslash &- ones) & ~backslash)
            | ((lead &- ones) & ~lead)
        return found & highBits != 0
    }

    /// Returns `text` as a quoted JSON string.
    public static func quoted(_ text: String) -> String {
        var buffer: [UInt8] = []
        appendString(text, to: &buffer)
        return String(decoding: buffer, as: UTF8.self)
    }

    /// Formats rupees as a JSON number with at most two decimals and no trailing zeros (`1500`, `1500.5`,
    /// `12.05`). Returns nil when the amount is not finite or too large to round to the paisa.
    public static func amount(_ value: Double) -> String? {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: maxAmountCount) { scratch in
            writeAmount(value, to: scratch.baseAddress!).map { count in
                String(decoding: UnsafeBufferPointer(start: scratch.baseAddress!, count: count), as: UTF8.self)
            }
        }
    }

    /// The maximum number of bytes `writeAmount` writes: a sign, 14 digits of rupees (below 9e13), a point and two digits.
    static let maxAmountCount = 18

    /// Writes the text of `amount(_:)` to `output`, which must have room for `maxAmountCount`
    /// bytes. Returns the number of bytes written, or nil (writing nothing) where `amount` returns nil.
    static func writeAmount(_ value: Double, to output: UnsafeMutablePointer<UInt8>) -> Int? {
        guard let cents = paise(value) else { return nil }
        let magnitude = cents.magnitude
        var out = output
        if cents < 0 {
            out.pointee = UInt8(ascii: "-")
            out += 1
        }
        out += writeDecimal(magnitude / 100, to: out)
        let fraction = magnitude % 100
        if fraction != 0 {
            out[0] = UInt8(ascii: ".")
            out[1] = UInt8(ascii: "0") + UInt8(fraction / 10)
            if fraction % 10 == 0 {
                out += 2
            } else {
                out[2] = UInt8(ascii: "0") + UInt8(fraction % 10)
                out += 3
            }
        }
        return output.distance(to: out)
    }

    /// Returns rupees rounded to whole paise, or nil when the amount is not finite or too large
    /// to round to the paisa. Every writer of amounts rounds through this function.
    static func paise(_ rupees: Double) -> Int64? {
        guard rupees.isFinite, abs(rupees) < 9e13 else { return nil }
        return Int64((rupees * 100).rounded())
    }

    /// Writes the decimal digits of `number` and returns their count.
    private static func writeDecimal(_ number: UInt64, to output: UnsafeMutablePointer<UInt8>) -> Int {
        var digitCount = 1
        var rest = number / 10
        while rest > 0 {
            digitCount += 1
            rest /= 10
        }
        rest = number
        for position in stride(from: digitCount - 1, through: 0, by: -1) {
            output[position] = UInt8(ascii: "0") + UInt8(rest % 10)
            rest /= 10
        }
        return digitCount
    }

    /// Returns the character after `\` in the short escape of `byte`, or nil when it has none.
    private static func shortEscape(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"): return byte
        case 0x0A: return UInt8(ascii: "n")
        case 0x0D: return UInt8(ascii: "r")
        case 0x09: return UInt8(ascii: "t")
        case 0x08: return UInt8(ascii: "b")
        case 0x0C: return UInt8(ascii: "f")
        default: return nil
        }
    }

    /// Writes `\uXXXX` with lower-case hex digits and returns its length, 6.
    private static func writeUnicodeEscape(_ code: UInt16, to output: UnsafeMutablePointer<UInt8>) -> Int {
        output[0] = 0x5C
        output[1] = UInt8(ascii: "u")
        for position in 0..<4 {
            output[2 + position] = hexDigits[Int(code >> UInt16(12 - 4 * position) & 0xF)]
        }
        return 6
    }
}
