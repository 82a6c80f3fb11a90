import CredeauKit
import Foundation
import Testing

/// `credeau migrate` run as a user would: exit statuses and messages.
@Suite struct MigrateCLITests {
    private typealias Support = CLITestSupport

    @Test func newerVersionListedAndWarned() throws {
        let path = try Support.makeTemporaryDirectory().appendingPathComponent("credeau.db").path
        #expect(try Support.run(["migrate", "--sqlite", path]).status == 0)
        let database = try SQLiteDatabase(path: path)
        try database.query("INSERT INTO credeau_schema_migrations (schema_name, version, name) VALUES (?, 90, ?)",
                           [.text("api_insights_db"), .text("from a newer credeau")])

        let status = try Support.run(["migrate", "--sqlite", path, "--status"])
        #expect(status.status == 0)
        #expect(status.stdoutLines.contains("  applied by a newer credeau: 90"), "\(status.stdout)")

        let migrate = try Support.run(["migrate", "--sqlite", path])
        #expect(migrate.status == 0)
        #expect(migrate.stderrLines.count == 1, "\(migrate.stderr)")
        #expect(migrate.stderr.contains(" warning credeau.migrate: SQLite \(path) (api_insights_db) has migrations "
            + "applied by a newer credeau: 90."), "\(migrate.stderr)")
    }

    @Test(arguments: [
        (["--dry-run", "--add-client", "acme"], "'--dry-run' and '--add-client'"),
        (["--status", "--add-client", "acme"], "'--status' and '--add-client'"),
        (["--dry-run", "--load", "fixtures/sync_db"], "'--dry-run' and '--load'"),
        (["--status", "--load", "fixtures/sync_db"], "'--status' and '--load'"),
    ])
    func inspectionWithActionExitsTwo(extra: [String], pair: String) throws {
        let path = try Support.makeTemporaryDirectory().appendingPathComponent("credeau.db").path
        let result = try Support.run(["migrate", "--sqlite", path] + extra, currentDirectory: Support.packageRoot)

        #expect(result.status == 2)
        #expect(result.stderrLines.first.map(String.init) == "Error: Options \(pair) cannot be used together")
        #expect(result.stdout.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    /// Returns the process environment without database settings, plus `extra`.
    private func environment(_ extra: [String: String]) -> [String: String] {
        var variables = ProcessInfo.processInfo.environment.filter {
            !$0.key.hasPrefix("DI_") && !$0.key.hasPrefix("DB_") && $0.key != "LAUNCH_ENVIRONMENT"
        }
        variables.merge(extra) { _, new in new }
        return variables
    }

    @Test(arguments: ["prdo", "weird"])
    func unknownLaunchEnvironmentExitsTwo(stage: String) throws {
        let path = try Support.makeTemporaryDirectory().appendingPathComponent("credeau.db").path
        let result = try Support.run(["migrate", "--sqlite", path], environment: environment(["LAUNCH_ENVIRONMENT": stage]))

        #expect(result.status == 2)
        #expect(result.stderrLines == ["Error: Invalid LAUNCH_ENVIRONMENT '\(stage)': expected dev, staging, uat or prod"])
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func emptyHostNamesIgnoredVariables() throws {
        let folder = try Support.makeTemporaryDirectory()
        let variables = environment(["DI_POSTGRES_HOST": "", "DI_POSTGRES_USERNAME": "insights", "DI_POSTGRES_PASSWORD": "secret",
                                     "DB_HOST": "", "DB_NAME": "api_insights_db"])
        let result = try Support.run(["migrate"], environment: variables, currentDirectory: folder)

        #expect(result.status == 0)
        #expect(result.stderrLines.count == 2, "\(result.stderr)")
        #expect(result.stderr.contains("DI_POSTGRES_HOST is empty or unset, so DI_POSTGRES_USERNAME, DI_POSTGRES_PASSWORD "
            + "are ignored and the SQLite file ./credeau.db is migrated instead. Set DI_POSTGRES_HOST to migrate PostgreSQL"))
        #expect(result.stderr.contains("DB_HOST is empty or unset, so DB_NAME is ignored"))
        #expect(!result.stderr.contains("secret"))
    }

    @Test func chosenSQLiteWarningSaysOnly() throws {
        let path = try Support.makeTemporaryDirectory().appendingPathComponent("x.db").path
        let result = try Support.run(["migrate", "--sqlite", path], environment: environment(["DI_POSTGRES_PASSWORD": "secret"]))

        #expect(result.status == 0)
        #expect(result.stderrLines.count == 1, "\(result.stderr)")
        #expect(result.stderr.contains("DI_POSTGRES_HOST is empty or unset, so DI_POSTGRES_PASSWORD is ignored and only the "
            + "SQLite file \(path) given in --sqlite is migrated. Set DI_POSTGRES_HOST to migrate PostgreSQL too"))
    }

    @Test func configuredSQLiteHasNoWarning() throws {
        let path = try Support.makeTemporaryDirectory().appendingPathComponent("credeau.db").path
        let result = try Support.run(["migrate", "--sqlite", path], environment: environment(["CREDEAU_SQLITE_PATH": path]))

        #expect(result.status == 0)
        #expect(result.stderr.isEmpty, "\(result.stderr)")
    }
}

/// Commands that open a file that is not a SQLite database name the file.
@Suite struct SQLiteNotADatabaseCLITests {
    private typealias Support = CLITestSupport

    private static let reason = "not a SQLite database (SQLite error 26: file is not a database)"

    private func textFile() throws -> String {
        let path = try Support.makeTemporaryDirectory().appendingPathComponent("notes.db").path
        try String(repeating: "not a database, only text. ", count: 8).write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func migrateNamesFile() throws {
        let path = try textFile()
        let result = try Support.run(["migrate", "--sqlite", path])

        #expect(result.status == 1)
        #expect(result.stderrLines == ["Error: '\(path)' is \(Self.reason)"], "\(result.stderr)")
    }

    @Test func extractOutputNamesFile() throws {
        let path = try textFile()
        let input = Support.fixture("sync_db")
        let result = try Support.run(["extract", "--sms", "-i", input, "-o", path, "-q"])

        #expect(result.status == 1)
        #expect(result.stderrLines == ["Error: Cannot create output '\(path)': \(Self.reason)"], "\(result.stderr)")
    }

    @Test(arguments: ["serve-sms", "serve-insights"])
    func serviceNamesFile(command: String) throws {
        let path = try textFile()
        var environment = ProcessInfo.processInfo.environment
        environment["CREDEAU_SQLITE_PATH"] = path
        let result = try Support.run([command, "--host", "127.0.0.1", "--port", "0"], environment: environment)

        #expect(result.status == 1)
        #expect(result.stderrLines.last == "Error: '\(path)' is \(Self.reason)", "\(result.stderr)")
    }
}

/// `migrate --load` checks its folder before it creates or changes any database.
@Suite struct MigrateLoadCheckCLITests {
    private typealias Support = CLITestSupport

    @Test func missingFolderCreatesNoDatabase() throws {
        let folder = try Support.makeTemporaryDirectory()
        let missing = folder.appendingPathComponent("no-such-dump").path
        let result = try Support.run(["migrate", "--load", missing], currentDirectory: folder)

        let expected = "Error: Dump folder '\(missing)' not found. "
            + "Pass the folder that holds the <collection>.json, .jsonl or .bson files"
        #expect(result.status == 2)
        #expect(result.stderrLines.first.map(String.init) == expected, "\(result.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == [])
    }

    @Test func folderWithoutDumpCreatesNoDatabase() throws {
        let folder = try Support.makeTemporaryDirectory()
        let empty = folder.appendingPathComponent("empty-dump")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: false)
        let database = folder.appendingPathComponent("credeau.db").path
        let result = try Support.run(["migrate", "--sqlite", database, "--load", empty.path])

        #expect(result.status == 2)
        #expect(result.stderrLines.first?.hasPrefix("Error: No sync_db dump files in '\(empty.path)'") == true,
                "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: database))
    }

    /// A JSON line cut short is reported on one line, in plain words, naming the document.
    @Test func cutShortLineIsOnePlainError() throws {
        let folder = try Support.makeTemporaryDirectory()
        let dump = folder.appendingPathComponent("dump")
        try FileManager.default.createDirectory(at: dump, withIntermediateDirectories: false)
        let good = #"{"client_id":"acme","user_id":"u1","request_id":"r1","sms":[]}"#
        let cut = #"{"client_id":"acme","user_id":"u2","request_id":"r2","sms":[{"sms_body":"Rs 5 deb"#
        try [good, cut, good].joined(separator: "\n").write(to: dump.appendingPathComponent("sms_sync_request_sms_data.json"),
                                                            atomically: true, encoding: .utf8)
        let result = try Support.run(["migrate", "--sqlite", folder.appendingPathComponent("credeau.db").path,
                                      "--load", dump.path])

        #expect(result.status == 1)
        #expect(result.stderrLines.count == 1, "\(result.stderr)")
        #expect(result.stderr.contains("Invalid document 2"))
        #expect(result.stderr.contains("a raw line break or control character inside a text"))
    }

    /// A header that extract rejects stops the load before any file goes in, so no row is stored
    /// without an owner or with a sync time no reader accepts.
    @Test(arguments: [
        (#""user_id": null, "created_at": 1772000000000"#, "field 'user_id': missing"),
        (#""user_id": "u1", "created_at": "yesterday""#, "field 'created_at': invalid date 'yesterday'"),
    ])
    func rejectedHeaderLoadsNothing(fields: String, message: String) throws {
        let folder = try Support.makeTemporaryDirectory()
        let dump = folder.appendingPathComponent("dump")
        try FileManager.default.createDirectory(at: dump, withIntermediateDirectories: false)
        let apps = #"{"client_id": "acme", "user_id": "u1", "request_id": "a1", "apps": [{"package_name": "a.b"}]}"#
        try apps.write(to: dump.appendingPathComponent("device_sync_request_apps_data.json"), atomically: true, encoding: .utf8)
        let sms = #"{"client_id": "acme", "# + fields + #", "request_id": "r1", "sms": []}"#
        try sms.write(to: dump.appendingPathComponent("sms_sync_request_sms_data.json"), atomically: true, encoding: .utf8)
        let database = folder.appendingPathComponent("credeau.db").path

        let result = try Support.run(["migrate", "--sqlite", database, "--load", dump.path])

        #expect(result.status == 1)
        #expect(result.stderr.contains("Invalid document 1 in dump file"), "\(result.stderr)")
        #expect(result.stderr.contains(message), "\(result.stderr)")
        for table in ["sms_sync_request_sms_data", "device_sync_request_apps_data"] {
            let rows = try SQLiteDatabase(path: database).query("SELECT count(*) FROM \(table)")
            #expect(rows.first?.first == .integer(0), "\(table)")
        }
    }

    /// A BSON dump whose last document is cut short stops the load, as it stops extract.
    @Test func truncatedBSONLoadsNothing() throws {
        let folder = try Support.makeTemporaryDirectory()
        let dump = folder.appendingPathComponent("dump")
        try FileManager.default.createDirectory(at: dump, withIntermediateDirectories: false)
        try FileManager.default.copyItem(atPath: Support.fixture("bad/truncated.bson"),
                                         toPath: dump.appendingPathComponent("sms_sync_request_sms_data.bson").path)
        let database = folder.appendingPathComponent("credeau.db").path

        let result = try Support.run(["migrate", "--sqlite", database, "--load", dump.path])

        #expect(result.status == 1)
        #expect(result.stderr.contains("truncated or corrupt BSON after document"), "\(result.stderr)")
        let rows = try SQLiteDatabase(path: database).query("SELECT count(*) FROM sms_sync_request_sms_data")
        #expect(rows.first?.first == .integer(0))
    }

    /// A `$date` of a day that does not exist is rejected with its line and field, where libbson
    /// would roll it over into the next month.
    @Test func impossibleDateStopsTheLoad() throws {
        let folder = try Support.makeTemporaryDirectory()
        let dump = folder.appendingPathComponent("dump")
        try FileManager.default.createDirectory(at: dump, withIntermediateDirectories: false)
        let lines = [#"{"client_id": "acme", "user_id": "u1", "request_id": "r1", "sms": []}"#,
                     #"{"client_id": "acme", "user_id": "u2", "request_id": "r2", "created_at": {"$date": "2026-02-30T00:00:00Z"}, "sms": []}"#]
        try lines.joined(separator: "\n").write(to: dump.appendingPathComponent("sms_sync_request_sms_data.json"),
                                                atomically: true, encoding: .utf8)

        let result = try Support.run(["migrate", "--sqlite", folder.appendingPathComponent("credeau.db").path,
                                      "--load", dump.path])

        #expect(result.status == 1)
        #expect(result.stderr.contains("line 2, field 'created_at'"), "\(result.stderr)")
        #expect(result.stderr.contains("2026-02-30"), "\(result.stderr)")
    }

    /// A `--jsonArray` export that does not parse is reported at the line where it breaks, or at
    /// its last line when it ends early, without the wrapper the reader puts around it.
    @Test(arguments: [
        ("[\n{\"client_id\": \"c\", \"user_id\": \"a\", \"sms\": []},\n{\"client_id\": \"c\" \"user_id\": \"b\"}\n]\n", 3),
        ("[\n{\"client_id\": \"c\", \"user_id\": \"a\", \"sms\": []},\n{\"client_id\": \"c\", \"user", 3),
    ])
    func brokenJSONArrayNamesItsLine(text: String, line: Int) throws {
        let folder = try Support.makeTemporaryDirectory()
        let dump = folder.appendingPathComponent("dump")
        try FileManager.default.createDirectory(at: dump, withIntermediateDirectories: false)
        try text.write(to: dump.appendingPathComponent("sms_sync_request_sms_data.json"), atomically: true, encoding: .utf8)

        let result = try Support.run(["migrate", "--sqlite", folder.appendingPathComponent("credeau.db").path,
                                      "--load", dump.path])

        #expect(result.status == 1)
        #expect(result.stderr.contains("line \(line): the JSON array does not parse"), "\(result.stderr)")
        #expect(!result.stderr.contains("documents"), "\(result.stderr)")
    }

    /// With a JSON export (`.json` or `.jsonl`) and a BSON dump of one collection, the load reads
    /// the JSON, as extract does.
    @Test(arguments: ["json", "jsonl"])
    func jsonExportWinsOverBSONDump(fileExtension: String) throws {
        let folder = try Support.makeTemporaryDirectory()
        let dump = folder.appendingPathComponent("dump")
        try FileManager.default.createDirectory(at: dump, withIntermediateDirectories: false)
        try #"{"client_id": "acme", "user_id": "from-json", "request_id": "r1", "sms": []}"#.write(
            to: dump.appendingPathComponent("sms_sync_request_sms_data.\(fileExtension)"), atomically: true, encoding: .utf8)
        try FileManager.default.copyItem(atPath: Support.fixture("mongodump/sync_db/sms_sync_request_sms_data.bson"),
                                         toPath: dump.appendingPathComponent("sms_sync_request_sms_data.bson").path)
        let database = folder.appendingPathComponent("credeau.db").path

        let result = try Support.run(["migrate", "--sqlite", database, "--load", dump.path])

        #expect(result.status == 0, "\(result.stderr)")
        let rows = try SQLiteDatabase(path: database).query("SELECT DISTINCT user_id FROM sms_sync_request_sms_data")
        #expect(rows.map(\.first) == [.text("from-json")])
    }

    @Test func emptySQLitePathIsUsageError() throws {
        let folder = try Support.makeTemporaryDirectory()
        let result = try Support.run(["migrate", "--sqlite", ""], currentDirectory: folder)

        #expect(result.status == 2)
        #expect(result.stderrLines.first.map(String.init)
            == "Error: Invalid value '' for '--sqlite': expected the path of a SQLite file", "\(result.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == [])
    }
}
