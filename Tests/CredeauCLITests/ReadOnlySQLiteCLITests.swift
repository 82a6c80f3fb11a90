import CredeauKit
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// A SQLite file and folder the user may only read: `extract` and
/// `migrate --status` read it, and the commands that write fail with one clear line.
///
/// Root ignores file modes, so as root the binary runs as `nobody` through `setpriv`; as another
/// user the modes apply directly.
@Suite struct ReadOnlySQLiteCLITests {
    private typealias Support = CLITestSupport

    /// The prefix that runs a command as a user the modes apply to, or nil when none can be had.
    static let asReader: [String]? = {
        guard getuid() == 0 else { return [] }
        let setpriv = "/usr/bin/setpriv"
        guard FileManager.default.isExecutableFile(atPath: setpriv) else { return nil }
        return [setpriv, "--reuid=65534", "--regid=65534", "--clear-groups"]
    }()

    /// Runs `credeau` as the reader.
    static func runAsReader(_ arguments: [String]) throws -> CommandResult {
        guard let prefix = asReader else { throw SkipReason() }
        guard let first = prefix.first else { return try Support.run(arguments) }
        return try Support.runProcess(URL(fileURLWithPath: first),
                                      Array(prefix.dropFirst()) + [Support.binary.path] + arguments)
    }

    struct SkipReason: Error {}

    /// A migrated and loaded SQLite file in a folder, both made read-only; the folder is made
    /// writable again when `body` returns, so it can be removed.
    static func withReadOnlyCopy(_ body: (_ folder: URL, _ path: String) throws -> Void) throws {
        let top = try Support.makeTemporaryDirectory()
        // The reader must reach the folder.
        chmod(top.path, 0o755)
        let folder = top.appendingPathComponent("ro")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false)
        let path = folder.appendingPathComponent("ins.db").path
        let load = try Support.run(["migrate", "--sqlite", path, "--load",
                                    Support.packageRoot.appendingPathComponent("fixtures/sync_db").path])
        #expect(load.status == 0, "\(load.stderr)")
        // The loading connection removes the -wal and -shm files when it closes.
        #expect(!FileManager.default.fileExists(atPath: path + "-shm"))
        chmod(path, 0o444)
        chmod(folder.path, 0o555)
        defer { chmod(folder.path, 0o755) }
        try body(folder, path)
        #expect(!FileManager.default.fileExists(atPath: path + "-shm"), "nothing is created beside the file")
    }

    @Test(.enabled(if: asReader != nil, "needs setpriv to drop root, whom file modes do not stop"))
    func extractReadsReadOnlyFile() throws {
        try Self.withReadOnlyCopy { _, path in
            let result = try Self.runAsReader(["extract", "-i", path, "-o", "-", "--cutoff-date", "2026-03-31"])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout.split(separator: "\n").count == 6, "\(result.stdout.prefix(300))")
        }
    }

    @Test(.enabled(if: asReader != nil, "needs setpriv to drop root, whom file modes do not stop"))
    func migrateStatusOnReadOnlyFile() throws {
        try Self.withReadOnlyCopy { _, path in
            let status = try Self.runAsReader(["migrate", "--sqlite", path, "--status"])
            #expect(status.status == 0, "\(status.stderr)")
            #expect(status.stdout.contains("SQLite \(path), sync_db:"), "\(status.stdout)")
            #expect(!status.stdout.contains("pending"), "\(status.stdout)")
            let migrate = try Self.runAsReader(["migrate", "--sqlite", path])
            #expect(migrate.status == 0, "\(migrate.stderr)")
            #expect(migrate.stdout.contains("SQLite \(path) (sync_db): up to date"), "\(migrate.stdout)")
        }
    }

    @Test(.enabled(if: asReader != nil, "needs setpriv to drop root, whom file modes do not stop"))
    func writingCommandsFailWithOneLine() throws {
        try Self.withReadOnlyCopy { _, path in
            let dump = Support.packageRoot.appendingPathComponent("fixtures/sync_db").path
            for (arguments, action) in [(["--load", dump], "migrate --load"), (["--add-client", "acme"], "migrate --add-client")] {
                let result = try Self.runAsReader(["migrate", "--sqlite", path] + arguments)
                #expect(result.status == 1, "\(result.stderr)")
                #expect(result.stderr == "Error: SQLite file '\(path)' cannot be written by this user: \(action) needs "
                    + "write access to the file and to its folder (for the -wal and -shm files); --status and "
                    + "--dry-run only read it\n")
            }
        }
    }

    @Test(.enabled(if: asReader != nil, "needs setpriv to drop root, whom file modes do not stop"))
    func logWithChangesNeedsWritableFolder() throws {
        try Self.withReadOnlyCopy { folder, path in
            // A non-empty log may hold changes the main file lacks, which need the -shm index.
            chmod(folder.path, 0o755)
            try Data(repeating: 7, count: 64).write(to: URL(fileURLWithPath: path + "-wal"))
            chmod(path + "-wal", 0o444)
            chmod(folder.path, 0o555)
            let result = try Self.runAsReader(["extract", "-i", path, "-o", "-", "--cutoff-date", "2026-03-31"])
            #expect(result.status == 1)
            #expect(result.stderr.hasPrefix("Error: SQLite file '\(path)' cannot be read: its write-ahead log"),
                    "\(result.stderr)")
            #expect(result.stderr.contains("make the folder writable"))
            #expect(result.stderr.split(separator: "\n").count == 1)
        }
    }
}
