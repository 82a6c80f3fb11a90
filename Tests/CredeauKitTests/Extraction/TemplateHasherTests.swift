import Testing
@testable import CredeauKit

/// Checks `TemplateHasher` against a plain restatement of its rules, written for clarity rather
/// than speed, on month names, masks, digits and party ranges.
@Suite struct TemplateHasherTests {
    /// Computes the template hash by the rules of `TemplateHasher`, with month names in a `Set` of strings and the hex
    /// digits formatted by the standard library.
    private static func referenceHash(_ text: [UInt8], skipping party: Range<Int>?) -> String {
        let months: Set<String> = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
                                   "dec", "january", "february", "march", "april", "june", "july", "august",
                                   "september", "october", "november", "december"]
        func isToken(_ byte: UInt8) -> Bool {
            (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x2A
        }
        var state: UInt64 = 0xcbf2_9ce4_8422_2325
        var lastEmitted: UInt8 = 0
        var pendingSeparator: UInt8 = 0
        func emit(_ byte: UInt8) {
            state = (state ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
            lastEmitted = byte
        }
        var index = 0
        while index < text.count {
            if let party, index == party.lowerBound {
                index = max(party.upperBound, index + 1)
                if lastEmitted != 0x40 { emit(0x40) }
                continue
            }
            let byte = text[index]
            if isToken(byte) {
                var end = index
                while end < text.count, isToken(text[end]) { end += 1 }
                let token = text[index..<end]
                let hasDigit = token.contains { $0 >= 0x30 && $0 <= 0x39 }
                let isMonth = months.contains(String(decoding: token, as: UTF8.self))
                if hasDigit || (isMonth && lastEmitted == 0x23) {
                    if lastEmitted != 0x23 || pendingSeparator == 0x20 {
                        if pendingSeparator != 0 { emit(pendingSeparator) }
                        emit(0x23)
                    }
                } else {
                    if pendingSeparator != 0 { emit(pendingSeparator) }
                    token.forEach(emit)
                }
                pendingSeparator = 0
                index = end
                continue
            }
            let isSpace = byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
            let separator = isSpace ? 0x20 : byte
            if pendingSeparator != 0, pendingSeparator != separator || !isSpace { emit(pendingSeparator) }
            pendingSeparator = separator
            index += 1
        }
        let digits = String(state, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    private static func hash(_ text: [UInt8], skipping party: Range<Int>?) -> String {
        text.withUnsafeBufferPointer { TemplateHasher.hash($0, skipping: party) }
    }

    @Test(arguments: [
        "12 jan 2026", "12 *an 2026", "12 jan* 2026", "12 janu 2026", "12 january 2026", "12 september", "12 septembe",
        "12 sept", "12 septembers", "jan 12", "12 ja", "12-mar-26", "12 may be", "12 dec\n", "rs 5 on 1 june",
        "12 j\u{00E9}n", "12 jAn", "", " ", "a", "***", "x*x*1", "12 oct oct", "12 nov. 5", "12 dEc",
    ])
    func sampleBodiesMatchReference(body: String) {
        let bytes = Array(body.utf8)
        #expect(Self.hash(bytes, skipping: nil) == Self.referenceHash(bytes, skipping: nil))
    }

    @Test func monthAfterNumberIsVariable() {
        #expect(Self.hash(Array("due 12 jan".utf8), skipping: nil) == Self.hash(Array("due 3 sept".utf8), skipping: nil))
        #expect(Self.hash(Array("due 12 jan".utf8), skipping: nil) != Self.hash(Array("due 12 *an".utf8), skipping: nil))
    }

    @Test func emptyBodyHashesToOffsetBasis() {
        #expect(Self.hash([], skipping: nil) == "cbf29ce484222325")
    }

    /// Every byte value alone, between letters, between digits and before a month name, so each
    /// entry of the hasher's byte table is checked against the reference.
    @Test func everyByteValueMatchesReference() {
        var failures: [String] = []
        for value in 0...255 {
            let byte = UInt8(value)
            let bodies: [[UInt8]] = [[byte], [0x61, byte, 0x61], [0x31, byte, 0x20, byte, 0x31], [0x31, byte, 0x6A, 0x61, 0x6E],
                                     [0x31, byte, byte, 0x32]]
            for body in bodies where Self.hash(body, skipping: nil) != Self.referenceHash(body, skipping: nil) {
                failures.append("\(body)")
            }
        }
        #expect(failures.isEmpty, "\(failures.prefix(10).joined(separator: "\n"))")
    }

    @Test func generatedBodiesMatchReference() {
        let pieces = ["jan", "feb", "sept", "september", "june", "may", "*an", "jan*", "xx12", "1,240.00", "12-03-2026",
                      "rs", "debited", " ", "  ", "\n", "-", "/", ".", ",", "@", "é", "₹", "*", "#", "0", "ja", "decem",
                      "\t", "\r", "\r\n", "\u{0B}", "Rs", "A/c", "99", "z", "{", "`", ":", "\0"]
        var state: UInt64 = 42
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        var failures: [String] = []
        for _ in 0..<5000 {
            var body: [UInt8] = []
            for _ in 0..<(1 + next(14)) { body += Array(pieces[next(pieces.count)].utf8) }
            let party: Range<Int>? = next(3) == 0 && !body.isEmpty
                ? { let start = next(body.count); return start..<(start + next(body.count - start + 1)) }() : nil
            if Self.hash(body, skipping: party) != Self.referenceHash(body, skipping: party) {
                failures.append("\(String(decoding: body, as: UTF8.self).debugDescription) party \(String(describing: party))")
            }
        }
        #expect(failures.isEmpty, "\(failures.prefix(10).joined(separator: "\n"))")
    }
}
