@testable import CredeauKit
import Foundation
import Synchronization
import Testing

/// Output lines and log records of one `credeau migrate` run.
private struct MigrateRun {
    var lines: [String]
    var warnings: [String]
}

/// Runs `credeau migrate` logic with `options` and keeps its output lines and warnings.
private func runMigrate(_ options: MigrateOptions) throws -> MigrateRun {
    let sink = InMemoryLogSink()
    let lines = Mutex<[String]>([])
    let logger = Logger(label: "test", level: .info, sink: sink)
    try MigrateRunner(options: options, logger: logger) { line in lines.withLock { $0.append(line) } }.run()
    let warnings = sink.records.filter { $0.level == .warning }.map(\.message)
    return MigrateRun(lines: lines.withLock { $0 }, warnings: warnings)
}

/// Versions a newer credeau recorded in `credeau_schema_migrations` (after a rollback to this build).
@Suite struct UnknownMigrationSQLiteTests {
    /// A SQLite file whose version table records only `api_insights_db` version 90, as if a newer
    /// credeau had written it, so every known migration is still pending.
    private func databaseWithVersion90(in folder: URL) throws -> String {
        let path = folder.appendingPathComponent("credeau.db").path
        let database = try SQLiteDatabase(path: path)
        try database.execute(SQLiteMigrationTarget.versionTableSQL)
        try database.query("INSERT INTO credeau_schema_migrations (schema_name, version, name) VALUES (?, 90, ?)",
                           [.text("api_insights_db"), .text("from a newer credeau")])
        return path
    }

    @Test func statusListsUnknownVersion() throws {
        let folder = try StorageTestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        var options = MigrateOptions(environment: [:])
        options.sqlitePath = try databaseWithVersion90(in: folder)
        options.statusOnly = true

        let run = try runMigrate(options)
        #expect(run.lines.contains("  applied by a newer credeau: 90"), "\(run.lines)")
        #expect(run.lines.filter { $0.contains("newer credeau") }.count == 1)
    }

    @Test func migrateWarnsAndAppliesKnown() throws {
        let folder = try StorageTestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        var options = MigrateOptions(environment: [:])
        let path = try databaseWithVersion90(in: folder)
        options.sqlitePath = path

        let run = try runMigrate(options)
        #expect(run.lines.contains { $0.contains("(api_insights_db): applied 1 ") }, "\(run.lines)")
        #expect(run.warnings.count == 1)
        let warning = try #require(run.warnings.first)
        #expect(warning.contains("SQLite \(path) (api_insights_db)"))
        #expect(warning.contains("applied by a newer credeau: 90."))

        let database = try SQLiteDatabase(path: path)
        let versions = try database.query(
            "SELECT version FROM credeau_schema_migrations WHERE schema_name = 'api_insights_db' ORDER BY version")
        #expect(versions == [1, 2, 3, 4, 5, 6, 90].map { [SQLiteValue.integer($0)] })
    }

    @Test func storeMigrationWarnsAndOpens() throws {
        let folder = try StorageTestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try databaseWithVersion90(in: folder)
        let sink = InMemoryLogSink()

        let store = try SQLiteExtractedSMSStore(path: path, fernet: nil, migrate: true,
                                                logger: Logger(label: "test", level: .info, sink: sink))
        #expect(store.appliedMigrations.count == 6)
        let warnings = sink.records.filter { $0.level == .warning }
        #expect(warnings.count == 1)
        #expect(warnings.first?.message.contains("applied by a newer credeau: 90.") == true)
        #expect(warnings.first?.metadata.contains { $0 == ("versions", "90") } == true)
    }

    @Test func knownVersionsOnlyGiveNoWarning() throws {
        let folder = try StorageTestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        var options = MigrateOptions(environment: [:])
        options.sqlitePath = folder.appendingPathComponent("credeau.db").path

        #expect(try runMigrate(options).warnings == [])
        #expect(try runMigrate(options).warnings == [])
        options.statusOnly = true
        #expect(!(try runMigrate(options).lines.contains { $0.contains("newer credeau") }))
    }
}

@Suite(.serialized, .enabled(if: StorageTestSupport.postgresURL != nil, StorageTestSupport.postgresSkipNotice))
struct UnknownMigrationPostgresTests {
    private func options(for database: PostgresTestDatabase) throws -> MigrateOptions {
        var options = MigrateOptions(environment: [:])
        let configuration = database.configuration
        options.postgresURL = try #require(StorageTestSupport.postgresURL).replacingOccurrences(
            of: "/api_insights_db", with: "/\(configuration.database)")
        return options
    }

    @Test func statusAndMigrateReportUnknownVersion() throws {
        let database = try PostgresTestDatabase()
        var options = try options(for: database)
        _ = try runMigrate(options)
        let connection = try database.connect()
        try connection.executeScript("INSERT INTO credeau_schema_migrations (schema_name, version, name) "
            + "VALUES ('api_insights_db', 90, 'from a newer credeau'), ('api_insights_db', 92, 'from a newer credeau')")

        let migrate = try runMigrate(options)
        let latest = try #require(MigrationCatalog.postgres(.apiInsights).last).version
        #expect(migrate.lines.contains { $0.contains("(api_insights_db): up to date at version \(latest)") },
                "\(migrate.lines)")
        #expect(migrate.warnings.count == 1)
        let warning = try #require(migrate.warnings.first)
        #expect(warning.hasPrefix("PostgreSQL "))
        #expect(warning.contains("(api_insights_db) has migrations applied by a newer credeau: 90, 92."))

        options.statusOnly = true
        let status = try runMigrate(options)
        #expect(status.lines.contains("  applied by a newer credeau: 90, 92"), "\(status.lines)")
        #expect(status.warnings == [])
    }
}
