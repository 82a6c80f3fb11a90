import Testing
@testable import CredeauKit

/// Checks the leading literals read from pattern sources, and that searching from the first
/// place one of them can start finds what a search from the first byte finds.
@Suite struct LeadingLiteralsTests {
    private static func literals(_ pattern: String) -> [String]? {
        LeadingLiterals.of(pattern)?.map { String(decoding: $0, as: UTF8.self) }
    }

    @Test(arguments: [
        (#"\bdebited\b"#, ["debited"]),
        (#"\b(?:avl|avbl)\.?\s*bal"#, ["avl", "avbl"]),
        (#"(?<!min |minimum )\b(?:total|due)\b"#, ["total", "due"]),
        (#"\bpos\b|\bspent\b|\bcard\b[^\n]{0,60}\bat\b"#, ["pos", "spent", "card"]),
        (#"instal+ment"#, ["instal"]),
        (#"rs?\d"#, ["r"]),
        (#"ab{2}c"#, ["ab"]),
        (#"a\.b c"#, ["a.b c"]),
        (#"(?:(?<![a-z])(?:inr|rs|₹)\s*)+([0-9])"#, ["inr", "rs", "₹"]),
        (#"(x)(?:y)"#, ["x"]),
        (#"(?=ab)abc"#, ["abc"]),
        (#"a[bc]"#, ["a"]),
        (#"a{b"#, ["a"]),
        (#"\Bab"#, ["ab"]),
        (#"(?:e-?mandate|si)\b"#, ["e", "si"]),
        (#"ab[[:digit:]]|cd"#, ["ab", "cd"]),
        (#"(?:xy|ab[[:alpha:])|]z)|cd"#, ["xy", "ab", "cd"]),
    ])
    func readsLeadingLiterals(pattern: String, expected: [String]) {
        #expect(Self.literals(pattern) == expected, "\(pattern)")
    }

    @Test(arguments: [
        #"a*b"#, #"a?b"#, #"a{0,2}b"#, #"a{,2}b"#, #"(?:a|b)?c"#, #"(?:a|)x"#, #"^abc"#, #"[ab]c"#, #"\d+ rs"#,
        #"(?i)abc"#, #"Abc"#, #"₹?5"#, #"(?>ab)"#, #"a|\d"#, #".ab"#, #"(?<!x)"#, #"(?=a)?b"#, #"(*UTF)ab"#, #"\x41b"#,
        #"(?:ab"#, #"[ab"#, #""#, #"(?:[[:alpha:]|)]x|ab)|cd"#,
    ])
    func givesNoLiteralsForOtherShapes(pattern: String) {
        #expect(Self.literals(pattern) == nil, "\(pattern)")
    }

    @Test func mostStandardPatternsHaveLiterals() {
        let pack = RulePack.standard
        let patterns = Self.everyPattern(of: pack)
        let hinted = patterns.filter { $0.start != nil }
        #expect(hinted.count * 10 >= patterns.count * 8, "\(hinted.count) of \(patterns.count) patterns have leading literals")
    }

    /// Every match of every hinted pattern, found by searching from byte 0 and after each match,
    /// starts with one of its literals, and the search from the hinted start finds the same matches.
    @Test func hintedSearchFindsTheSameMatches() throws {
        let pack = RulePack.standard
        let patterns = Self.everyPattern(of: pack).filter { $0.start != nil }
        let fixtures = try ExtractionBodySamples.fixtureBodies()
        let keywords = patterns.compactMap { LeadingLiterals.of($0.source) }.flatMap { $0 }.map { String(decoding: $0, as: UTF8.self) }
            + ["rs 500", "a/c xx1234", "bal", "on 12-03-2026", "₹", "é", " ", "\n", ".", "inr 1,240.00", "debited", "credited"]
        let bodies = fixtures + ExtractionBodySamples.syntheticBodies(from: fixtures, keywords: keywords, count: 2000)
        let scratch = ExtractionScratch(groupCapacity: pack.maxCaptureCount + 1, gateWords: pack.keywordGates.gateWords)
        var failures: [String] = []
        var matched = 0
        for body in bodies {
            scratch.load(body, gates: pack.keywordGates)
            let text = SMSText(cased: scratch.cased, lower: scratch.lower, gateHits: scratch.gateHits, gateEnds: scratch.gateEnds)
            for pattern in patterns {
                let plain = Self.matches(of: pattern, in: text, from: { $0 }, data: scratch.matchData)
                let hinted = Self.matches(of: pattern, in: text, from: { start in text.earliestStart(of: pattern).map { max(start, $0) } },
                                          data: scratch.matchData)
                matched += plain.count
                if plain != hinted {
                    failures.append("\(pattern.source.prefix(60)) on \(body.debugDescription): \(plain) against \(hinted)")
                }
                let literals = LeadingLiterals.of(pattern.source) ?? []
                for found in plain where !literals.contains(where: { Array(text.lower[found[0]...].prefix($0.count)) == $0 }) {
                    failures.append("\(pattern.source.prefix(60)) matched at \(found[0]) of \(body.debugDescription) without a literal")
                }
            }
        }
        #expect(failures.isEmpty, "\(failures.prefix(8).joined(separator: "\n"))")
        #expect(matched > 5000, "only \(matched) matches, too few to compare")
    }

    /// Returns each match's group bounds, -1 for a group that did not take part. The search starts again
    /// one byte after each match's start, as `FieldScanner.scan` does. `from` maps a start to the
    /// offset the search begins at, or to nil for no search.
    private static func matches(of pattern: RulePattern, in text: SMSText, from: (Int) -> Int?, data: PCRE2MatchData) -> [[Int]] {
        var found: [[Int]] = []
        var start = 0
        while start <= text.count, let offset = from(start), pattern.regex.match(text.lower, from: offset, into: data),
              let whole = data.range(ofGroup: 0) {
            found.append((0...pattern.captureCount).flatMap { group in
                data.range(ofGroup: group).map { [$0.lowerBound, $0.upperBound] } ?? [-1, -1]
            })
            start = whole.lowerBound + 1
        }
        return found
    }

    private static func everyPattern(of pack: RulePack) -> [RulePattern] {
        pack.rules.flatMap { $0.patterns + $0.unless }
            + [pack.amount, pack.accountDigits, pack.balance, pack.outstanding, pack.dueAmount, pack.dueDate, pack.reference,
               pack.party].flatMap { $0.map(\.pattern) }
            + pack.directionVerbs.map(\.pattern) + pack.channels.map(\.pattern) + pack.tags.map(\.pattern) + [pack.foreignCurrency]
    }
}
