import Foundation
import Testing

/// `serve-sms` and `serve-insights` start-up errors: one line, the right exit status, no side effects.
@Suite struct ServiceStartCLITests {
    private typealias Support = CLITestSupport

    @Test(arguments: ["serve-sms", "serve-insights"])
    func invalidHostIsUsageError(command: String) throws {
        let folder = try Support.makeTemporaryDirectory()
        var environment = ProcessInfo.processInfo.environment
        environment["CREDEAU_SQLITE_PATH"] = nil
        let result = try Support.run([command, "--host", "999.1.1.1", "--port", "0"], environment: environment,
                                     currentDirectory: folder)

        let expected = "Error: Invalid value '999.1.1.1' for '--host': "
            + "expected an IPv4 address such as 0.0.0.0 or 127.0.0.1"
        #expect(result.status == 2)
        #expect(result.stderrLines.first.map(String.init) == expected, "\(result.stderr)")
        #expect(!result.stderr.contains("DB_ENCRYPTION_KEY"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == [])
    }

    @Test func portInUseGivesOneErrorLine() throws {
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(listener) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { generic in
                bind(listener, generic, length) == 0 && listen(listener, 1) == 0
                    && getsockname(listener, generic, &length) == 0
            }
        }
        try #require(bound)
        let port = Int(UInt16(bigEndian: address.sin_port))

        let folder = try Support.makeTemporaryDirectory()
        var environment = ProcessInfo.processInfo.environment
        environment["CREDEAU_SQLITE_PATH"] = nil
        let result = try Support.run(["serve-sms", "--host", "127.0.0.1", "--port", String(port)],
                                     environment: environment, currentDirectory: folder)
        let plainLines = result.stderrLines.filter { !$0.hasPrefix("{") }

        #expect(result.status == 1)
        #expect(plainLines == ["Error: Cannot listen on 127.0.0.1:\(port): Failed to bind to port \(port): "
            + "Address already in use. Choose another port with --port"], "\(result.stderr)")
        // The SQLite database created at start is removed again.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == [])
    }

    @Test func insightsWithoutDatabaseCreatesNone() throws {
        let folder = try Support.makeTemporaryDirectory()
        var environment = ProcessInfo.processInfo.environment
        environment["CREDEAU_SQLITE_PATH"] = nil
        let result = try Support.run(["serve-insights", "--host", "127.0.0.1", "--port", "0"],
                                     environment: environment, currentDirectory: folder)
        let plainLines = result.stderrLines.filter { !$0.hasPrefix("{") }

        #expect(result.status == 1)
        #expect(plainLines == ["Error: SQLite database './credeau.db' not found. "
            + "Run 'credeau migrate' first, or set CREDEAU_SQLITE_PATH"], "\(result.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == [])
    }

    /// Starts `serve-sms` on a database its user may read but not write. Root writes any file, so
    /// as root the service runs as `nobody` through runuser. A service that starts anyway is
    /// stopped by timeout after 20 seconds.
    @Test func readOnlyDatabaseFailsAtStart() throws {
        let folder = try Support.makeTemporaryDirectory()
        let database = folder.appendingPathComponent("credeau.db").path
        #expect(try Support.run(["migrate", "--sqlite", database]).status == 0)
        for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: database + suffix) }
        #expect(chmod(folder.path, 0o1777) == 0)
        #expect(chmod(database, 0o444) == 0)

        let serve = ["serve-sms", "--host", "127.0.0.1", "--port", "0"]
        let result: CommandResult
        if geteuid() == 0 {
            guard let runuser = ["/usr/sbin/runuser", "/sbin/runuser"].first(where: FileManager.default.isExecutableFile),
                  try Support.runProcess(URL(fileURLWithPath: runuser),
                                         ["-u", "nobody", "--", Support.binary.path, "--version"]).status == 0
            else {
                print("NOTICE: user nobody cannot run \(Support.binary.path); skipping the read-only database check")
                return
            }
            result = try Support.runProcess(
                URL(fileURLWithPath: runuser),
                ["-u", "nobody", "--", "/usr/bin/timeout", "20", "/usr/bin/env", "CREDEAU_SQLITE_PATH=\(database)",
                 Support.binary.path] + serve)
        } else {
            var environment = ProcessInfo.processInfo.environment
            environment["CREDEAU_SQLITE_PATH"] = database
            result = try Support.runProcess(URL(fileURLWithPath: "/usr/bin/timeout"), ["20", Support.binary.path] + serve,
                                            environment: environment)
        }
        let plainLines = result.stderrLines.filter { !$0.hasPrefix("{") }

        #expect(result.status == 1)
        #expect(plainLines == ["Error: SQLite database '\(database)' is read-only. The service writes to it, "
            + "so give it write access to the file and its folder"], "\(result.stderr)")
    }
}
