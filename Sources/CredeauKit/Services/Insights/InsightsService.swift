import Foundation

/// `credeau serve-insights` assembled: databases, extractor, score models, routes and workers.
public final class InsightsService {
    public let settings: InsightsServiceSettings
    public let application: HTTPApplication
    public let serverConfiguration: HTTPServerConfiguration
    private let records: RecordWriter
    private let worker: AsyncInsightsWorker?
    private let closePools: () -> Void

    /// Opens the databases and loads the score models.
    ///
    /// - Throws: a database, settings or `ScoreModelError` naming the file and reason, so the
    ///   service does not start half-configured.
    public init(settings: InsightsServiceSettings, environment: ServiceEnvironment, logger: Logger) throws {
        self.settings = settings
        let scoreModels = try ScoreModelLoader.load(environment: environment.variables, logger: logger)

        // api_insights_db and the SQL part of sync_db.
        let database: InsightsDatabase
        let syncFallback: SyncDBAccess.Fallback
        let extractedStore: any ExtractedSMSStore
        var pools: [PostgresPool] = []
        if let postgres = settings.postgres {
            let pool = PostgresPool(configuration: postgres.forService, maxConnections: 16, logger: logger)
            pools.append(pool)
            database = .postgres(pool)
            extractedStore = PostgresExtractedSMSStore(pool: pool, fernet: settings.fernet)
            let syncPool = PostgresPool(configuration: (settings.postgresSync ?? postgres).forService, maxConnections: 16,
                                        logger: logger)
            pools.append(syncPool)
            syncFallback = .postgres(syncPool)
            // A wrong password or database name stops the start with one line, as in serve-sms;
            // an unreachable server only delays readiness.
            for checked in settings.postgresSync == nil ? [pool] : [pool, syncPool] {
                try Self.checkLogin(checked, logger: logger)
            }
        } else {
            // The Insights API never creates its database: opening a missing file would leave an
            // empty one behind when the schema check below fails.
            if settings.sqlitePath != ":memory:", !FileManager.default.fileExists(atPath: settings.sqlitePath) {
                throw ExtractedSMSStoreError.databaseNotFound(path: settings.sqlitePath)
            }
            let pool = try SQLiteConnectionPool(path: settings.sqlitePath)
            database = .sqlite(pool)
            extractedStore = try SQLiteExtractedSMSStore(path: settings.sqlitePath, fernet: settings.fernet, migrate: false)
            syncFallback = .sqlite(pool)
        }
        let mongo = try settings.mongo.map { try MongoClientPool(configuration: $0, logger: logger) }
        Self.checkBodyKey(extractedStore, logger: logger)

        let classifier: any SMSClassifier
        if let url = settings.extractorURL {
            classifier = RemoteSMSClassifier(
                baseURL: url, batchSize: settings.extractorBatchSize, concurrency: settings.extractorConcurrency,
                timeoutSeconds: Double(settings.extractorTimeoutSeconds),
                retry: RetryPolicy(maxAttempts: settings.extractorMaxAttempts), logger: logger)
        } else {
            classifier = InProcessSMSClassifier()
        }
        let pipeline = InsightsPipeline(
            syncDB: SyncDBAccess(mongo: mongo, fallback: syncFallback, enabledSources: settings.mongoSources),
            extractedStore: extractedStore, classifier: classifier, scoreModels: scoreModels, logger: logger)

        let records = RecordWriter(database: database, logger: logger)
        self.records = records
        let gate = ClientRequestGate(
            authenticator: ClientAuthenticator(database: database, cacheSeconds: Double(settings.clientCacheSeconds)),
            rateLimiter: RateLimiter(limitPerMinute: settings.rateLimitPerMinute, trustedProxies: settings.trustedProxies),
            records: records)
        let jobs = InsightsJobStore(database: database, leaseSeconds: settings.jobLeaseSeconds,
                                    retentionSeconds: settings.jobRetentionSeconds)

        // The worker needs the handlers to run jobs, and the handlers wake the worker.
        let handlerBox = HandlerBox()
        let hostName = ProcessInfo.processInfo.hostName
        let worker = settings.asyncWorkers == 0 ? nil : AsyncInsightsWorker(
            workerID: "\(hostName)-\(getpid())", jobs: jobs, threads: settings.asyncWorkers, logger: logger
        ) { job in
            guard let handlers = handlerBox.handlers else { throw HTTPError(503, "The service is starting") }
            return try handlers.runJob(job)
        }
        self.worker = worker
        let handlers = InsightsHandlers(pipeline: pipeline, gate: gate, records: records, jobs: jobs, worker: worker)
        handlerBox.handlers = handlers
        worker?.start()

        let metrics = HTTPMetrics(namespace: "credeau_insights")
        var router = Router()
        router.post("/api/insights", handlers.insights)
        router.post("/api/async_insights", handlers.asyncInsights)
        router.post("/api/fetch_extracted_data", handlers.fetchExtracted)
        OperationalRoutes.add(to: &router, metrics: metrics, dependency: "database",
                              checks: Self.readinessChecks(database: database, extractedStore: extractedStore,
                                                           syncDB: pipeline.syncDB))
        OperationalRoutes.addOpenAPI(to: &router, document: InsightsOpenAPI.document)
        application = HTTPApplication(router: router, logger: logger, metrics: metrics)

        var configuration = HTTPServerConfiguration()
        configuration.host = settings.host
        configuration.port = settings.port
        configuration.maxBodyBytes = settings.maxBodyBytes
        configuration.apply(settings.connectionLimits)
        serverConfiguration = configuration
        closePools = {
            pools.forEach { $0.closeIdleConnections() }
        }
        logger.notice("serve-insights configured", [
            ("settings", settings.summary), ("score_models", String(scoreModels.models.count)),
        ])
    }

    /// Returns what `/ready` checks: api_insights_db, then MongoDB when it serves `sync_db`
    /// sources. MongoDB gets a ping of its own with a 2-second timeout, since its pool waits up
    /// to serverSelectionTimeoutMS and a probe gives up after 5 seconds.
    private static func readinessChecks(
        database: InsightsDatabase, extractedStore: any ExtractedSMSStore, syncDB: SyncDBAccess
    ) -> [ReadinessCheck] {
        var checks = [ReadinessCheck("api_insights_db") {
            try database.ping()
            try extractedStore.ping()
        }]
        if let mongo = syncDB.mongo {
            checks.append(ReadinessCheck("MongoDB sync_db") { try mongo.ping(timeoutMilliseconds: 2_000) })
        }
        return checks
    }

    /// Logs an error at start when stored SMS bodies are encrypted and DB_ENCRYPTION_KEY is
    /// missing or another key. /api/insights does not read bodies and keeps working, while
    /// /api/fetch_extracted_data returns 503 until the key is fixed.
    private static func checkBodyKey(_ store: any ExtractedSMSStore, logger: Logger) {
        do {
            try store.checkStoredBodyKey()
        } catch let error as ExtractedSMSStoreError {
            logger.error("stored SMS bodies cannot be decrypted, so /api/fetch_extracted_data returns 503; "
                         + "set DB_ENCRYPTION_KEY to the key the SMS Extraction API stores with", [(LogKey.error, error.description)])
        } catch {
            // An unreachable database or a missing table is reported by /ready and the schema check.
        }
    }

    /// Connects once; rethrows a login failure other than an unreachable server, which is logged.
    private static func checkLogin(_ pool: PostgresPool, logger: Logger) throws {
        do {
            _ = try pool.query("SELECT 1")
        } catch let error as PostgresError {
            guard case .connectionFailed(_, _, .unreachable, _) = error else { throw error }
            logger.warning("PostgreSQL is unreachable at start; /ready returns 503 until it responds", [
                (LogKey.dbSystem, "postgresql"), (LogKey.error, error.description),
            ])
        }
    }

    /// Stops the async worker, writes the queued records and closes the pools.
    public func shutdown() {
        worker?.stop()
        records.drain(timeoutSeconds: 5)
        closePools()
    }
}

/// Holds the handlers once built, for the worker closure made before them.
private final class HandlerBox: @unchecked Sendable {
    // @unchecked because `handlers` is set once, before the worker threads start (Thread.start
    // orders the write before their reads), and never changes afterwards.
    var handlers: InsightsHandlers?
}
