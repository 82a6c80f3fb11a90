import CredeauKit

/// Times `FeatureEngine.compute` for every feature of all three groupings on a synthetic user
/// with 5,000 SMS, 300 apps, 2,000 call logs and 1,000 contacts, and prints the median and p99.
///
/// Options: `--iterations N` (timed runs, default 300), `--seed N` (default 42).
/// Returns the median milliseconds per user.
@discardableResult
func runFeatureBenchmark(arguments: [String]) -> Double {
    let (iterations, seed) = parseRunOptions(arguments, defaultIterations: 300)
    let cutoff: Int64 = 1_773_599_399_000  // 2026-03-15 23:59:59 IST
    var generator = SyntheticUserGenerator(seed: seed)
    let user = generator.makeUser(cutoffMillis: cutoff)
    // The compiled-in device catalogue, and a category provider that knows the generator's
    // synthetic package names (the real catalogue would leave them uncategorised).
    let engine = FeatureEngine(appCategories: SyntheticAppCategories(), devicePrices: DevicePriceCatalog.standard)
    let groupings = Set(FeatureGrouping.allCases)

    var featureCount = 0
    for _ in 0..<5 { featureCount = engine.compute(user: user, cutoffMillis: cutoff, groupings: groupings).count }
    let clock = ContinuousClock()
    var samples: [Double] = []
    samples.reserveCapacity(iterations)
    for _ in 0..<iterations {
        let start = clock.now
        let vector = engine.compute(user: user, cutoffMillis: cutoff, groupings: groupings)
        let elapsed = clock.now - start
        precondition(vector.count == featureCount, "Feature count changed between runs.")
        samples.append(Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1000)
    }
    samples.sort()
    let median = samples[samples.count / 2]
    let p99 = samples[min(samples.count - 1, Int((Double(samples.count) * 0.99).rounded(.up)) - 1)]
    print("features: \(featureCount) per user (sms \(user.sms.count), apps \(user.apps?.count ?? 0), "
          + "call logs \(user.callLogs?.count ?? 0), contacts \(user.contacts?.count ?? 0))")
    print("feature engine: median \(format(median)) ms, p99 \(format(p99)) ms over \(iterations) runs")
    // Each grouping alone, so a change can be traced to the families it touches.
    let perGrouping = FeatureGrouping.allCases.map { grouping in
        var alone: [Double] = []
        for _ in 0..<max(1, iterations / 3) {
            let start = clock.now
            _ = engine.compute(user: user, cutoffMillis: cutoff, groupings: [grouping])
            let elapsed = clock.now - start
            alone.append(Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1000)
        }
        alone.sort()
        return "\(grouping.rawValue) \(format(alone[alone.count / 2])) ms"
    }
    print("median per grouping alone: " + perGrouping.joined(separator: ", "))
    return median
}

private func format(_ value: Double) -> String {
    let hundredths = Int((value * 100).rounded())
    let fraction = hundredths % 100
    return "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)"
}

/// Reads `--iterations N` and `--seed N`, keeping the defaults for values that do not parse.
func parseRunOptions(_ arguments: [String], defaultIterations: Int) -> (iterations: Int, seed: UInt64) {
    var iterations = defaultIterations
    var seed: UInt64 = 42
    var index = 0
    while index < arguments.count {
        let value = index + 1 < arguments.count ? arguments[index + 1] : ""
        switch arguments[index] {
        case "--iterations": iterations = max(1, Int(value) ?? iterations)
        case "--seed": seed = UInt64(value) ?? seed
        default: print("Ignoring unknown option '\(arguments[index])'")
        }
        index += 2
    }
    return (iterations, seed)
}
