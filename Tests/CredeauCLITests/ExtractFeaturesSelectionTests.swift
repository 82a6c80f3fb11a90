import CredeauKit
import Foundation
import Testing

@Suite struct ExtractFeaturesSelectionTests {
    private typealias Support = CLITestSupport
    private typealias Features = FeaturesTestSupport

    @Test func usersOptionKeepsListedUsers() throws {
        let listed = try Features.extractFixture(["-q", "--users", "cu-1004,cu-1002", "--users", "nobody"])
        let file = try Support.makeTemporaryDirectory().appendingPathComponent("ids.txt")
        try "cu-1005\n\ncu-1001\n".write(to: file, atomically: true, encoding: .utf8)
        let fromFile = try Features.extractFixture(["-q", "--users", "@" + file.path])

        #expect(listed.status == 0)
        // Rows keep the input order, not the order of --users.
        #expect(Features.userIDs(try Features.rows(listed.stdout)) == ["cu-1002", "cu-1004"])
        #expect(fromFile.status == 0)
        #expect(Features.userIDs(try Features.rows(fromFile.stdout)) == ["cu-1001", "cu-1005"])
    }

    @Test func shardsSplitUsersWithoutOverlap() throws {
        let all = Features.userIDs(try Features.rows(try Features.extractFixture(["-q"]).stdout))
        var seen: [String] = []
        for part in 1...3 {
            let result = try Features.extractFixture(["-q", "--shard", "\(part)/3"])
            #expect(result.status == 0)
            seen += Features.userIDs(try Features.rows(result.stdout))
        }

        #expect(all.count == 6)
        #expect(seen.count == all.count)
        #expect(Set(seen) == Set(all))
        // The same shard picks the same users on every run.
        let again = try Features.extractFixture(["-q", "--shard", "2/3"])
        #expect(again.stdout == (try Features.extractFixture(["-q", "--shard", "2/3"])).stdout)
    }

    @Test func cutoffDateLimitsCountedSMS() throws {
        // SMS of cu-1001 received up to the end of each IST cutoff day, counted from the fixture itself.
        let dump = try String(contentsOfFile: Support.fixture("sync_db/sms_sync_request_sms_data.json"), encoding: .utf8)
        var inboxDates: [String: Int64] = [:]
        for line in dump.split(separator: "\n") {
            let document = try JSONParser.parse(String(line))
            guard document["user_id"]?.stringValue == "cu-1001" else { continue }
            for sms in document["sms"]?.arrayValue ?? [] {
                if case let .integer(date) = sms["sms_inbox_date"], let id = sms["sms_id"]?.stringValue {
                    inboxDates[id] = date
                }
            }
        }
        var counts: [Int64] = []
        for cutoff in ["2026-03-01", "2026-03-10"] {
            let endOfDay = try CutoffDate.millis(from: cutoff)
            let expected = inboxDates.values.filter { $0 <= endOfDay }.count
            let result = try Support.runInPackageRoot(
                ["extract", "-i", "fixtures/sync_db", "-o", "-", "-q", "--users", "cu-1001", "--cutoff-date", cutoff])
            let row = try #require(try Features.rows(result.stdout).first)
            guard case let .integer(count) = row["all_sms_count_all"] else {
                Issue.record("all_sms_count_all is not an integer at cutoff \(cutoff)")
                continue
            }
            #expect(count == Int64(expected), "cutoff \(cutoff)")
            counts.append(count)
        }
        #expect(counts.count == 2 && counts[0] < counts[1])
    }

    @Test func sqliteInputMatchesTheDump() throws {
        let folder = try Support.makeTemporaryDirectory()
        let database = folder.appendingPathComponent("credeau.db").path
        let migrate = try Support.runInPackageRoot(["migrate", "--sqlite", database, "--load", "fixtures/sync_db"])
        let fromSQLite = try Support.runInPackageRoot(
            ["extract", "-i", database, "-o", "-", "-q", "--cutoff-date", Features.fixtureCutoff])
        let fromDump = try Features.extractFixture(["-q"])

        #expect(migrate.status == 0)
        #expect(fromSQLite.status == 0)
        #expect(fromSQLite.stdoutLines.count == 6)
        #expect(fromSQLite.stdout == fromDump.stdout)
    }
}
