import Foundation

/// The library side of `credeau migrate`: decides which databases are configured, then migrates,
/// reports status, adds a client or loads a dump, writing human-readable lines to `output`.
public struct MigrateRunner {
    public let options: MigrateOptions
    public let logger: Logger
    private let output: (String) -> Void

    public init(options: MigrateOptions, logger: Logger, output: @escaping (String) -> Void) {
        self.options = options
        self.logger = logger
        self.output = output
    }

    /// A database this run works on.
    public enum Database {
        case postgres(PostgresConfiguration, SchemaName)
        case mongo(MongoConfiguration)
        case sqlite(path: String)

        var isPostgresAPIInsights: Bool {
            if case .postgres(_, .apiInsights) = self { return true }
            return false
        }
    }

    /// The configured databases, in the order they are migrated.
    ///
    /// PostgreSQL `api_insights_db` comes from `--postgres-url`, `DI_POSTGRES_*` or `DB_*`.
    /// PostgreSQL `sync_db` is migrated when `DI_POSTGRES_*` is set and some source is read from
    /// it (MongoDB not configured, or `DI_MONGODB_ENABLED_SOURCES` not covering every source),
    /// or when `DI_POSTGRES_SYNC_DATABASE` is set. With `--postgres-url` and `--load` but no other
    /// sync_db configured, the dump goes to the database `sync_db` (or `DI_POSTGRES_SYNC_DATABASE`)
    /// on the URL's server. SQLite is used when no PostgreSQL api_insights_db is configured, as
    /// serve-insights then keeps its tables there even when MongoDB serves sync_db, or when
    /// `--sqlite` is given.
    public func databases() throws -> [Database] {
        let environment = options.environment
        var result: [Database] = []
        let mongo = try MongoConfiguration.insightsAPI(environment: environment)
        // Checked before any database changes, so a typo in the list stops the run at once.
        if mongo != nil { _ = try MongoEnabledSources(environment: environment) }
        let insights = try PostgresConfiguration.insightsAPI(environment: environment)
        var api = try options.postgresURL.map { try PostgresConfiguration(url: $0) } ?? insights
        if api == nil { api = try PostgresConfiguration.extractionAPI(environment: environment) }
        if let api { result.append(.postgres(api, .apiInsights)) }
        var sync = try PostgresConfiguration.insightsAPI(environment: environment, syncDatabase: true)
        if sync == nil, mongo == nil, options.loadDirectory != nil, let urlServer = api, options.postgresURL != nil {
            // `--postgres-url … --load DIR`: the dump goes to the sync database on the same server.
            let name = (environment["DI_POSTGRES_SYNC_DATABASE"] ?? "").isEmpty
                ? "sync_db" : environment["DI_POSTGRES_SYNC_DATABASE"]!
            sync = urlServer.with(database: name)
        }
        if let sync {
            let enabled = try MongoEnabledSources(environment: environment)
            let mongoCoversAll = mongo != nil && SyncDBSource.allCases.allSatisfy(enabled.contains)
            let explicit = !(environment["DI_POSTGRES_SYNC_DATABASE"] ?? "").isEmpty
            if !mongoCoversAll || explicit { result.append(.postgres(sync, .syncDB)) }
        }
        if let mongo { result.append(.mongo(mongo)) }
        if api == nil || options.sqlitePath != nil { result.append(.sqlite(path: options.resolvedSQLitePath)) }
        return result
    }

    /// Runs the requested action on every configured database.
    ///
    /// A `--load` folder that is missing or contains no dump files is rejected before any database
    /// is opened, so a mistyped path creates no SQLite file.
    public func run() throws {
        // The services reject an unknown stage, so a typo such as 'prdo' stops a migration too.
        _ = try ServiceEnvironment(variables: options.environment).launchEnvironment()
        if let directory = options.loadDirectory {
            _ = try DumpLoader(directory: directory).files()
        }
        let databases = try databases()
        if !databases.contains(where: \.isPostgresAPIInsights) {
            let path = options.resolvedSQLitePath
            let warnings = IgnoredPostgresVariables.warnings(environment: options.environment, sqlitePath: path,
                                                             isSQLiteChosen: options.sqlitePath != nil)
            for warning in warnings {
                logger.warning(warning)
            }
        }
        for database in databases {
            switch database {
            case let .postgres(configuration, schema):
                try runPostgres(configuration, schema: schema)
            case let .mongo(configuration):
                try runMongo(configuration)
            case let .sqlite(path):
                try runSQLite(path: path)
            }
        }
    }

    // MARK: PostgreSQL

    private func runPostgres(_ configuration: PostgresConfiguration, schema: SchemaName) throws {
        let connection = try PostgresConnection(configuration: configuration, logger: logger)
        let target = PostgresMigrationTarget(connection: connection)
        let migrator = SchemaMigrator(target: target, schema: schema, migrations: MigrationCatalog.postgres(schema))
        if options.statusOnly { return try report(migrator) }
        if options.dryRun {
            try printPending(migrator)
            if schema == .apiInsights {
                output("SELECT * FROM credeau_maintain_partitions(\(options.daysAhead), \(options.retentionDays));")
            }
            return
        }
        try migrate(migrator)
        if schema == .apiInsights {
            let changes = try target.maintainPartitions(daysAhead: options.daysAhead,
                                                        retentionDays: options.retentionDays)
            let created = changes.reduce(0) { $0 + $1.created }
            let dropped = changes.reduce(0) { $0 + $1.dropped }
            output("\(target.targetDescription): daily partitions \(options.daysAhead) days ahead: "
                + "\(created) created, \(dropped) older than \(options.retentionDays) days dropped")
            if let newClient = options.newClient {
                let registration = try ClientRegistration(clientID: newClient.name, email: newClient.email)
                try registration.insert(into: connection)
                printNewClient(registration, where: target.targetDescription)
            }
        }
        if schema == .syncDB, let directory = options.loadDirectory {
            let pool = PostgresPool(configuration: configuration, maxConnections: 1, logger: logger)
            try load(directory, into: PostgresSyncDBStore(pool: pool), accepting: isNotServedByMongo)
        }
    }

    // MARK: MongoDB

    private func runMongo(_ configuration: MongoConfiguration) throws {
        let pool = try MongoClientPool(configuration: configuration, logger: logger)
        let target = MongoMigrationTarget(pool: pool)
        let migrator = SchemaMigrator(target: target, schema: .syncDB, migrations: MongoMigrationTarget.syncDBMigrations)
        if options.statusOnly { return try report(migrator) }
        if options.dryRun { return try printPending(migrator) }
        try pool.ping()
        try migrate(migrator)
        if let directory = options.loadDirectory {
            let served = try mongoServedSources() ?? MongoEnabledSources(sources: Set(SyncDBSource.allCases))
            try load(directory, into: MongoSyncDBStore(pool: pool)) { collection in
                collection.source.map(served.contains) ?? true
            }
        }
    }

    // MARK: SQLite

    private func runSQLite(path: String) throws {
        let exists = path == ":memory:" || FileManager.default.fileExists(atPath: path)
        if (options.dryRun || options.statusOnly) && !exists {
            // Opening would create the file, which a dry run or a status query must not do.
            for schema in SchemaName.allCases {
                let migrations = MigrationCatalog.sqlite(schema)
                if options.statusOnly {
                    output("SQLite \(path) (not created yet), \(schema.rawValue):")
                    migrations.forEach { output("  pending  \($0.version)  \($0.name)") }
                } else {
                    migrations.forEach { printMigration($0, schema: schema, target: "SQLite \(path)") }
                }
            }
            return
        }
        if options.statusOnly || options.dryRun || (exists && !Self.isWritable(path)) {
            return try readSQLite(path: path)
        }
        let database = try SQLiteDatabase(path: path)
        let target = SQLiteMigrationTarget(database: database)
        for schema in SchemaName.allCases {
            let migrator = SchemaMigrator(target: target, schema: schema, migrations: MigrationCatalog.sqlite(schema))
            if options.statusOnly {
                try report(migrator)
            } else if options.dryRun {
                try printPending(migrator)
            } else {
                try migrate(migrator)
            }
        }
        guard !options.statusOnly && !options.dryRun else { return }
        if let newClient = options.newClient {
            let registration = try ClientRegistration(clientID: newClient.name, email: newClient.email)
            try registration.insert(into: database)
            printNewClient(registration, where: target.targetDescription)
        }
        if let directory = options.loadDirectory {
            try load(directory, into: SQLiteSyncDBStore(database: database), accepting: isNotServedByMongo)
        }
    }

    /// Reports status or pending migrations without writing, or, for a file this user may not
    /// write, migrates when nothing is pending and fails with a clear message otherwise.
    private func readSQLite(path: String) throws {
        let database = try SQLiteDatabase.openForReading(path: path)
        let target = SQLiteMigrationTarget(database: database)
        let migrators = SchemaName.allCases.map {
            SchemaMigrator(target: target, schema: $0, migrations: MigrationCatalog.sqlite($0))
        }
        if options.statusOnly { return try migrators.forEach(report) }
        if options.dryRun { return try migrators.forEach(printPending) }
        let pending = try migrators.contains { try !$0.pending().isEmpty }
        let action = pending ? "migrate" : options.loadDirectory != nil ? "migrate --load"
            : options.newClient != nil ? "migrate --add-client" : nil
        if let action { throw SQLiteError.readOnly(path: path, action: action) }
        try migrators.forEach(migrate)
    }

    /// False when this process may not write the file at `path` or create files beside it (the
    /// `-wal` and `-shm` files of a write-ahead log).
    private static func isWritable(_ path: String) -> Bool {
        let folder = (path as NSString).deletingLastPathComponent
        return access(path, W_OK) == 0 && access(folder.isEmpty ? "." : folder, W_OK) == 0
    }

    // MARK: Shared steps

    /// Returns true for a collection that PostgreSQL or SQLite sync_db keeps: every collection
    /// without MongoDB, else those of the sources MongoDB does not serve.
    private func isNotServedByMongo(_ collection: SyncDBCollection) -> Bool {
        guard let mongoSources = try? mongoServedSources() else { return true }
        return collection.source.map { !mongoSources.contains($0) } ?? false
    }

    /// The sources MongoDB serves, or nil when MongoDB is not configured.
    private func mongoServedSources() throws -> MongoEnabledSources? {
        guard try MongoConfiguration.insightsAPI(environment: options.environment) != nil else { return nil }
        return try MongoEnabledSources(environment: options.environment)
    }

    private func load(_ directory: String, into store: any SyncDBStore,
                      accepting accepts: (SyncDBCollection) -> Bool) throws {
        let summary = try DumpLoader(directory: directory, logger: logger).load(into: store, accepting: accepts)
        output("\(store.storeDescription): \(summary)")
    }

    private func migrate(_ migrator: SchemaMigrator) throws {
        let applied = try migrator.migrate()
        let name = "\(migrator.target.targetDescription) (\(migrator.schema.rawValue))"
        if applied.isEmpty {
            output("\(name): up to date at version \(migrator.migrations.last?.version ?? 0)")
        } else {
            for migration in applied {
                logger.info("Applied migration", [("schema", migrator.schema.rawValue),
                                                  ("version", String(migration.version))])
            }
            output("\(name): applied \(applied.map { "\($0.version) (\($0.name))" }.joined(separator: ", "))")
        }
        migrator.warnAboutUnknownVersions(try migrator.unknownAppliedVersions(), logger: logger)
    }

    private func report(_ migrator: SchemaMigrator) throws {
        output("\(migrator.target.targetDescription), \(migrator.schema.rawValue):")
        for status in try migrator.status() {
            let state = status.appliedAt.map { "applied \($0)" } ?? "pending"
            output("  \(status.migration.version)  \(status.migration.name)  \(state)")
        }
        let unknown = try migrator.unknownAppliedVersions()
        if !unknown.isEmpty {
            output("  applied by a newer credeau: \(unknown.map(String.init).joined(separator: ", "))")
        }
    }

    private func printPending(_ migrator: SchemaMigrator) throws {
        let pending = try migrator.pending()
        if pending.isEmpty {
            output("-- \(migrator.target.targetDescription) (\(migrator.schema.rawValue)): nothing to apply")
        }
        for migration in pending {
            printMigration(migration, schema: migrator.schema, target: migrator.target.targetDescription)
        }
    }

    private func printMigration(_ migration: Migration, schema: SchemaName, target: String) {
        output("-- \(target) (\(schema.rawValue)) migration \(migration.version): \(migration.name)")
        if !migration.sql.isEmpty { output(migration.sql.hasSuffix(";") ? migration.sql : migration.sql + ";") }
    }

    private func printNewClient(_ registration: ClientRegistration, where target: String) {
        output("Added client '\(registration.clientID)' to \(target).")
        output("auth_token: \(registration.authToken)")
        output("Store this token now: credeau does not show it again.")
    }
}
