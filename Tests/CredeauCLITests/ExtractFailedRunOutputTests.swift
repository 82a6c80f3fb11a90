import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// A run that fails leaves an existing output file as it was, in every output format.
@Suite struct ExtractFailedRunOutputTests {
    private typealias Support = CLITestSupport

    private func contents(_ path: String) throws -> Data {
        try Data(contentsOf: URL(fileURLWithPath: path))
    }

    /// Runs a good features extraction into `name`, then one whose input has no dump, and
    /// checks that the second left the first one's output.
    private func expectKept(_ name: String, extra: [String] = []) throws {
        let folder = try Support.makeTemporaryDirectory()
        let output = folder.appendingPathComponent(name).path
        let good = try Support.run(["extract", "-i", Support.fixture("sync_db"), "--cutoff-date", "2026-03-31",
                                    "-o", output, "--quiet"] + extra)
        #expect(good.status == 0)
        let before = try contents(output)
        #expect(!before.isEmpty)

        let empty = folder.appendingPathComponent("empty-dump")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        let failed = try Support.run(["extract", "-i", empty.path, "--cutoff-date", "2026-03-31", "-o", output,
                                      "--quiet"] + extra)
        #expect(failed.status != 0)
        #expect(try contents(output) == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".tmp") }
        #expect(leftovers.isEmpty)
    }

    /// Returns a dump folder whose collection file is a named pipe that never delivers, so a run
    /// waits while its output is already open, and an empty output folder beside it.
    private func pipeDump() throws -> (input: URL, output: URL) {
        let folder = try Support.makeTemporaryDirectory()
        let input = folder.appendingPathComponent("dump")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        #expect(mkfifo(input.appendingPathComponent("sms_sync_request_sms_data.json").path, 0o600) == 0)
        let output = folder.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        return (input, output)
    }

    @Test func featuresJSONLinesKept() throws {
        try expectKept("users.jsonl")
    }

    @Test func featuresCSVKept() throws {
        try expectKept("users.csv")
    }

    @Test func featuresSQLiteKept() throws {
        try expectKept("users.db")
    }

    @Test func smsRunReplacesOnlyOnSuccess() throws {
        let folder = try Support.makeTemporaryDirectory()
        let output = folder.appendingPathComponent("sms.jsonl").path
        try Data("earlier output\n".utf8).write(to: URL(fileURLWithPath: output))
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: output)

        let good = try Support.run(["extract", "--sms", "-i", Support.fixture("sync_db"), "-o", output, "--quiet"])
        #expect(good.status == 0)
        let written = try contents(output)
        #expect(written != Data("earlier output\n".utf8))
        let attributes = try FileManager.default.attributesOfItem(atPath: output)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
    }

    @Test func interruptedRunLeavesNoPartialOutput() throws {
        let (input, output) = try pipeDump()
        let target = output.appendingPathComponent("users.jsonl").path
        try Data("earlier output\n".utf8).write(to: URL(fileURLWithPath: target))

        let process = Process()
        process.executableURL = Support.binary
        process.arguments = ["extract", "-i", input.path, "-o", target, "--cutoff-date", "2026-03-31", "-q"]
        process.standardError = FileHandle.nullDevice
        try process.run()
        // The earlier output and the partial one beside it.
        try Support.signalOnceFolderFills(process, folder: output, count: 2, signal: SIGINT)

        #expect(try FileManager.default.contentsOfDirectory(atPath: output.path) == ["users.jsonl"])
        #expect(try contents(target) == Data("earlier output\n".utf8))
    }

    @Test func signalTheCallerIgnoresStaysIgnored() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/nohup") else { return }
        let (input, output) = try pipeDump()

        // nohup starts the run with SIGHUP ignored, and the run must keep it so.
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/nohup")
        process.arguments = [Support.binary.path, "extract", "-i", input.path, "-o", output.appendingPathComponent("u.jsonl").path,
                             "--cutoff-date", "2026-03-31", "-q"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(20)
        while try FileManager.default.contentsOfDirectory(atPath: output.path).isEmpty, Date() < deadline { usleep(20_000) }
        kill(process.processIdentifier, SIGHUP)
        usleep(300_000)
        #expect(process.isRunning, "SIGHUP ended a run started under nohup")
        try Support.signalOnceFolderFills(process, folder: output, count: 1, signal: SIGTERM)
        #expect(try FileManager.default.contentsOfDirectory(atPath: output.path).isEmpty)
    }

    @Test func devStdoutAppendsToRedirect() throws {
        let folder = try Support.makeTemporaryDirectory()
        let log = folder.appendingPathComponent("log.txt")
        try Data("OLD\n".utf8).write(to: log)
        let handle = try FileHandle(forWritingTo: log)
        defer { try? handle.close() }
        try handle.seekToEnd()

        let process = Process()
        process.executableURL = Support.binary
        process.arguments = ["extract", "--sms", "-q", "--format", "jsonl", "-i", Support.fixture("sync_db"), "-o", "/dev/stdout"]
        process.standardOutput = handle
        try process.run()
        process.waitUntilExit()

        #expect(process.terminationStatus == 0)
        let text = String(decoding: try contents(log.path), as: UTF8.self)
        #expect(text.hasPrefix("OLD\n{"))
        #expect(text.split(separator: "\n").count > 100)
    }

    @Test func danglingLinkGetsItsTargetOnlyOnSuccess() throws {
        let folder = try Support.makeTemporaryDirectory()
        let real = folder.appendingPathComponent("real")
        try FileManager.default.createDirectory(at: real, withIntermediateDirectories: true)
        let link = folder.appendingPathComponent("link.jsonl").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "real/out.jsonl")
        let empty = folder.appendingPathComponent("empty")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)

        let failed = try Support.run(["extract", "-i", empty.path, "-o", link, "--cutoff-date", "2026-03-31", "-q"])
        #expect(failed.status != 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: real.path).isEmpty)
        let good = try Support.run(["extract", "-i", Support.fixture("sync_db"), "-o", link, "--cutoff-date", "2026-03-31", "-q"])
        #expect(good.status == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: real.path) == ["out.jsonl"])
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == "real/out.jsonl")
    }

    @Test func serviceDatabaseIsNotAnSMSOutput() throws {
        let folder = try Support.makeTemporaryDirectory()
        let service = folder.appendingPathComponent("credeau.db").path
        let migrated = try Support.run(["migrate", "--sqlite", service])
        #expect(migrated.status == 0)
        let before = try contents(service)

        let result = try Support.run(["extract", "--sms", "-i", Support.fixture("sync_db"), "-o", service, "-q"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("it is a credeau service database"))
        #expect(try contents(service) == before)
    }

    @Test func outputThroughLinkReplacesTarget() throws {
        let folder = try Support.makeTemporaryDirectory()
        let target = folder.appendingPathComponent("target.jsonl").path
        let link = folder.appendingPathComponent("link.jsonl").path
        try Data("earlier output\n".utf8).write(to: URL(fileURLWithPath: target))
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)

        let good = try Support.run(["extract", "--sms", "-i", Support.fixture("sync_db"), "-o", link, "--quiet"])
        #expect(good.status == 0)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == target)
        #expect(try contents(target) != Data("earlier output\n".utf8))
    }
}
