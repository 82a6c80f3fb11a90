import Foundation

/// A short in-process benchmark of SMS extraction and featurisation on one core, for
/// `scale-advise --calibrate`.
///
/// It runs `SMSExtractor` over synthetic SMS on the calling thread for a fixed time budget and
/// reports SMS per second, then times the feature engine on a synthetic user. The figure is only as good as the machine it runs on: run it on the
/// hardware you will deploy to, or use the figure file that `make bench` writes there.
public enum ExtractionBenchmark {
    /// Measures extraction throughput for about `budget` seconds after a short warm-up.
    ///
    /// - Parameter smsPerUser: SMS of the synthetic user whose featurisation is timed.
    public static func measure(budget: Double = 1.0, smsPerUser: Int = 3_000,
                               extractor: SMSExtractor = SMSExtractor()) -> ThroughputFigures {
        let messages = SyntheticSMS.make(count: 2_000)
        let createdAt = Int64(Date().timeIntervalSince1970 * 1_000)

        // Warm-up: the first pass builds lazy tables and compiles patterns, which a server does once.
        var checksum = 0
        for sms in messages.prefix(200) {
            checksum &+= extractor.extract(sms, createdAtMillis: createdAt).smsSender.utf8.count
        }

        let clock = ContinuousClock()
        let start = clock.now
        let deadline = start.advanced(by: .milliseconds(Int(budget * 1_000)))
        var processed = 0
        while clock.now < deadline {
            // Check the clock once per 100 SMS, so the clock read stays out of the measured cost.
            for sms in messages[(processed % messages.count)..<min(messages.count, processed % messages.count + 100)] {
                checksum &+= extractor.extract(sms, createdAtMillis: createdAt).smsSender.utf8.count
                processed += 1
            }
        }
        let elapsed = clock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        // The checksum keeps the optimiser from discarding extraction results it never reads.
        if checksum == Int.min { processed += 1 }

        return ThroughputFigures(
            extractionSMSPerSecondPerCore: Double(processed) / max(seconds, 1e-6),
            featurizeMillisecondsPerUser: measureFeaturization(smsPerUser: smsPerUser, budget: budget),
            origin: .benchmark(smsCount: processed, seconds: seconds))
    }

    /// Returns the median milliseconds to compute every feature of all groupings for one
    /// synthetic user with `smsPerUser` SMS, 300 apps, 2,000 call logs and 1,000 contacts.
    ///
    /// Wall time on the calling thread stands in for CPU time: featurisation does no I/O.
    static func measureFeaturization(smsPerUser: Int, budget: Double) -> Double {
        let cutoff: Int64 = 1_773_599_399_000  // 2026-03-15 23:59:59 IST
        var generator = SyntheticUserGenerator(seed: 42)
        let user = generator.makeUser(cutoffMillis: cutoff, smsCount: max(1, smsPerUser))
        let engine = FeatureEngine(appCategories: SyntheticAppCategories(), devicePrices: DevicePriceCatalog.standard)
        let groupings = Set(FeatureGrouping.allCases)
        _ = engine.compute(user: user, cutoffMillis: cutoff, groupings: groupings)

        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: .milliseconds(Int(budget * 1_000)))
        var samples: [Double] = []
        // At least five runs, so one slow run cannot decide the median.
        while samples.count < 5 || clock.now < deadline {
            let start = clock.now
            let vector = engine.compute(user: user, cutoffMillis: cutoff, groupings: groupings)
            let elapsed = clock.now - start
            precondition(vector.count > 0, "The feature engine returned no features.")
            samples.append(Double(elapsed.components.seconds) * 1_000 + Double(elapsed.components.attoseconds) / 1e15)
        }
        samples.sort()
        return samples[samples.count / 2]
    }
}
