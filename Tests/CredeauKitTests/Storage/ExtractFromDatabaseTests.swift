@testable import CredeauKit
import Foundation
import Testing

/// `credeau extract` reading users from PostgreSQL and MongoDB `sync_db`, run through the built
/// binary and compared with the rows it writes for the same dump read from files.
@Suite struct ExtractFromDatabaseTests {
    private static let binary = StorageTestSupport.packageRoot.appendingPathComponent(".build/debug/credeau").path
    private static let dump = StorageTestSupport.packageRoot.appendingPathComponent("fixtures/sync_db").path
    private static let cutoff = ["--cutoff-date", "2026-04-30", "--quiet"]

    /// Returns a fresh PostgreSQL database with the fixture dump loaded by `migrate --load`.
    private static func loadedPostgres() throws -> PostgresTestDatabase {
        let sync = try PostgresTestDatabase()
        let configuration = sync.configuration
        var options = MigrateOptions(environment: [
            "DI_POSTGRES_HOST": configuration.host, "DI_POSTGRES_PORT": String(configuration.port),
            "DI_POSTGRES_USERNAME": configuration.user, "DI_POSTGRES_PASSWORD": configuration.password,
            "DI_POSTGRES_DATABASE": configuration.database, "DI_POSTGRES_SYNC_DATABASE": configuration.database,
            "CREDEAU_SQLITE_PATH": "/nonexistent/never-used.db",
        ])
        options.loadDirectory = dump
        try MigrateRunner(options: options, logger: .discarding) { _ in }.run()
        return sync
    }

    private func extract(_ input: String, _ extra: [String] = []) throws -> ScriptRunner.Result {
        try ScriptRunner.run(Self.binary, ["extract", "--input", input, "--output", "-"] + Self.cutoff + extra)
    }

    @Test(.enabled(if: StorageTestSupport.postgresURL != nil, StorageTestSupport.postgresSkipNotice))
    func postgresInputMatchesTheDump() throws {
        let sync = try Self.loadedPostgres()
        let configuration = sync.configuration
        let url = try #require(StorageTestSupport.postgresURL)
        let databaseURL = try Self.url(url, withDatabase: configuration.database)

        let fromPostgres = try extract(databaseURL, ["--workers", "2"])
        let fromDump = try extract(Self.dump)

        #expect(fromPostgres.status == 0)
        #expect(fromPostgres.output.split(separator: "\n").count == 6)
        #expect(fromPostgres.output == fromDump.output)
        let selected = try extract(databaseURL, ["--users", "cu-1002"])
        #expect(selected.output.split(separator: "\n").count == 1)
        #expect(selected.output.contains(#""user_id":"cu-1002""#))
    }

    @Test(.enabled(if: StorageTestSupport.testPython != nil, StorageTestSupport.mongoSkipNotice))
    func mongoInputMatchesTheDump() throws {
        let server = try MongoTestServer()
        var options = MigrateOptions(environment: [
            "DI_MONGODB_HOST": "127.0.0.1", "DI_MONGODB_PORT": String(server.port),
            "DI_MONGODB_SERVER_SELECTION_TIMEOUT_MS": "3000",
            "CREDEAU_SQLITE_PATH": try StorageTestSupport.temporaryDirectory().appendingPathComponent("api.db").path,
        ])
        options.loadDirectory = Self.dump
        try MigrateRunner(options: options, logger: .discarding) { _ in }.run()
        let store = MongoSyncDBStore(pool: try MongoClientPool(configuration: server.configuration()))
        #expect(try UserDataLoader(store: store).users().map(\.userID)
            == ["cu-1001", "cu-1002", "cu-1003", "cu-1004", "cu-1005", "cu-1006"])

        let fromMongo = try extract("mongodb://127.0.0.1:\(server.port)/sync_db?serverSelectionTimeoutMS=3000",
                                    ["--workers", "2"])
        let fromDump = try extract(Self.dump)

        #expect(fromMongo.status == 0)
        let mongoRows = fromMongo.output.split(separator: "\n")
        let dumpRows = fromDump.output.split(separator: "\n")
        #expect(mongoRows.count == 6)
        // The SMS documents of cu-1002 spell the ids `clientId` and `userId`; MongoDB finds them
        // too, so every row equals the dump's.
        for (mongoRow, dumpRow) in zip(mongoRows, dumpRows) {
            #expect(mongoRow == dumpRow)
        }
        let camelCaseUser = try #require(mongoRows.first { $0.contains(#""user_id":"cu-1002""#) })
        #expect(!camelCaseUser.contains(#""all_sms_count_all":null"#))

        // Documents whose user id is a double or missing name no user. The listing leaves them
        // out, and extract prints how many.
        #expect(try store.unlistedDocumentCount(in: .sms) == 0)
        let pool = try MongoClientPool(configuration: server.configuration())
        try pool.insert(BSONBytes(json: #"{"client_id": "lendwise_demo", "user_id": 1001.0, "sms": []}"#),
                        into: SyncDBCollection.sms.name)
        try pool.insert(BSONBytes(json: #"{"client_id": "lendwise_demo", "sms": []}"#), into: SyncDBCollection.sms.name)
        #expect(try store.unlistedDocumentCount(in: .sms) == 2)
        #expect(try store.unlistedDocumentCount(in: .apps) == 0)
        let errorPath = ScriptRunner.temporaryOutputPath()
        let outputPath = ScriptRunner.temporaryOutputPath()
        defer {
            try? FileManager.default.removeItem(atPath: errorPath)
            try? FileManager.default.removeItem(atPath: outputPath)
        }
        let pid = try ScriptRunner.spawn(Self.binary, ["extract", "--input",
                                                       "mongodb://127.0.0.1:\(server.port)/sync_db?serverSelectionTimeoutMS=3000",
                                                       "--output", "-"] + Self.cutoff,
                                         outputPath: outputPath, errorPath: errorPath)
        #expect(ScriptRunner.wait(for: pid) == 0)
        let warnings = try String(contentsOfFile: errorPath, encoding: .utf8)
        #expect(warnings.contains("Warning: 2 documents of MongoDB collection 'sms_sync_request_sms_data' left out"))
        #expect(try String(contentsOfFile: outputPath, encoding: .utf8) == fromMongo.output)
    }

    @Test func unreachableMongoExitsOne() throws {
        let result = try extract("mongodb://127.0.0.1:1/sync_db?serverSelectionTimeoutMS=300")

        #expect(result.status == 1)
        #expect(result.output.isEmpty)
    }

    /// Returns the error that listing the users of `input` throws, or nil.
    private func listingError(_ input: BatchInput) -> (any Error)? {
        do {
            _ = try BatchUserSource(input: input, filter: BatchUserFilter(), workers: 1) { _ in }
            return nil
        } catch {
            return error
        }
    }

    /// A database without sync_db data, such as a misspelt database name, stops with a usage
    /// error instead of writing no users.
    @Test func sqliteWithoutSyncTablesIsUsageError() throws {
        let path = try StorageTestSupport.temporaryDirectory().appendingPathComponent("other.db").path
        try SQLiteDatabase(path: path).execute("CREATE TABLE notes (text TEXT)")

        let error = listingError(.sqlite(path))
        #expect("\(error.map { "\($0)" } ?? "")".contains("has none of the sync_db tables"))
        #expect(try extract(path).status == 2)
    }

    @Test(.enabled(if: StorageTestSupport.postgresURL != nil, StorageTestSupport.postgresSkipNotice))
    func postgresWithoutSyncTablesIsUsageError() throws {
        let empty = try PostgresTestDatabase()

        let error = listingError(.postgres(empty.configuration))
        #expect((error as? BatchInputError)?.exitCode == 2)
        #expect("\(error.map { "\($0)" } ?? "")".contains("PostgreSQL database"))
    }

    @Test(.enabled(if: StorageTestSupport.testPython != nil, StorageTestSupport.mongoSkipNotice))
    func mongoWithoutSyncCollectionsIsUsageError() throws {
        let server = try MongoTestServer()
        let url = "mongodb://127.0.0.1:\(server.port)/emptydb?serverSelectionTimeoutMS=3000"

        let error = listingError(try BatchInput(text: url))
        #expect("\(error.map { "\($0)" } ?? "")".contains("MongoDB database 'emptydb'"))
        #expect(try extract(url).status == 2)
    }

    /// A database with some sync_db tables reads like a dump folder with some files: the other
    /// sources are not synced.
    @Test func sqliteWithSomeTablesReadsThem() throws {
        let path = try StorageTestSupport.temporaryDirectory().appendingPathComponent("partial.db").path
        var options = MigrateOptions(environment: ["CREDEAU_SQLITE_PATH": path])
        options.loadDirectory = Self.dump
        try MigrateRunner(options: options, logger: .discarding) { _ in }.run()
        try SQLiteDatabase(path: path).execute("DROP TABLE sms_sync_request_sms_data")

        expectSMSNotSynced(try extract(path))
    }

    @Test(.enabled(if: StorageTestSupport.postgresURL != nil, StorageTestSupport.postgresSkipNotice))
    func postgresWithSomeTablesReadsThem() throws {
        let sync = try Self.loadedPostgres()
        let configuration = sync.configuration
        try PostgresConnection(configuration: configuration).executeScript("DROP TABLE sms_sync_request_sms_data")

        let url = try Self.url(try #require(StorageTestSupport.postgresURL), withDatabase: configuration.database)
        expectSMSNotSynced(try extract(url))
    }

    /// Checks the rows of the fixture users read without the SMS table.
    private func expectSMSNotSynced(_ result: ScriptRunner.Result, sourceLocation: SourceLocation = #_sourceLocation) {
        let rows = result.output.split(separator: "\n")
        #expect(result.status == 0, sourceLocation: sourceLocation)
        #expect(rows.count == 6, sourceLocation: sourceLocation)
        // cu-1006 syncs from iOS, whose SMS are never synced.
        #expect(rows.filter { $0.contains(#""sms_data_null_reason":"not_synced""#) }.count == 5, sourceLocation: sourceLocation)
        #expect(!rows.contains { $0.contains(#""sms_data_null_reason":null"#) }, sourceLocation: sourceLocation)
    }

    /// The hint names the URL's parts, since --input does not read the DI_MONGODB_* variables.
    @Test func unreachableMongoNamesTheURL() throws {
        let error = listingError(try BatchInput(text: "mongodb://127.0.0.1:1/sync_db?serverSelectionTimeoutMS=300"))
        let text = error.map { "\($0)" } ?? ""

        #expect(text.contains("mongodb:// URL"))
        #expect(!text.contains("DI_MONGODB"))
    }

    /// Replaces the database of a `postgres://` URL.
    private static func url(_ url: String, withDatabase database: String) throws -> String {
        var components = try #require(URLComponents(string: url))
        components.path = "/" + database
        return try #require(components.string)
    }
}
