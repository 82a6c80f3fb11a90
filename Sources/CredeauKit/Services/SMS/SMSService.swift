import Foundation

/// `credeau serve-sms`: the SMS Extraction API, wired from its settings.
///
/// Routes: `POST /api/extract_sms`, `GET /health`, `GET /ready`, `GET /metrics` and
/// `GET /openapi.json`.
public final class SMSService {
    public let settings: SMSServiceSettings
    public let store: any ExtractedSMSStore
    private let pool: PostgresPool?
    private let logger: Logger
    public let metrics = HTTPMetrics(namespace: "credeau")
    public let serverConfiguration: HTTPServerConfiguration
    /// The SQLite file this process created at start, removed again when the server cannot start.
    private let createdSQLitePath: String?

    /// Opens the storage.
    ///
    /// SQLite: creates the file and applies pending migrations, so a first local run needs no
    /// `credeau migrate`. PostgreSQL: the schema must exist (`credeau migrate` creates it); an
    /// unreachable server only delays readiness, because the pool connects on first use.
    ///
    /// - Throws: `ExtractedSMSStoreError.schemaMissing` when PostgreSQL has no `extracted_sms`
    ///   table, and login errors other than an unreachable server.
    public init(settings: SMSServiceSettings, logger: Logger) throws {
        self.settings = settings
        self.logger = logger
        var configuration = HTTPServerConfiguration()
        configuration.host = settings.host
        configuration.port = settings.port
        configuration.maxBodyBytes = settings.maxBodyBytes
        configuration.apply(settings.connectionLimits)
        serverConfiguration = configuration

        switch settings.storage {
        case let .sqlite(path):
            createdSQLitePath = path != ":memory:" && !FileManager.default.fileExists(atPath: path) ? path : nil
            let sqlite = try SQLiteExtractedSMSStore(path: path, fernet: settings.fernet, migrate: true,
                                                 logger: logger)
            for name in sqlite.appliedMigrations {
                logger.notice("applied SQLite migration", [("db.path", path), ("migration", name)])
            }
            store = sqlite
            pool = nil
        case let .postgres(postgres):
            // One connection per HTTP worker thread, so no request waits for a connection.
            let pool = PostgresPool(configuration: postgres.forService, maxConnections: configuration.threads,
                                    waitTimeoutSeconds: 10, logger: logger)
            let postgresStore = PostgresExtractedSMSStore(pool: pool, fernet: settings.fernet)
            do {
                try postgresStore.checkSchema()
            } catch let error as PostgresError {
                guard case .connectionFailed(_, _, .unreachable, _) = error else { throw error }
                logger.warning("PostgreSQL is unreachable at start; /ready returns 503 until it responds", [
                    (LogKey.dbSystem, "postgresql"), (LogKey.error, error.description),
                ])
            }
            store = postgresStore
            self.pool = pool
            createdSQLitePath = nil
        }
    }

    /// Builds the router with every route of the service.
    public func makeRouter() -> Router {
        var router = Router()
        let handler = SMSExtractionHandler(extractor: SMSExtractor(), store: store, maxSMSCount: settings.maxSMSCount,
                                           metrics: metrics)
        router.post("/api/extract_sms") { request, context in try handler.handle(request, context: context) }
        let store = self.store
        OperationalRoutes.add(to: &router, metrics: metrics, dependency: "database",
                              checks: [ReadinessCheck("database") { try store.ping() }])
        OperationalRoutes.addOpenAPI(to: &router, document: SMSOpenAPI.document(maxSMSCount: settings.maxSMSCount))
        return router
    }

    /// Serves until SIGTERM or SIGINT; `started` receives the startup line once the port is bound.
    public func run(started: (String) -> Void) throws -> Int32 {
        let application = HTTPApplication(router: makeRouter(), logger: logger, metrics: metrics)
        let server = HTTPServer(configuration: serverConfiguration, application: application)
        for warning in settings.warnings {
            logger.warning(warning)
        }
        let runner = ServiceRunner(server: server, logger: logger) { [pool] in
            pool?.closeIdleConnections()
        }
        do {
            return try run(runner, started: started)
        } catch {
            removeCreatedDatabase()
            throw error
        }
    }

    private func run(_ runner: ServiceRunner, started: (String) -> Void) throws -> Int32 {
        try runner.run { port in
            let encryption = settings.fernet == nil ? "off" : "Fernet"
            let line = "credeau serve-sms listening on http://\(settings.host):\(port) "
                + "(storage: \(settings.storage.summary), MAX_SMS_COUNT \(settings.maxSMSCount), "
                + "sms_body encryption: \(encryption), LAUNCH_ENVIRONMENT \(settings.launchEnvironment.rawValue))"
            logger.notice("listening", [
                ("server.address", settings.host), ("server.port", String(port)),
                ("storage", settings.storage.summary), ("max_sms_count", String(settings.maxSMSCount)),
                ("max_body_bytes", String(settings.maxBodyBytes)), ("sms_body_encryption", encryption),
                ("http.threads", String(serverConfiguration.threads)),
                ("launch_environment", settings.launchEnvironment.rawValue),
            ])
            started(line)
        }
    }

    /// Removes the SQLite file (and its WAL files) that this process created, so a server that
    /// could not bind its port leaves no new empty database behind.
    private func removeCreatedDatabase() {
        guard let path = createdSQLitePath else { return }
        for suffix in ["", "-wal", "-shm"] {
            try? FileManager.default.removeItem(atPath: path + suffix)
        }
        logger.info("removed the SQLite database created at start", [("db.path", path)])
    }
}
