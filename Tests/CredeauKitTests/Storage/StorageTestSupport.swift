import CredeauKit
import Foundation
import Testing

/// Paths and servers the storage tests share.
enum StorageTestSupport {
    /// The package root, found from this file's path so tests run from any working directory.
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let dumpFixture = packageRoot.appendingPathComponent("Tests/CredeauKitTests/Storage/Fixtures/dump").path

    /// `CREDEAU_TEST_PG_URL`, set by `scripts/run-tests.sh` from `scripts/test-postgres.sh start`.
    static let postgresURL: String? = {
        let url = ProcessInfo.processInfo.environment["CREDEAU_TEST_PG_URL"] ?? ""
        return url.isEmpty ? nil : url
    }()

    static let postgresSkipNotice: Comment =
        "CREDEAU_TEST_PG_URL is not set: PostgreSQL tests skipped. Run scripts/run-tests.sh, which starts a test server"

    /// A fresh temporary folder, removed by the caller.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("credeau-storage-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
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
    private let process: Process

    init() throws {
        let python = try #require(StorageTestSupport.testPython)
        let script = StorageTestSupport.packageRoot.appendingPathComponent("Tests/MongoTestServer/mongo_test_server.py")
        process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [script.path, "--port", "0"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        // The server prints "listening on 127.0.0.1:<port>" once it accepts connections.
        var line = Data()
        let handle = output.fileHandleForReading
        while !line.contains(UInt8(ascii: "\n")) {
            let chunk = handle.availableData
            if chunk.isEmpty { break }
            line.append(chunk)
        }
        let text = String(decoding: line, as: UTF8.self)
        guard let portText = text.split(separator: ":").last?.trimmingCharacters(in: .whitespacesAndNewlines),
              let port = Int(portText)
        else {
            process.terminate()
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
        process.terminate()
        process.waitUntilExit()
    }
}

enum MongoTestServerError: Error {
    case didNotStart(output: String)
}
