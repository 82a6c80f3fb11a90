/// The workload and deployment assumptions of the calibrated model, each settable from the CLI.
public struct CalibrationParameters: Sendable, Equatable {
    /// SMS extracted for each daily active user: one insights request reads the user's synced inbox.
    public var smsPerUser: Int
    /// Share of the day's requests that arrive in the busiest hour (1/24 for a perfectly flat day).
    public var peakFactor: Double
    public var coresPerNode: Int
    /// Average CPU use, as a fraction, at which the autoscaler adds a node; fixed by the scale-up rule.
    public var cpuTarget: Double

    public init(smsPerUser: Int = 3_000, peakFactor: Double = 0.15, coresPerNode: Int = 4,
                cpuTarget: Double = ScaleUpRule.standard.cpuFraction) {
        self.smsPerUser = smsPerUser
        self.peakFactor = peakFactor
        self.coresPerNode = coresPerNode
        self.cpuTarget = cpuTarget
    }

    public static let smsPerUserRange = 1...1_000_000
    public static let coresPerNodeRange = 1...1_024
    /// No hour can carry less than an even share of the day, nor more than all of it.
    public static let peakFactorRange = (1.0 / 24.0)...1.0

    /// Parses `--sms-per-user` text.
    public static func parseSMSPerUser(_ text: String) throws(ScalingError) -> Int {
        try parseWholeNumber(text, name: "SMS per user", range: smsPerUserRange)
    }

    /// Parses `--cores-per-node` text.
    public static func parseCoresPerNode(_ text: String) throws(ScalingError) -> Int {
        try parseWholeNumber(text, name: "cores per node", range: coresPerNodeRange)
    }

    /// Parses `--peak-factor` text: a fraction such as `0.15`, or a percentage such as `15%`.
    public static func parsePeakFactor(_ text: String) throws(ScalingError) -> Double {
        let trimmed = text.filter { !$0.isWhitespace }
        let isPercent = trimmed.hasSuffix("%")
        guard let number = Double(isPercent ? String(trimmed.dropLast()) : trimmed), number.isFinite else {
            throw .invalidParameter(name: "peak factor", value: text, reason: "expected a fraction such as 0.15 or a percentage such as 15%")
        }
        let fraction = isPercent ? number / 100 : number
        guard peakFactorRange.contains(fraction) else {
            throw .invalidParameter(
                name: "peak factor", value: text,
                reason: "expected a share of the day from 1/24 (0.0417, a flat day) to 1 (all requests in one hour)")
        }
        return fraction
    }

    private static func parseWholeNumber(
        _ text: String, name: String, range: ClosedRange<Int>
    ) throws(ScalingError) -> Int {
        let digits = text.filter { $0 != "_" && $0 != "," && !$0.isWhitespace }
        let trimmed = Substring(text.filter { !$0.isWhitespace })
        guard DailyActiveUsers.commasGroupDigits(trimmed), let number = Int(digits), range.contains(number) else {
            throw .invalidParameter(name: name, value: text,
                                    reason: "expected a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return number
    }
}

/// The autoscaling rule of the deployment documentation: add a node when CPU or RAM stays above
/// 50 % for a minute.
public struct ScaleUpRule: Sendable, Equatable {
    public var cpuPercent: Int
    public var ramPercent: Int
    public var sustainedSeconds: Int

    public static let standard = ScaleUpRule(cpuPercent: 50, ramPercent: 50, sustainedSeconds: 60)

    public var cpuFraction: Double { Double(cpuPercent) / 100 }

    /// The rule as one sentence for table output and docs.
    public var sentence: String {
        "Scale up when CPU use stays above \(cpuPercent) % or RAM use above \(ramPercent) % for \(sustainedSeconds) seconds."
    }
}
