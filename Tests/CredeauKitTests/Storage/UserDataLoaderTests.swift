@testable import CredeauKit
import Foundation
import Testing

@Suite struct UserDataLoaderTests {
    /// A SQLite file with the shipped sample dump loaded, as `credeau migrate --load` leaves it.
    private func loadedStore(in folder: URL) throws -> SQLiteSyncDBStore {
        let path = folder.appendingPathComponent("credeau.db").path
        var options = MigrateOptions(environment: ["CREDEAU_SQLITE_PATH": path])
        options.loadDirectory = StorageTestSupport.packageRoot.appendingPathComponent("fixtures/sync_db").path
        try MigrateRunner(options: options, logger: .discarding) { _ in }.run()
        return SQLiteSyncDBStore(database: try SQLiteDatabase(path: path))
    }

    @Test func userReadFromSQLiteMatchesTheDumpReadDirectly() throws {
        let folder = try StorageTestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let loader = UserDataLoader(store: try loadedStore(in: folder))

        // The same user built straight from the dump files, document by document.
        let dump = StorageTestSupport.packageRoot.appendingPathComponent("fixtures/sync_db")
        var direct: UserDataBuilder?
        var clientAndUser: (String, String)?
        for source in SyncSource.allCases {
            let file = dump.appendingPathComponent(source.collection + ".json").path
            guard FileManager.default.fileExists(atPath: file) else { continue }
            for text in try String(contentsOfFile: file, encoding: .utf8).split(separator: "\n") where !text.isEmpty {
                let document = try JSONParser.parse(String(text))
                let header = try SyncJSONDecoder.header(document, source: source)
                if clientAndUser == nil {
                    clientAndUser = (header.clientID, header.userID)
                    direct = UserDataBuilder(clientID: header.clientID, userID: header.userID)
                }
                guard header.clientID == clientAndUser?.0, header.userID == clientAndUser?.1 else { continue }
                try direct?.add(document: document, source: source)
            }
        }
        let (clientID, userID) = try #require(clientAndUser)
        let expected = try #require(direct).build()
        let loaded = try #require(try loader.builder(clientID: clientID, userID: userID)).build()

        #expect(!expected.sms.isEmpty)
        #expect(loaded.sms.map(\.smsID).sorted() == expected.sms.map(\.smsID).sorted())
        #expect(loaded.apps?.count == expected.apps?.count)
        #expect(loaded.contacts?.count == expected.contacts?.count)
        #expect(loaded.callLogs?.count == expected.callLogs?.count)
        #expect(loaded.device?.count == expected.device?.count)
    }

    @Test func unknownUserIsNil() throws {
        let folder = try StorageTestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let loader = UserDataLoader(store: try loadedStore(in: folder))
        #expect(try loader.builder(clientID: "nobody", userID: "nobody") == nil)
    }

    @Test func numericIDsLoadAsText() throws {
        let store = try StorageTestSupport.emptySQLiteSyncDB()
        let document = try SyncDBDocument(bson: BSONBytes(json: """
            {"client_id": 42, "user_id": {"$numberLong": "9876543210"}, "request_id": {"$oid": "66f1a2b3c4d5e6f7a8b90001"},
             "sms": [{"sms_id": "1", "sms_body": "body", "sms_inbox_date": 1772700000000}]}
            """), collection: .sms)
        #expect(try store.insertIfAbsent(document, into: .sms))
        #expect(try store.users(in: .sms) == [SyncDBUser(clientID: "42", userID: "9876543210")])
        #expect(try store.documents(in: .sms, clientID: "42", userID: "9876543210").count == 1)
        #expect(document.columns["request_id"] == "66f1a2b3c4d5e6f7a8b90001")
        // Loading the same sync request again is skipped as a duplicate.
        #expect(try !store.insertIfAbsent(document, into: .sms))
    }

    /// An owner id that is no id (a double, a boolean) makes the document invalid, where it was
    /// stored without an owner, while a null one is read as absent.
    @Test(arguments: ["777.5", "true", #"{"$numberDecimal": "7"}"#])
    func unreadableOwnerIDIsInvalid(userID: String) throws {
        let json = #"{"client_id": "c", "user_id": "# + userID + #", "request_id": "r", "sms": []}"#
        let error = #expect(throws: BSONError.self) { try SyncDBDocument(bson: BSONBytes(json: json), collection: .sms) }
        #expect(error?.description.hasPrefix("field 'user_id' is no id") == true)
        let camel = #"{"clientId": 4.5, "userId": "u", "request_id": "r", "sms": []}"#
        let camelError = #expect(throws: BSONError.self) { try SyncDBDocument(bson: BSONBytes(json: camel), collection: .sms) }
        #expect(camelError?.description.hasPrefix("field 'clientId' is no id") == true)
        let null = try SyncDBDocument(bson: BSONBytes(json: #"{"client_id": "c", "user_id": null, "userId": "u", "sms": []}"#),
                                      collection: .sms)
        #expect(null.columns["user_id"] == "u")
    }

    /// An SMS document that is not JSON stops a strict load, and a lenient one leaves it out.
    @Test func unreadableDocumentSkippedWhenAsked() throws {
        let folder = try StorageTestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try loadedStore(in: folder)
        let collection = try #require(SyncDBCollection.named("sms_sync_request_sms_data"))
        let user = try #require(try store.users(in: collection).first)
        let database = try SQLiteDatabase(path: folder.appendingPathComponent("credeau.db").path)
        _ = try database.query(
            "INSERT INTO sms_sync_request_sms_data (client_id, user_id, request_id, created_at, payload) VALUES (?, ?, 'bad', 0, ?)",
            [.text(user.clientID), .text(user.userID), .text("{not json")])
        let loader = UserDataLoader(store: store)

        let error = #expect(throws: UserDataLoadError.self) { try loader.builder(clientID: user.clientID, userID: user.userID) }
        // The bad row has created_at 0, so it comes first of the user's SMS documents.
        #expect(error?.description.contains("sms_sync_request_sms_data: document 1 of the ") == true)
        let lenient = try #require(try loader.builder(clientID: user.clientID, userID: user.userID, skipsInvalidData: true))
        #expect(lenient.unreadableDocumentCount == 1)
        #expect(lenient.firstSkipReason?.contains("Invalid JSON") == true)
        #expect(!lenient.build().sms.isEmpty)
    }
}
