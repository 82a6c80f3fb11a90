@testable import CredeauKit
import Foundation
import Synchronization
import Testing

/// `PostgresExtractedSMSStore` writes a batch as COPY text. Texts that COPY or an array literal
/// must escape, empty texts, the word NULL and missing values must read back as the SQLite store
/// reads the same batch.
@Suite(.enabled(if: StorageTestSupport.postgresURL != nil, StorageTestSupport.postgresSkipNotice))
struct PostgresExtractedSMSStoreTests {
    private static let awkward = [
        #"say "hi""#, #"back\slash"#, #"\""#, "{braces}", "a,b", "NULL", "null", "", " ", "tab\tand\nnewline",
        "₹ 500 🙏", "(paren)", "'quote'", #"\\"#, "}", "{", "cr\r\nlf", #"\N"#, "line\n\\.\nend", "\t",
    ]

    private static func batch() -> [ExtractedSMS] {
        let bodies = [
            "Rs 500.00 debited from A/c XX1234 on 01-03-26 to VPA shop@okaxis. Avl Bal Rs 1,200.50",
            "Rs 900.00 credited to A/c XX1234 on 02-03-26 by NEFT",
            "Your OTP is 123456",
            "EMI of Rs 4,500 due on 05-04-26 for loan a/c 8891",
        ]
        return (0..<(awkward.count * 2)).map { index in
            let text = awkward[index % awkward.count]
            var sms = SMSExtractor().extract(
                RawSMS(id: "id-\(index)-\(text)", sender: index % 3 == 0 ? nil : "VM-HDFCBK",
                       body: bodies[index % bodies.count] + " " + text, inboxDateMillis: 1_772_000_000_000 + Int64(index) * 60_000),
                createdAtMillis: 1_772_500_000_000)
            if index % 2 == 0 { sms.senderName = text }
            if index % 3 == 0 { sms.transactionParty = text }
            if index % 4 == 0 { sms.smsBody = text }
            if index % 5 == 0 { sms.referenceNumber = text.isEmpty ? nil : text }
            return sms
        }
    }

    /// Rows of `entries` for client acme and user u.
    private static func rows(_ entries: [ExtractedSMS], requestID: String) -> ExtractedSMSRows {
        ExtractedSMSRows(entries.map { entry in
            var entry = entry
            entry.clientID = "acme"
            entry.userID = "u"
            entry.requestID = requestID
            return entry
        })
    }

    /// Applies the `api_insights_db` migrations to `database` and returns a connection to it.
    private static func migrated(_ database: PostgresTestDatabase) throws -> PostgresConnection {
        let connection = try database.connect()
        _ = try SchemaMigrator(target: PostgresMigrationTarget(connection: connection), schema: .apiInsights,
                               migrations: MigrationCatalog.postgres(.apiInsights)).migrate()
        return connection
    }

    @Test(arguments: [false, true])
    func batchReadsBackAsInSQLite(encrypted: Bool) throws {
        let database = try PostgresTestDatabase()
        let connection = try Self.migrated(database)
        let folder = try StorageTestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let fernet = encrypted ? try Fernet(key: Fernet.generateKey()) : nil
        let postgres = PostgresExtractedSMSStore(pool: PostgresPool(configuration: database.configuration), fernet: fernet)
        let sqlite = try SQLiteExtractedSMSStore(path: folder.appendingPathComponent("credeau.db").path, fernet: fernet,
                                                 migrate: true)
        let batch = Self.batch()
        for store in [postgres as any ExtractedSMSStore, sqlite] {
            try store.store(batch, clientID: #"acme"client"#, userID: #"u\1"#, requestID: "r{1}")
            // A second store of the same ids, one of them twice, adds nothing and raises nothing.
            try store.store(Array(batch.prefix(3)) + [batch[0]], clientID: #"acme"client"#, userID: #"u\1"#, requestID: "r2")
        }

        #expect(try connection.query("SELECT count(*) FROM extracted_sms").scalar == String(batch.count))
        let fromPostgres = try postgres.entries(clientID: #"acme"client"#, userID: #"u\1"#, limit: nil)
        let fromSQLite = try sqlite.entries(clientID: #"acme"client"#, userID: #"u\1"#, limit: nil)
        #expect(fromPostgres.count == batch.count)
        #expect(fromPostgres.map(\.smsID) == fromSQLite.map(\.smsID))
        for (read, expected) in zip(fromPostgres, fromSQLite) {
            #expect(ExtractedSMSColumns.values(of: read) == ExtractedSMSColumns.values(of: expected), "sms \(read.smsID)")
        }
        let bodies = Dictionary(uniqueKeysWithValues: fromPostgres.map { ($0.smsID, $0.smsBody) })
        for sms in batch {
            #expect(bodies[sms.smsID] == sms.smsBody)
        }
        // The unordered read gives the same entries without bodies.
        let unordered = try postgres.unorderedEntries(clientID: #"acme"client"#, userID: #"u\1"#, expectedCount: 1)
            .sorted { $0.smsID < $1.smsID }
        let withoutBodies = try postgres.entries(clientID: #"acme"client"#, userID: #"u\1"#, limit: nil, includeBodies: false)
        #expect(unordered == withoutBodies.sorted { $0.smsID < $1.smsID })
        #expect(unordered.count == batch.count)
        #expect(unordered.allSatisfy { $0.smsBody.isEmpty })
    }

    @Test func idsWithNULAndCombiningQuotesAreFound() throws {
        let database = try PostgresTestDatabase()
        let connection = try Self.migrated(database)
        let store = PostgresExtractedSMSStore(pool: PostgresPool(configuration: database.configuration), fernet: nil)
        // A quote followed by a combining mark is one Swift Character, and libpq ends a parameter
        // at NUL: both broke the lookup of stored ids, which returned 503.
        let ids = ["x\u{0}y", "\"\u{301}", "\\\u{301}", "plain"]
        var batch = Self.batch().prefix(ids.count).map { $0 }
        for index in ids.indices { batch[index].smsID = ids[index] }
        try store.store(Array(batch.prefix(2)), clientID: "acme", userID: "victim", requestID: "r1")

        let found = try store.storedIDs(clientID: "acme", userID: "victim", among: ids)
        #expect(Set(found) == ["x\u{FFFD}y", "\"\u{301}"])
        // A user id with NUL is stored and looked up as the same replaced text, not cut at the NUL.
        try store.store(Array(batch.suffix(2)), clientID: "acme", userID: "victim\u{0}x", requestID: "r2")
        #expect(try Set(store.storedIDs(clientID: "acme", userID: "victim\u{0}x", among: ids)) == ["\\\u{301}", "plain"])
        #expect(try store.storedIDs(clientID: "acme", userID: "victim", among: ids).count == 2)
        #expect(try connection.query("SELECT count(*) FROM extracted_sms").scalar == "4")
    }

    /// Counts the SMS it is asked to classify, and classifies them in process.
    final class CountingClassifier: SMSClassifier, @unchecked Sendable {
        private(set) var received = 0
        var storesEntries: Bool { false }

        func classify(_ sms: [RawSMS], createdAtMillis: [Int64], clientID: String, userID: String,
                      requestID: String) throws -> [ExtractedSMS] {
            received += sms.count
            return InProcessSMSClassifier().classify(sms, createdAtMillis: createdAtMillis, clientID: clientID,
                                                     userID: userID, requestID: requestID)
        }
    }

    @Test func idWithNULIsNotExtractedAgain() throws {
        let database = try PostgresTestDatabase()
        _ = try Self.migrated(database)
        let store = PostgresExtractedSMSStore(pool: PostgresPool(configuration: database.configuration), fernet: nil)
        let folder = try StorageTestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let syncDB = SyncDBAccess(mongo: nil, fallback: .sqlite(try SQLiteConnectionPool(path: folder.appendingPathComponent("s.db").path)),
                                  enabledSources: MongoEnabledSources(sources: []))
        let classifier = CountingClassifier()
        let pipeline = InsightsPipeline(syncDB: syncDB, extractedStore: store, classifier: classifier)
        let synced: [(raw: RawSMS, syncedAt: Int64)] = ["a\u{0}b", "plain"].enumerated().map { index, id in
            (RawSMS(id: id, sender: "VM-HDFCBK", body: "Rs \(index + 5) debited from A/c XX1234",
                    inboxDateMillis: 1_772_000_000_000 + Int64(index) * 60_000), 1_772_100_000_000)
        }
        let request = try InsightsRequest.parse(Array(#"{"user_id": "u", "client_id": "c"}"#.utf8), scoresAvailable: false)

        let (first, storedBefore) = try pipeline.classify(synced, request: request, requestID: "r1")
        #expect(storedBefore == 0)
        #expect(classifier.received == 2)
        let (second, storedAfter) = try pipeline.classify(synced, request: request, requestID: "r2")
        // Both come from the store now: the one whose id PostgreSQL keeps with U+FFFD too.
        #expect(storedAfter == 2)
        #expect(classifier.received == 2)
        #expect(second.map(\.smsBody) == first.map(\.smsBody))
    }

    @Test func shuffledOverlappingBatchesStoreWithoutDeadlock() throws {
        let database = try PostgresTestDatabase()
        let connection = try Self.migrated(database)
        let store = PostgresExtractedSMSStore(pool: PostgresPool(configuration: database.configuration), fernet: nil)
        let template = Self.batch()[0]

        // In each round, eight writers store the same new ids in their own random orders, all
        // released at once. Without a fixed insert order, 3 to 36 of 40 such requests failed with
        // 40P01 in a tester's runs.
        let failures = Mutex<[String]>([])
        let rounds = 8, writers = 8, idsPerBatch = 1_000
        for round in 0..<rounds {
            let ids = (0..<idsPerBatch).map { "round-\(round)-\($0)" }
            let start = DispatchSemaphore(value: 0)
            let finished = DispatchGroup()
            for _ in 0..<writers {
                finished.enter()
                let batch = ids.shuffled().map { id -> ExtractedSMS in
                    var entry = template
                    entry.smsID = id
                    return entry
                }
                Thread {
                    defer { finished.leave() }
                    start.wait()
                    do {
                        try store.store(batch, clientID: "acme", userID: "shared", requestID: "r")
                    } catch {
                        failures.withLock { $0.append("\(error)") }
                    }
                }.start()
            }
            for _ in 0..<writers { start.signal() }
            finished.wait()
        }

        #expect(failures.withLock { $0 } == [])
        #expect(try connection.query("SELECT count(*) FROM extracted_sms").scalar == String(rounds * idsPerBatch))
    }

    /// A batch with some ids stored already fails its COPY and goes in again through INSERT … ON
    /// CONFLICT. The new ids go in, the stored rows keep their values, and an id that comes twice
    /// in one batch is stored once.
    @Test func partlyStoredBatchAddsOnlyNewIDs() throws {
        let database = try PostgresTestDatabase()
        let connection = try Self.migrated(database)
        let store = PostgresExtractedSMSStore(pool: PostgresPool(configuration: database.configuration), fernet: nil)
        func entry(_ id: String, party: String) -> ExtractedSMS {
            var sms = Self.batch()[1]
            sms.smsID = id
            sms.transactionParty = party
            return sms
        }
        let first = [entry("b", party: "first"), entry("a", party: "first"), entry("b", party: "second")]
        #expect(try store.store(rows: Self.rows(first, requestID: "r1")) == 2)
        let second = [entry("c", party: "later"), entry("a", party: "later"), entry("d", party: "later")]
        #expect(try store.store(rows: Self.rows(second, requestID: "r2")) == 2)

        let rows = try connection.query(
            "SELECT sms_id, transaction_party, request_id FROM extracted_sms ORDER BY sms_id").rows
        #expect(rows == [["a", "first", "r1"], ["b", "first", "r1"], ["c", "later", "r2"], ["d", "later", "r2"]])
        // The pooled connection is usable again after the failed COPY.
        #expect(try store.store(rows: Self.rows([entry("e", party: "x"), entry("a", party: "x")], requestID: "r3")) == 1)
        #expect(try connection.query("SELECT count(*) FROM extracted_sms").scalar == "5")
    }

    /// A batch that waits on a row lock another session holds fails after `lock_timeout` with
    /// 55P03, for which serve-sms returns 503, instead of waiting as long as the lock lasts.
    @Test func lockWaitEndsAtLockTimeout() throws {
        let database = try PostgresTestDatabase()
        let holder = try Self.migrated(database)
        #expect(database.configuration.forService.lockTimeoutMillis == PostgresConfiguration.serviceLockTimeoutMillis)
        var configuration = database.configuration
        configuration.lockTimeoutMillis = 300
        let store = PostgresExtractedSMSStore(pool: PostgresPool(configuration: configuration), fernet: nil)
        var sms = Self.batch()[1]
        sms.smsID = "locked"
        try holder.executeScript("BEGIN")
        try holder.query("""
            INSERT INTO extracted_sms (sms_id, user_id, client_id) VALUES ('locked', 'u', 'acme')
            """)

        let started = DispatchTime.now()
        #expect {
            try store.store([sms], clientID: "acme", userID: "u", requestID: "r")
        } throws: { error in
            (error as? PostgresError)?.sqlState == "55P03"
        }
        #expect(Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9 < 5)
        try holder.executeScript("ROLLBACK")
        try store.store([sms], clientID: "acme", userID: "u", requestID: "r")
        #expect(try holder.query("SELECT count(*) FROM extracted_sms").scalar == "1")
    }

    /// Entries whose values sit at the edges of the binary form: amounts between paise, negative
    /// or too large to round, dates around 2000 and 1970 and on a leap day, texts over their
    /// varchar limit or with NUL.
    private static func edgeBatch() -> [ExtractedSMS] {
        let amounts: [Double?] = [0.005, -12.345, 1e14, 123_456_789.99, 0.1 + 0.2, -0.001, nil, 1_500]
        let dates: [Int64?] = [946_684_800_000 - 19_800_000, 946_684_799_000 - 19_800_000, 0, -1_000, 1_709_164_800_000,
                               nil, 4_102_444_799_000, 1_772_000_000_123]
        return batch() + amounts.indices.map { index in
            var sms = ExtractedSMS(smsID: "edge-\(index)", smsSender: "AD-SBIINB", smsBody: "body \(index)",
                                   inboxDateMillis: dates[index], createdAtMillis: dates[index] ?? 0,
                                   templateHash: String(repeating: "h", count: 70), senderType: .bank,
                                   smsType: .notInTheList, smsNLPTag: String(repeating: "é", count: 200))
            sms.amount = amounts[index]
            sms.availableBalance = amounts[(index + 1) % amounts.count]
            sms.dueAmount = amounts[(index + 2) % amounts.count].map { -$0 }
            sms.senderName = "nul\u{0}inside"
            sms.dueDate = index % 2 == 0 ? nil : "2026-04-05"
            sms.isClassified = index % 2 == 0
            return sms
        }
    }

    @Test func binaryCopyStoresWhatTextCopyStores() throws {
        let database = try PostgresTestDatabase()
        let connection = try Self.migrated(database)
        let entries = Self.edgeBatch()
        for (user, binary) in [("binary", true), ("text", false)] {
            let rows = ExtractedSMSRows(entries.map { entry in
                var entry = entry
                entry.clientID = "acme"
                entry.userID = user
                entry.requestID = "r1"
                return entry
            })
            let order = PostgresExtractedSMSStore.keyOrder(rows)
            if binary {
                let data = try #require(ExtractedSMSBinaryCopy.data(rows, bodies: nil, order: order))
                #expect(try connection.copyIn(ExtractedSMSBinaryCopy.copySQL, data: data) == entries.count)
            } else {
                let data = PostgresExtractedSMSStore.copyData(rows, bodies: nil, order: order)
                #expect(try connection.copyIn(PostgresExtractedSMSStore.copySQL, data: data) == entries.count)
            }
        }
        let columns = ExtractedSMSRowCodec.quotedColumns.filter { $0 != #""user_id""# }
            .map { "\($0)::text" }.joined(separator: ", ")
        func stored(_ user: String) throws -> [[String?]] {
            try connection.query(PostgresQuery(
                sql: "SELECT \(columns) FROM extracted_sms WHERE user_id = $1 ORDER BY sms_id COLLATE \"C\"",
                parameters: [user])).rows
        }
        let fromBinary = try stored("binary")
        let fromText = try stored("text")
        #expect(fromBinary.count == entries.count)
        for (binaryRow, textRow) in zip(fromBinary, fromText) {
            #expect(binaryRow == textRow)
        }
        // Exact float8 values, not only their shortest text, are the same.
        let mismatched = try connection.query("""
            SELECT count(*) FROM extracted_sms b JOIN extracted_sms t ON t.sms_id = b.sms_id AND t.user_id = 'text'
            WHERE b.user_id = 'binary' AND (b.transaction IS DISTINCT FROM t.transaction
                OR b.available_balance IS DISTINCT FROM t.available_balance OR b.due_amount IS DISTINCT FROM t.due_amount
                OR b.sms_inbox_date IS DISTINCT FROM t.sms_inbox_date OR b.created_date IS DISTINCT FROM t.created_date)
            """).scalar
        #expect(mismatched == "0")
    }

    @Test func copyFieldsAreEscaped() {
        var data: [UInt8] = []
        for text in [#"a\b"#, "tab\there", "two\nlines\r", nil, #"\N"#, "plain ₹"] as [String?] {
            PostgresExtractedSMSStore.appendCopyField(text, to: &data)
            data.append(UInt8(ascii: "|"))
        }
        #expect(String(decoding: data, as: UTF8.self) == #"a\\b|tab\there|two\nlines\r|\N|\\N|plain ₹|"#)
    }

    @Test func arrayElementsAreQuotedAndEscaped() {
        var literal: [UInt8] = []
        PostgresExtractedSMSStore.appendElement(#"a"b\c"#, to: &literal)
        literal.append(UInt8(ascii: ","))
        PostgresExtractedSMSStore.appendElement(nil, to: &literal)
        literal.append(UInt8(ascii: ","))
        PostgresExtractedSMSStore.appendElement("NULL", to: &literal)
        #expect(String(decoding: literal, as: UTF8.self) == #""a\"b\\c",NULL,"NULL""#)
    }
}
