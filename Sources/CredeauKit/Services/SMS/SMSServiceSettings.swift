/// The storage engine and location of `serve-sms`'s extracted entries.
public enum SMSStorage: Sendable, Equatable {
    /// PostgreSQL `api_insights_db` from `DB_*`; `credeau migrate` must have created the schema.
    case postgres(PostgresConfiguration)
    /// A SQLite file, used when `DB_HOST` is unset; the service migrates it at start.
    case sqlite(path: String)

    /// Engine and location for the startup line and logs, never the password.
    public var summary: String {
        switch self {
        case let .postgres(configuration): return "PostgreSQL \(configuration.endpoint)"
        case let .sqlite(path): return "SQLite \(path)"
        }
    }
}

/// The settings of `credeau serve-sms`, read once at start from the environment and the flags.
public struct SMSServiceSettings: Sendable {
    public static let defaultPort = 8082
    public static let defaultMaxSMSCount = 1_000

    public var host = "0.0.0.0"
    public var port = SMSServiceSettings.defaultPort
    public var storage: SMSStorage
    /// `MAX_SMS_COUNT`: the most SMS accepted in one request.
    public var maxSMSCount = SMSServiceSettings.defaultMaxSMSCount
    /// `DB_ENCRYPTION_KEY` as a Fernet key; nil stores sms_body as plain text.
    public var fernet: Fernet?
    public var launchEnvironment: LaunchEnvironment
    public var logLevel: LogLevel
    /// Problems that do not stop the service, logged at start.
    public private(set) var warnings: [String] = []

    /// Reads `DB_*`, `MAX_SMS_COUNT`, `DB_ENCRYPTION_KEY`, `LAUNCH_ENVIRONMENT`, `LOG_LEVEL`,
    /// `CREDEAU_SQLITE_PATH`, `MAX_REQUEST_BODY_MB` and the `HTTP_*` connection limits from
    /// `environment`.
    ///
    /// - Throws: `ServiceConfigurationError` for an invalid value, or for a missing
    ///   `DB_ENCRYPTION_KEY` when `LAUNCH_ENVIRONMENT=prod`; `PostgresConfigurationError` for an
    ///   invalid `DB_PORT`.
    public init(environment: ServiceEnvironment, logLevel explicitLevel: LogLevel? = nil) throws {
        launchEnvironment = try environment.launchEnvironment()
        logLevel = try environment.logLevel(explicit: explicitLevel)
        maxSMSCount = try environment.integer("MAX_SMS_COUNT", default: Self.defaultMaxSMSCount, in: 1...100_000)
        maxBodyBytes = try environment.maxRequestBodyBytes(default: max(16 * 1024 * 1024, maxSMSCount * 8 * 1024))
        connectionLimits = try environment.httpConnectionLimits()

        if let configuration = try PostgresConfiguration.extractionAPI(environment: environment.variables) {
            storage = .postgres(configuration)
        } else {
            storage = .sqlite(path: environment.value("CREDEAU_SQLITE_PATH") ?? MigrateOptions.defaultSQLitePath)
        }

        if let key = environment.value("DB_ENCRYPTION_KEY") {
            do {
                fernet = try Fernet(key: key)
            } catch {
                throw ServiceConfigurationError.invalidValue(
                    variable: "DB_ENCRYPTION_KEY", value: "<\(key.count) characters, not shown>",
                    expected: "a Fernet key, 32 bytes in URL-safe base64 (44 characters), such as "
                        + "Python's cryptography.fernet.Fernet.generate_key() makes")
            }
        } else if launchEnvironment == .prod {
            throw ServiceConfigurationError.missingValue(
                variable: "DB_ENCRYPTION_KEY",
                reason: "LAUNCH_ENVIRONMENT=prod requires a key so that SMS bodies are encrypted at rest. "
                    + "Set it to a Fernet key (44 characters of URL-safe base64)")
        } else {
            warnings.append("DB_ENCRYPTION_KEY is not set: sms_body is stored as plain text. "
                + "Set a Fernet key before serving real users; LAUNCH_ENVIRONMENT=prod requires one")
        }
    }

    /// Largest request body: `MAX_REQUEST_BODY_MB`, else room for `maxSMSCount` SMS of up to
    /// 8 KiB each and never under 16 MiB.
    public var maxBodyBytes = 16 * 1024 * 1024
    /// `HTTP_MAX_CONNECTIONS`, `HTTP_MAX_CONNECTIONS_PER_CLIENT` and `HTTP_IDLE_TIMEOUT_SECONDS`.
    public var connectionLimits = HTTPConnectionLimits()
}
