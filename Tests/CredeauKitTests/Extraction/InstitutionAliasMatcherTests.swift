import Testing
@testable import CredeauKit

/// Checks that skipping aliases by their second byte finds the same mention as the full scan.
@Suite struct InstitutionAliasMatcherTests {
    @Test func secondByteFilterKeepsMentions() throws {
        let headers = try SenderTableParser.headers(from: SenderTable.defaultTSV, origin: "header table")
        let aliases = try SenderTableParser.aliases(from: InstitutionAliasTable.defaultTSV, origin: "alias table",
                                                    headers: headers)
        let filtered = InstitutionAliasMatcher(aliases: aliases)
        let plain = InstitutionAliasMatcher(aliases: aliases, filtersSecondByte: false)

        // Alias texts with their spaces and punctuation spelled in the ways the matcher accepts.
        let spellings = aliases.flatMap { alias in
            [alias.text, alias.text.replacingOccurrences(of: " ", with: "\n  "),
             alias.text.replacingOccurrences(of: "-", with: " - "), "-" + alias.text, alias.text + "s"]
        }
        let fixtures = try ExtractionBodySamples.fixtureBodies()
        let bodies = fixtures + ExtractionBodySamples.syntheticBodies(from: fixtures, keywords: spellings, count: 6000)

        var found = 0
        var failures: [String] = []
        for body in bodies {
            let lower = Array(body.lowercased().utf8)
            let expected = lower.withUnsafeBufferPointer { plain.bestMention(in: $0) }
            let actual = lower.withUnsafeBufferPointer { filtered.bestMention(in: $0) }
            if expected != nil { found += 1 }
            if actual != expected {
                failures.append("\(body.debugDescription): \(actual?.alias ?? "none") instead of \(expected?.alias ?? "none")")
            }
        }
        #expect(failures.isEmpty, "\(failures.prefix(10).joined(separator: "\n"))")
        #expect(found > 1000, "only \(found) bodies name an institution, too few to compare the scans")
    }
}
