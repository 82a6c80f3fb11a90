import Foundation
import Testing

@Suite struct ExtractCommandTests {
    private typealias Support = CLITestSupport

    @Test func smsDumpToStandardOutput() throws {
        let result = try Support.runInPackageRoot(["extract", "--sms", "--input", "fixtures/sync_db", "--output", "-"])

        #expect(result.status == 0)
        #expect(result.stdoutLines.count == 272)
        for line in result.stdoutLines.prefix(20) {
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            #expect(object?["sms_id"] is String)
            #expect(object?["created_date"] is String)
        }
        // No progress bar when standard error is not a terminal: only the summary line.
        #expect(result.stderrLines.count == 1)
        #expect(result.stderr.hasPrefix("Extracted 272 SMS of 5 users from 10 documents in "))
    }

    /// A corrupt length prefix stops the reading: the SMS before it are written and the run exits
    /// with status 1. So does a length prefix larger than the rest of the file.
    @Test func unreadRestOfInputExitsWithOne() throws {
        let dump = try Data(contentsOf: URL(fileURLWithPath: Support.fixture("bad/truncated.bson")))
        let first = Int(dump[0]) | Int(dump[1]) << 8 | Int(dump[2]) << 16 | Int(dump[3]) << 24
        let folder = try Support.makeTemporaryDirectory()
        let path = folder.appendingPathComponent("sms_sync_request_sms_data.bson").path
        try (dump[0..<first] + Data([3, 0, 0, 0]) + dump[(first + 4)...]).write(to: URL(fileURLWithPath: path))

        let cut = try Support.runInPackageRoot(["extract", "--sms", "-i", path, "-o", "-"])
        #expect(cut.status == 1)
        #expect(cut.stdoutLines.count > 0, "the SMS before the corrupt prefix are written")
        #expect(cut.stderr.contains("was not read to its end"))
        let oversized = folder.appendingPathComponent("oversized").appendingPathComponent("sms_sync_request_sms_data.bson")
        try FileManager.default.createDirectory(at: oversized.deletingLastPathComponent(), withIntermediateDirectories: true)
        try (dump[0..<first] + Data([0xFF, 0xFF, 0xFF, 0x7F]) + dump[(first + 4)...]).write(to: oversized)
        let tooLong = try Support.runInPackageRoot(["extract", "--sms", "-i", oversized.path, "-o", "-"])
        #expect(tooLong.status == 1)
        #expect(tooLong.stdoutLines.count == cut.stdoutLines.count)
    }

    /// A JSON array export cut short is a file not read to its end, as a BSON file cut short is.
    @Test func cutJSONArrayExitsWithOne() throws {
        let text = try String(contentsOfFile: Support.fixture("sms/messages.json"), encoding: .utf8)
        let folder = try Support.makeTemporaryDirectory()
        let path = folder.appendingPathComponent("cut.json").path
        try Data(text.utf8.prefix(text.utf8.count * 3 / 4)).write(to: URL(fileURLWithPath: path))

        let cut = try Support.runInPackageRoot(["extract", "--sms", "-i", path, "-o", "-"])
        #expect(cut.status == 1)
        #expect(cut.stderr.contains("the output lacks the SMS after that point"))
    }

    /// With a folder as input, the error names the file in it that was cut, as the Skipped line does.
    @Test func cutFileInFolderNamed() throws {
        let text = try String(contentsOfFile: Support.fixture("sms/messages.json"), encoding: .utf8)
        let folder = try Support.makeTemporaryDirectory()
        let file = folder.appendingPathComponent("sms_sync_request_sms_data.json").path
        try Data(text.utf8.prefix(text.utf8.count * 3 / 4)).write(to: URL(fileURLWithPath: file))

        let cut = try Support.runInPackageRoot(["extract", "--sms", "-i", folder.path, "-o", "-"])
        #expect(cut.status == 1)
        #expect(cut.stderr.contains("Skipped '\(file)'"), "\(cut.stderr)")
        #expect(cut.stderr.contains("Error: '\(file)' was not read to its end"), "\(cut.stderr)")
    }

    /// A JSON Lines export cut inside its last line is a file not read to its end.
    @Test func cutJSONLinesExitsWithOne() throws {
        let text = try Data(contentsOf: URL(fileURLWithPath: Support.fixture("sms/messages.jsonl")))
        let folder = try Support.makeTemporaryDirectory()
        let path = folder.appendingPathComponent("cut.jsonl").path
        try text.dropLast(20).write(to: URL(fileURLWithPath: path))

        let cut = try Support.runInPackageRoot(["extract", "--sms", "-i", path, "-o", "-"])
        #expect(cut.status == 1)
        #expect(cut.stdoutLines.count > 0, "the SMS before the cut are written")
        #expect(cut.stderr.contains("the output lacks the SMS after that point"))
    }

    @Test func bsonDumpPrintsSameEntriesAsJSON() throws {
        let json = try Support.runInPackageRoot(["extract", "--sms", "--input", "fixtures/sync_db", "--output", "-", "--quiet"])
        let bson = try Support.runInPackageRoot(["extract", "--sms", "--input", "fixtures/mongodump", "--output", "-", "--quiet"])

        #expect(json.status == 0)
        #expect(bson.status == 0)
        // created_at comes from the dump, so the two outputs match byte for byte.
        #expect(bson.stdout == json.stdout)
        #expect(bson.stderr.isEmpty)
    }

    @Test func csvAndSQLiteFilesByExtension() throws {
        let folder = try Support.makeTemporaryDirectory().path
        let csv = try Support.runInPackageRoot(["extract", "--sms", "-i", "fixtures/sync_db", "-o", folder + "/out.csv", "-q"])
        let sqlite = try Support.runInPackageRoot(["extract", "--sms", "-i", "fixtures/sync_db", "-o", folder + "/out.sqlite", "-q"])

        #expect(csv.status == 0)
        #expect(csv.stdout.isEmpty)
        let text = try String(contentsOfFile: folder + "/out.csv", encoding: .utf8)
        #expect(text.hasPrefix("sms_id,user_id,client_id,request_id,sms_sender,sms_inbox_date,sms_body,"))
        #expect(sqlite.status == 0)
        let header = try Data(contentsOf: URL(fileURLWithPath: folder + "/out.sqlite")).prefix(15)
        #expect(String(decoding: header, as: UTF8.self) == "SQLite format 3")
    }

    @Test func standardInputIsRead() throws {
        let input = try Data(contentsOf: URL(fileURLWithPath: Support.fixture("bad/missing-body.jsonl")))
        let result = try Support.runInPackageRoot(["extract", "--sms", "--input", "-", "--output", "-"], stdin: input)

        #expect(result.status == 0)
        #expect(result.stdoutLines.count == 1)
        #expect(result.stderrLines.first == "Skipped '<stdin>' line 2, field 'sms_body': missing")
    }

    @Test func bsonOnStandardInputIsDetected() throws {
        let input = try Data(contentsOf: URL(fileURLWithPath: Support.fixture("mongodump/sync_db/sms_sync_request_sms_data.bson")))
        let result = try Support.runInPackageRoot(["extract", "--sms", "--input", "-", "--output", "-"], stdin: input)

        #expect(result.status == 0)
        #expect(result.stdoutLines.count == 272)
        #expect(result.stderr.hasPrefix("Extracted 272 SMS of 5 users from 10 documents"))
    }

    @Test func malformedRecordsAreSkippedAndCounted() throws {
        let path = "fixtures/bad/wrong-types.jsonl"
        let result = try Support.runInPackageRoot(["extract", "--sms", "--input", path, "--output", "-"])

        #expect(result.status == 0)
        #expect(result.stdoutLines.count == 1)
        #expect(result.stderrLines.count == 7)
        #expect(result.stderrLines.first == "Skipped '\(path)' line 1, field 'sms_body': expected a string, found integer")
        #expect(result.stderrLines.last?.contains("6 skipped: sms_body 1, sms_id 1, sms_inbox_date 2, sms_sender 1, user_id 1)") == true)
    }

    @Test func strictFailsWhenRecordsWereSkipped() throws {
        let bad = try Support.runInPackageRoot(["extract", "--sms", "--input", "fixtures/bad/missing-body.jsonl", "--strict", "-q"])
        let good = try Support.runInPackageRoot(["extract", "--sms", "--input", "fixtures/sms/messages.json", "--strict", "-q"])

        #expect(bad.status == 1)
        #expect(bad.stdoutLines.count == 1)
        #expect(bad.stderrLines.last == "Error: 3 records were skipped and --strict is set")
        #expect(good.status == 0)
    }

    @Test func usersOptionSelectsUsers() throws {
        let result = try Support.runInPackageRoot(["extract", "--sms", "-i", "fixtures/sync_db", "--users", "cu-1004,cu-1002", "-q"])

        #expect(result.status == 0)
        let users = Set(result.stdoutLines.compactMap { line in
            (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["user_id"] as? String
        })
        #expect(users == ["cu-1002", "cu-1004"])
    }

    @Test(arguments: [
        (["extract", "--sms", "--input", "fixtures/nope.json", "--output", "-"],
         "Error: Input 'fixtures/nope.json' not found; check the path\n"),
        (["extract", "--sms", "--input", "mongodb://127.0.0.1:1/sync_db", "--output", "-"],
         "Error: Input 'mongodb://127.0.0.1:1/sync_db' not found: extract --sms reads a dump file or folder, "
            + "or - for standard input; drop --sms to read a database URL\n"),
        (["extract", "--sms", "--input", "Makefile", "--output", "-"],
         "Error: Unknown input format of 'Makefile': the first byte is 0x23; expected JSON Lines, a JSON array or a mongodump .bson file\n"),
        (["extract", "--sms", "--input", "fixtures/sms/messages.json", "--output", "/nonexistent-folder/out.jsonl"],
         "Error: Cannot create output '/nonexistent-folder/out.jsonl': No such file or directory\n"),
        (["extract", "--sms", "--input", "scripts", "--output", "-"],
         "Error: No 'sms_sync_request_sms_data.json', '.jsonl' or '.bson' file in folder 'scripts' or its 'sync_db' "
            + "subfolder; pass the folder that holds the SMS collection file, or the file itself\n"),
    ])
    func runtimeFailuresExitOne(arguments: [String], message: String) throws {
        let result = try Support.runInPackageRoot(arguments)

        #expect(result.status == 1)
        #expect(result.stderr == message)
        #expect(result.stdout.isEmpty)
    }

    @Test func missingInputCreatesNoOutputFile() throws {
        let output = try Support.makeTemporaryDirectory().path + "/out.jsonl"
        let result = try Support.runInPackageRoot(["extract", "--sms", "--input", "fixtures/nope.json", "--output", output])

        #expect(result.status == 1)
        #expect(!FileManager.default.fileExists(atPath: output))
    }

    @Test(arguments: [
        (["extract", "--sms", "--output", "-"], "Error: Missing required option '--input'"),
        (["extract", "--sms", "-i", "fixtures/sync_db", "--format", "xml"],
         "Error: Invalid value 'xml' for '--format': expected jsonl, csv or sqlite"),
        (["extract", "--sms", "-i", "fixtures/sync_db", "--workers", "0"],
         "Error: Invalid value '0' for '--workers': expected a whole number from 1 to 256"),
        (["extract", "--sms", "-i", "fixtures/sync_db", "--users", ","],
         "Error: Invalid value ',' for '--users': expected one or more user ids separated by commas, or @FILE"),
        (["extract", "--sms", "-i", "fixtures/sync_db", "--client-id", ""],
         "Error: Invalid value '' for '--client-id': expected a client id, such as acme"),
        (["extract", "-i", "fixtures/sync_db", "--client-id", " "],
         "Error: Invalid value ' ' for '--client-id': expected a client id, such as acme"),
        (["extract", "--sms", "-i", "fixtures/sync_db", "--strcit"], "Error: Unknown option '--strcit'. Did you mean '--strict'?"),
    ])
    func usageMistakesExitTwo(arguments: [String], firstLine: String) throws {
        let result = try Support.runInPackageRoot(arguments)

        #expect(result.status == 2)
        #expect(result.stderrLines.first.map(String.init) == firstLine)
        #expect(result.stderrLines.count == 4)
    }

    @Test func helpListsEveryOption() throws {
        let result = try Support.runInPackageRoot(["extract", "--help"])

        #expect(result.status == 0)
        for option in ["--sms", "--input", "--output", "--format", "--strict", "--users", "--client-id", "--workers", "--quiet",
                       "--cutoff-date", "--groupings", "--shard", "--keep-going"] {
            #expect(result.stdout.contains(option), "\(option)")
        }
    }
}
