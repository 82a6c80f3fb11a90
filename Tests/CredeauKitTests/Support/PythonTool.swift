import Foundation

/// Runs Python snippets with the test tooling interpreter that `scripts/run-tests.sh` exports
/// as CREDEAU_TEST_PYTHON (a venv with Tests/requirements.txt installed).
enum PythonTool {
    static var interpreter: String? {
        ProcessInfo.processInfo.environment["CREDEAU_TEST_PYTHON"].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// Runs `script` with `arguments`, feeding `input` on stdin, and returns stdout; throws on a
    /// non-zero exit with stderr in the message.
    static func run(_ script: String, arguments: [String] = [], input: String = "") throws -> String {
        guard let interpreter else { throw Failure(message: "CREDEAU_TEST_PYTHON is not set") }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: interpreter)
        process.arguments = ["-c", script] + arguments
        let output = Pipe(), errors = Pipe(), stdin = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = stdin
        try process.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(message: "python exited \(process.terminationStatus): \(String(decoding: errorData, as: UTF8.self))")
        }
        return String(decoding: outputData, as: UTF8.self)
    }

    struct Failure: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }
}
