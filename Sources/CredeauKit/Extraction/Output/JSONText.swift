/// Hand-written JSON encoding of strings and amounts into a byte buffer, without Foundation.
///
/// Used by the JSON Lines writer and meant for the HTTP services' response bodies too.
public enum JSONText {
    private static let hexDigits = Array("0123456789abcdef".utf8)

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
                let escape: [UInt8]?
                var width = 1
                switch byte {
                case UInt8(ascii: "\""): escape = [0x5C, 0x22]
                case UInt8(ascii: "\\"): escape = [0x5C, 0x5C]
                case 0x0A: escape = [0x5C, UInt8(ascii: "n")]
                case 0x0D: escape = [0x5C, UInt8(ascii: "r")]
                case 0x09: escape = [0x5C, UInt8(ascii: "t")]
                case 0x08: escape = [0x5C, UInt8(ascii: "b")]
                case 0x0C: escape = [0x5C, UInt8(ascii: "f")]
                case 0x00..<0x20:
                    escape = unicodeEscape(UInt16(byte))
                case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x80
                    && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
                    escape = unicodeEscape(bytes[index + 2] == 0xA8 ? 0x2028 : 0x2029)
                    width = 3
                default:
                    escape = nil
                }
                if let escape {
                    buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                    buffer.append(contentsOf: escape)
                    index += width
                    runStart = index
                } else {
                    index += 1
                }
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

    private static func unicodeEscape(_ code: UInt16) -> [UInt8] {
        [0x5C, UInt8(ascii: "u"), hexDigits[Int(code >> 12 & 0xF)], hexDigits[Int(code >> 8 & 0xF)],
         hexDigits[Int(code >> 4 & 0xF)], hexDigits[Int(code & 0xF)]]
    }
}
