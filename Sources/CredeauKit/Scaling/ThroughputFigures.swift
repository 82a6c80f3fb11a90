public import Foundation

/// Measured throughput of this build that the calibrated model sizes services from: what
/// `make bench` writes to a figure file and what `scale-advise --calibrate` measures in process.
///
/// The figure file is a JSON object:
/// `{"schema": "credeau.bench-figures/v1", "extraction_sms_per_second_per_core": 52000,
///   "featurize_ms_per_user": 12.5, "insights_requests_per_second_per_core": 40}`. `schema` is
/// optional, the last two may be absent or null, and other keys (for example a machine
/// description) are ignored.
public struct ThroughputFigures: Sendable, Equatable {
    /// SMS one core classifies and extracts per second.
    public var extractionSMSPerSecondPerCore: Double
    /// CPU milliseconds to compute one user's features; nil when a figure file leaves it out.
    public var featurizeMillisecondsPerUser: Double?
    /// Insights requests (users of the benchmark's SMS count) one core of `serve-insights` serves
    /// per second end to end, SMS extraction excluded; nil when not measured.
    public var insightsRequestsPerSecondPerCore: Double?
    public var origin: Origin

    /// The origin of the figures, shown with the calibrated advice.
    public enum Origin: Sendable, Equatable {
        /// Measured just now: `smsCount` synthetic SMS on one core in `seconds`.
        case benchmark(smsCount: Int, seconds: Double)
        /// Read from a figure file.
        case file(path: String)
        /// Given by the caller, as tests do.
        case given
    }

    public static let schema = "credeau.bench-figures/v1"

    public init(extractionSMSPerSecondPerCore: Double, featurizeMillisecondsPerUser: Double?,
                insightsRequestsPerSecondPerCore: Double? = nil, origin: Origin = .given) {
        self.extractionSMSPerSecondPerCore = extractionSMSPerSecondPerCore
        self.featurizeMillisecondsPerUser = featurizeMillisecondsPerUser
        self.insightsRequestsPerSecondPerCore = insightsRequestsPerSecondPerCore
        self.origin = origin
    }

    /// Reads and validates a figure file.
    /// - Throws: `ScalingError.figureFileUnreadable` when the file cannot be read, and
    ///   `ScalingError.figureFileInvalid` when its content is not a figure set.
    public static func load(path: String) throws(ScalingError) -> ThroughputFigures {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw .figureFileUnreadable(path: path, reason: readFailureReason(path: path))
        }
        return try decode(data, path: path)
    }

    /// Validates figure-file JSON; `path` only names the file in errors.
    public static func decode(_ data: Data, path: String) throws(ScalingError) -> ThroughputFigures {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: data)
        } catch {
            throw .figureFileInvalid(path: path, reason: "not valid JSON")
        }
        guard let fields = object as? [String: Any] else {
            throw .figureFileInvalid(path: path, reason: "expected a JSON object")
        }
        if let schema = fields["schema"], !(schema is NSNull) {
            guard let text = schema as? String, text == Self.schema else {
                throw .figureFileInvalid(path: path, reason: "'schema' must be '\(Self.schema)'")
            }
        }
        guard let extraction = fields[Key.extraction], !(extraction is NSNull) else {
            throw .figureFileInvalid(path: path, reason: "missing '\(Key.extraction)'")
        }
        let extractionRate = try positiveNumber(extraction, key: Key.extraction, path: path, in: 1...1e9)
        var featurize: Double?
        if let value = fields[Key.featurize], !(value is NSNull) {
            featurize = try positiveNumber(value, key: Key.featurize, path: path, in: 0.001...3_600_000)
        }
        var insights: Double?
        if let value = fields[Key.insights], !(value is NSNull) {
            insights = try positiveNumber(value, key: Key.insights, path: path, in: 0.001...1e7)
        }
        return ThroughputFigures(extractionSMSPerSecondPerCore: extractionRate, featurizeMillisecondsPerUser: featurize,
                                 insightsRequestsPerSecondPerCore: insights, origin: .file(path: path))
    }

    /// Renders these figures as figure-file text, with a trailing newline.
    public func encodedFigureFile() -> String {
        var lines = ["  \"schema\": \"\(Self.schema)\""]
        lines.append("  \"\(Key.extraction)\": \(extractionSMSPerSecondPerCore)")
        lines.append("  \"\(Key.featurize)\": " + (featurizeMillisecondsPerUser.map { "\($0)" } ?? "null"))
        if let insightsRequestsPerSecondPerCore {
            lines.append("  \"\(Key.insights)\": \(insightsRequestsPerSecondPerCore)")
        }
        return "{\n" + lines.joined(separator: ",\n") + "\n}\n"
    }

    enum Key {
        static let extraction = "extraction_sms_per_second_per_core"
        static let featurize = "featurize_ms_per_user"
        static let insights = "insights_requests_per_second_per_core"
    }

    /// Reads a figure that must lie in `range`: values outside it cannot come from a real
    /// measurement, and would overflow the node arithmetic.
    private static func positiveNumber(_ value: Any, key: String, path: String, in range: ClosedRange<Double>)
        throws(ScalingError) -> Double
    {
        // JSONSerialization returns JSON booleans as NSNumber too, with the Objective-C type code
        // "c" (char), on Linux and macOS alike. `value is Bool` cannot tell them apart, because it
        // also succeeds for the numbers 0 and 1.
        guard let number = value as? NSNumber, String(cString: number.objCType) != "c" else {
            throw .figureFileInvalid(path: path, reason: "'\(key)' must be a number")
        }
        let double = number.doubleValue
        guard double.isFinite, double > 0 else {
            throw .figureFileInvalid(path: path, reason: "'\(key)' must be greater than zero, got \(double)")
        }
        guard range.contains(double) else {
            throw .figureFileInvalid(
                path: path, reason: "'\(key)' must be from \(range.lowerBound) to \(range.upperBound), got \(double)")
        }
        return double
    }

    private static func readFailureReason(path: String) -> String {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return "no such file" }
        if isDirectory.boolValue { return "is a directory" }
        return FileManager.default.isReadableFile(atPath: path) ? "read failed" : "permission denied"
    }
}
