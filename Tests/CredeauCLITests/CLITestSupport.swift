import CredeauTestSupport
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Result of running the built `credeau` binary.
struct CommandResult {
    var status: Int32
    var stdout: String
    var stderr: String
}

/// Helpers for tests that run the built `credeau` binary as a user would.
enum CLITestSupport {
    /// The package root, found from this file's path.
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The debug binary that `swift build` (or `swift build --build-tests`) produced.
    static var binary: URL {
        packageRoot.appendingPathComponent(".build/debug/credeau")
    }

    /// Runs `credeau` with `arguments`, feeding `stdin`, and waits for it to exit.
    static func run(_ arguments: [String], stdin: Data? = nil, environment: [String: String]? = nil,
                    currentDirectory: URL? = nil) throws -> CommandResult {
        try runProcess(binary, arguments, stdin: stdin, environment: environment, currentDirectory: currentDirectory)
    }

    /// Waits up to 20 s for `folder` to hold `count` entries, then sends `signal` to `process` and
    /// waits up to 10 s for it to end (recording an issue and killing it otherwise).
    static func signalOnceFolderFills(_ process: Process, folder: URL, count: Int, signal: Int32) throws {
        let deadline = Date().addingTimeInterval(20)
        while try FileManager.default.contentsOfDirectory(atPath: folder.path).count < count, Date() < deadline {
            usleep(20_000)
        }
        let entries = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(entries.count == count, "the file the test waits for never appeared")
        kill(process.processIdentifier, signal)
        let exitDeadline = Date().addingTimeInterval(10)
        while process.isRunning, Date() < exitDeadline { usleep(20_000) }
        if process.isRunning {
            Issue.record("the process ignored the signal")
            kill(process.processIdentifier, SIGKILL)
        }
        process.waitUntilExit()
    }

    /// Runs any executable (`/usr/bin/make`, the test Python …) the same way as `run`.
    static func runProcess(_ executable: URL, _ arguments: [String], stdin: Data? = nil,
                           environment: [String: String]? = nil, currentDirectory: URL? = nil) throws -> CommandResult {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let environment { process.environment = environment }
        if let currentDirectory { process.currentDirectoryURL = currentDirectory }

        let outputPipe = Pipe(), errorPipe = Pipe(), inputPipe = Pipe()
        process.standardOutput = outputPipe
        process.standardError = errorPipe
        process.standardInput = inputPipe
        try process.run()

        // Drain both pipes concurrently so a chatty child cannot block on a full pipe.
        let group = DispatchGroup()
        nonisolated(unsafe) var outputData = Data()
        nonisolated(unsafe) var errorData = Data()
        DispatchQueue.global().async(group: group) { outputData = outputPipe.fileHandleForReading.readDataToEndOfFile() }
        DispatchQueue.global().async(group: group) { errorData = errorPipe.fileHandleForReading.readDataToEndOfFile() }
        if let stdin { inputPipe.fileHandleForWriting.write(stdin) }
        try? inputPipe.fileHandleForWriting.close()
        group.wait()
        process.waitUntilExit()

        return CommandResult(status: process.terminationStatus,
                             stdout: String(decoding: outputData, as: UTF8.self),
                             stderr: String(decoding: errorData, as: UTF8.self))
    }

    /// Returns the path of a Debian tool in /usr/bin or /bin, or nil with a notice naming the
    /// check that is skipped (scripts/install-deps.sh test installs every tool the tests use).
    static func installedTool(_ name: String, for check: String) -> URL? {
        let path = ["/usr/bin/\(name)", "/bin/\(name)"].first { FileManager.default.isExecutableFile(atPath: $0) }
        guard let path else {
            print("NOTICE: \(name) is not installed; skipping \(check) (scripts/install-deps.sh test installs it)")
            return nil
        }
        return URL(fileURLWithPath: path)
    }

    /// A fresh temporary directory for one test, removed when the test process exits.
    static func makeTemporaryDirectory() throws -> URL {
        try TemporaryFolders.make(prefix: "credeau-test")
    }
}

extension CommandResult {
    var stdoutLines: [Substring] { stdout.split(separator: "\n") }
    var stderrLines: [Substring] { stderr.split(separator: "\n") }
}

extension CLITestSupport {
    /// The absolute path of a file under `fixtures/`.
    static func fixture(_ relativePath: String) -> String {
        packageRoot.appendingPathComponent("fixtures/" + relativePath).path
    }

    /// Runs `credeau` from the package root, so arguments and messages can use relative fixture paths.
    static func runInPackageRoot(_ arguments: [String], stdin: Data? = nil) throws -> CommandResult {
        try run(arguments, stdin: stdin, currentDirectory: packageRoot)
    }
}
