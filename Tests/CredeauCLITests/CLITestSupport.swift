import Foundation

/// Helpers for tests that run the built `credeau` binary.
enum CLITestSupport {
    /// What one run of the binary printed and returned.
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String

        var stdoutLines: [Substring] { stdout.split(separator: "\n") }
        var stderrLines: [Substring] { stderr.split(separator: "\n") }
    }

    /// Thrown when the binary has not been built; `swift build` (or `swift build --build-tests`) builds it.
    struct BinaryMissing: Error, CustomStringConvertible {
        var path: String
        var description: String { "The credeau binary '\(path)' does not exist; run 'swift build' first" }
    }

    /// The package root, found from this file's path so tests run from any working directory.
    static let packageRoot: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    static var binaryPath: String { packageRoot + "/.build/debug/credeau" }

    static func fixture(_ relativePath: String) -> String {
        packageRoot + "/fixtures/" + relativePath
    }

    /// Creates a fresh empty folder under the system temporary folder and returns its path.
    static func makeTemporaryFolder() throws -> String {
        let path = NSTemporaryDirectory() + "credeau-cli-tests-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// Runs `credeau arguments…` from the package root with `input` on standard input.
    ///
    /// Output goes to temporary files rather than pipes, so a large output cannot fill a pipe
    /// buffer and stall the child.
    static func run(_ arguments: [String], input: Data? = nil) throws -> Result {
        guard FileManager.default.isExecutableFile(atPath: binaryPath) else { throw BinaryMissing(path: binaryPath) }
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let stdoutPath = folder + "/stdout", stderrPath = folder + "/stderr", stdinPath = folder + "/stdin"
        FileManager.default.createFile(atPath: stdoutPath, contents: nil)
        FileManager.default.createFile(atPath: stderrPath, contents: nil)
        FileManager.default.createFile(atPath: stdinPath, contents: input ?? Data())

        let process = Process()
        process.executableURL = URL(fileURLWithPath: binaryPath)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: packageRoot)
        process.standardOutput = FileHandle(forWritingAtPath: stdoutPath)
        process.standardError = FileHandle(forWritingAtPath: stderrPath)
        process.standardInput = FileHandle(forReadingAtPath: stdinPath)
        try process.run()
        process.waitUntilExit()

        return Result(
            status: process.terminationStatus,
            stdout: try String(contentsOfFile: stdoutPath, encoding: .utf8),
            stderr: try String(contentsOfFile: stderrPath, encoding: .utf8))
    }
}
