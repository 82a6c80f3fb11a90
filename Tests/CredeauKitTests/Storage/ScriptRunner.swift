import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs a script and waits for it with `waitpid`.
///
/// Foundation's `Process.waitUntilExit` can wait forever when the child leaves a daemon behind
/// (as `pg_ctl start` does), because the daemon inherits a descriptor Foundation watches.
/// `waitpid` only looks at the child itself.
enum ScriptRunner {
    struct Result {
        var status: Int32
        var output: String
    }

    /// Runs `path` with `arguments`, extra `environment` entries on top of this process's,
    /// and returns its exit status and standard output. Standard error goes to /dev/null.
    static func run(_ path: String, _ arguments: [String], environment: [String: String] = [:]) throws -> Result {
        let outputPath = temporaryOutputPath()
        defer { try? FileManager.default.removeItem(atPath: outputPath) }
        let pid = try spawn(path, arguments, environment: environment, outputPath: outputPath)
        let status = wait(for: pid)
        let output = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
        return Result(status: status, output: output)
    }

    /// Returns a fresh path under the temporary folder for a child's standard output.
    static func temporaryOutputPath() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("credeau-script-\(UUID().uuidString).out").path
    }

    /// Starts `path` with its standard output in `outputPath` (standard error in `errorPath`, else
    /// discarded) and returns its pid.
    static func spawn(_ path: String, _ arguments: [String], environment: [String: String] = [:],
                      outputPath: String, errorPath: String? = nil) throws -> pid_t
    {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        if let errorPath {
            posix_spawn_file_actions_addopen(&actions, 2, errorPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        } else {
            posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        }

        var merged = ProcessInfo.processInfo.environment
        merged.merge(environment) { _, new in new }
        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        let envp = merged.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        // Test threads run with most signals blocked and a child inherits that mask, which would
        // leave it deaf to SIGTERM. So the child starts with an empty mask and default handlers.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        var allSignals = sigset_t()
        sigfillset(&allSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setsigdefault(&attributes, &allSignals)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var pid = pid_t()
        let spawned = posix_spawn(&pid, path, &actions, &attributes, argv, envp)
        guard spawned == 0 else { throw ScriptRunnerError.spawnFailed(path: path, errno: spawned) }
        return pid
    }

    /// Waits for `pid` to end and returns its exit status (128 + signal when killed).
    static func wait(for pid: pid_t) -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        return (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    }
}

enum ScriptRunnerError: Error {
    case spawnFailed(path: String, errno: Int32)
}

/// A PostgreSQL cluster of its own for a test that restarts the server, so that tests running
/// at the same time on the shared cluster are not disturbed.
final class PrivatePostgresCluster {
    let url: String
    private let stateFile: String
    private let script = StorageTestSupport.packageRoot.appendingPathComponent("scripts/test-postgres.sh").path

    init() throws {
        stateFile = FileManager.default.temporaryDirectory
            .appendingPathComponent("credeau-private-pg-\(UUID().uuidString).env").path
        // An empty CREDEAU_TEST_PG_PORT makes the script pick a free port: the one a caller set
        // for the shared cluster is taken already.
        let started = try ScriptRunner.run(script, ["start"],
                                           environment: ["CREDEAU_TEST_PG_STATE": stateFile, "CREDEAU_TEST_PG_PORT": ""])
        let prefix = "export CREDEAU_TEST_PG_URL="
        guard started.status == 0,
              let line = started.output.split(separator: "\n").first(where: { $0.hasPrefix(prefix) })
        else { throw PrivatePostgresClusterError.startFailed(started.output) }
        url = String(line.dropFirst(prefix.count))
    }

    func restart() throws -> Int32 {
        try ScriptRunner.run(script, ["restart"], environment: ["CREDEAU_TEST_PG_STATE": stateFile]).status
    }

    deinit {
        _ = try? ScriptRunner.run(script, ["stop"], environment: ["CREDEAU_TEST_PG_STATE": stateFile])
    }
}

enum PrivatePostgresClusterError: Error {
    case startFailed(String)
}
