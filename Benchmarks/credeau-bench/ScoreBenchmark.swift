import CredeauKit
import Foundation

/// Times `ScoreModelSet.scores(for:)` with one synthetic 500-tree, 63-leaf binary model over 300
/// catalogue features, on the features of the synthetic user of the feature benchmark, and
/// prints the median and p99 in microseconds.
///
/// Options: `--iterations N` (timed runs, default 20000), `--seed N` (default 42).
/// Returns the median microseconds per user.
@discardableResult
func runScoreBenchmark(arguments: [String]) -> Double {
    let (iterations, seed) = parseRunOptions(arguments, defaultIterations: 20_000)
    let cutoff: Int64 = 1_773_599_399_000  // 2026-03-15 23:59:59 IST
    var users = SyntheticUserGenerator(seed: seed)
    let engine = FeatureEngine(appCategories: SyntheticAppCategories(), devicePrices: DevicePriceCatalog.standard)
    let vector = engine.compute(user: users.makeUser(cutoffMillis: cutoff), cutoffMillis: cutoff,
                                groupings: Set(FeatureGrouping.allCases))

    // 300 numeric features spread over the catalogue, with thresholds drawn from five synthetic users.
    let numeric = FeatureCatalog.standard.definitions.filter { $0.unit != .text }.map(\.name)
    let features = Array(stride(from: 0, to: numeric.count, by: max(1, numeric.count / 300)).prefix(300).map { numeric[$0] })
    var samples = [[Double]](repeating: [], count: features.count)
    for userSeed in 0..<5 {
        var generator = SyntheticUserGenerator(seed: seed &+ UInt64(userSeed))
        let sample = engine.compute(user: generator.makeUser(cutoffMillis: cutoff), cutoffMillis: cutoff,
                                    groupings: Set(FeatureGrouping.allCases))
        for (position, name) in features.enumerated() {
            if let value = sample[name]?.doubleValue { samples[position].append(value) }
        }
    }
    var generator = SyntheticLightGBMModel(seed: seed)
    let text = generator.makeText(features: features, sampleValues: samples, treeCount: 500, leafCount: 63)

    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("credeau-bench-scores-\(getpid())")
    let models: ScoreModelSet
    do {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try text.write(to: directory.appendingPathComponent("bench.txt"), atomically: true, encoding: .utf8)
        let loadStart = ContinuousClock.now
        models = try ScoreModelLoader.load(environment: ["SCORE_MODELS_DIR": directory.path])
        let loadTime = ContinuousClock.now - loadStart
        print("score model: \(text.utf8.count / 1024) KiB of text loaded in "
              + "\(String(format: "%.1f", Double(loadTime.components.attoseconds) / 1e15 + Double(loadTime.components.seconds) * 1e3)) ms")
    } catch {
        StandardStreams.writeError("Error: cannot build the benchmark model: \(error)\n")
        exit(ExitStatus.failure)
    }

    do {
        let firstScore = try models.scores(for: vector)[0].value.doubleValue ?? .nan
        var checksum = 0.0
        for _ in 0..<200 { checksum += try models.scores(for: vector)[0].value.doubleValue ?? 0 }
        let clock = ContinuousClock()
        var timings: [Double] = []
        timings.reserveCapacity(iterations)
        for _ in 0..<iterations {
            let start = clock.now
            let scores = try models.scores(for: vector)
            let elapsed = clock.now - start
            checksum += scores[0].value.doubleValue ?? 0
            timings.append(Double(elapsed.components.attoseconds) / 1e12 + Double(elapsed.components.seconds) * 1e6)
        }
        timings.sort()
        let median = timings[timings.count / 2]
        let p99 = timings[min(timings.count - 1, Int((Double(timings.count) * 0.99).rounded(.up)) - 1)]
        print("scores: 500 trees of 63 leaves over \(features.count) features, "
              + "score \(String(format: "%.6f", firstScore)), checksum \(String(format: "%.3f", checksum))")
        print("score model: median \(String(format: "%.2f", median)) µs, p99 \(String(format: "%.2f", p99)) µs "
              + "over \(iterations) runs")
        return median
    } catch {
        StandardStreams.writeError("Error: scoring failed: \(error)\n")
        exit(ExitStatus.failure)
    }
}
