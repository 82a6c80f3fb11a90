import CredeauKit
import Foundation
import Testing

@Suite struct ExtractFeaturesCommandTests {
    private typealias Support = CLITestSupport
    private typealias Features = FeaturesTestSupport

    @Test func documentedCommandWritesOneRowPerUser() throws {
        // Run exactly `credeau extract --input fixtures/sync_db --output users.jsonl` in a folder
        // where `fixtures` leads to the shipped fixtures.
        let folder = try Support.makeTemporaryDirectory()
        try FileManager.default.createSymbolicLink(
            at: folder.appendingPathComponent("fixtures"), withDestinationURL: Support.packageRoot.appendingPathComponent("fixtures"))
        let result = try Support.run(["extract", "--input", "fixtures/sync_db", "--output", "users.jsonl"],
                                     currentDirectory: folder)

        #expect(result.status == 0)
        #expect(result.stdout.isEmpty)
        #expect(result.stderrLines.count == 1)
        #expect(result.stderr.hasPrefix("Wrote 6 users, skipped 0 users and 0 documents in "))
        let rows = try Features.rows(String(contentsOf: folder.appendingPathComponent("users.jsonl"), encoding: .utf8))
        #expect(Features.userIDs(rows) == ["cu-1001", "cu-1002", "cu-1003", "cu-1004", "cu-1005", "cu-1006"])
        for row in rows {
            #expect(Features.keys(of: row) == ["client_id", "user_id"] + Features.catalogueNames)
            #expect(row["client_id"]?.stringValue == "lendwise_demo")
        }
    }

    @Test func bsonDumpGivesSameRowsAsJSON() throws {
        let json = try Features.extractFixture(["--quiet"])
        let bson = try Support.runInPackageRoot(
            ["extract", "-i", "fixtures/mongodump", "-o", "-", "--cutoff-date", Features.fixtureCutoff, "-q"])

        #expect(json.status == 0)
        #expect(bson.status == 0)
        #expect(bson.stdout == json.stdout)
        #expect(json.stdoutLines.count == 6)
    }

    /// A `.jsonl` collection file is read as `extract --sms` reads it, not left out as unsynced.
    @Test func jsonLinesFileGivesSameRows() throws {
        let folder = try Features.copyOfFixtureDump()
        let json = folder.appendingPathComponent("sms_sync_request_sms_data.json")
        try FileManager.default.moveItem(at: json, to: json.deletingPathExtension().appendingPathExtension("jsonl"))
        let expected = try Features.extractFixture(["--quiet"])
        let result = try Support.run(["extract", "-i", folder.path, "-o", "-", "--cutoff-date", Features.fixtureCutoff, "-q"])

        // The rows are compared as one value, because a failed comparison would print both whole.
        let sameRows = result.stdout == expected.stdout
        #expect(result.status == 0, "\(result.stderr)")
        #expect(sameRows)
        #expect(expected.stdoutLines.count == 6)
    }

    @Test func csvColumnsFollowTheCatalogue() throws {
        let output = try Support.makeTemporaryDirectory().appendingPathComponent("users.csv")
        let result = try Features.extractFixture(["-q"], output: output.path)
        let lines = try String(contentsOf: output, encoding: .utf8).components(separatedBy: "\r\n").filter { !$0.isEmpty }

        #expect(result.status == 0)
        #expect(lines.count == 7)
        #expect(lines[0].split(separator: ",").map(String.init) == ["client_id", "user_id"] + Features.catalogueNames)
        #expect(lines[1].hasPrefix("lendwise_demo,cu-1001,"))
    }

    @Test func csvValuesMatchJSONLines() throws {
        let output = try Support.makeTemporaryDirectory().appendingPathComponent("users.csv")
        _ = try Features.extractFixture(["-q", "--users", "cu-1003"], output: output.path)
        let json = try Features.rows(try Features.extractFixture(["-q", "--users", "cu-1003"]).stdout)
        let lines = try String(contentsOf: output, encoding: .utf8).components(separatedBy: "\r\n")
        let header = lines[0].split(separator: ",").map(String.init)
        let cells = lines[1].split(separator: ",", omittingEmptySubsequences: false).map(String.init)

        #expect(cells.count == header.count)
        for name in ["all_sms_count_all", "all_sms_count_30d", "fraud_flag"] {
            let index = try #require(header.firstIndex(of: name))
            let value = try #require(json.first?[name])
            guard case let .integer(number) = value else {
                Issue.record("\(name) is not an integer in JSON Lines: \(value)")
                continue
            }
            #expect(cells[index] == String(number), "\(name)")
        }
    }

    @Test func sqliteOutputIsQueryable() throws {
        let output = try Support.makeTemporaryDirectory().appendingPathComponent("users.sqlite")
        let result = try Features.extractFixture(["-q"], output: output.path)
        let json = try Features.rows(try Features.extractFixture(["-q"]).stdout)
        let database = try SQLiteDatabase(path: output.path, walMode: false)

        #expect(result.status == 0)
        let columns = try database.query("SELECT name FROM feature_columns ORDER BY position")
        #expect(columns.map { $0.first } == Features.catalogueNames.map { SQLiteValue.text($0) })
        let counts = try database.query(
            "SELECT user_id, features ->> '$.all_sms_count_all' FROM user_features ORDER BY user_id")
        #expect(counts.count == 6)
        for (row, expected) in zip(counts, json) {
            #expect(row[0] == .text(expected["user_id"]?.stringValue ?? ""))
            if case let .integer(number) = expected["all_sms_count_all"] {
                #expect(row[1] == .integer(number))
            } else {
                #expect(row[1] == .null)
            }
        }
        let long = try database.query(
            "SELECT count(*), count(DISTINCT feature) FROM feature_values WHERE user_id = 'cu-1001'")
        #expect(long.first == [.integer(Int64(Features.catalogueNames.count)), .integer(Int64(Features.catalogueNames.count))])
    }

    @Test func groupingsSelectColumns() throws {
        let result = try Features.extractFixture(["-q", "--groupings", "fraud,sms"])
        let rows = try Features.rows(result.stdout)
        let expected = FeatureCatalog.standard.names(of: [.sms, .fraud])

        #expect(result.status == 0)
        #expect(rows.count == 6)
        #expect(rows.first.map(Features.keys(of:)) == ["client_id", "user_id"] + expected)
    }

    @Test func oneAndTwoWorkersWriteTheSameBytes() throws {
        let one = try Features.extractFixture(["-q", "--workers", "1"])
        let two = try Features.extractFixture(["-q", "--workers", "2"])

        #expect(one.status == 0)
        #expect(two.status == 0)
        #expect(one.stdoutLines.count == 6)
        #expect(one.stdout == two.stdout)
    }
}
