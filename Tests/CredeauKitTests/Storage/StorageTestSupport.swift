import CredeauKit
import CredeauTestSupport
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Paths and servers the storage tests share.
enum StorageTestSupport {
    /// The package root, found from this file's path so tests run from any working directory.
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let dumpFixture = packageRoot.appendingPathComponent("Tests/CredeauKitTests/Fixtures/storage-dump").path

    /// `CREDEAU_TEST_PG_URL`, set by `scripts/run-tests.sh` from `scripts/test-postgres.sh start`.
    static let postgresURL: String? = {
        let url = ProcessInfo.processInfo.environment["CREDEAU_TEST_PG_URL"] ?? ""
        return url.isEmpty ? nil : url
    }()

    static let postgresSkipNotice: Comment =
        "CREDEAU_TEST_PG_URL is not set: PostgreSQL tests skipped. Run scripts/run-tests.sh, which starts a test server"

    /// A fresh temporary folder, removed when the test process exits.
    static func temporaryDirectory() throws -> URL {
        try TemporaryFolders.make(prefix: "credeau-storage")
    }

    /// Returns an empty SQLite `sync_db` store in a fresh temporary folder, with its tables made.
    static func emptySQLiteSyncDB() throws -> SQLiteSyncDBStore {
        let folder = try temporaryDirectory()
        let database = try SQLiteDatabase(path: folder.appendingPathComponent("s.db").path)
        _ = try SchemaMigrator(target: SQLiteMigrationTarget(database: database), schema: .syncDB,
                               migrations: MigrationCatalog.sqlite(.syncDB)).migrate()
        return SQLiteSyncDBStore(database: database)
    }

    /// The Python with pymongo and mongomock: `CREDEAU_TEST_PYTHON`, else the venv that
    /// `scripts/python-test-env.sh` creates under `.build/`.
    static let testPython: String? = {
        if let path = ProcessInfo.processInfo.environment["CREDEAU_TEST_PYTHON"], !path.isEmpty,
           FileManager.default.isExecutableFile(atPath: path)
        {
            return path
        }
        let venv = packageRoot.appendingPathComponent(".build/test-venv/bin/python").path
        return FileManager.default.isExecutableFile(atPath: venv) ? venv : nil
    }()

    static let mongoSkipNotice: Comment =
        "No Python with mongomock (CREDEAU_TEST_PYTHON or .build/test-venv): MongoDB tests skipped. Run scripts/python-test-env.sh"
}

/// A database created for one test on the test PostgreSQL server and dropped afterwards.
final class PostgresTestDatabase: Sendable {
    let configuration: PostgresConfiguration
    private let admin: PostgresConfiguration

    init() throws {
        let url = try #require(StorageTestSupport.postgresURL)
        admin = try PostgresConfiguration(url: url)
        let name = "credeau_test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(12).lowercased()
        let connection = try PostgresConnection(configuration: admin)
        try connection.executeScript("CREATE DATABASE \(name)")
        configuration = admin.with(database: name)
    }

    func connect() throws -> PostgresConnection {
        try PostgresConnection(configuration: configuration)
    }

    deinit {
        guard let connection = try? PostgresConnection(configuration: admin) else { return }
        try? connection.executeScript("DROP DATABASE IF EXISTS \(configuration.database) WITH (FORCE)")
    }
}

/// The Python MongoDB wire-protocol test server, started for one test and stopped afterwards.
final class MongoTestServer {
    let port: Int
    private let pid: pid_t
    private let outputPath: String

    init() throws {
        let python = try #require(StorageTestSupport.testPython)
        let script = StorageTestSupport.packageRoot.appendingPathComponent("Tests/MongoTestServer/mongo_test_server.py")
        outputPath = ScriptRunner.temporaryOutputPath()
        pid = try ScriptRunner.spawn(python, [script.path, "--port", "0"], outputPath: outputPath)
        // The server prints "listening on 127.0.0.1:<port>" once it accepts connections.
        var text = ""
        for _ in 0..<200 where !text.contains("\n") {
            text = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
            if !text.contains("\n") { usleep(50_000) }
        }
        guard let portText = text.split(separator: "\n").first?.split(separator: ":").last,
              let port = Int(portText.trimmingCharacters(in: .whitespaces))
        else {
            kill(pid, SIGKILL)
            _ = ScriptRunner.wait(for: pid)
            throw MongoTestServerError.didNotStart(output: text)
        }
        self.port = port
    }

    /// A configuration pointing at this server, with short timeouts so failures surface fast.
    func configuration(database: String = "sync_db") -> MongoConfiguration {
        MongoConfiguration(uri: "mongodb://127.0.0.1:\(port)/", database: database,
                           uriOptions: [.init(name: "serverSelectionTimeoutMS", value: "3000")])
    }

    deinit {
        kill(pid, SIGTERM)
        _ = ScriptRunner.wait(for: pid)
        try? FileManager.default.removeItem(atPath: outputPath)
    }
}

enum MongoTestServerError: Error {
    case didNotStart(output: String)
}
