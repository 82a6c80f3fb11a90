/// One compiled pattern of a rule pack, with the keyword gate of the literals that every match
/// starts with when the pattern shows them (see `LeadingLiterals`).
///
/// The keyword automaton records where each gate's first keyword ends, so a search can begin a
/// keyword's length before that place, and is skipped when no such keyword occurs. In a `perf`
/// profile of the extraction benchmark PCRE2's JIT code took about a third of the extraction, much of it
/// spent trying start positions before the first place a match can begin (docs/benchmarks.md,
/// "Searches from the first leading keyword").
struct RulePattern: Sendable {
    let regex: PCRE2Pattern
    /// The gate of the leading literals, and the byte length of the longest of them.
    let start: (bit: Int, longest: Int)?

    var source: String { regex.source }
    var captureCount: Int { regex.captureCount }
    var isJITCompiled: Bool { regex.isJITCompiled }

    /// Matches from `startOffset` without the hint, as `PCRE2Pattern.match` does.
    func match(_ bytes: UnsafeBufferPointer<UInt8>, from startOffset: Int = 0, into data: PCRE2MatchData) -> Bool {
        regex.match(bytes, from: startOffset, into: data)
    }
}
