/// The deployment stage named by `LAUNCH_ENVIRONMENT`.
public enum LaunchEnvironment: String, Sendable, CaseIterable {
    case dev
    /// `staging` or `uat`.
    case staging
    case prod
}

/// An invalid service setting: the service does not start.
public enum ServiceConfigurationError: CredeauError, Equatable {
    case invalidValue(variable: String, value: String, expected: String)
    case missingValue(variable: String, reason: String)

    public var description: String {
        switch self {
        case let .invalidValue(variable, value, expected):
            return "Invalid \(variable) '\(value)': expected \(expected)"
        case let .missingValue(variable, reason):
            return "Missing \(variable): \(reason)"
        }
    }

    public var exitCode: Int32 { ExitStatus.usage }
}

/// The settings a service reads: the process environment over an optional `.env` file, read once
/// at start.
///
/// Empty values count as unset, as they do in the `.env` files operators copy between
/// deployments.
public struct ServiceEnvironment: Sendable {
    public let variables: [String: String]

    public init(variables: [String: String]) {
        self.variables = variables
    }

    /// Merges the process environment over the `--env-file` file, so the process environment wins.
    public init(process: [String: String], envFile: String?) throws {
        guard let envFile else {
            self.init(variables: process)
            return
        }
        self.init(variables: try EnvironmentFile(path: envFile).merged(under: process))
    }

    /// Returns the value of `name`, or nil when it is unset or empty.
    public func value(_ name: String) -> String? {
        guard let text = variables[name], !text.isEmpty else { return nil }
        return text
    }

    /// `LAUNCH_ENVIRONMENT`: dev (the default when unset), staging or uat, prod.
    public func launchEnvironment() throws(ServiceConfigurationError) -> LaunchEnvironment {
        guard let text = value("LAUNCH_ENVIRONMENT") else { return .dev }
        switch text.lowercased() {
        case "dev", "development", "local": return .dev
        case "staging", "uat": return .staging
        case "prod", "production": return .prod
        default:
            throw .invalidValue(variable: "LAUNCH_ENVIRONMENT", value: text, expected: "dev, staging, uat or prod")
        }
    }

    /// Returns the log level: `explicit` (the `--log-level` option) when given, else `LOG_LEVEL`, else debug
    /// in dev and info elsewhere.
    public func logLevel(explicit: LogLevel?) throws(ServiceConfigurationError) -> LogLevel {
        if let explicit { return explicit }
        if let text = value("LOG_LEVEL") {
            guard let level = LogLevel(name: text == "warn" ? "warning" : text) else {
                throw .invalidValue(variable: "LOG_LEVEL", value: text,
                                    expected: "trace, debug, info, notice, warning, error or critical")
            }
            return level
        }
        return try launchEnvironment() == .dev ? .debug : .info
    }

    /// Returns the request-body limit in bytes from `MAX_REQUEST_BODY_MB` (1 to 1024 MiB), or
    /// `defaultBytes` when it is unset. Larger bodies, before or after gzip decompression, get 413.
    public func maxRequestBodyBytes(default defaultBytes: Int) throws(ServiceConfigurationError) -> Int {
        guard value("MAX_REQUEST_BODY_MB") != nil else { return defaultBytes }
        return try integer("MAX_REQUEST_BODY_MB", default: 16, in: 1...1024) * 1024 * 1024
    }

    /// Returns the connection limits from `HTTP_MAX_CONNECTIONS` (16 to 1,000,000, default
    /// 10,000), `HTTP_MAX_CONNECTIONS_PER_CLIENT` (0 for none, default half of the total) and
    /// `HTTP_IDLE_TIMEOUT_SECONDS` (1 to 3600, default 15).
    public func httpConnectionLimits() throws(ServiceConfigurationError) -> HTTPConnectionLimits {
        var limits = HTTPConnectionLimits()
        limits.maxConnections = try integer("HTTP_MAX_CONNECTIONS", default: limits.maxConnections, in: 16...1_000_000)
        limits.maxConnectionsPerClient = try integer("HTTP_MAX_CONNECTIONS_PER_CLIENT",
                                                     default: limits.maxConnections / 2, in: 0...1_000_000)
        limits.idleTimeoutSeconds = try integer("HTTP_IDLE_TIMEOUT_SECONDS", default: limits.idleTimeoutSeconds,
                                                in: 1...3600)
        return limits
    }

    /// Returns a whole-number variable in `range`, or `defaultValue` when unset.
    public func integer(_ name: String, default defaultValue: Int, in range: ClosedRange<Int>)
        throws(ServiceConfigurationError) -> Int
    {
        guard let text = value(name) else { return defaultValue }
        guard let number = Int(text), range.contains(number) else {
            throw .invalidValue(variable: name, value: text,
                                expected: "a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return number
    }
}
