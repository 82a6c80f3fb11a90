#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The normalised UTF-8 bytes of one SMS body and an ASCII-lower-cased copy of the same length.
///
/// Both come from `BodyNormaliser`, so white space is already collapsed and neither is the raw
/// body (which `sms_body` keeps). Patterns run on `lower`. Lower-casing ASCII keeps every byte
/// offset, so a match range in `lower` also addresses the same bytes, in their own case, in
/// `cased`, where party names, references and account digits are copied from.
struct SMSText {
    /// Bodies longer than this are cut (at a character boundary) before matching. Real SMS,
    /// even multipart ones, stay below it, and the cap bounds the work on garbage input.
    static let maxBytes = 4096

    let cased: UnsafeBufferPointer<UInt8>
    let lower: UnsafeBufferPointer<UInt8>
    /// The gates that `KeywordAutomaton.scan` found open in `lower`.
    let gateHits: UnsafePointer<UInt64>
    /// Per open gate, the offset just past its first keyword (`KeywordAutomaton.scan`).
    let gateEnds: UnsafePointer<Int32>

    var count: Int { lower.count }

    /// Returns the lowest offset at which a match of `pattern` can start, on a character boundary.
    /// That is 0 without leading literals, and nil when none of them occurs, so the pattern cannot match.
    func earliestStart(of pattern: RulePattern) -> Int? {
        guard let start = pattern.start else { return 0 }
        guard gateHits[start.bit >> 6] & (1 << UInt64(start.bit & 63)) != 0 else { return nil }
        // The first keyword to end ends at or before the end of the first one to start, so no
        // keyword starts before this place.
        var offset = max(0, Int(gateEnds[start.bit]) - start.longest)
        // PCRE2 runs without its UTF-8 check, so the search must not begin inside a character.
        while offset > 0, lower[offset] & 0xC0 == 0x80 { offset -= 1 }
        return offset
    }

    /// Returns true when any keyword of `gate` occurs in the lower-cased body; an empty list is true.
    func containsAny(_ gate: KeywordGate) -> Bool {
        guard let bit = gate.bit else { return true }
        return gateHits[bit >> 6] & (1 << UInt64(bit & 63)) != 0
    }

    /// Returns true when `needle` occurs inside `range` of the lower-cased body.
    func contains(_ needle: [UInt8], in range: Range<Int>) -> Bool {
        guard !needle.isEmpty, range.count >= needle.count, let base = lower.baseAddress else { return false }
        // glibc hides memmem behind _GNU_SOURCE, so search with memchr for the first byte and
        // memcmp for the rest.
        return needle.withUnsafeBytes { needleBytes -> Bool in
            guard let needleBase = needleBytes.baseAddress else { return false }
            let first = Int32(needle[0])
            var start = base + range.lowerBound
            let lastStart = base + range.upperBound - needle.count
            while start <= lastStart {
                guard let found = memchr(start, first, lastStart - start + 1) else { return false }
                let candidate = found.assumingMemoryBound(to: UInt8.self)
                if memcmp(candidate, needleBase, needle.count) == 0 { return true }
                start = UnsafePointer(candidate) + 1
            }
            return false
        }
    }

    /// Copies `range` of the normalised body, in its own case, into a String.
    func casedString(_ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: cased[range]), as: UTF8.self)
    }
}
