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
        buffer.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { bytes in
            var runStart = 0
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                guard escapeCandidates[Int(byte)] else {
                    index += 1
                    continue
                }
                var width = 1
                if byte == 0xE2 {
                    guard index + 2 < bytes.count, bytes[index + 1] == 0x80,
                          bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9
                    else {
                        index += 1
                        continue
                    }
                    width = 3
                }
                buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                if byte == 0xE2 {
                    appendUnicodeEscape(bytes[index + 2] == 0xA8 ? 0x2028 : 0x2029, to: &buffer)
                } else if let letter = shortEscape(byte) {
                    buffer.append(0x5C)
                    buffer.append(letter)
                } else {
                    appendUnicodeEscape(UInt16(byte), to: &buffer)
                }
                index += width
                runStart = index
            }
            buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<bytes.count]))
        }
        buffer.append(UInt8(ascii: "\""))
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
        guard value.isFinite, abs(value) < 9e13 else { return nil }
        let cents = Int64((value * 100).rounded())
        let magnitude = cents.magnitude
        var text = cents < 0 ? "-" : ""
        text += String(magnitude / 100)
        let fraction = magnitude % 100
        if fraction != 0 {
            text += fraction % 10 == 0 ? ".\(fraction / 10)" : (fraction < 10 ? ".0\(fraction)" : ".\(fraction)")
        }
        return text
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

    /// Appends `\uXXXX` with lower-case hex digits.
    private static func appendUnicodeEscape(_ code: UInt16, to buffer: inout [UInt8]) {
        buffer.append(0x5C)
        buffer.append(UInt8(ascii: "u"))
        for shift in stride(from: 12, through: 0, by: -4) {
            buffer.append(hexDigits[Int(code >> UInt16(shift) & 0xF)])
        }
    }
}
