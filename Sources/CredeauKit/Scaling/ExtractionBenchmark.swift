import Foundation

/// A short in-process benchmark of SMS extraction on one core, for `scale-advise --calibrate`.
///
/// It runs `SMSExtractor` over synthetic SMS on the calling thread for a fixed time budget and
/// reports SMS per second. The figure is only as good as the machine it runs on: run it on the
/// hardware you will deploy to, or use the figure file that `make bench` writes there.
public enum ExtractionBenchmark {
    /// Measures extraction throughput for about `budget` seconds after a short warm-up.
    ///
    /// - Returns: figures with the extraction rate; `featurizeMillisecondsPerUser` is nil because
    ///   this build has no feature engine to measure.
    public static func measure(budget: Double = 1.0, extractor: SMSExtractor = SMSExtractor()) -> ThroughputFigures {
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
            featurizeMillisecondsPerUser: measureFeaturization(),
            origin: .benchmark(smsCount: processed, seconds: seconds))
    }

    /// Returns the CPU milliseconds to featurise one user, or nil when this build cannot measure it.
    ///
    /// TODO: time the feature engine here once it exists, on synthetic users built from `SyntheticSMS`.
    /// Until then the Insights API keeps its published-ladder range in calibrated output.
    static func measureFeaturization() -> Double? {
        nil
    }
}
