/// The settings of `credeau serve-insights`, read once at start from the environment and the flags.
public struct InsightsServiceSettings: Sendable {
    public static let defaultPort = 8000

    public var host = "0.0.0.0"
    public var port = InsightsServiceSettings.defaultPort
    public var launchEnvironment: LaunchEnvironment
    public var logLevel: LogLevel
    /// `DI_POSTGRES_*` for `api_insights_db`; nil uses the SQLite file.
    public var postgres: PostgresConfiguration?
    /// `DI_POSTGRES_*` with `DI_POSTGRES_SYNC_DATABASE`, for sources not read from MongoDB.
    public var postgresSync: PostgresConfiguration?
    public var mongo: MongoConfiguration?
    public var mongoSources: MongoEnabledSources
    /// `CREDEAU_SQLITE_PATH`, default `./credeau.db`, used when `DI_POSTGRES_HOST` is unset.
    public var sqlitePath: String
    /// `SMS_EXTRACTOR_SERVICE_URL`; nil extracts in process.
    public var extractorURL: String?
    /// `SMS_EXTRACTOR_BATCH_SIZE`: SMS per call to the SMS Extraction API.
    public var extractorBatchSize: Int
    /// `SMS_EXTRACTOR_TIMEOUT_SECONDS`: the longest one call may take.
    public var extractorTimeoutSeconds: Int
    /// `SMS_EXTRACTOR_CONCURRENCY`: batches of one user in flight at once.
    public var extractorConcurrency: Int
    /// `SMS_EXTRACTOR_MAX_ATTEMPTS`: calls per batch, the first included.
    public var extractorMaxAttempts: Int
    /// `INSIGHTS_RATE_LIMIT_PER_MINUTE`: requests per client address and minute before 429.
    public var rateLimitPerMinute: Int
    /// `MAX_REQUEST_BODY_MB`: the largest request body, 16 MiB by default.
    public var maxBodyBytes: Int
    /// `INSIGHTS_TRUSTED_PROXIES`: comma list of peer addresses and networks (CIDR) whose
    /// `X-Forwarded-For` is believed.
    public var trustedProxies: TrustedProxies
    /// `INSIGHTS_CLIENT_CACHE_SECONDS`: how long a client's tokens are cached (at most 60).
    public var clientCacheSeconds: Int
    /// `INSIGHTS_JOB_LEASE_SECONDS`: after this long a running async job counts as abandoned.
    public var jobLeaseSeconds: Int
    /// `INSIGHTS_JOB_RETENTION_SECONDS`: how long finished async answers are kept.
    public var jobRetentionSeconds: Int
    /// `INSIGHTS_ASYNC_WORKERS`: async jobs this replica runs at once.
    public var asyncWorkers: Int
    /// `DB_ENCRYPTION_KEY`: the key SMS bodies were stored with by the SMS Extraction API.
    public var fernet: Fernet?
    /// `HTTP_MAX_CONNECTIONS`, `HTTP_MAX_CONNECTIONS_PER_CLIENT` and `HTTP_IDLE_TIMEOUT_SECONDS`.
    public var connectionLimits: HTTPConnectionLimits

    public init(environment: ServiceEnvironment, logLevel explicitLevel: LogLevel? = nil) throws {
        launchEnvironment = try environment.launchEnvironment()
        logLevel = try environment.logLevel(explicit: explicitLevel)
        postgres = try PostgresConfiguration.insightsAPI(environment: environment.variables)
        postgresSync = try PostgresConfiguration.insightsAPI(environment: environment.variables, syncDatabase: true)
        mongo = try MongoConfiguration.insightsAPI(environment: environment.variables)
        mongoSources = try MongoEnabledSources(environment: environment.variables)
        if mongo == nil { mongoSources = MongoEnabledSources(sources: []) }
        sqlitePath = environment.value("CREDEAU_SQLITE_PATH") ?? MigrateOptions.defaultSQLitePath

        if let url = environment.value("SMS_EXTRACTOR_SERVICE_URL") {
            guard url.hasPrefix("http://") || url.hasPrefix("https://") else {
                throw ServiceConfigurationError.invalidValue(
                    variable: "SMS_EXTRACTOR_SERVICE_URL", value: url, expected: "an http:// or https:// URL")
            }
            extractorURL = url
        }
        extractorBatchSize = try environment.integer("SMS_EXTRACTOR_BATCH_SIZE", default: 1000, in: 1...100_000)
        extractorTimeoutSeconds = try environment.integer("SMS_EXTRACTOR_TIMEOUT_SECONDS", default: 10, in: 1...600)
        extractorConcurrency = try environment.integer("SMS_EXTRACTOR_CONCURRENCY", default: 4, in: 1...64)
        extractorMaxAttempts = try environment.integer("SMS_EXTRACTOR_MAX_ATTEMPTS", default: 3, in: 1...10)
        maxBodyBytes = try environment.maxRequestBodyBytes(default: 16 * 1024 * 1024)
        connectionLimits = try environment.httpConnectionLimits()
        rateLimitPerMinute = try environment.integer("INSIGHTS_RATE_LIMIT_PER_MINUTE", default: 1000, in: 1...10_000_000)
        switch TrustedProxies.parse(environment.value("INSIGHTS_TRUSTED_PROXIES") ?? "") {
        case let .success(proxies):
            trustedProxies = proxies
        case let .failure(invalid):
            throw ServiceConfigurationError.invalidValue(variable: "INSIGHTS_TRUSTED_PROXIES", value: invalid.entry,
                                expected: "IP addresses or networks such as 10.0.0.5 or 10.0.0.0/8, separated by commas")
        }
        clientCacheSeconds = try environment.integer("INSIGHTS_CLIENT_CACHE_SECONDS", default: 30, in: 0...60)
        jobLeaseSeconds = try environment.integer("INSIGHTS_JOB_LEASE_SECONDS", default: 60, in: 1...86_400)
        jobRetentionSeconds = try environment.integer("INSIGHTS_JOB_RETENTION_SECONDS", default: 3600, in: 1...2_592_000)
        asyncWorkers = try environment.integer("INSIGHTS_ASYNC_WORKERS", default: 2, in: 0...64)
        if let key = environment.value("DB_ENCRYPTION_KEY") {
            do {
                fernet = try Fernet(key: key)
            } catch {
                throw ServiceConfigurationError.invalidValue(
                    variable: "DB_ENCRYPTION_KEY", value: "<\(key.count) characters, not shown>",
                    expected: "a Fernet key, 32 bytes in URL-safe base64 (44 characters)")
            }
        }
    }

    /// Engines and the extractor, for the startup line; never a password.
    public var summary: String {
        let api = postgres.map { "PostgreSQL \($0.endpoint)" } ?? "SQLite \(sqlitePath)"
        let sync = postgres != nil ? (postgresSync.map { "PostgreSQL \($0.endpoint)" } ?? api) : "SQLite \(sqlitePath)"
        let mongoText = mongo.map { "MongoDB \($0.endpoint) for \($0.database)" } ?? "no MongoDB"
        return "api_insights_db: \(api); sync_db: \(sync), \(mongoText); SMS extraction: "
            + (extractorURL ?? "in process")
    }
}
