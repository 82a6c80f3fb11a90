@testable import CredeauKit
import Foundation
import Testing

/// The MongoDB path through the real libmongoc client, against the wire-protocol test server
/// of Tests/MongoTestServer (mongomock behind OP_MSG).
@Suite(.enabled(if: StorageTestSupport.testPython != nil, StorageTestSupport.mongoSkipNotice))
struct MongoStorageTests {
    /// Returns migrate options for `server` and `sqlitePath`, with the extra variables in `environment`.
    /// Without PostgreSQL, migrate also creates the SQLite file serve-insights keeps its tables in.
    private func options(_ server: MongoTestServer, sqlitePath: String? = nil,
                         environment: [String: String] = [:]) throws -> MigrateOptions {
        let path = try sqlitePath ?? StorageTestSupport.temporaryDirectory().appendingPathComponent("api.db").path
        return MigrateOptions(environment: [
            "DI_MONGODB_HOST": "127.0.0.1", "DI_MONGODB_PORT": String(server.port),
            "DI_MONGODB_SERVER_SELECTION_TIMEOUT_MS": "3000", "CREDEAU_SQLITE_PATH": path,
        ].merging(environment) { _, extra in extra })
    }

    /// Runs migrate with `options` and returns the lines it wrote.
    private func run(_ options: MigrateOptions) throws -> [String] {
        var lines: [String] = []
        try MigrateRunner(options: options, logger: .discarding) { lines.append($0) }.run()
        return lines
    }

    private func migrate(_ server: MongoTestServer, _ configure: (inout MigrateOptions) -> Void = { _ in })
        throws -> [String]
    {
        var options = try options(server)
        configure(&options)
        return try run(options)
    }

    @Test func migrateCreatesSyncDBIndexes() throws {
        let server = try MongoTestServer()
        _ = try migrate(server)
        let pool = try MongoClientPool(configuration: server.configuration())
        for collection in SyncDBCollection.all {
            let reply = try pool.runCommand(BSONBytes(json: #"{"listIndexes": "\#(collection.name)"}"#))
            let json = try #require(reply.relaxedJSON)
            for keys in collection.indexes {
                let name = keys.map { "\($0)_1" }.joined(separator: "_")
                #expect(json.contains("\"\(name)\""), "index \(name) missing on \(collection.name)")
            }
            if collection.indexes.contains(["client_id", "user_id"]) {
                #expect(json.contains("clientId_1_userId_1"), "camelCase index missing on \(collection.name)")
            }
        }
    }

    @Test func secondMigrateAppliesNothing() throws {
        let server = try MongoTestServer()
        let first = try migrate(server)
        let second = try migrate(server)
        #expect(first.contains { $0.contains("applied 1") })
        #expect(second.contains { $0.contains("up to date at version 2") })
        let status = try migrate(server) { $0.statusOnly = true }
        #expect(status.contains { $0.contains("create sync_db indexes") })
    }

    @Test func loadedDumpIsReadBackByUser() throws {
        let server = try MongoTestServer()
        let first = try migrate(server) { $0.loadDirectory = StorageTestSupport.dumpFixture }
        let second = try migrate(server) { $0.loadDirectory = StorageTestSupport.dumpFixture }
        #expect(first.contains { $0.contains("loaded 9 documents, skipped 0") })
        #expect(second.contains { $0.contains("loaded 0 documents, skipped 9") })

        let store = MongoSyncDBStore(pool: try MongoClientPool(configuration: server.configuration()))
        let sms = try store.documents(in: .sms, clientID: "acme", userID: "user-1")
        #expect(sms.count == 2)
        #expect(sms.contains { $0.contains("req-sms-1") })
        #expect(try store.documents(in: .contacts, clientID: "acme", userID: "user-1").count == 1)
        #expect(try store.documents(in: .sms, clientID: "acme", userID: "nobody").isEmpty)
        // Ids are escaped into the filter, so one that looks like query syntax matches nothing.
        #expect(try store.documents(in: .sms, clientID: #"acme"}, {"$ne": "x"#, userID: #"\"#).isEmpty)
        // The third SMS document spells its ids `clientId` and `userId`.
        #expect(try store.documents(in: .sms, clientID: "acme", userID: "user-2").count == 1)
        let users = try store.users(in: .sms).map { "\($0.clientID)/\($0.userID)" }
        #expect(users.contains("acme/user-2"))
    }

    /// Inserts one SMS sync document per id pair, each with the given Extended JSON ids.
    private func storeWithSyncDocuments(_ server: MongoTestServer, ids: [(client: String, user: String)]) throws
        -> MongoSyncDBStore
    {
        let pool = try MongoClientPool(configuration: server.configuration())
        for (index, pair) in ids.enumerated() {
            try pool.insert(BSONBytes(json: """
                {"client_id": \(pair.client), "user_id": \(pair.user), "request_id": "r\(index)",
                 "sms": [{"sms_id": "\(index)", "sms_body": "body", "sms_inbox_date": 1772700000000}]}
                """), into: SyncDBCollection.sms.name)
        }
        return MongoSyncDBStore(pool: pool)
    }

    @Test func numericIDsFindTheUser() throws {
        let server = try MongoTestServer()
        let store = try storeWithSyncDocuments(server, ids: [
            (#""t""#, "12345"), (#""t""#, #"{"$numberLong": "9876543210"}"#), ("42", #""u""#),
            (#""t""#, #"{"$oid": "66f1a2b3c4d5e6f7a8b90001"}"#), (#""t""#, "-7"),
        ])
        #expect(try store.documents(in: .sms, clientID: "t", userID: "12345").count == 1)
        #expect(try store.documents(in: .sms, clientID: "t", userID: "9876543210").count == 1)
        #expect(try store.documents(in: .sms, clientID: "42", userID: "u").count == 1)
        #expect(try store.documents(in: .sms, clientID: "t", userID: "66f1a2b3c4d5e6f7a8b90001").count == 1)
        #expect(try store.documents(in: .sms, clientID: "t", userID: "-7").count == 1)
        // Only the digits the dump reader writes name the number.
        #expect(try store.documents(in: .sms, clientID: "t", userID: "012345").isEmpty)
        #expect(try store.documents(in: .sms, clientID: "t", userID: "+12345").isEmpty)
    }

    @Test func numericIDsAreListedAsText() throws {
        let server = try MongoTestServer()
        let store = try storeWithSyncDocuments(server, ids: [
            (#""t""#, "12345"), (#""t""#, #""12345""#), (#""t""#, #"{"$numberLong": "9876543210"}"#),
            ("42", #""u""#), (#""t""#, #"{"$oid": "66f1a2b3c4d5e6f7a8b90001"}"#),
        ])
        let users = try store.users(in: .sms).sorted().map { "\($0.clientID)/\($0.userID)" }
        #expect(users == ["42/u", "t/12345", "t/66f1a2b3c4d5e6f7a8b90001", "t/9876543210"])
    }

    /// A document may spell one id in snake_case and the other in camelCase, as dumps allow.
    @Test func mixedSpellingsFindTheUser() throws {
        let server = try MongoTestServer()
        let pool = try MongoClientPool(configuration: server.configuration())
        for document in [#"{"client_id": "t", "userId": "u1", "request_id": "r1", "sms": []}"#,
                         #"{"clientId": "t", "user_id": 7, "request_id": "r2", "sms": []}"#,
                         #"{"client_id": "t", "user_id": "other", "userId": "u1", "request_id": "r3", "sms": []}"#] {
            try pool.insert(BSONBytes(json: document), into: SyncDBCollection.sms.name)
        }
        let store = MongoSyncDBStore(pool: pool)

        // The snake_case spelling wins when a document has both, as in the dump reader.
        #expect(try store.documents(in: .sms, clientID: "t", userID: "u1").count == 1)
        #expect(try store.documents(in: .sms, clientID: "t", userID: "7").count == 1)
        #expect(try store.documents(in: .sms, clientID: "t", userID: "other").count == 1)
        let document = try SyncDBDocument(bson: BSONBytes(json: #"{"client_id": "t", "userId": "u1", "request_id": "r1", "sms": []}"#),
                                          collection: .sms)
        #expect(try !store.insertIfAbsent(document, into: .sms))
    }

    /// A loaded document whose `_id` another user's document already has is stored under a new
    /// `_id` instead of being skipped as present.
    @Test func takenObjectIDKeepsTheDocument() throws {
        let server = try MongoTestServer()
        let pool = try MongoClientPool(configuration: server.configuration())
        let oid = #"{"$oid": "66f1a2b3c4d5e6f7a8b90001"}"#
        try pool.insert(BSONBytes(json: #"{"_id": \#(oid), "client_id": "t", "user_id": "u1", "request_id": "r1", "sms": []}"#),
                        into: SyncDBCollection.sms.name)
        let store = MongoSyncDBStore(pool: pool)
        let other = try SyncDBDocument(
            bson: BSONBytes(json: #"{"_id": \#(oid), "client_id": "t", "user_id": "u2", "request_id": "r2", "sms": []}"#),
            collection: .sms)

        #expect(try store.insertIfAbsent(other, into: .sms))
        #expect(try store.documents(in: .sms, clientID: "t", userID: "u2").count == 1)
        #expect(try store.documents(in: .sms, clientID: "t", userID: "u1").count == 1)
        #expect(try !store.insertIfAbsent(other, into: .sms))
    }

    @Test func doubleIDIsNoUserID() throws {
        let server = try MongoTestServer()
        let store = try storeWithSyncDocuments(server, ids: [(#""t""#, "555.0"), (#""t""#, "true")])
        #expect(try store.documents(in: .sms, clientID: "t", userID: "555").isEmpty)
        #expect(try store.users(in: .sms).isEmpty)
    }

    /// A second load finds each document again whatever type or spelling its ids were stored in.
    @Test func reloadSkipsNumericAndCamelCaseIDs() throws {
        let server = try MongoTestServer()
        let folder = try StorageTestSupport.temporaryDirectory()
        let lines = [
            #"{"client_id": "t", "user_id": 12345, "request_id": 7, "created_at": {"$date": "2026-03-01T00:00:00Z"}, "sms": []}"#,
            #"{"clientId": "t", "userId": "u2", "requestId": "r2", "created_at": {"$date": "2026-03-01T00:00:00Z"}, "sms": []}"#,
            #"{"client_id": "t", "user_id": "12345", "sync_request_id": "r3", "created_at": {"$date": "2026-03-01T00:00:00Z"}, "sms": []}"#,
        ]
        try (lines.joined(separator: "\n") + "\n").write(
            to: folder.appendingPathComponent("sms_sync_request_sms_data.json"), atomically: true, encoding: .utf8)

        let first = try migrate(server) { $0.loadDirectory = folder.path }
        let second = try migrate(server) { $0.loadDirectory = folder.path }

        #expect(first.contains { $0.contains("loaded 3 documents, skipped 0") })
        #expect(second.contains { $0.contains("loaded 0 documents, skipped 3") })
    }

    @Test func routerReadsEnabledSourcesFromMongo() throws {
        let server = try MongoTestServer()
        _ = try migrate(server) { $0.loadDirectory = StorageTestSupport.dumpFixture }
        let sqlite = try StorageTestSupport.emptySQLiteSyncDB()
        let router = SyncDBRouter(
            mongo: MongoSyncDBStore(pool: try MongoClientPool(configuration: server.configuration())),
            fallback: sqlite, enabledSources: try MongoEnabledSources(environment: ["DI_MONGODB_ENABLED_SOURCES": "sms"]))
        #expect(try router.documents(of: .sms, clientID: "acme", userID: "user-1").count == 2)
        // Contacts are not enabled for MongoDB, so they come from the empty SQLite file.
        #expect(try router.documents(of: .contacts, clientID: "acme", userID: "user-1").isEmpty)
    }

    /// With MongoDB and no PostgreSQL, serve-insights keeps api_insights_db in the SQLite file, so
    /// migrate creates it there and adds the client to it.
    @Test func mongoOnlyAddsClientToSQLite() throws {
        let server = try MongoTestServer()
        let path = try StorageTestSupport.temporaryDirectory().appendingPathComponent("api.db").path
        var options = try options(server, sqlitePath: path)
        options.newClient = (name: "t_insights", email: nil)
        let lines = try run(options)

        #expect(lines.contains { $0.hasPrefix("auth_token: ") })
        let rows = try SQLiteDatabase(path: path).query("SELECT client_id FROM clients")
        #expect(rows.count == 1)
        #expect(rows.first?.first == .text("t_insights"))
    }

    /// Sources MongoDB does not serve go to the SQLite sync_db, and only those.
    @Test func sqliteLoadSkipsMongoSources() throws {
        let server = try MongoTestServer()
        let path = try StorageTestSupport.temporaryDirectory().appendingPathComponent("api.db").path
        var options = try options(server, sqlitePath: path, environment: ["DI_MONGODB_ENABLED_SOURCES": "sms"])
        options.loadDirectory = StorageTestSupport.dumpFixture
        _ = try run(options)

        let sqlite = SQLiteSyncDBStore(database: try SQLiteDatabase(path: path))
        let mongo = MongoSyncDBStore(pool: try MongoClientPool(configuration: server.configuration()))
        #expect(try sqlite.documents(in: .sms, clientID: "acme", userID: "user-1").isEmpty)
        #expect(try sqlite.documents(in: .contacts, clientID: "acme", userID: "user-1").count == 1)
        #expect(try mongo.documents(in: .sms, clientID: "acme", userID: "user-1").count == 2)
        #expect(try mongo.documents(in: .contacts, clientID: "acme", userID: "user-1").isEmpty)
    }

    /// A typo in DI_MONGODB_ENABLED_SOURCES stops the run before any database is touched.
    @Test func badSourceListChangesNothing() throws {
        let server = try MongoTestServer()
        let path = try StorageTestSupport.temporaryDirectory().appendingPathComponent("api.db").path
        let options = try options(server, sqlitePath: path, environment: ["DI_MONGODB_ENABLED_SOURCES": "sms,foo"])
        var lines: [String] = []
        #expect(throws: (any Error).self) { lines = try run(options) }
        #expect(lines.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func unreachableServerFailsWithOneLine() throws {
        let options = MigrateOptions(environment: [
            "DI_MONGODB_HOST": "127.0.0.1", "DI_MONGODB_PORT": "1", "DI_MONGODB_SERVER_SELECTION_TIMEOUT_MS": "500",
        ])
        do {
            try MigrateRunner(options: options, logger: .discarding) { _ in }.run()
            Issue.record("migrate against a closed port succeeded")
        } catch {
            let message = String(describing: error)
            #expect(message.contains("127.0.0.1:1"))
            #expect(!message.contains("\n"))
        }
    }
}
