@testable import CredeauKit
import Foundation
import Synchronization
import Testing

/// Tests against the throwaway server of `scripts/test-postgres.sh`; each test works in its own
/// database. Serialized because one test restarts the server.
@Suite(.serialized, .enabled(if: StorageTestSupport.postgresURL != nil, StorageTestSupport.postgresSkipNotice))
struct PostgresStorageTests {
    private func migrator(_ connection: PostgresConnection, _ schema: SchemaName = .apiInsights) -> SchemaMigrator {
        SchemaMigrator(target: PostgresMigrationTarget(connection: connection), schema: schema,
                       migrations: MigrationCatalog.postgres(schema))
    }

    private func utcDay(offset: Int) -> String {
        let date = Date().addingTimeInterval(Double(offset) * 86_400)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d%02d%02d", parts.year!, parts.month!, parts.day!)
    }

    @Test func migrationsFromEmptyCreateSchema() throws {
        let database = try PostgresTestDatabase()
        let connection = try database.connect()
        let applied = try migrator(connection).migrate()
        #expect(applied.map(\.version) == [1, 2, 3, 4, 5, 6])
        let requestIDIndex = try connection.query("SELECT 1 FROM pg_indexes WHERE indexname = 'ix_extracted_sms_request_id'")
        #expect(requestIDIndex.rows.isEmpty)

        let tables = try connection.query("""
            SELECT c.relname, c.relkind::text FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition
            """)
        let kinds = Dictionary(uniqueKeysWithValues: tables.rows.map { ($0[0] ?? "", $0[1] ?? "") })
        for table in ["api_request_dump", "api_response_dump", "clients", "extracted_sms", "insights_jobs"] {
            #expect(kinds[table] == "r", "\(table) should be a plain table")
        }
        for table in MigrationCatalog.partitionedTables {
            #expect(kinds[table] == "p", "\(table) should be partitioned")
        }

        let clientColumns = try connection.query("""
            SELECT column_name, data_type, character_maximum_length, column_default
            FROM information_schema.columns WHERE table_name = 'clients' ORDER BY ordinal_position
            """)
        #expect(clientColumns.rows.map { $0[0] ?? "" } == [
            "id", "client_id", "email", "auth_token", "created_at", "updated_at", "geography",
        ])
        #expect(clientColumns.rows[1][2] == "72")
        #expect(clientColumns.rows[2][2] == "32")
        #expect(clientColumns.rows[3][2] == "36")
        #expect(clientColumns.rows[6][3]?.contains("india") == true)

        let primaryKey = try connection.query("""
            SELECT string_agg(a.attname, ',' ORDER BY array_position(i.indkey, a.attnum))
            FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)
            WHERE i.indrelid = 'clients'::regclass AND i.indisprimary
            """)
        #expect(primaryKey.scalar == "id,created_at")

        let indexes = try connection.query(
            "SELECT indexdef FROM pg_indexes WHERE tablename = 'api_request_dump' AND indexname LIKE 'ix_%'")
        #expect(indexes.count == 4)
        let groupings = try connection.query("""
            SELECT data_type, column_default FROM information_schema.columns
            WHERE table_name = 'insights_response_dump' AND column_name = 'groupings'
            """)
        #expect(groupings.rows.first?[0] == "json")
    }

    @Test func secondRunAppliesNothing() throws {
        let database = try PostgresTestDatabase()
        let connection = try database.connect()
        try migrator(connection).migrate()
        try migrator(connection, .syncDB).migrate()
        #expect(try migrator(connection).migrate().isEmpty)
        #expect(try migrator(connection, .syncDB).migrate().isEmpty)
        #expect(try migrator(connection).pending().isEmpty)
        let recorded = try connection.query("SELECT count(*) FROM credeau_schema_migrations")
        #expect(recorded.scalar == "8")
    }

    /// Version 5 adds `insights_jobs.lease_until` to a database at version 4. A job stored
    /// before has no lease end, and a replica judges it by its own lease from `claimed_at`.
    @Test func upgradeFromVersion4AddsJobLeaseEnd() throws {
        let database = try PostgresTestDatabase()
        let connection = try database.connect()
        let version4 = MigrationCatalog.postgres(.apiInsights).filter { $0.version <= 4 }
        try SchemaMigrator(target: PostgresMigrationTarget(connection: connection), schema: .apiInsights,
                           migrations: version4).migrate()
        try connection.query("""
            INSERT INTO insights_jobs (request_key, client_id, user_id, body, status, claimed_by, claimed_at, attempts)
            VALUES ('k1', 'c', 'u', '{}', 'running', 'older', (now() AT TIME ZONE 'utc') - interval '30 seconds', 1)
            """)
        func leaseColumn() throws -> String? {
            try connection.query("""
                SELECT data_type FROM information_schema.columns
                WHERE table_name = 'insights_jobs' AND column_name = 'lease_until'
                """).scalar
        }
        #expect(try leaseColumn() == nil)

        #expect(try migrator(connection).migrate().map(\.version) == [5, 6])
        #expect(try leaseColumn() == "timestamp without time zone")
        #expect(try connection.query("SELECT lease_until IS NULL FROM insights_jobs").scalar == "t")
        let pool = PostgresPool(configuration: database.configuration, maxConnections: 1)
        #expect(try InsightsJobStore(database: .postgres(pool), leaseSeconds: 60).claim(worker: "new") == nil)
        #expect(try InsightsJobStore(database: .postgres(pool), leaseSeconds: 10).claim(worker: "new")?.attempts == 2)
    }

    /// Version 6 adds `insights_jobs.retry_at` to a database at version 5. A pending job stored
    /// before has no retry time and is claimed at once.
    @Test func upgradeFromVersion5AddsJobRetryTime() throws {
        let database = try PostgresTestDatabase()
        let connection = try database.connect()
        let version5 = MigrationCatalog.postgres(.apiInsights).filter { $0.version <= 5 }
        try SchemaMigrator(target: PostgresMigrationTarget(connection: connection), schema: .apiInsights,
                           migrations: version5).migrate()
        try connection.query("""
            INSERT INTO insights_jobs (request_key, client_id, user_id, body, status, attempts)
            VALUES ('k1', 'c', 'u', '{}', 'pending', 1)
            """)
        func retryColumn() throws -> String? {
            try connection.query("""
                SELECT data_type FROM information_schema.columns
                WHERE table_name = 'insights_jobs' AND column_name = 'retry_at'
                """).scalar
        }
        #expect(try retryColumn() == nil)

        #expect(try migrator(connection).migrate().map(\.version) == [6])
        #expect(try retryColumn() == "timestamp without time zone")
        #expect(try connection.query("SELECT retry_at IS NULL FROM insights_jobs").scalar == "t")
        let pool = PostgresPool(configuration: database.configuration, maxConnections: 1)
        #expect(try InsightsJobStore(database: .postgres(pool)).claim(worker: "new")?.attempts == 2)
    }

    /// A fresh sync_db gets json payloads. A table that held rows before the second migration
    /// keeps jsonb, and documents are stored, found again and read back alike in both.
    @Test func syncPayloadIsJSONUnlessTableHadRows() throws {
        let database = try PostgresTestDatabase()
        let connection = try database.connect()
        let versionOne = Array(MigrationCatalog.postgres(.syncDB).prefix(1))
        try SchemaMigrator(target: PostgresMigrationTarget(connection: connection), schema: .syncDB,
                           migrations: versionOne).migrate()
        let store = PostgresSyncDBStore(pool: PostgresPool(configuration: database.configuration))
        func document(_ request: String) throws -> SyncDBDocument {
            try SyncDBDocument(bson: BSONBytes(json: """
                {"client_id": "c", "user_id": "u", "request_id": "\(request)", "created_at": {"$date": 1772700000000},
                 "sms": [{"sms_id": "1", "sms_body": "Rs 5 debited", "sms_inbox_date": 1772700000000}]}
                """), collection: .sms)
        }
        func mapper(_ id: String) throws -> SyncDBDocument {
            try SyncDBDocument(bson: BSONBytes(json: #"{"client_id": "c", "android_id": "\#(id)"}"#),
                               collection: .deviceIDMapper)
        }
        #expect(try store.insertIfAbsent(document("r1"), into: .sms))
        #expect(try store.insertIfAbsent(mapper("a1"), into: .deviceIDMapper))
        try migrator(connection, .syncDB).migrate()

        func payloadType(_ table: String) throws -> String? {
            try connection.query(PostgresQuery(
                sql: "SELECT data_type FROM information_schema.columns WHERE table_name = $1 AND column_name = 'payload'",
                parameters: [table])).scalar
        }
        #expect(try payloadType(SyncDBCollection.sms.name) == "jsonb")
        #expect(try payloadType(SyncDBCollection.deviceIDMapper.name) == "jsonb")
        #expect(try payloadType(SyncDBCollection.apps.name) == "json")
        #expect(try payloadType(SyncDBCollection.callLogs.name) == "json")

        // Both column types take new documents, skip repeated ones and return the stored text.
        #expect(try store.insertIfAbsent(document("r2"), into: .sms))
        #expect(try !store.insertIfAbsent(document("r2"), into: .sms))
        #expect(try !store.insertIfAbsent(mapper("a1"), into: .deviceIDMapper))
        #expect(try store.insertIfAbsent(mapper("a2"), into: .deviceIDMapper))
        let appsDocument = try SyncDBDocument(bson: BSONBytes(json: """
            {"client_id": "c", "user_id": "u", "request_id": "r1", "apps": [{"package_name": "in.bank.app"}]}
            """), collection: .apps)
        #expect(try store.insertIfAbsent(appsDocument, into: .apps))
        let withoutRequest = try SyncDBDocument(bson: BSONBytes(json: #"{"client_id": "c", "value": "v1"}"#),
                                                collection: .deviceTranspose)
        #expect(try store.insertIfAbsent(withoutRequest, into: .deviceTranspose))
        #expect(try !store.insertIfAbsent(withoutRequest, into: .deviceTranspose))
        let builder = try #require(try UserDataLoader(store: store).builder(clientID: "c", userID: "u"))
        #expect(builder.syncedSMS.count == 1)
        let apps = try store.documents(in: .apps, clientID: "c", userID: "u")
        #expect(apps.count == 1)
        #expect(apps.first?.contains("in.bank.app") == true)
    }

    @Test func partitionsCreatedTenDaysAhead() throws {
        let database = try PostgresTestDatabase()
        let connection = try database.connect()
        let target = PostgresMigrationTarget(connection: connection)
        try migrator(connection).migrate()
        let first = try target.maintainPartitions(daysAhead: 10, retentionDays: 90)
        #expect(first.count == MigrationCatalog.partitionedTables.count)
        #expect(first.allSatisfy { $0.created == 11 })
        let again = try target.maintainPartitions(daysAhead: 10, retentionDays: 90)
        #expect(again.allSatisfy { $0.created == 0 && $0.dropped == 0 })

        for table in MigrationCatalog.partitionedTables {
            let children = try connection.query("""
                SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
                WHERE i.inhparent = \(table)::regclass
                """).rows.compactMap { $0[0] }
            #expect(children.contains("\(table)_default"))
            #expect(children.contains("\(table)_p\(utcDay(offset: 0))"))
            #expect(children.contains("\(table)_p\(utcDay(offset: 10))"))
            #expect(!children.contains("\(table)_p\(utcDay(offset: 11))"))
        }
    }

    @Test func insertWithoutDailyPartitionLandsInDefault() throws {
        let database = try PostgresTestDatabase()
        let connection = try database.connect()
        try migrator(connection).migrate()
        try PostgresMigrationTarget(connection: connection).maintainPartitions()

        try connection.query("""
            INSERT INTO usage (request_id, client_id, api_name, response_code, created_at)
            VALUES ('old', 'acme', 'insights', 200, '2001-02-03 04:05:06')
            """)
        try connection.query("INSERT INTO usage (request_id, client_id, api_name, response_code) VALUES ('now', 'acme', 'insights', 200)")
        let placement = try connection.query("SELECT request_id, tableoid::regclass::text, id FROM usage ORDER BY id")
        #expect(placement.rows.map { $0[0] ?? "" } == ["old", "now"])
        #expect(placement.rows[0][1] == "usage_default")
        #expect(placement.rows[1][1] == "usage_p\(utcDay(offset: 0))")
        #expect(placement.rows[0][2] != placement.rows[1][2])

        // A row that waited in DEFAULT moves into its day's partition when that partition is created.
        try connection.query("INSERT INTO sync_events_log (event_type, created_at) VALUES ('late', (now() AT TIME ZONE 'utc')::date + 12)")
        let created = try connection.query("SELECT credeau_create_daily_partitions('sync_events_log', 12)")
        #expect(created.scalar == "2")
        let moved = try connection.query("SELECT tableoid::regclass::text FROM sync_events_log WHERE event_type = 'late'")
        #expect(moved.scalar == "sync_events_log_p\(utcDay(offset: 12))")
    }

    @Test func retentionDropsOldPartitions() throws {
        let database = try PostgresTestDatabase()
        let connection = try database.connect()
        try migrator(connection).migrate()
        let target = PostgresMigrationTarget(connection: connection)
        try target.maintainPartitions()
        try connection.executeScript("""
            CREATE TABLE usage_p20000101 PARTITION OF usage FOR VALUES FROM ('2000-01-01') TO ('2000-01-02');
            INSERT INTO usage (request_id, created_at) VALUES ('ancient', '2000-01-01 12:00:00');
            """)
        let result = try target.maintainPartitions(daysAhead: 10, retentionDays: 90)
        #expect(result.first { $0.table == "usage" }?.dropped == 1)
        #expect(try connection.query("SELECT to_regclass('usage_p20000101')").scalar == nil)
        #expect(try connection.query("SELECT count(*) FROM usage WHERE request_id = 'ancient'").scalar == "0")
        #expect(try connection.query("SELECT to_regclass(\("usage_p" + utcDay(offset: 0)))").scalar != nil)
    }

    @Test func loadWithPostgresURLFillsSyncDatabase() throws {
        let api = try PostgresTestDatabase()
        let sync = try PostgresTestDatabase()
        var options = MigrateOptions(environment: ["DI_POSTGRES_SYNC_DATABASE": sync.configuration.database])
        options.postgresURL = try #require(StorageTestSupport.postgresURL).replacingOccurrences(
            of: "/api_insights_db", with: "/\(api.configuration.database)")
        options.loadDirectory = StorageTestSupport.dumpFixture
        let lines = Mutex<[String]>([])
        try MigrateRunner(options: options, logger: .discarding) { line in lines.withLock { $0.append(line) } }.run()

        #expect(lines.withLock { $0 }.contains { $0.contains("loaded 9 documents") })
        let store = PostgresSyncDBStore(pool: PostgresPool(configuration: sync.configuration, maxConnections: 1))
        #expect(try store.documents(in: .sms, clientID: "acme", userID: "user-1").count == 2)
    }

    @Test func concurrentMigrateRunsApplyOnce() throws {
        let database = try PostgresTestDatabase()
        let applied = Mutex<[Int]>([])
        let failures = Mutex<[String]>([])
        DispatchQueue.concurrentPerform(iterations: 2) { _ in
            do {
                let connection = try database.connect()
                let versions = try migrator(connection).migrate().map(\.version)
                try PostgresMigrationTarget(connection: connection).maintainPartitions()
                applied.withLock { $0.append(contentsOf: versions) }
            } catch {
                failures.withLock { $0.append("\(error)") }
            }
        }
        #expect(failures.withLock { $0 } == [])
        #expect(applied.withLock { $0.sorted() } == [1, 2, 3, 4, 5, 6])
        let connection = try database.connect()
        let recorded = try connection.query("SELECT count(*) FROM credeau_schema_migrations")
        #expect(recorded.scalar == "6")
    }

    @Test func brokenConnectionReconnects() throws {
        let database = try PostgresTestDatabase()
        let connection = try database.connect()
        let pid = try #require(try connection.query("SELECT pg_backend_pid()").scalar)
        let other = try database.connect()
        try other.query("SELECT pg_terminate_backend(\(Int(pid) ?? 0))")
        let after = try connection.query("SELECT pg_backend_pid()").scalar
        #expect(after != nil)
        #expect(after != pid)
    }

    @Test func reconnectsAfterServerRestart() throws {
        let cluster = try PrivatePostgresCluster()
        let pool = PostgresPool(configuration: try PostgresConfiguration(url: cluster.url), maxConnections: 2)
        #expect(try pool.query("SELECT 1").scalar == "1")

        try #require(try cluster.restart() == 0, "scripts/test-postgres.sh restart failed")

        #expect(try pool.query("SELECT 2").scalar == "2")
    }

    @Test func transactionIsNotRetried() throws {
        let database = try PostgresTestDatabase()
        let connection = try database.connect()
        let other = try database.connect()
        let pid = try #require(try connection.query("SELECT pg_backend_pid()").scalar)
        do {
            try connection.transaction { connection in
                try other.query("SELECT pg_terminate_backend(\(Int(pid) ?? 0))")
                try connection.query("SELECT 1")
            }
            Issue.record("a statement inside a broken transaction must fail")
        } catch let error as PostgresError {
            guard case .connectionLost = error else {
                Issue.record("expected connectionLost, got \(error)")
                return
            }
        }
    }

    @Test func wrongPasswordReportedClearly() throws {
        var configuration = try PostgresConfiguration(url: try #require(StorageTestSupport.postgresURL))
        configuration.password = "definitely-wrong-password"
        do {
            _ = try PostgresConnection(configuration: configuration)
            Issue.record("login with a wrong password must fail")
        } catch let error as PostgresError {
            let message = error.description
            #expect(message.contains("password authentication failed"))
            #expect(message.contains(configuration.endpoint))
            #expect(!message.contains("definitely-wrong-password"))
            #expect(!message.contains("\n"))
        }
    }

    @Test func unreachablePortReportedClearly() throws {
        var configuration = try PostgresConfiguration(url: try #require(StorageTestSupport.postgresURL))
        configuration.port = 1
        do {
            _ = try PostgresConnection(configuration: configuration)
            Issue.record("connecting to a closed port must fail")
        } catch let error as PostgresError {
            guard case let .connectionFailed(_, _, reason, _) = error else {
                Issue.record("expected connectionFailed, got \(error)")
                return
            }
            #expect(reason == .unreachable)
            #expect(error.description.contains("Connection refused"))
            #expect(!error.description.contains("\n"))
        }
    }

    @Test func wrongDatabaseReportedClearly() throws {
        let configuration = try PostgresConfiguration(url: try #require(StorageTestSupport.postgresURL))
            .with(database: "no_such_database_here")
        do {
            _ = try PostgresConnection(configuration: configuration)
            Issue.record("connecting to a missing database must fail")
        } catch let error as PostgresError {
            #expect(error.description.contains("database \"no_such_database_here\" does not exist"))
            #expect(!error.description.contains("FATAL"))
        }
    }

    @Test func statementErrorNamesSQLState() throws {
        let database = try PostgresTestDatabase()
        let connection = try database.connect()
        do {
            try connection.query("SELECT * FROM missing_table WHERE id = \(1)")
            Issue.record("a query on a missing table must fail")
        } catch let error as PostgresError {
            #expect(error.sqlState == "42P01")
            #expect(error.description.contains("missing_table"))
            #expect(error.description.contains(database.configuration.database))
        }
    }

    @Test func parametersRoundTrip() throws {
        let database = try PostgresTestDatabase()
        let connection = try database.connect()
        let text = "O'Reilly; DROP TABLE x; -- ₹ 1,200"
        let missing: Int? = nil
        let rows = try connection.query("SELECT \(text)::text, \(42)::int, \(true)::bool, \(missing)::int")
        #expect(rows.rows == [[text, "42", "t", nil]])
    }

    @Test func addClientAndLoadDump() throws {
        let database = try PostgresTestDatabase()
        let sync = try PostgresTestDatabase()
        var environment = [
            "DI_POSTGRES_HOST": database.configuration.host, "DI_POSTGRES_PORT": String(database.configuration.port),
            "DI_POSTGRES_USERNAME": database.configuration.user, "DI_POSTGRES_PASSWORD": database.configuration.password,
            "DI_POSTGRES_DATABASE": database.configuration.database,
            "DI_POSTGRES_SYNC_DATABASE": sync.configuration.database,
        ]
        environment["CREDEAU_SQLITE_PATH"] = "/nonexistent/never-used.db"
        var options = MigrateOptions(environment: environment)
        options.newClient = (name: "acme", email: nil)
        options.loadDirectory = StorageTestSupport.dumpFixture
        let lines = Mutex<[String]>([])
        let runner = MigrateRunner(options: options, logger: .discarding) { line in lines.withLock { $0.append(line) } }
        try runner.run()
        options.newClient = nil
        try MigrateRunner(options: options, logger: .discarding) { line in lines.withLock { $0.append(line) } }.run()

        let output = lines.withLock { $0 }
        #expect(output.contains { $0.contains("loaded 9 documents, skipped 0") })
        #expect(output.contains { $0.contains("loaded 0 documents, skipped 9") })
        let token = try #require(output.first { $0.hasPrefix("auth_token: ") }).dropFirst("auth_token: ".count)
        let connection = try database.connect()
        #expect(try connection.query("SELECT auth_token FROM clients WHERE client_id = 'acme'").scalar == String(token))

        let store = PostgresSyncDBStore(pool: PostgresPool(configuration: sync.configuration, maxConnections: 1))
        let devices = try store.documents(in: .device, clientID: "acme", userID: "user-2")
        #expect(devices.count == 1)
        #expect(devices.first?.contains("Galaxy M14") == true)
        let syncConnection = try sync.connect()
        let created = try syncConnection.query(
            "SELECT to_char(created_at, 'YYYY-MM-DD HH24:MI:SS') FROM sms_sync_request_sms_data WHERE request_id = 'req-sms-1'")
        #expect(created.scalar == "2026-11-30 10:15:00")
    }

    /// jsonb cannot hold NUL: a document whose SMS id and body carry `\u0000` loads with U+FFFD in
    /// their place, as extracted_sms keeps such ids, instead of failing the whole load (22P05).
    @Test func loadReplacesNULInJSONB() throws {
        let database = try PostgresTestDatabase()
        let sync = try PostgresTestDatabase()
        let folder = try StorageTestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let document = #"{"client_id":"acme","user_id":"nul-1","request_id":"r-nul","#
            + #""sms":[{"sms_id":"a\u0000b","sms_body":"Rs 5 debited\u0000","sms_sender":"VM-HDFCBK","#
            + #""sms_inbox_date":1772541341000},{"sms_id":"c","sms_body":"a \\u0000 text","sms_inbox_date":1772541341000}]}"#
        try (document + "\n").write(to: folder.appendingPathComponent("sms_sync_request_sms_data.json"),
                                     atomically: true, encoding: .utf8)
        var options = MigrateOptions(environment: [
            "DI_POSTGRES_HOST": database.configuration.host, "DI_POSTGRES_PORT": String(database.configuration.port),
            "DI_POSTGRES_USERNAME": database.configuration.user, "DI_POSTGRES_PASSWORD": database.configuration.password,
            "DI_POSTGRES_DATABASE": database.configuration.database,
            "DI_POSTGRES_SYNC_DATABASE": sync.configuration.database, "CREDEAU_SQLITE_PATH": "/nonexistent/never-used.db",
        ])
        options.loadDirectory = folder.path
        let lines = Mutex<[String]>([])
        try MigrateRunner(options: options, logger: .discarding) { line in lines.withLock { $0.append(line) } }.run()

        #expect(lines.withLock { $0 }.contains { $0.contains("loaded 1 documents, skipped 0") })
        let store = PostgresSyncDBStore(pool: PostgresPool(configuration: sync.configuration, maxConnections: 1))
        let stored = try #require(try store.documents(in: .sms, clientID: "acme", userID: "nul-1").first)
        // json keeps the text as loaded and jsonb prints its own, so the stored ids are compared parsed.
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(stored.utf8)) as? [String: Any])
        let sms = try #require(parsed["sms"] as? [[String: Any]])
        #expect(sms.map { $0["sms_id"] as? String } == ["a\u{FFFD}b", "c"])
        #expect(sms.last?["sms_body"] as? String == #"a \u0000 text"#, "an escaped backslash before u0000 is text, left as it is")
    }

    @Test func replacingNULEscapesSkipsEscapedBackslashes() {
        #expect(PostgresSyncDBStore.replacingNULEscapes(#"{"a":"x\u0000y"}"#) == #"{"a":"x\uFFFDy"}"#)
        #expect(PostgresSyncDBStore.replacingNULEscapes(#"{"a":"x\\u0000y"}"#) == #"{"a":"x\\u0000y"}"#)
        #expect(PostgresSyncDBStore.replacingNULEscapes(#"{"a":"\u00000\u0000"}"#) == #"{"a":"\uFFFD0\uFFFD"}"#)
        #expect(PostgresSyncDBStore.replacingNULEscapes(#"{"a":"\n\u00e9"}"#) == #"{"a":"\n\u00e9"}"#)
    }

    @Test func poolServesConcurrentBorrowers() throws {
        let database = try PostgresTestDatabase()
        let pool = PostgresPool(configuration: database.configuration, maxConnections: 2)
        let results = Mutex<[String]>([])
        DispatchQueue.concurrentPerform(iterations: 6) { index in
            let value = try? pool.query("SELECT \(index)::int + 1, pg_sleep(0.05)").scalar
            results.withLock { $0.append(value ?? "failed") }
        }
        #expect(results.withLock { $0.sorted() } == ["1", "2", "3", "4", "5", "6"])
    }
}
