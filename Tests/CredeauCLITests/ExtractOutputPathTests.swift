import Foundation
import Testing

/// Output paths that would overwrite the input are rejected before the output is opened.
@Suite struct ExtractOutputPathTests {
    private typealias Support = CLITestSupport

    /// Copies the shipped sync_db dump into a fresh folder and returns the folder.
    private func copiedDump() throws -> URL {
        let folder = try Support.makeTemporaryDirectory().appendingPathComponent("dump")
        try FileManager.default.copyItem(atPath: Support.fixture("sync_db"), toPath: folder.path)
        return folder
    }

    private func expectRejected(_ result: CommandResult, keeping path: String, original: Data) throws {
        #expect(result.status == 2)
        #expect(result.stderrLines.count == 1)
        #expect(result.stderr.contains("would destroy the input"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == original)
    }

    @Test func sqliteToStandardOutputIsUsageError() throws {
        let result = try Support.runInPackageRoot(["extract", "--sms", "-i", "fixtures/sync_db", "-o", "-", "--format", "sqlite"])

        #expect(result.status == 2)
        #expect(result.stderr.contains("SQLite output cannot go to standard output"))
        #expect(result.stdout.isEmpty)
    }

    @Test func smsOutputNamingInputFile() throws {
        let folder = try Support.makeTemporaryDirectory()
        let input = folder.appendingPathComponent("in.jsonl").path
        try FileManager.default.copyItem(atPath: Support.fixture("sync_db/sms_sync_request_sms_data.json"), toPath: input)
        let original = try Data(contentsOf: URL(fileURLWithPath: input))

        let same = try Support.run(["extract", "--sms", "-i", input, "-o", input])
        try expectRejected(same, keeping: input, original: original)

        let dotted = try Support.run(["extract", "--sms", "-i", input, "-o", folder.path + "/./in.jsonl"])
        try expectRejected(dotted, keeping: input, original: original)
    }

    @Test func smsOutputThroughLinks() throws {
        let folder = try Support.makeTemporaryDirectory()
        let input = folder.appendingPathComponent("in.jsonl").path
        try FileManager.default.copyItem(atPath: Support.fixture("sync_db/sms_sync_request_sms_data.json"), toPath: input)
        let original = try Data(contentsOf: URL(fileURLWithPath: input))
        let hardLink = folder.appendingPathComponent("hard.jsonl").path
        let symbolicLink = folder.appendingPathComponent("soft.jsonl").path
        try FileManager.default.linkItem(atPath: input, toPath: hardLink)
        try FileManager.default.createSymbolicLink(atPath: symbolicLink, withDestinationPath: input)

        let viaHard = try Support.run(["extract", "--sms", "-i", input, "-o", hardLink])
        try expectRejected(viaHard, keeping: input, original: original)

        let viaSymbolic = try Support.run(["extract", "--sms", "-i", symbolicLink, "-o", input, "--format", "csv"])
        try expectRejected(viaSymbolic, keeping: input, original: original)
    }

    @Test func featuresOutputInsideDumpFolder() throws {
        let dump = try copiedDump()
        let collection = dump.appendingPathComponent("sms_sync_request_sms_data.json").path
        let original = try Data(contentsOf: URL(fileURLWithPath: collection))

        let overwrite = try Support.run(["extract", "-i", dump.path, "-o", collection])
        try expectRejected(overwrite, keeping: collection, original: original)

        let newFile = dump.appendingPathComponent("features.jsonl").path
        let inside = try Support.run(["extract", "-i", dump.path, "-o", newFile])
        #expect(inside.status == 2)
        #expect(!FileManager.default.fileExists(atPath: newFile))

        let smsMode = try Support.run(["extract", "--sms", "-i", dump.path, "-o", collection])
        try expectRejected(smsMode, keeping: collection, original: original)
    }

    @Test func outputBesideInputIsWritten() throws {
        let dump = try copiedDump()
        let output = dump.deletingLastPathComponent().appendingPathComponent("dump-features.jsonl").path

        let result = try Support.run(["extract", "-i", dump.path, "-o", output, "-q"])

        #expect(result.status == 0)
        #expect(try String(contentsOfFile: output, encoding: .utf8).split(separator: "\n").count == 6)
    }
}
