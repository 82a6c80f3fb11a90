@testable import CredeauKit
import Foundation
import Synchronization
import Testing

@Suite struct SQLiteMigrationTests {
    /// Runs `credeau migrate` logic on `path` with no servers configured and returns its output lines.
    private func migrate(_ path: String, configure: (inout MigrateOptions) -> Void = { _ in }) throws -> [String] {
        var options = MigrateOptions(environment: ["CREDEAU_SQLITE_PATH": path])
        configure(&options)
        let lines = Mutex<[String]>([])
        try MigrateRunner(options: options, logger: .discarding) { line in lines.withLock { $0.append(line) } }.run()
        return lines.withLock { $0 }
    }

    private func tableNames(_ database: SQLiteDatabase) throws -> Set<String> {
        let rows = try database.query("SELECT name FROM sqlite_master WHERE type = 'table'")
        return Set(rows.compactMap { row in
            if case let .text(name) = row[0] { return name }
            return nil
        })
    }

    private func columns(_ database: SQLiteDatabase, _ table: String) throws -> [String] {
        try database.query("SELECT name FROM pragma_table_info(?)", [.text(table)]).compactMap { row in
            if case let .text(name) = row[0] { return name }
            return nil
        }
    }

    @Test func migrateFromEmptyCreatesEveryTable() throws {
        let folder = try StorageTestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("credeau.db").path
        _ = try migrate(path)

        let database = try SQLiteDatabase(path: path)
        let tables = try tableNames(database)
        let expected = [
            "api_request_dump", "api_response_dump", "clients", "insights_request_dump", "insights_response_dump",
            "fetch_extracted_request_dump", "fetch_extracted_response_dump", "sync_events_log",
            "unauthorized_requests", "usage", "extracted_sms", "insights_jobs", "credeau_schema_migrations",
        ] + SyncDBCollection.all.map(\.name)
        for table in expected {
            #expect(tables.contains(table), "missing table \(table)")
        }
        #expect(try columns(database, "clients") == [
            "id", "client_id", "email", "auth_token", "created_at", "updated_at", "geography",
        ])
        #expect(try columns(database, "sms_sync_request_sms_data") == [
            "id", "client_id", "user_id", "request_id", "created_at", "payload",
        ])
        #expect(try columns(database, "extracted_sms").count == 30)
        let journal = try database.query("PRAGMA journal_mode")
        #expect(journal.first?.first == .text("wal"))
    }

    @Test func secondRunChangesNothing() throws {
        let folder = try StorageTestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("credeau.db").path
        let first = try migrate(path)
        let second = try migrate(path)
        #expect(first.contains { $0.contains("applied 1") })
        #expect(second.allSatisfy { $0.contains("up to date") })

        let database = try SQLiteDatabase(path: path)
        let versions = try database.query("SELECT count(*) FROM credeau_schema_migrations")
        #expect(versions.first?.first == .integer(7))
    }

    @Test func statusAndDryRunLeaveNoFile() throws {
        let folder = try StorageTestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("credeau.db").path
        let status = try migrate(path) { $0.statusOnly = true }
        let dryRun = try migrate(path) { $0.dryRun = true }
        #expect(!FileManager.default.fileExists(atPath: path))
        #expect(status.filter { $0.contains("pending") }.count == 7)
        #expect(dryRun.contains { $0.contains("CREATE TABLE IF NOT EXISTS clients") })
    }

    @Test func statusListsAppliedMigrations() throws {
        let folder = try StorageTestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("credeau.db").path
        _ = try migrate(path)
        let status = try migrate(path) { $0.statusOnly = true }
        #expect(status.filter { $0.contains("applied 20") }.count == 7)
        #expect(!status.contains { $0.contains("pending") })
    }

    @Test func concurrentMigrationsApplyEachVersionOnce() throws {
        let folder = try StorageTestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("credeau.db").path
        _ = try SQLiteDatabase(path: path)  // creates the file in WAL mode before the race
        let appliedCounts = Mutex<[Int]>([])
        let failures = Mutex<[String]>([])
        DispatchQueue.concurrentPerform(iterations: 2) { _ in
            do {
                let database = try SQLiteDatabase(path: path)
                let migrator = SchemaMigrator(target: SQLiteMigrationTarget(database: database), schema: .apiInsights,
                                              migrations: MigrationCatalog.sqlite(.apiInsights))
                let applied = try migrator.migrate()
                appliedCounts.withLock { $0.append(applied.count) }
            } catch {
                failures.withLock { $0.append("\(error)") }
            }
        }
        #expect(failures.withLock { $0 } == [])
        #expect(appliedCounts.withLock { $0.reduce(0, +) } == 6)
        let database = try SQLiteDatabase(path: path)
        let rows = try database.query("SELECT count(*) FROM credeau_schema_migrations WHERE schema_name = 'api_insights_db'")
        #expect(rows.first?.first == .integer(6))
    }

    @Test func upgradeFromVersion3KeepsRows() throws {
        let folder = try StorageTestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("credeau.db").path
        let version3 = MigrationCatalog.sqlite(.apiInsights).filter { $0.version <= 3 }
        try SchemaMigrator(target: SQLiteMigrationTarget(database: SQLiteDatabase(path: path)), schema: .apiInsights,
                           migrations: version3).migrate()
        let old = try SQLiteExtractedSMSStore(path: path, fernet: nil, migrate: false)
        let entries = (0..<50).map { index in
            SMSExtractor().extract(
                RawSMS(id: "sms-\(index)", sender: "VM-HDFCBK",
                       body: "Rs \(index + 1).50 debited from A/c XX1234 to VPA shop@okaxis",
                       inboxDateMillis: 1_772_000_000_000 + Int64(index) * 60_000),
                createdAtMillis: 1_772_900_000_000)
        }
        try old.store(entries, clientID: "acme", userID: "u1", requestID: "r1")
        let before = try old.entries(clientID: "acme", userID: "u1", limit: nil)

        let pending = try migrate(path) { $0.statusOnly = true }
        #expect(pending.contains { $0.contains("pending") && $0.contains("request_id index") })
        _ = try migrate(path)
        let status = try migrate(path) { $0.statusOnly = true }
        #expect(status.contains { $0.contains("applied 20") && $0.contains("request_id index") })

        let database = try SQLiteDatabase(path: path)
        let indexes = try database.query(
            "SELECT name FROM sqlite_master WHERE type = 'index' AND name = 'ix_extracted_sms_request_id'")
        #expect(indexes.isEmpty)
        let upgraded = try SQLiteExtractedSMSStore(path: path, fernet: nil, migrate: false)
        #expect(try upgraded.entries(clientID: "acme", userID: "u1", limit: nil) == before)
        #expect(before.count == 50)
    }

    /// Version 5 adds `insights_jobs.lease_until` to a file at version 4. A job stored before
    /// has no lease end, and a replica judges it by its own lease from `claimed_at`.
    @Test func upgradeFromVersion4AddsJobLeaseEnd() throws {
        let folder = try StorageTestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("credeau.db").path
        let version4 = MigrationCatalog.sqlite(.apiInsights).filter { $0.version <= 4 }
        let before = try SQLiteDatabase(path: path)
        try SchemaMigrator(target: SQLiteMigrationTarget(database: before), schema: .apiInsights,
                           migrations: version4).migrate()
        #expect(!(try columns(before, "insights_jobs").contains("lease_until")))
        try before.query("""
            INSERT INTO insights_jobs (request_key, client_id, user_id, body, status, claimed_by, claimed_at, attempts)
            VALUES ('k1', 'c', 'u', '{}', 'running', 'older', datetime('now', '-30 seconds'), 1)
            """)

        _ = try migrate(path)
        let status = try migrate(path) { $0.statusOnly = true }
        #expect(status.contains { $0.contains("  5  ") && $0.contains("applied 20") }, "\(status)")
        let database = try SQLiteDatabase(path: path)
        #expect(try columns(database, "insights_jobs").suffix(2) == ["lease_until", "retry_at"])
        #expect(try database.query("SELECT lease_until FROM insights_jobs") == [[.null]])
        let pool = try SQLiteConnectionPool(path: path)
        #expect(try InsightsJobStore(database: .sqlite(pool), leaseSeconds: 60).claim(worker: "new") == nil)
        #expect(try InsightsJobStore(database: .sqlite(pool), leaseSeconds: 10).claim(worker: "new")?.attempts == 2)
    }

    /// Version 6 adds `insights_jobs.retry_at` to a file at version 5. A pending job stored
    /// before has no retry time and is claimed at once.
    @Test func upgradeFromVersion5AddsJobRetryTime() throws {
        let folder = try StorageTestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("credeau.db").path
        let version5 = MigrationCatalog.sqlite(.apiInsights).filter { $0.version <= 5 }
        let before = try SQLiteDatabase(path: path)
        try SchemaMigrator(target: SQLiteMigrationTarget(database: before), schema: .apiInsights,
                           migrations: version5).migrate()
        #expect(!(try columns(before, "insights_jobs").contains("retry_at")))
        try before.query("""
            INSERT INTO insights_jobs (request_key, client_id, user_id, body, status, attempts)
            VALUES ('k1', 'c', 'u', '{}', 'pending', 1)
            """)

        _ = try migrate(path)
        let database = try SQLiteDatabase(path: path)
        #expect(try columns(database, "insights_jobs").last == "retry_at")
        #expect(try database.query("SELECT retry_at FROM insights_jobs") == [[.null]])
        let pool = try SQLiteConnectionPool(path: path)
        #expect(try InsightsJobStore(database: .sqlite(pool)).claim(worker: "new")?.attempts == 2)
    }

    @Test func addClientStoresFreshToken() throws {
        let folder = try StorageTestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("credeau.db").path
        let output = try migrate(path) { $0.newClient = (name: "acme_insights", email: "risk@acme.in") }
        let tokenLine = try #require(output.first { $0.hasPrefix("auth_token: ") })
        let token = String(tokenLine.dropFirst("auth_token: ".count))
        #expect(token.count == 36)

        let database = try SQLiteDatabase(path: path)
        let rows = try database.query("SELECT client_id, email, auth_token, geography FROM clients")
        #expect(rows == [[.text("acme_insights"), .text("risk@acme.in"), .text(token), .text("india")]])

        #expect(throws: ClientRegistrationError.self) {
            _ = try migrate(path) { $0.newClient = (name: "acme_insights", email: nil) }
        }
    }

    @Test func loadDumpIsIdempotent() throws {
        let folder = try StorageTestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("credeau.db").path
        let first = try migrate(path) { $0.loadDirectory = StorageTestSupport.dumpFixture }
        let second = try migrate(path) { $0.loadDirectory = StorageTestSupport.dumpFixture }
        #expect(first.contains { $0.contains("loaded 9 documents, skipped 0") })
        #expect(second.contains { $0.contains("loaded 0 documents, skipped 9") })

        let database = try SQLiteDatabase(path: path)
        let store = SQLiteSyncDBStore(database: database)
        let sms = try store.documents(in: .sms, clientID: "acme", userID: "user-1")
        #expect(sms.count == 2)
        #expect(sms.first?.contains("req-sms-1") == true)
        #expect(sms.allSatisfy { !$0.contains("$oid") })
        // The camelCase variant of the third SMS document still fills the indexed columns.
        #expect(try store.documents(in: .sms, clientID: "acme", userID: "user-2").count == 1)
        let createdAt = try database.query("SELECT created_at FROM sms_sync_request_sms_data WHERE request_id = 'req-sms-1'")
        #expect(createdAt.first?.first == .integer(1_796_033_700_000))
        // Contacts come from the mongodump .bson file under sync_db/.
        #expect(try store.documents(in: .contacts, clientID: "acme", userID: "user-1").count == 1)
    }

    /// A user id with NUL is one user and the id before the NUL another: both documents load,
    /// each under its own id (the column was cut at the NUL, so the second was skipped as present).
    @Test func loadKeepsIDsWithNUL() throws {
        let folder = try StorageTestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let dump = folder.appendingPathComponent("dump")
        try FileManager.default.createDirectory(at: dump, withIntermediateDirectories: true)
        let lines = ["nul\\u0000a", "nul"].map { user in
            #"{"client_id":"acme","user_id":"\#(user)","request_id":"r1","#
                + #""sms":[{"sms_id":"1","sms_body":"Rs 5 debited","sms_inbox_date":1772541341000}]}"#
        }
        try (lines.joined(separator: "\n") + "\n").write(to: dump.appendingPathComponent("sms_sync_request_sms_data.json"),
                                                         atomically: true, encoding: .utf8)
        let path = folder.appendingPathComponent("credeau.db").path

        let output = try migrate(path) { $0.loadDirectory = dump.path }
        #expect(output.contains { $0.contains("loaded 2 documents, skipped 0") })
        let store = SQLiteSyncDBStore(database: try SQLiteDatabase(path: path))
        #expect(try store.documents(in: .sms, clientID: "acme", userID: "nul\u{0}a").count == 1)
        #expect(try store.documents(in: .sms, clientID: "acme", userID: "nul").count == 1)
    }
}
