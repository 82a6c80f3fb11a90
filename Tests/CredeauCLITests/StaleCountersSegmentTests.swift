import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Tests that a stale libmongoc counters segment named after credeau's pid adds nothing to stderr.
@Suite struct StaleCountersSegmentTests {
    private static let lastPIDFile = "/proc/sys/kernel/ns_last_pid"

    private static var canPredictPIDs: Bool {
        FileManager.default.isReadableFile(atPath: lastPIDFile) && FileManager.default.fileExists(atPath: "/dev/shm")
    }

    @Test(.enabled(if: canPredictPIDs, "needs /proc/sys/kernel/ns_last_pid and /dev/shm"))
    func staleSegmentGivesNoWarning() throws {
        // Other tests start processes at the same time, so segments are planted for the next 64
        // pids, and the run repeats until the child gets one of them.
        for _ in 0..<20 {
            let text = try String(contentsOfFile: Self.lastPIDFile, encoding: .utf8)
            let last = try #require(Int32(text.trimmingCharacters(in: .whitespacesAndNewlines)))
            let planted = (last + 1...last + 64).map { "/dev/shm/mongoc-\($0)" }
                .filter { !FileManager.default.fileExists(atPath: $0) }
            for path in planted { FileManager.default.createFile(atPath: path, contents: nil) }
            defer {
                // Only the planted files are removed: they are empty, and libmongoc sizes its own segments.
                for path in planted {
                    if let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int, size == 0 {
                        unlink(path)
                    }
                }
            }

            let process = Process()
            process.executableURL = CLITestSupport.binary
            process.arguments = ["--version"]
            let errorPipe = Pipe()
            process.standardError = errorPipe
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            let errors = String(decoding: errorPipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()

            guard planted.contains("/dev/shm/mongoc-\(process.processIdentifier)") else { continue }
            #expect(process.terminationStatus == 0)
            #expect(errors.isEmpty, "stderr: \(errors)")
            #expect(!FileManager.default.fileExists(atPath: "/dev/shm/mongoc-\(process.processIdentifier)"))
            return
        }
        Issue.record("no child got one of the planted pids in 20 tries")
    }
}
