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

    private static var runuser: String? {
        ["/usr/sbin/runuser", "/sbin/runuser"].first(where: FileManager.default.isExecutableFile)
    }

    @Test(.enabled(if: canPredictPIDs, "needs /proc/sys/kernel/ns_last_pid and /dev/shm"))
    func staleSegmentGivesNoWarning() throws {
        try runUntilChildGetsPlantedPID(executable: CLITestSupport.binary, arguments: ["--version"])
    }

    /// Checks a segment that root left: /dev/shm is sticky, so user `nobody` cannot remove it, and
    /// credeau runs again with libmongoc's shared counters turned off.
    @Test(.enabled(if: canPredictPIDs && geteuid() == 0 && runuser != nil, "needs root, runuser and /dev/shm"))
    func segmentOfAnotherUserGivesNoWarning() throws {
        let runuser = try #require(Self.runuser)
        guard try CLITestSupport.runProcess(URL(fileURLWithPath: runuser),
                                            ["-u", "nobody", "--", CLITestSupport.binary.path, "--version"]).status == 0
        else {
            print("NOTICE: user nobody cannot run \(CLITestSupport.binary.path); skipping the stale segment check as nobody")
            return
        }
        // sh execs credeau, so credeau keeps the pid that the test reads from the child.
        try runUntilChildGetsPlantedPID(
            executable: URL(fileURLWithPath: runuser),
            arguments: ["-u", "nobody", "--", "/bin/sh", "-c", "echo $$ >&2; exec \"$0\" --version",
                        CLITestSupport.binary.path])
    }

    /// Plants empty segments owned by the test's user for the next 64 pids and runs the child until the
    /// credeau process gets one of them. Other tests start processes at the same time, so the
    /// run repeats up to 20 times. The child writes its pid as the first stderr line when it is
    /// not the credeau process itself.
    private func runUntilChildGetsPlantedPID(executable: URL, arguments: [String]) throws {
        for _ in 0..<20 {
            let text = try String(contentsOfFile: Self.lastPIDFile, encoding: .utf8)
            let last = try #require(Int32(text.trimmingCharacters(in: .whitespacesAndNewlines)))
            let planted = (last + 1...last + 64).map { "/dev/shm/mongoc-\($0)" }
                .filter { !FileManager.default.fileExists(atPath: $0) }
            for path in planted { _ = FileManager.default.createFile(atPath: path, contents: nil) }
            defer {
                // Only the planted files are removed: they are empty, and libmongoc sizes its own segments.
                for path in planted {
                    if let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int, size == 0 {
                        unlink(path)
                    }
                }
            }

            let process = Process()
            process.executableURL = executable
            process.arguments = arguments
            let errorPipe = Pipe()
            process.standardError = errorPipe
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            var errors = String(decoding: errorPipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()

            var pid = process.processIdentifier
            if executable != CLITestSupport.binary {
                let firstLine = errors.prefix { $0 != "\n" }
                pid = try #require(Int32(firstLine), "stderr: \(errors)")
                errors = String(errors.dropFirst(firstLine.count + 1))
            }
            guard planted.contains("/dev/shm/mongoc-\(pid)") else { continue }
            #expect(process.terminationStatus == 0)
            #expect(errors.isEmpty, "stderr: \(errors)")
            if executable == CLITestSupport.binary {
                #expect(!FileManager.default.fileExists(atPath: "/dev/shm/mongoc-\(pid)"))
            }
            return
        }
        Issue.record("no child got one of the planted pids in 20 tries")
    }
}
