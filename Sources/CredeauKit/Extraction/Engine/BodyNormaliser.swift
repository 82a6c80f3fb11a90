/// Rewrites an SMS body's UTF-8 bytes into the form the rule pack matches, in one pass.
///
/// - Every run of white space becomes one byte: a line break (`\n`) when the run contains one,
///   else one ASCII space. White space is ASCII space, tab, vertical tab, form feed, CR, LF,
///   U+0085, U+00A0, U+1680, U+2000–U+200A, U+2028, U+2029, U+202F, U+205F and U+3000.
/// - Runs at the start and the end of the body are removed.
/// - The zero-width characters U+200B, U+2060 and U+FEFF are removed.
/// - Full-width forms U+FF01–U+FF5E (`：`, `１`, `Ｒ`) become the matching ASCII
///   characters, the curly quotes U+2018, U+2019, U+201C and U+201D become `'` and `"`, and the
///   hyphens and dashes U+2010–U+2013 and the minus sign U+2212 become `-`.
/// - The rupee suffix `/-` right after a digit ("Rs 500/-") is removed, unless a digit follows
///   it. A space stands in for it when a letter follows ("Rs 500/-only").
///
/// The output is never longer than the input. `cased` keeps the letters' case, and `lower`
/// is the same bytes with ASCII letters lower-cased, so one offset addresses both.
///
/// The pass writes through raw pointers into buffers the caller reuses, because it runs once
/// per SMS on the extraction hot path.
enum BodyNormaliser {
    private enum Pending {
        case none, space, lineBreak
    }

    /// Writes the normalised bytes of `input` to `cased` and `lower` and returns their count.
    /// Both outputs must have room for `input.count` bytes.
    static func normalise(_ input: UnsafeBufferPointer<UInt8>, cased: UnsafeMutablePointer<UInt8>,
                          lower: UnsafeMutablePointer<UInt8>) -> Int {
        var written = 0
        var pending = Pending.none
        var index = 0
        let count = input.count
        while index < count {
            // Plain ASCII with no separator pending is copied as the code below would copy it,
            // in a shorter loop, and so is one space between two plain bytes after the first.
            if pending == .none {
                while index < count {
                    var plain = input[index]
                    if plain == 0x20, written > 0, index + 1 < count, isPlain(input[index + 1], after: cased[written - 1]) {
                        cased[written] = 0x20
                        lower[written] = 0x20
                        written += 1
                        index += 1
                        plain = input[index]
                    } else if !isPlain(plain, after: written > 0 ? cased[written - 1] : 0) {
                        break
                    }
                    cased[written] = plain
                    lower[written] = plain >= 0x41 && plain <= 0x5A ? plain + 0x20 : plain
                    written += 1
                    index += 1
                }
                if index == count { break }
            }
            let byte = input[index]
            if byte < 0x80 {
                switch byte {
                case 0x20, 0x09, 0x0B, 0x0C:
                    if pending == .none { pending = .space }
                    index += 1
                    continue
                case 0x0A, 0x0D:
                    pending = .lineBreak
                    index += 1
                    continue
                case UInt8(ascii: "/") where isRupeeSuffix(input, at: index, after: written > 0 ? cased[written - 1] : nil):
                    index += 2
                    if index < count, isAlphanumeric(input[index]), pending == .none { pending = .space }
                    continue
                default:
                    break
                }
            } else {
                switch multibyteKind(input, at: index) {
                case .space(let width):
                    if pending == .none { pending = .space }
                    index += width
                    continue
                case .lineBreak(let width):
                    pending = .lineBreak
                    index += width
                    continue
                case .invisible(let width):
                    index += width
                    continue
                case let .ascii(plain, width):
                    emitPending(&pending, cased: cased, lower: lower, written: &written)
                    cased[written] = plain
                    lower[written] = plain >= 0x41 && plain <= 0x5A ? plain + 0x20 : plain
                    written += 1
                    index += width
                    continue
                case .other:
                    break
                }
            }
            emitPending(&pending, cased: cased, lower: lower, written: &written)
            cased[written] = byte
            lower[written] = byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
            written += 1
            index += 1
        }
        return written
    }

    /// Writes the separator for the white space before this character, unless the text
    /// has not started yet.
    @inline(__always)
    private static func emitPending(_ pending: inout Pending, cased: UnsafeMutablePointer<UInt8>,
                                    lower: UnsafeMutablePointer<UInt8>, written: inout Int) {
        guard pending != .none else { return }
        if written > 0 {
            let separator: UInt8 = pending == .lineBreak ? 0x0A : 0x20
            cased[written] = separator
            lower[written] = separator
            written += 1
        }
        pending = .none
    }

    private enum Multibyte {
        /// A character read as an ASCII one: a full-width form (`：`, `１`), a curly quote, a dash or
        /// the minus sign.
        case ascii(UInt8, Int)
        case space(Int), lineBreak(Int), invisible(Int), other
    }

    /// Classifies the character whose lead byte is at `index`. Continuation bytes and other
    /// characters are `.other`, which the caller copies byte by byte.
    private static func multibyteKind(_ input: UnsafeBufferPointer<UInt8>, at index: Int) -> Multibyte {
        let lead = input[index]
        guard lead == 0xC2 || (lead >= 0xE1 && lead <= 0xEF), index + 1 < input.count else { return .other }
        let second = input[index + 1]
        if lead == 0xC2 {
            if second == 0xA0 { return .space(2) }
            if second == 0x85 { return .lineBreak(2) }
            return .other
        }
        guard index + 2 < input.count else { return .other }
        let third = input[index + 2]
        switch (lead, second) {
        case (0xE2, 0x80):
            switch third {
            case 0x80...0x8A, 0xAF: return .space(3)
            case 0x8B: return .invisible(3)
            case 0xA8, 0xA9: return .lineBreak(3)
            case 0x90...0x93: return .ascii(UInt8(ascii: "-"), 3)
            case 0x98, 0x99: return .ascii(UInt8(ascii: "'"), 3)
            case 0x9C, 0x9D: return .ascii(UInt8(ascii: "\""), 3)
            default: return .other
            }
        // Full-width forms U+FF01 to U+FF5E map to ASCII 0x21 to 0x7E.
        case (0xEF, 0xBC) where third >= 0x81 && third <= 0xBF:
            return .ascii(0x21 + (third - 0x81), 3)
        case (0xEF, 0xBD) where third >= 0x80 && third <= 0x9E:
            return .ascii(0x60 + (third - 0x80), 3)
        case (0xE2, 0x81):
            if third == 0x9F { return .space(3) }
            if third == 0xA0 { return .invisible(3) }
            return .other
        case (0xE2, 0x88):
            return third == 0x92 ? .ascii(UInt8(ascii: "-"), 3) : .other
        case (0xE1, 0x9A):
            return third == 0x80 ? .space(3) : .other
        case (0xE3, 0x80):
            return third == 0x80 ? .space(3) : .other
        case (0xEF, 0xBB):
            return third == 0xBF ? .invisible(3) : .other
        default:
            return .other
        }
    }

    /// Returns true for a byte that the pass copies unchanged apart from case: ASCII that is not
    /// white space or a control byte, and not a `/` after a digit, which may start a rupee suffix.
    @inline(__always)
    private static func isPlain(_ byte: UInt8, after last: UInt8) -> Bool {
        byte > 0x20 && byte < 0x7F && (byte != UInt8(ascii: "/") || !isDigit(last))
    }

    /// Returns true for `/-` after a digit that no digit follows, so "12/-3" stays.
    private static func isRupeeSuffix(_ input: UnsafeBufferPointer<UInt8>, at index: Int, after last: UInt8?) -> Bool {
        guard let last, isDigit(last), index + 1 < input.count, input[index + 1] == UInt8(ascii: "-") else { return false }
        return index + 2 == input.count || !isDigit(input[index + 2])
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        isDigit(byte) || (byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "z"))
    }
}
