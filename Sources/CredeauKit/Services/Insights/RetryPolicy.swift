/// When and how long to wait before calling the SMS Extraction API again.
///
/// A 5xx response or a failed connection is retried with exponential backoff; a timeout is not,
/// because another full wait could exceed the caller's own deadline, and a 4xx response is not,
/// because the same request would fail the same way.
public struct RetryPolicy: Sendable, Equatable {
    /// Calls per batch, the first included.
    public var maxAttempts: Int
    /// Wait before the second call, in seconds; each later wait doubles, up to `maxDelaySeconds`.
    public var baseDelaySeconds: Double
    public var maxDelaySeconds: Double

    public init(maxAttempts: Int = 3, baseDelaySeconds: Double = 0.05, maxDelaySeconds: Double = 1) {
        self.maxAttempts = max(1, maxAttempts)
        self.baseDelaySeconds = baseDelaySeconds
        self.maxDelaySeconds = maxDelaySeconds
    }

    /// The outcome of one call.
    public enum Outcome: Sendable, Equatable {
        case status(Int)
        case connectionFailed
        case timedOut
    }

    /// The seconds to wait before attempt `attempt + 1`, or nil to stop after attempt `attempt`
    /// (counted from 1). `jitter` in 0...1 spreads replicas' retries; 1 gives the full delay.
    public func delay(after outcome: Outcome, attempt: Int, jitter: Double = 1) -> Double? {
        guard attempt < maxAttempts else { return nil }
        switch outcome {
        case let .status(code) where code >= 500:
            break
        case .connectionFailed:
            break
        case .status, .timedOut:
            return nil
        }
        let exponential = baseDelaySeconds * Double(1 << min(attempt - 1, 20))
        let capped = min(exponential, maxDelaySeconds)
        return capped * (0.5 + 0.5 * min(max(jitter, 0), 1))
    }
}
