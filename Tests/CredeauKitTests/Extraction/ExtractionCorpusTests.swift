import Foundation
import Testing
@testable import CredeauKit

/// Scores the extractor on whole case files; the share of expected fields matched must stay at
/// or above 97 %.
@Suite struct ExtractionCorpusTests {
    static let minimumShare = 0.97

    /// The package root, found from this file's path (Tests/CredeauKitTests/Extraction/…).
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test func ownCasesScoreAtLeast97Percent() throws {
        let path = Self.packageRoot.appendingPathComponent("Tests/CredeauKitTests/Fixtures/extraction-cases.jsonl").path
        let result = try ExtractionCaseScorer.score(fileAt: path)
        report("own cases", result)
        #expect(result.cases >= 120, "the case file has \(result.cases) cases, fewer than 120")
        #expect(result.share >= Self.minimumShare, "\(result.failures.joined(separator: "\n"))")
    }

    @Test func devCorpusScoresAtLeast97Percent() throws {
        // CREDEAU_DEV_CASES points at the corpus from a checkout that is not beside it.
        let defaultPath = Self.packageRoot.appendingPathComponent("../shared/corpus/dev-cases.jsonl").standardizedFileURL.path
        let path = ProcessInfo.processInfo.environment["CREDEAU_DEV_CASES"] ?? defaultPath
        guard FileManager.default.fileExists(atPath: path) else {
            print("SKIPPED: development corpus not found at \(path); only the bundled cases were scored.")
            return
        }
        let result = try ExtractionCaseScorer.score(fileAt: path)
        report("development corpus", result)
        #expect(result.share >= Self.minimumShare, "\(result.failures.joined(separator: "\n"))")
    }

    private func report(_ name: String, _ result: ExtractionCaseScorer.Result) {
        let percent = (result.share * 1000).rounded() / 10
        print("Extraction score on \(name): \(result.matched)/\(result.total) fields in \(result.cases) cases = \(percent) %")
        for failure in result.failures {
            print("  miss \(failure)")
        }
    }
}
