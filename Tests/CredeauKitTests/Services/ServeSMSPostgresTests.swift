import Foundation
import Synchronization
import Testing
@testable import CredeauKit
#if canImport(Glibc)
import Glibc
#endif

/// `credeau serve-sms` on PostgreSQL: a fresh database per test, migrated with `credeau migrate`.
@Suite(.enabled(if: StorageTestSupport.postgresURL != nil, StorageTestSupport.postgresSkipNotice))
struct ServeSMSPostgresTests {
    /// The `DB_*` variables that point serve-sms at `configuration`.
    static func environment(_ configuration: PostgresConfiguration, directory: URL,
                            extra: [String: String] = [:]) -> [String: String] {
        var variables = ServeSMSProcess.baseEnvironment(sqlitePath: directory.appendingPathComponent("unused.db").path)
        variables["DB_HOST"] = configuration.host
        variables["DB_PORT"] = String(configuration.port)
        variables["DB_USER"] = configuration.user
        variables["DB_PASSWORD"] = configuration.password
        variables["DB_NAME"] = configuration.database
        return variables.merging(extra) { _, new in new }
    }

    /// Runs `credeau migrate` against the database of `configuration`.
    static func migrate(_ configuration: PostgresConfiguration, directory: URL) throws {
        let url = "postgres://\(configuration.user):\(configuration.password)@\(configuration.host):\(configuration.port)/"
            + configuration.database
        let result = try ScriptRunner.run(ServeSMSProcess.binary, ["migrate", "--postgres-url", url], environment: [
            "DI_POSTGRES_HOST": "", "DB_HOST": "", "DI_MONGODB_HOST": "",
            "CREDEAU_SQLITE_PATH": directory.appendingPathComponent("migrate.db").path,
        ])
        #expect(result.status == 0, "credeau migrate failed: \(result.output)")
    }

    @Test func batchIsStoredEncryptedAndReadable() throws {
        let database = try PostgresTestDatabase()
        let directory = try StorageTestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try Self.migrate(database.configuration, directory: directory)
        let key = try Fernet.generateKey()
        let service = try ServeSMSProcess(environment: Self.environment(database.configuration, directory: directory,
                                                                        extra: ["DB_ENCRYPTION_KEY": key]))
        #expect(service.startupLine.contains("storage: PostgreSQL \(database.configuration.endpoint)"))
        #expect(!service.startupLine.contains(database.configuration.password))
        let client = try service.client()
        #expect(try client.request("GET", "/ready").status == 200)

        let cases = try ServeSMSTestSupport.loadCases()
        let sms = ServeSMSTestSupport.rawSMS(cases)
        let response = try client.request("POST", "/api/extract_sms", body: ServeSMSTestSupport.body(sms: sms))
        #expect(response.status == 200)
        #expect(try ServeSMSTestSupport.entries(response).map { $0["sms_id"]?.stringValue } == sms.map(\.id))
        let again = try client.request("POST", "/api/extract_sms", body: ServeSMSTestSupport.body(sms: Array(sms.prefix(10))))
        #expect(again.status == 200)

        let connection = try database.connect()
        #expect(try connection.query("SELECT count(*) FROM extracted_sms").scalar == String(sms.count))
        let row = try connection.query("SELECT sms_body, sms_inbox_date::text FROM extracted_sms WHERE sms_id = \(cases[0].id)")
        let token = try #require(row.value("sms_body", row: 0))
        #expect(token.hasPrefix("gAAAAA"))
        #expect(row.value("sms_inbox_date", row: 0) == IndiaTime.dateTime(fromMillis: ServeSMSTestSupport.firstInboxMillis))
        if let python = StorageTestSupport.testPython {
            let decrypted = try ServeSMSTestSupport.decryptWithPython(python, key: key, token: token)
            #expect(decrypted.output == cases[0].body)
        } else {
            print("SKIPPED: no Python with cryptography; the PostgreSQL token was not decrypted in Python")
        }

        let store = PostgresExtractedSMSStore(pool: PostgresPool(configuration: database.configuration),
                                              fernet: try Fernet(key: key))
        let stored = try store.entries(clientID: "acme", userID: "user-1", limit: 5)
        #expect(stored.map(\.smsID) == sms.suffix(5).reversed().map(\.id))
        #expect(stored.first?.smsBody == cases.last?.body)
        #expect(try Set(store.storedIDs(clientID: "acme", userID: "user-1", among: [cases[1].id, "absent"])) == [cases[1].id])
        #expect(service.stop() == 0)
    }

    @Test func missingSchemaStopsTheStart() throws {
        let database = try PostgresTestDatabase()
        let directory = try StorageTestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try ServeSMSProcess.failedStart(environment: Self.environment(database.configuration, directory: directory))
        #expect(result.status == 1)
        #expect(result.stderr.contains("Run 'credeau migrate' first"))
    }

    /// Restarts a private cluster while requests keep coming: the service answers 503 with
    /// Retry-After while the server is down, 200 again afterwards without being restarted, and
    /// every SMS of every 200 answer is stored.
    @Test func serverRestartGives503ThenRecovers() throws {
        let cluster = try PrivatePostgresCluster()
        let configuration = try PostgresConfiguration(url: cluster.url)
        let directory = try StorageTestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try Self.migrate(configuration, directory: directory)
        let service = try ServeSMSProcess(environment: Self.environment(configuration, directory: directory))
        let client = try service.client()
        #expect(try client.request("POST", "/api/extract_sms",
                                   body: ServeSMSTestSupport.body(sms: ServeSMSTestSupport.debitSMS(count: 5))).status == 200)

        let restarted = Mutex<Int32?>(nil)
        // Only the restart thread uses the cluster until `restarted` is set.
        nonisolated(unsafe) let restartingCluster = cluster
        Thread.detachNewThread {
            let status = try? restartingCluster.restart()
            restarted.withLock { $0 = status ?? -1 }
        }
        var acceptedIDs = Set(ServeSMSTestSupport.debitSMS(count: 5).map(\.id))
        var unavailable = 0, readyFailures = 0, batch = 0
        while restarted.withLock({ $0 }) == nil {
            batch += 1
            let sms = ServeSMSTestSupport.debitSMS(count: 5, prefix: "b\(batch)")
            let response = try client.request("POST", "/api/extract_sms", body: ServeSMSTestSupport.body(sms: sms))
            if response.status == 200 {
                acceptedIDs.formUnion(sms.map(\.id))
            } else {
                #expect(response.status == 503, "\(response.text)")
                #expect(response.headers["retry-after"] == "5")
                unavailable += 1
            }
            if try client.request("GET", "/ready").status == 503 { readyFailures += 1 }
            usleep(20_000)
        }
        #expect(restarted.withLock { $0 } == 0)
        #expect(unavailable > 0, "no request was made while the server was down")
        #expect(readyFailures > 0)

        // The first request after the restart may still meet a stale pooled connection; the
        // pool reconnects, so a few attempts must reach 200.
        var recovered = false
        for attempt in 0..<20 where !recovered {
            let sms = ServeSMSTestSupport.debitSMS(count: 5, prefix: "after\(attempt)")
            if try client.request("POST", "/api/extract_sms", body: ServeSMSTestSupport.body(sms: sms)).status == 200 {
                acceptedIDs.formUnion(sms.map(\.id))
                recovered = true
            } else {
                usleep(250_000)
            }
        }
        #expect(recovered)
        #expect(try client.request("GET", "/ready").status == 200)

        let rows = try PostgresConnection(configuration: configuration).query("SELECT sms_id FROM extracted_sms")
        let storedIDs = Set(rows.rows.compactMap { $0.first ?? nil })
        #expect(acceptedIDs.isSubset(of: storedIDs), "every SMS of a 200 answer is stored")
        #expect(service.stop() == 0)
    }
}
