import Foundation
import Testing

/// Messages that name the right thing: the SMS that contains an out-of-range
/// number, a `--load` path that is a file, and a folder that contains only gzip dumps.
@Suite struct MessageNamingCLITests {
    private typealias Support = CLITestSupport

    static let oversizedDate = #"{"client_id": "c", "user_id": "u", "created_at": "2026-03-30", "sms": ["#
        + #"{"sms_id": "1", "sms_body": "hi", "sms_inbox_date": 1772541341000}, "#
        + #"{"sms_id": "2", "sms_body": "hi", "sms_inbox_date": 99999999999999999999}]}"# + "\n"
    static let range = "the integer 99999999999999999999 is outside the 64-bit range "
        + "(-9223372036854775808 to 9223372036854775807)"

    static func dump(_ text: String, name: String = "sms_sync_request_sms_data.json") throws -> URL {
        let folder = try Support.makeTemporaryDirectory().appendingPathComponent("dump")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: folder.appendingPathComponent(name))
        return folder
    }

    @Test func outOfRangeDateNamesTheSMSInEveryReader() throws {
        let folder = try Self.dump(Self.oversizedDate)
        let file = folder.appendingPathComponent("sms_sync_request_sms_data.json").path
        let place = "'\(file)' line 1, sms 2, field 'sms_inbox_date': \(Self.range)"

        let sms = try Support.run(["extract", "--sms", "-i", folder.path, "-o", "-"])
        #expect(sms.status == 0)
        #expect(sms.stderrLines.first.map(String.init) == "Skipped \(place)", "\(sms.stderr)")

        let features = try Support.run(["extract", "-i", folder.path, "-o", "-", "--cutoff-date", "2026-03-31"])
        #expect(features.status == 1)
        #expect(features.stderr == "Error: Cannot read \(place); pass --keep-going to skip it and continue\n")

        let database = folder.deletingLastPathComponent().appendingPathComponent("load.db").path
        let load = try Support.run(["migrate", "--sqlite", database, "--load", folder.path])
        #expect(load.status == 1)
        #expect(load.stderr == "Error: Invalid value in dump file \(place)\n")
    }

    @Test func loadOfAFileSaysItIsAFile() throws {
        let folder = try Self.dump(Self.oversizedDate)
        let file = folder.appendingPathComponent("sms_sync_request_sms_data.json").path
        let database = folder.appendingPathComponent("load.db").path
        let result = try Support.run(["migrate", "--sqlite", database, "--load", file])

        #expect(result.status == 2)
        #expect(result.stderrLines.first.map(String.init) == "Error: '\(file)' is a file, not a folder. "
            + "Pass the dump folder that holds the <collection>.json, .jsonl or .bson files", "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: database))
    }

    @Test func folderOfGzipDumpsSaysHowToReadThem() throws {
        let folder = try Self.dump("not really gzip", name: "sms_sync_request_sms_data.json.gz")
        let gzipped = folder.appendingPathComponent("sms_sync_request_sms_data.json.gz").path

        let sms = try Support.run(["extract", "--sms", "-i", folder.path, "-o", "-"])
        #expect(sms.status != 0)
        #expect(sms.stderrLines.first.map(String.init) == "Error: No 'sms_sync_request_sms_data.json', '.jsonl' or "
            + "'.bson' file in folder '\(folder.path)' or its 'sync_db' subfolder, only '\(gzipped)'. A gzip file is "
            + "read from a pipe: -i <(zcat \(gzipped))", "\(sms.stderr)")

        let features = try Support.run(["extract", "-i", folder.path, "-o", "-"])
        #expect(features.status == 2)
        #expect(features.stderrLines.first.map(String.init) == "Error: No sync_db dump files in '\(folder.path)' or "
            + "'\(folder.path)/sync_db', only gzip files such as '\(gzipped)', which are not unpacked. Unpack them "
            + "with gunzip, or read the SMS file from a pipe: credeau extract --sms -i <(zcat \(gzipped))",
            "\(features.stderr)")
    }
}
