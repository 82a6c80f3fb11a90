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
        // The input's collection file is a named pipe that never delivers, so the run waits
        // while the output is already open.
        let folder = try Support.makeTemporaryDirectory()
        let input = folder.appendingPathComponent("dump")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        #expect(mkfifo(input.appendingPathComponent("sms_sync_request_sms_data.json").path, 0o600) == 0)
        let output = folder.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
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
