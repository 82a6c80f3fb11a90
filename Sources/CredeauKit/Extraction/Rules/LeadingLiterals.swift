/// Reads from a regular expression's source the byte strings that every match starts with, so a
/// search can begin near the first place one of them occurs instead of at the first byte.
///
/// Only a plain leading shape is read: zero-width items (`\b`, `\B`, lookbehinds and lookaheads)
/// then either a run of literal characters or a group whose every alternative starts that way,
/// at the top level of each alternative of the pattern. Anything else gives nil, which means "no
/// hint": the caller searches from the start as before. A literal character followed by `?`, `*`
/// or a `{0…}` quantifier is left out, and the run stops after a character followed by `+` or
/// `{n…}`. Upper-case letters give nil, because patterns run on lower-cased bodies.
enum LeadingLiterals {
    /// Returns the literals one of which starts every match of `pattern`, or nil when the
    /// pattern's leading shape is not one this reader follows.
    static func of(_ pattern: String) -> [[UInt8]]? {
        let source = Array(pattern.utf8)
        guard let alternatives = Reader(source).split(0..<source.count) else { return nil }
        var literals: [[UInt8]] = []
        for alternative in alternatives {
            guard let found = Reader(source).leading(alternative) else { return nil }
            literals += found
        }
        return literals.isEmpty ? nil : literals
    }

    private struct Reader {
        let bytes: [UInt8]

        init(_ bytes: [UInt8]) {
            self.bytes = bytes
        }

        /// Splits `range` at its top-level `|`, or returns nil when a group or class is unclosed.
        func split(_ range: Range<Int>) -> [Range<Int>]? {
            var parts: [Range<Int>] = []
            var start = range.lowerBound
            var index = range.lowerBound
            while index < range.upperBound {
                switch bytes[index] {
                case UInt8(ascii: "|"):
                    parts.append(start..<index)
                    index += 1
                    start = index
                case UInt8(ascii: "("):
                    guard let close = groupEnd(index, limit: range.upperBound) else { return nil }
                    index = close + 1
                default:
                    guard let next = itemEnd(index, limit: range.upperBound) else { return nil }
                    index = next
                }
            }
            parts.append(start..<range.upperBound)
            return parts
        }

        /// Returns the index of the `)` that closes the group opening at `open`.
        func groupEnd(_ open: Int, limit: Int) -> Int? {
            var index = open + 1
            while index < limit {
                switch bytes[index] {
                case UInt8(ascii: ")"): return index
                case UInt8(ascii: "("):
                    guard let close = groupEnd(index, limit: limit) else { return nil }
                    index = close + 1
                default:
                    guard let next = itemEnd(index, limit: limit) else { return nil }
                    index = next
                }
            }
            return nil
        }

        /// Returns the index after the escape, character class or single byte at `index` (not a group).
        func itemEnd(_ index: Int, limit: Int) -> Int? {
            switch bytes[index] {
            case UInt8(ascii: "\\"):
                return index + 2 <= limit ? index + 2 : nil
            case UInt8(ascii: "["):
                // A `]` right after `[` or `[^` is a member, not the end.
                var position = index + 1
                if position < limit, bytes[position] == UInt8(ascii: "^") { position += 1 }
                if position < limit, bytes[position] == UInt8(ascii: "]") { position += 1 }
                while position < limit {
                    if bytes[position] == UInt8(ascii: "\\") {
                        position += 2
                        continue
                    }
                    // A POSIX class such as `[:alpha:]` ends at its own `:]`.
                    if bytes[position] == UInt8(ascii: "["), position + 1 < limit, bytes[position + 1] == UInt8(ascii: ":"),
                       let close = (position + 2..<limit).first(where: {
                           bytes[$0] == UInt8(ascii: "]") && bytes[$0 - 1] == UInt8(ascii: ":")
                       }) {
                        position = close + 1
                        continue
                    }
                    if bytes[position] == UInt8(ascii: "]") { return position + 1 }
                    position += 1
                }
                return nil
            default:
                return index + 1
            }
        }

        /// Returns the leading literals of one alternative, or nil.
        func leading(_ range: Range<Int>) -> [[UInt8]]? {
            var index = range.lowerBound
            // Zero-width items match at the match's start and consume nothing.
            while index < range.upperBound {
                if startsWith("\\b", at: index, limit: range.upperBound) || startsWith("\\B", at: index, limit: range.upperBound) {
                    index += 2
                } else if ["(?<!", "(?<=", "(?=", "(?!"].contains(where: { startsWith($0, at: index, limit: range.upperBound) }) {
                    guard let close = groupEnd(index, limit: range.upperBound), !isQuantifier(close + 1, limit: range.upperBound)
                    else { return nil }
                    index = close + 1
                } else {
                    break
                }
            }
            guard index < range.upperBound else { return nil }
            if bytes[index] == UInt8(ascii: "(") {
                let inner: Int
                if startsWith("(?:", at: index, limit: range.upperBound) {
                    inner = index + 3
                } else if index + 1 < range.upperBound, bytes[index + 1] != UInt8(ascii: "?"),
                          bytes[index + 1] != UInt8(ascii: "*") {
                    inner = index + 1
                } else {
                    return nil
                }
                guard let close = groupEnd(index, limit: range.upperBound), !mayRepeatZeroTimes(close + 1, limit: range.upperBound),
                      let alternatives = split(inner..<close)
                else { return nil }
                var literals: [[UInt8]] = []
                for alternative in alternatives {
                    guard let found = leading(alternative) else { return nil }
                    literals += found
                }
                return literals
            }
            let run = literalRun(from: index, limit: range.upperBound)
            return run.isEmpty ? nil : [run]
        }

        /// Returns the literal characters from `start` on, without a last one that may occur zero times.
        func literalRun(from start: Int, limit: Int) -> [UInt8] {
            var run: [UInt8] = []
            var index = start
            while index < limit {
                let unit: [UInt8]
                let byte = bytes[index]
                if byte == UInt8(ascii: "\\") {
                    guard index + 1 < limit else { break }
                    let escaped = bytes[index + 1]
                    // `\d`, `\s`, `\b`, `\x41` and the like are classes, assertions or codes.
                    if escaped >= 0x80 || isAlphanumeric(escaped) { break }
                    unit = [escaped]
                } else if byte >= 0x80 {
                    var end = index + 1
                    while end < limit, bytes[end] & 0xC0 == 0x80 { end += 1 }
                    unit = Array(bytes[index..<end])
                } else if byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") {
                    return []
                } else if Array(".[]()|^$*+?{}".utf8).contains(byte) {
                    break
                } else {
                    unit = [byte]
                }
                let after = index + (byte == UInt8(ascii: "\\") ? 2 : unit.count)
                if mayRepeatZeroTimes(after, limit: limit) { break }
                run += unit
                if isQuantifier(after, limit: limit) { break }
                index = after
            }
            return run
        }

        /// Returns true when `?`, `*` or a `{0…}` quantifier begins at `index`.
        func mayRepeatZeroTimes(_ index: Int, limit: Int) -> Bool {
            guard index < limit else { return false }
            switch bytes[index] {
            case UInt8(ascii: "?"), UInt8(ascii: "*"): return true
            case UInt8(ascii: "{"):
                // `{,n}` and `{0…}` allow none. A `{` not followed by a digit or comma is a literal brace.
                return index + 1 < limit && (bytes[index + 1] == UInt8(ascii: ",") || bytes[index + 1] == UInt8(ascii: "0"))
            default: return false
            }
        }

        /// Returns true when a quantifier begins at `index`.
        func isQuantifier(_ index: Int, limit: Int) -> Bool {
            guard index < limit else { return false }
            switch bytes[index] {
            case UInt8(ascii: "?"), UInt8(ascii: "*"), UInt8(ascii: "+"): return true
            case UInt8(ascii: "{"):
                return index + 1 < limit && (isDigit(bytes[index + 1]) || bytes[index + 1] == UInt8(ascii: ","))
            default: return false
            }
        }

        func startsWith(_ text: String, at index: Int, limit: Int) -> Bool {
            let prefix = Array(text.utf8)
            return index + prefix.count <= limit && Array(bytes[index..<(index + prefix.count)]) == prefix
        }

        private func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

        private func isAlphanumeric(_ byte: UInt8) -> Bool {
            isDigit(byte) || (byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "z"))
        }
    }
}
