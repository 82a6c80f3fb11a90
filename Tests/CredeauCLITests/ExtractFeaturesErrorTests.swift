import Foundation
import Testing

@Suite struct ExtractFeaturesErrorTests {
    private typealias Support = CLITestSupport
    private typealias Features = FeaturesTestSupport

    /// Appends `line` to a collection file of a copy of the fixture dump and returns the folder.
    private func dump(appending line: String, to collection: String) throws -> URL {
        let folder = try Features.copyOfFixtureDump()
        let handle = try FileHandle(forWritingTo: folder.appendingPathComponent(collection + ".json"))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data((line + "\n").utf8))
        try handle.close()
        return folder
    }

    private func lineCount(_ folder: URL, _ collection: String) throws -> Int {
        try String(contentsOf: folder.appendingPathComponent(collection + ".json"), encoding: .utf8)
            .split(separator: "\n").count
    }

    @Test func unreadableDocumentStopsTheRun() throws {
        let folder = try dump(appending: #"{"client_id": "lendwise_demo", "user_id": "#, to: "contacts_sync_request_contacts_data")
        let line = try lineCount(folder, "contacts_sync_request_contacts_data")
        let result = try Support.run(["extract", "-i", folder.path, "-o", "-"])
        let file = folder.appendingPathComponent("contacts_sync_request_contacts_data.json").path

        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderrLines.count == 1)
        #expect(result.stderr.hasPrefix("Error: Cannot read '\(file)' line \(line): invalid JSON"))
        #expect(result.stderr.contains("pass --keep-going"))
    }

    @Test func keepGoingSkipsBrokenUserAndFails() throws {
        let broken = #"{"client_id": "lendwise_demo", "user_id": "cu-1003", "request_id": "sr-x", "#
            + #""sms": [{"sms_id": "x1", "sms_sender": "AX-HDFCBK", "sms_inbox_date": 1773000000000}]}"#
        let folder = try dump(appending: broken, to: "sms_sync_request_sms_data")
        let line = try lineCount(folder, "sms_sync_request_sms_data")
        let file = folder.appendingPathComponent("sms_sync_request_sms_data.json").path
        let stopped = try Support.run(["extract", "-i", folder.path, "-o", "-"])
        let result = try Support.run(["extract", "-i", folder.path, "-o", "-", "--keep-going"])

        #expect(stopped.status == 1)
        #expect(stopped.stderrLines.last?.hasPrefix("Error: Cannot read user 'cu-1003' of client 'lendwise_demo': '\(file)' line \(line)") == true)
        // Rows before the broken user were written when the run stopped.
        #expect(Features.userIDs(try Features.rows(stopped.stdout)) == ["cu-1001", "cu-1002"])

        #expect(result.status == 1)
        #expect(Features.userIDs(try Features.rows(result.stdout)) == ["cu-1001", "cu-1002", "cu-1004", "cu-1005", "cu-1006"])
        let skipped = try #require(result.stderrLines.first.map(String.init))
        #expect(skipped.hasPrefix("Skipped '\(file)' line \(line)"))
        #expect(skipped.contains("sms_body"))
        #expect(result.stderrLines.contains("Skipped users: lendwise_demo/cu-1003"))
        #expect(result.stderrLines.last?.hasPrefix("Wrote 5 users, skipped 1 user and 0 documents in ") == true)
    }

    @Test func userIDBeyondInt64IsNotWrapped() throws {
        // 2^64 and 2^65 both wrapped to user "0" in libbson, so the two users were merged.
        let first = #"{"client_id": "lendwise_demo", "user_id": 18446744073709551616, "request_id": "sr-a", "#
            + #""sms": [{"sms_id": "a1", "sms_sender": "AX-HDFCBK", "sms_body": "Rs 5 debited", "sms_inbox_date": 1773000000000}]}"#
        let folder = try dump(appending: first, to: "sms_sync_request_sms_data")
        let second = first.replacingOccurrences(of: "18446744073709551616", with: "36893488147419103232")
        let handle = try FileHandle(forWritingTo: folder.appendingPathComponent("sms_sync_request_sms_data.json"))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data((second + "\n").utf8))
        try handle.close()
        let line = try lineCount(folder, "sms_sync_request_sms_data")
        let file = folder.appendingPathComponent("sms_sync_request_sms_data.json").path

        let stopped = try Support.run(["extract", "-i", folder.path, "-o", "-"])
        let result = try Support.run(["extract", "-i", folder.path, "-o", "-", "--keep-going", "-q"])

        #expect(stopped.status == 1)
        #expect(stopped.stdout.isEmpty)
        #expect(stopped.stderr.contains("'\(file)' line \(line - 1), field 'user_id': the integer 18446744073709551616 is outside"))
        #expect(result.status == 1)
        #expect(!Features.userIDs(try Features.rows(result.stdout)).contains("0"))
        #expect(result.stdoutLines.count == 6)
        #expect(result.stderrLines.contains { $0.hasPrefix("Skipped '\(file)' line \(line), field 'user_id': the integer 36893488147419103232") })
    }

    @Test func implausibleSMSDateIsNamed() throws {
        let broken = #"{"client_id": "lendwise_demo", "user_id": "cu-1003", "request_id": "sr-y", "#
            + #""created_at": {"$date": "2026-03-18T06:30:00.000Z"}, "sms": [{"sms_id": "y1", "sms_sender": "AX-HDFCBK", "#
            + #""sms_body": "Rs 5 debited", "sms_inbox_date": "0001-01-01 00:00:00"}]}"#
        let folder = try dump(appending: broken, to: "sms_sync_request_sms_data")
        let line = try lineCount(folder, "sms_sync_request_sms_data")
        let file = folder.appendingPathComponent("sms_sync_request_sms_data.json").path

        let stopped = try Support.run(["extract", "-i", folder.path, "-o", "-"])
        let result = try Support.run(["extract", "-i", folder.path, "-o", "-", "--keep-going", "-q"])

        #expect(stopped.status == 1)
        #expect(stopped.stderr.contains("'\(file)' line \(line), sms 1, field 'sms_inbox_date': "))
        #expect(stopped.stderr.contains("date 0001-01-01 00:00:00 IST is before 2000-01-01"))
        #expect(result.status == 1)
        #expect(Features.userIDs(try Features.rows(result.stdout)) == ["cu-1001", "cu-1002", "cu-1004", "cu-1005", "cu-1006"])
    }

    /// A value that `extract --sms` skips a record for stops features mode, in the same words.
    @Test(arguments: [
        (#""sms_body": 12345"#, "sms 2, field 'sms_body': expected a string, found integer"),
        (#""sms_body": "Rs 5 debited", "sms_id": 1.5"#, "sms 2, field 'sms_id': expected a whole number, found 1.5"),
        (#""sms_body": "Rs 5 debited", "sms_id": [1]"#, "sms 2, field 'sms_id': expected a string or number, found array"),
    ])
    func wrongSMSFieldTypeStopsTheRun(fields: String, message: String) throws {
        let broken = #"{"client_id": "lendwise_demo", "user_id": "cu-1003", "request_id": "sr-y", "#
            + #""created_at": {"$date": "2026-03-18T06:30:00.000Z"}, "sms": [{"sms_id": "y1", "sms_body": "Rs 5 debited"}, "#
            + #"{"sms_sender": "AX-HDFCBK", "# + fields + "}]}"
        let folder = try dump(appending: broken, to: "sms_sync_request_sms_data")
        let line = try lineCount(folder, "sms_sync_request_sms_data")
        let file = folder.appendingPathComponent("sms_sync_request_sms_data.json").path

        let result = try Support.run(["extract", "-i", folder.path, "-o", "/dev/null"])

        #expect(result.status == 1)
        #expect(result.stderr.contains("Cannot read user 'cu-1003' of client 'lendwise_demo': '\(file)' line \(line), \(message);"),
                "\(result.stderr)")
    }

    /// Invalid UTF-8 in one SMS is named by its position and field, in the words of `extract --sms`.
    @Test func invalidUTF8NamesItsSMS() throws {
        let broken = #"{"client_id": "lendwise_demo", "user_id": "cu-1003", "request_id": "sr-u", "sms": ["#
            + #"{"sms_id": "u1", "sms_body": "ok"}, {"sms_id": "u2", "sms_body": "bad \#u{1}"}]}"#
        let folder = try dump(appending: broken, to: "sms_sync_request_sms_data")
        let line = try lineCount(folder, "sms_sync_request_sms_data")
        let file = folder.appendingPathComponent("sms_sync_request_sms_data.json")
        var bytes = try Data(contentsOf: file)
        bytes[try #require(bytes.lastIndex(of: 0x01))] = 0xFF
        try bytes.write(to: file)

        let result = try Support.run(["extract", "-i", folder.path, "-o", "/dev/null"])

        #expect(result.status == 1)
        #expect(result.stderr.contains("'\(file.path)' line \(line), sms 2, field 'sms_body': invalid UTF-8 text"),
                "\(result.stderr)")
    }

    @Test func documentWithoutUserIsNamed() throws {
        let folder = try dump(appending: #"{"client_id": "lendwise_demo", "apps": []}"#, to: "device_sync_request_apps_data")
        let line = try lineCount(folder, "device_sync_request_apps_data")
        let result = try Support.run(["extract", "-i", folder.path, "-o", "-", "--keep-going", "-q"])
        let file = folder.appendingPathComponent("device_sync_request_apps_data.json").path

        #expect(result.status == 1)
        #expect(result.stdoutLines.count == 6)
        #expect(result.stderrLines == ["Skipped '\(file)' line \(line), field 'user_id': missing"])
    }

    @Test(arguments: [
        (["--shard", "0/3"], "Error: Invalid value '0/3' for '--shard': expected K/N with 1 ≤ K ≤ N, such as 1/4"),
        (["--groupings", "sms,bogus"], "Error: Unknown grouping 'bogus' in --groupings; expected sms, extracted_sms, fraud or scores"),
        (["--groupings", "scores"],
         "Error: The scores grouping needs score models: set SCORE_MODELS_DIR or a model path variable (see docs/scores.md)"),
        (["--cutoff-date", "25/03/2026"],
         "Error: Invalid --cutoff-date '25/03/2026': expected a date YYYY-MM-DD or YYYYMMDD, a date and time "
            + "YYYY-MM-DD HH:MM:SS or YYYYMMDDHHMMSS (India time), or ISO 8601 such as 2026-03-20T18:30:00+05:30"),
        (["--cutoff-date", "1774981799000"],
         "Error: Invalid --cutoff-date '1774981799000': expected a date YYYY-MM-DD or YYYYMMDD, a date and time "
            + "YYYY-MM-DD HH:MM:SS or YYYYMMDDHHMMSS (India time), or ISO 8601 such as 2026-03-20T18:30:00+05:30"),
        (["--cutoff-date", "20260230"],
         "Error: Invalid --cutoff-date '20260230': day 30 does not exist, because month 2 of 2026 has 28 days"),
        (["--cutoff-date", "20260431120000"],
         "Error: Invalid --cutoff-date '20260431120000': day 31 does not exist, because month 4 of 2026 has 30 days"),
        (["--cutoff-date", "19991231"],
         "Error: Invalid --cutoff-date '19991231': expected a date in the years 2000 to 2100 (India time)"),
        (["--cutoff-date", "2026-02-30"],
         "Error: Invalid --cutoff-date '2026-02-30': day 30 does not exist, because month 2 of 2026 has 28 days"),
        (["--cutoff-date", "2026-04-31"],
         "Error: Invalid --cutoff-date '2026-04-31': day 31 does not exist, because month 4 of 2026 has 30 days"),
        (["--cutoff-date", "2026-04-31T12:00:00Z"],
         "Error: Invalid --cutoff-date '2026-04-31T12:00:00Z': day 31 does not exist, because month 4 of 2026 has 30 days"),
        (["--cutoff-date", "2026-01-00"],
         "Error: Invalid --cutoff-date '2026-01-00': day 0 does not exist, because month 1 of 2026 has 31 days"),
        (["--cutoff-date", "0000-01-01"],
         "Error: Invalid --cutoff-date '0000-01-01': expected a date in the years 2000 to 2100 (India time)"),
        (["--cutoff-date", "1999-12-31"],
         "Error: Invalid --cutoff-date '1999-12-31': expected a date in the years 2000 to 2100 (India time)"),
        (["--cutoff-date", "2101-01-01T00:00:00+05:30"],
         "Error: Invalid --cutoff-date '2101-01-01T00:00:00+05:30': expected a date in the years 2000 to 2100 (India time)"),
        (["--strict"], "Error: Option '--strict' applies to --sms only; without --sms a problem stops the run unless --keep-going is set"),
    ])
    func usageMistakesExitTwo(extra: [String], message: String) throws {
        let result = try Support.runInPackageRoot(["extract", "-i", "fixtures/sync_db", "-o", "-"] + extra)

        #expect(result.status == 2)
        #expect(result.stderrLines.first.map(String.init) == message)
        #expect(result.stdout.isEmpty)
    }

    @Test(arguments: ["2024-02-29", "2000-01-01", "2100-12-31"])
    func cutoffDateEdgesAreAccepted(date: String) throws {
        let result = try Support.runInPackageRoot(["extract", "-i", "fixtures/sync_db", "-o", "-", "-q", "--cutoff-date", date])

        #expect(result.status == 0)
        #expect(result.stdoutLines.count == 6)
    }

    /// Each form the Insights API takes for `cutoff_date` gives the same features as its dashed spelling.
    @Test(arguments: [("20260331", "2026-03-31"), ("20260320183000", "2026-03-20 18:30:00"),
                      ("2026-03-20T13:00Z", "2026-03-20 18:30:00"), ("2026-03-10T23:59:59.999+05:30", "2026-03-10")])
    func apiCutoffFormsAreAccepted(form: String, dashed: String) throws {
        let base = ["extract", "-i", "fixtures/sync_db", "-o", "-", "-q", "--cutoff-date"]
        let result = try Support.runInPackageRoot(base + [form])
        let reference = try Support.runInPackageRoot(base + [dashed])

        #expect(result.status == 0, "\(result.stderr)")
        #expect(reference.status == 0)
        #expect(result.stdoutLines.count == 6)
        #expect(result.stdout == reference.stdout)
    }

    @Test(arguments: [
        ("fixtures/nope", "Error: Input 'fixtures/nope' not found. Pass a dump folder, a SQLite file, a postgres:// URL or a mongodb:// URL"),
        ("fixtures/bad/bad-sync.json", "Error: Input 'fixtures/bad/bad-sync.json' is neither a dump folder nor a SQLite file."),
        ("-", "Error: Features are read from a dump folder or a database, not from standard input; use --sms for '-'"),
    ])
    func unusableInputExitsTwo(input: String, message: String) throws {
        let output = try Support.makeTemporaryDirectory().appendingPathComponent("users.jsonl")
        let result = try Support.runInPackageRoot(["extract", "-i", input, "-o", output.path])

        #expect(result.status == 2)
        #expect(result.stderrLines.first?.hasPrefix(message) == true)
        #expect(!FileManager.default.fileExists(atPath: output.path))
    }
}
