import Foundation
import Testing
@testable import CredeauKit

@Suite struct ThroughputFiguresTests {
    private func decode(_ text: String) throws(ScalingError) -> ThroughputFigures {
        try ThroughputFigures.decode(Data(text.utf8), path: "figures.json")
    }

    @Test func fullFigureFileDecodes() throws {
        let figures = try decode("""
            {"schema": "credeau.bench-figures/v1", "extraction_sms_per_second_per_core": 52000.5,
             "featurize_ms_per_user": 12.5, "machine": "4 vCPU test box"}
            """)
        #expect(figures.extractionSMSPerSecondPerCore == 52_000.5)
        #expect(figures.featurizeMillisecondsPerUser == 12.5)
        #expect(figures.origin == .file(path: "figures.json"))
    }

    @Test func featurisationMayBeAbsentOrNull() throws {
        #expect(try decode(#"{"extraction_sms_per_second_per_core": 1000}"#).featurizeMillisecondsPerUser == nil)
        #expect(try decode(#"{"extraction_sms_per_second_per_core": 1000, "featurize_ms_per_user": null}"#)
            .featurizeMillisecondsPerUser == nil)
    }

    @Test(arguments: [
        ("not json", "not valid JSON"), ("[1, 2]", "expected a JSON object"), ("{}", "missing 'extraction_sms_per_second_per_core'"),
        (#"{"extraction_sms_per_second_per_core": null}"#, "missing"),
        (#"{"extraction_sms_per_second_per_core": "fast"}"#, "must be a number"),
        (#"{"extraction_sms_per_second_per_core": true}"#, "must be a number"),
        (#"{"extraction_sms_per_second_per_core": 0}"#, "greater than zero"),
        (#"{"extraction_sms_per_second_per_core": -3}"#, "greater than zero"),
        (#"{"extraction_sms_per_second_per_core": 10, "featurize_ms_per_user": -1}"#, "greater than zero"),
        (#"{"extraction_sms_per_second_per_core": 1e300}"#, "must be from 1.0 to"),
        (#"{"extraction_sms_per_second_per_core": 1e-300}"#, "must be from 1.0 to"),
        (#"{"extraction_sms_per_second_per_core": 10, "featurize_ms_per_user": 1e300}"#, "must be from 0.001 to"),
        (#"{"schema": "other/v9", "extraction_sms_per_second_per_core": 10}"#, "'schema' must be"),
    ])
    func invalidContentIsRejected(text: String, reasonFragment: String) {
        #expect {
            try decode(text)
        } throws: { error in
            guard let error = error as? ScalingError, case let .figureFileInvalid(path, reason) = error else { return false }
            return path == "figures.json" && reason.contains(reasonFragment) && error.exitCode == ExitStatus.usage
        }
    }

    @Test func missingFileIsUnreadable() {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("credeau-missing-\(UUID()).json").path
        #expect {
            try ThroughputFigures.load(path: path)
        } throws: { error in
            guard let error = error as? ScalingError, case let .figureFileUnreadable(failedPath, reason) = error else {
                return false
            }
            return failedPath == path && reason == "no such file" && error.exitCode == ExitStatus.failure
        }
    }

    @Test func encodedFigureFileRoundTrips() throws {
        let figures = ThroughputFigures(extractionSMSPerSecondPerCore: 41_230.25, featurizeMillisecondsPerUser: nil)
        let decoded = try decode(figures.encodedFigureFile())
        #expect(decoded.extractionSMSPerSecondPerCore == 41_230.25)
        #expect(decoded.featurizeMillisecondsPerUser == nil)
    }

    @Test func benchmarkMeasuresPositiveRate() {
        // A smoke test with a 50 ms budget: it checks the wiring, not the speed.
        let figures = ExtractionBenchmark.measure(budget: 0.05)
        #expect(figures.extractionSMSPerSecondPerCore > 0)
        #expect((figures.featurizeMillisecondsPerUser ?? 0) > 0)
        guard case let .benchmark(smsCount, seconds) = figures.origin else {
            Issue.record("benchmark figures should say they were measured")
            return
        }
        #expect(smsCount > 0)
        #expect(seconds >= 0.05)
    }
}
