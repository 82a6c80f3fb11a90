/// Computes `template_hash`: a 64-bit FNV-1a hash, as 16 hex digits, of the body with every
/// variable part replaced.
///
/// Each run of letters, digits and the mask characters `*` and `#` that holds a digit (amounts,
/// dates, times, masked accounts, references) becomes `#`, and so do month names next to one.
/// Separators between two such runs are dropped, the extracted party is skipped, and white space
/// collapses to one space. Two SMS from one bank template therefore hash alike for every user.
enum TemplateHasher {
    private static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325
    private static let prime: UInt64 = 0x0000_0100_0000_01b3

    static func hash(_ text: UnsafeBufferPointer<UInt8>, skipping party: Range<Int>?) -> String {
        byteKinds.withUnsafeBufferPointer { kinds in hex(state(of: text, skipping: party, kinds: kinds)) }
    }

    /// A byte's kind: `token` for `a`-`z`, `0`-`9` and `*`, plus `digit` for the digits; `space` for
    /// ASCII space, tab, LF and CR.
    private static let token: UInt8 = 1, digit: UInt8 = 2, space: UInt8 = 4

    /// The kind of every byte value, looked up once per byte instead of comparing ranges, with
    /// each token read once for its end and its digits (docs/benchmarks.md, "Template hash by byte kinds").
    private static let byteKinds: [UInt8] = (0...255).map { value -> UInt8 in
        switch UInt8(value) {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "*"): return token
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return token | digit
        case 0x20, 0x0A, 0x0D, 0x09: return space
        default: return 0
        }
    }

    private static func state(of text: UnsafeBufferPointer<UInt8>, skipping party: Range<Int>?,
                              kinds: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var state = offsetBasis
        var lastEmitted: UInt8 = 0
        var pendingSeparator: UInt8 = 0
        var index = 0
        let count = text.count
        let partyStart = party?.lowerBound ?? -1
        let partyEnd = party?.upperBound ?? 0

        @inline(__always) func mix(_ byte: UInt8) {
            state = (state ^ UInt64(byte)) &* prime
        }
        @inline(__always) func emit(_ byte: UInt8) {
            mix(byte)
            lastEmitted = byte
        }

        while index < count {
            if index == partyStart {
                index = max(partyEnd, index + 1)
                if lastEmitted != UInt8(ascii: "@") { emit(UInt8(ascii: "@")) }
                continue
            }
            let byte = text[index]
            let kind = kinds[Int(byte)]
            if kind & token != 0 {
                var end = index + 1
                var seen = kind
                while end < count {
                    let next = kinds[Int(text[end])]
                    if next & token == 0 { break }
                    seen |= next
                    end += 1
                }
                let variable = seen & digit != 0 || (lastEmitted == UInt8(ascii: "#") && isMonth(text, index, end))
                if variable {
                    // `12-03-2026` and `1,240.00` become one `#`, not `#-#-#`.
                    if lastEmitted != UInt8(ascii: "#") || pendingSeparator == UInt8(ascii: " ") {
                        if pendingSeparator != 0 { mix(pendingSeparator) }
                        emit(UInt8(ascii: "#"))
                    }
                } else {
                    if pendingSeparator != 0 { mix(pendingSeparator) }
                    for position in index..<end { mix(text[position]) }
                    lastEmitted = text[end - 1]
                }
                pendingSeparator = 0
                index = end
                continue
            }
            let separator = kind & space != 0 ? UInt8(ascii: " ") : byte
            if pendingSeparator != 0, pendingSeparator != separator || kind & space == 0 {
                emit(pendingSeparator)
            }
            pendingSeparator = separator
            index += 1
        }
        return state
    }

    /// Month names and abbreviations, each packed by `monthKey` into one integer.
    private static let monthKeys: [UInt64] = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept",
                                              "oct", "nov", "dec", "january", "february", "march", "april", "june",
                                              "july", "august", "september", "october", "november", "december"]
        .map { name in
            let bytes = Array(name.utf8)
            return bytes.withUnsafeBufferPointer { monthKey($0, 0, bytes.count) ?? 0 }
        }

    /// Packs a run of 3 to 9 lower-case ASCII letters into one integer, 5 bits per letter (`a` to
    /// `z` are 1 to 26) and the length in the low 4 bits, so two runs get equal keys only when
    /// their bytes are equal. Returns nil for other lengths and for runs holding other bytes.
    @inline(__always)
    private static func monthKey(_ text: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> UInt64? {
        guard end - start >= 3, end - start <= 9 else { return nil }
        var key: UInt64 = 0
        for index in start..<end {
            let byte = text[index]
            guard byte >= UInt8(ascii: "a"), byte <= UInt8(ascii: "z") else { return nil }
            key = key << 5 | UInt64(byte & 0x1F)
        }
        return key << 4 | UInt64(end - start)
    }

    private static func isMonth(_ text: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        guard let key = monthKey(text, start, end) else { return false }
        return monthKeys.contains(key)
    }

    private static func hex(_ value: UInt64) -> String {
        String(unsafeUninitializedCapacity: 16) { buffer in
            for position in 0..<16 {
                let nibble = UInt8(truncatingIfNeeded: value >> (UInt64(15 - position) * 4)) & 0xF
                buffer[position] = nibble < 10 ? nibble + UInt8(ascii: "0") : nibble - 10 + UInt8(ascii: "a")
            }
            return 16
        }
    }
}
