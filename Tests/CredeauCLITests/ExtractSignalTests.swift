import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// A signal while piped input is being copied leaves no temporary copy of the SMS behind.
@Suite struct ExtractSignalTests {
    private typealias Support = CLITestSupport

    /// Starts `extract --sms -i input` with `TMPDIR` set to a fresh folder, waits until the spooled
    /// copy exists, sends `signal` and returns the folder's contents after the process ended.
    private func interrupt(input: String, stdin: Pipe?, signal: Int32) throws -> (leftovers: [String], status: Int32,
                                                                                reason: Process.TerminationReason) {
        let folder = try Support.makeTemporaryDirectory()
        let process = Process()
        process.executableURL = Support.binary
        process.arguments = ["extract", "--sms", "-i", input, "-o", "/dev/null", "--format", "jsonl", "-q"]
        var environment = ProcessInfo.processInfo.environment
        environment["TMPDIR"] = folder.path
        process.environment = environment
        if let stdin { process.standardInput = stdin }
        process.standardError = FileHandle.nullDevice
        try process.run()

        // The spooled copy of the input is the one file the folder gets.
        try Support.signalOnceFolderFills(process, folder: folder, count: 1, signal: signal)
        return (try FileManager.default.contentsOfDirectory(atPath: folder.path), process.terminationStatus,
                process.terminationReason)
    }

    @Test(arguments: [SIGINT, SIGTERM])
    func standardInputCopyIsRemoved(signal: Int32) throws {
        let pipe = Pipe()
        pipe.fileHandleForWriting.write(Data(#"{"sms_id": "1", "sms_body": "Rs 5 debited"}"#.utf8 + [0x0A]))
        let result = try interrupt(input: "-", stdin: pipe, signal: signal)
        try pipe.fileHandleForWriting.close()

        #expect(result.leftovers.isEmpty)
        #expect(result.reason == .uncaughtSignal)
        #expect(result.status == signal)
    }

    @Test func namedPipeCopyIsRemoved() throws {
        let fifo = try Support.makeTemporaryDirectory().appendingPathComponent("sms.fifo").path
        #expect(mkfifo(fifo, 0o600) == 0)
        // Opening read-write keeps the pipe open without waiting for a reader.
        let writer = try #require(FileHandle(forUpdatingAtPath: fifo))
        writer.write(Data(#"{"sms_id": "1", "sms_body": "Rs 5 debited"}"#.utf8 + [0x0A]))
        let result = try interrupt(input: fifo, stdin: nil, signal: SIGTERM)
        try writer.close()

        #expect(result.leftovers.isEmpty)
        #expect(result.reason == .uncaughtSignal)
    }
}
