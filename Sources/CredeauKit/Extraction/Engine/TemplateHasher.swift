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
        var state = offsetBasis
        var lastEmitted: UInt8 = 0
        var pendingSeparator: UInt8 = 0
        var index = 0
        let count = text.count

        func emit(_ byte: UInt8) {
            state = (state ^ UInt64(byte)) &* prime
            lastEmitted = byte
        }

        while index < count {
            if let party, index == party.lowerBound {
                index = max(party.upperBound, index + 1)
                if lastEmitted != UInt8(ascii: "@") { emit(UInt8(ascii: "@")) }
                continue
            }
            let byte = text[index]
            if isTokenByte(byte) {
                var end = index
                var hasDigit = false
                while end < count, isTokenByte(text[end]) {
                    if text[end] >= UInt8(ascii: "0") && text[end] <= UInt8(ascii: "9") { hasDigit = true }
                    end += 1
                }
                let variable = hasDigit || (lastEmitted == UInt8(ascii: "#") && isMonth(text, index, end))
                if variable {
                    // `12-03-2026` and `1,240.00` become one `#`, not `#-#-#`.
                    if lastEmitted != UInt8(ascii: "#") || pendingSeparator == UInt8(ascii: " ") {
                        if pendingSeparator != 0 { emit(pendingSeparator) }
                        emit(UInt8(ascii: "#"))
                    }
                } else {
                    if pendingSeparator != 0 { emit(pendingSeparator) }
                    for position in index..<end { emit(text[position]) }
                }
                pendingSeparator = 0
                index = end
                continue
            }
            let isSpace = byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
            let separator = isSpace ? UInt8(ascii: " ") : byte
            if pendingSeparator != 0, pendingSeparator != separator || !isSpace {
                emit(pendingSeparator)
            }
            pendingSeparator = separator
            index += 1
        }
        return hex(state)
    }

    private static func isTokenByte(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
            || byte == UInt8(ascii: "*")
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
