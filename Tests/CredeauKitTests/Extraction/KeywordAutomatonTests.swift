import Foundation
import Testing
@testable import CredeauKit

/// Checks that the one-pass keyword automaton opens exactly the gates a plain substring search
/// of each keyword would open.
@Suite struct KeywordAutomatonTests {
    /// Collects every keyword gate of a pack: rules, field patterns, verbs, channels, tags, the excluded words and
    /// the gates declared for patterns.
    private static func everyGate(of pack: RulePack) -> [KeywordGate] {
        let fields = [pack.amount, pack.accountDigits, pack.balance, pack.outstanding, pack.dueAmount, pack.dueDate,
                      pack.reference, pack.party].flatMap { $0.map(\.any) }
        return pack.rules.map(\.any) + fields + pack.directionVerbs.map(\.any) + pack.channels.map(\.any)
            + pack.tags.map(\.any) + [pack.balanceExcludedWhen, pack.foreignCurrencyGate] + pack.amountExcludedAfter
            + pack.rules.map(\.unlessAny)
    }

    /// Returns the offset just past the first keyword of `gate` to end in `body`, by a plain search.
    private static func firstEnd(_ gate: KeywordGate, in body: [UInt8]) -> Int? {
        gate.keywords.compactMap { keyword -> Int? in
            let needle = keyword.bytes
            guard !needle.isEmpty, needle.count <= body.count else { return nil }
            return (0...(body.count - needle.count)).first { body[$0..<$0 + needle.count].elementsEqual(needle) }
                .map { $0 + needle.count }
        }.min()
    }

    /// Decides a gate by plain search: an empty list passes, else some non-empty keyword must be a byte substring.
    private static func plainSearch(_ gate: KeywordGate, in body: [UInt8]) -> Bool {
        if gate.keywords.isEmpty { return true }
        return gate.keywords.contains { keyword in
            let needle = keyword.bytes
            guard !needle.isEmpty, needle.count <= body.count else { return false }
            return (0...(body.count - needle.count)).contains { start in
                body[start..<start + needle.count].elementsEqual(needle)
            }
        }
    }

    /// Loads `body` the way `SMSExtractor` does and returns the gates that disagree with a plain search.
    private static func disagreements(_ body: String, pack: RulePack, gates: [KeywordGate]) -> [String] {
        let scratch = ExtractionScratch(groupCapacity: pack.maxCaptureCount + 1, gateWords: pack.keywordGates.gateWords)
        scratch.load(body, gates: pack.keywordGates)
        let text = SMSText(cased: scratch.cased, lower: scratch.lower, gateHits: scratch.gateHits, gateEnds: scratch.gateEnds)
        let lower = Array(scratch.lower)
        return gates.compactMap { gate in
            let expected = plainSearch(gate, in: lower)
            guard text.containsAny(gate) != expected else { return nil }
            let words = gate.keywords.map { String(decoding: $0.bytes, as: UTF8.self) }
            return "gate \(words) should be \(expected) for \(body.debugDescription)"
        }
    }

    @Test func standardPackMatchesPlainSearch() throws {
        let pack = RulePack.standard
        let gates = Self.everyGate(of: pack)
        let keywords = gates.flatMap(\.keywords).map { String(decoding: $0.bytes, as: UTF8.self) }
        let fixtures = try ExtractionBodySamples.fixtureBodies()
        #expect(fixtures.count >= 120, "only \(fixtures.count) fixture bodies were read")

        let bodies = fixtures + ExtractionBodySamples.syntheticBodies(from: fixtures, keywords: keywords, count: 1500)
        var failures: [String] = []
        for body in bodies {
            failures += Self.disagreements(body, pack: pack, gates: gates)
        }
        #expect(failures.isEmpty, "\(failures.prefix(10).joined(separator: "\n"))")
    }

    /// Lists every gate the pack declares for patterns, with the patterns whose matches must contain one of its keywords.
    private static func declaredGates(of pack: RulePack) -> [(name: String, gate: KeywordGate, patterns: [RulePattern])] {
        let unlessGates = pack.rules.filter { $0.unlessAny.bit != nil }.map { ("\($0.name).unless_any", $0.unlessAny, $0.unless) }
        return [("foreign_currency_any", pack.foreignCurrencyGate, [pack.foreignCurrency])] + unlessGates
    }

    @Test func declaredGatesNeverHideMatch() throws {
        let pack = RulePack.standard
        let declared = Self.declaredGates(of: pack)
        #expect(declared.count >= 3, "the standard pack declares foreign_currency_any and unless_any gates")
        let fixtures = try ExtractionBodySamples.fixtureBodies()
        let pieces = ["usd", "USD", "eur", "$", "€", "£", "aed", "chf", "jpy", " ", "  ", "\u{00A0}", "5", "12.50", "rs",
                      "x", "a", "s", "d", "(", "spent ", "withdrawn", "withdrawal", "atm", " at ", "linked to", "your ",
                      "a/c", "account", "statement", "total", "amount", "due", "min", "minimum", "\n", "withdrawn at atm",
                      "atm withdrawal", "linked to your a/c", "linked to account", "total amount due"]
        let bodies = fixtures + ExtractionBodySamples.syntheticBodies(from: fixtures, keywords: pieces, count: 6000)
        var closedMatches: [String] = []
        var openMatches = [Int](repeating: 0, count: declared.count)
        for body in bodies {
            let scratch = ExtractionScratch(groupCapacity: pack.maxCaptureCount + 1, gateWords: pack.keywordGates.gateWords)
            scratch.load(body, gates: pack.keywordGates)
            let text = SMSText(cased: scratch.cased, lower: scratch.lower, gateHits: scratch.gateHits, gateEnds: scratch.gateEnds)
            for (index, entry) in declared.enumerated() {
                guard entry.patterns.contains(where: { $0.match(scratch.lower, into: scratch.matchData) }) else { continue }
                openMatches[index] += 1
                if !text.containsAny(entry.gate) { closedMatches.append("\(entry.name): \(body.debugDescription)") }
            }
        }
        #expect(closedMatches.isEmpty, "\(closedMatches.prefix(10).joined(separator: "\n"))")
        for (index, entry) in declared.enumerated() {
            #expect(openMatches[index] > 50, "only \(openMatches[index]) bodies matched \(entry.name), too few to test it")
        }
    }

    @Test func packWithoutForeignKeywordsHasNoGate() {
        #expect(Self.edgePack.foreignCurrencyGate.bit == nil)
    }

    /// The standard pack with its rules replaced by rules whose gates test overlaps, suffixes,
    /// repeats, multi-byte keywords and empty entries.
    private static let edgePack: RulePack = {
        let lists: [[String]] = [
            ["he", "she", "his", "hers"], ["aaa"], ["a"], ["ab", "b"], ["bca"], [""], ["", "zq"], ["₹"], ["é"],
            ["\n"], ["start"], ["end"], ["upi/", "upi"], ["x x"], ["ÉTÉ"],
        ]
        let rules: [[String: Any]] = lists.enumerated().map { index, list in
            ["name": "r\(index)", "any": list, "sms_type": "promotional"]
        }
        do {
            let data = Data(StandardRulePack.json.utf8)
            guard var document = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
                preconditionFailure("the standard pack is not a JSON object")
            }
            document["classification"] = rules
            document["foreign_currency_any"] = nil
            let json = String(decoding: try JSONSerialization.data(withJSONObject: document), as: UTF8.self)
            return try RulePack(json: json, origin: "edge pack")
        } catch {
            preconditionFailure("the edge pack does not load: \(error)")
        }
    }()

    @Test(arguments: [
        "ushers", "she", "hishers", "aaaa", "aa", "abca", "bcab", "b", "start of it", "to the end", "the end.",
        "₹500", "rs ₹", "café", "cafe\u{301}", "line\nbreak", "upi/abc", "upi", "up", "x  x", "x x", "xx",
        "été", "ÉTÉ", "zq", "", " ", "\u{00A0}", "नमस्ते 🙂", String(repeating: "a", count: 300) + " hers",
    ])
    func edgeCasesMatchPlainSearch(body: String) {
        let pack = Self.edgePack
        let failures = Self.disagreements(body, pack: pack, gates: pack.rules.map(\.any))
        #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
    }

    @Test func emptyListAlwaysPasses() {
        let gate = KeywordGateCollector().gate(for: [])
        #expect(gate.bit == nil)
        #expect(KeywordGateCollector().gate(for: nil).bit == nil)
    }

    @Test func equalListsShareOneBit() {
        let collector = KeywordGateCollector()
        let first = collector.gate(for: ["rs", "inr"])
        let second = collector.gate(for: ["RS", "inr"])
        let other = collector.gate(for: ["inr", "rs"])
        #expect(first.bit == second.bit)
        #expect(first.bit != other.bit)
        #expect(collector.gates.count == 2)
    }

    /// A pack with thousands of keywords has more than 65,535 transition rows, so the automaton
    /// uses its 32-bit table, which the standard pack never reaches.
    @Test func largeKeywordSetMatchesPlainSearch() {
        var generator = SplitMix64(seed: 7)
        let letters = Array("abcdefghijklmnopqrstuvwxyz".utf8)
        func word(_ length: Int) -> String {
            String(decoding: (0..<length).map { _ in letters[Int(generator.next() % 26)] }, as: UTF8.self)
        }
        let lists = (0..<300).map { _ in (0..<10).map { _ in Keyword(word(3 + Int(generator.next() % 6))) } }
        let automaton = KeywordAutomaton(gates: lists)
        #expect(automaton.entryBits == 32)
        #expect(RulePack.standard.keywordGates.entryBits == 16)
        let gates = lists.enumerated().map { KeywordGate(bit: $0.offset, keywords: $0.element) }
        var failures: [String] = []
        let hits = UnsafeMutablePointer<UInt64>.allocate(capacity: automaton.gateWords)
        let ends = UnsafeMutablePointer<Int32>.allocate(capacity: automaton.gateWords * 64)
        defer {
            hits.deallocate()
            ends.deallocate()
        }
        for _ in 0..<60 {
            // Random letters with a few keywords spliced in, so both open and closed gates occur.
            var body = word(40)
            for _ in 0..<3 {
                let list = lists[Int(generator.next() % UInt64(lists.count))]
                body += String(decoding: list[Int(generator.next() % 10)].bytes, as: UTF8.self) + word(5)
            }
            let bytes = Array(body.utf8)
            bytes.withUnsafeBufferPointer { automaton.scan($0, into: hits, ends: ends) }
            for gate in gates {
                let bit = gate.bit!
                let opened = hits[bit >> 6] & (1 << UInt64(bit & 63)) != 0
                if opened != Self.plainSearch(gate, in: bytes) { failures.append("gate \(bit) in \(body)") }
                if opened, Int(ends[bit]) != Self.firstEnd(gate, in: bytes) {
                    failures.append("gate \(bit) ends at \(ends[bit]), not \(String(describing: Self.firstEnd(gate, in: bytes))), in \(body)")
                }
            }
        }
        #expect(failures.isEmpty, "\(failures.prefix(5))")
    }
}
