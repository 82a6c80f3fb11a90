import Foundation
import Testing

/// Client and user ids of dump documents in both modes of `extract`:
/// a null id counts as absent, so its variant is used, and an empty id makes the document invalid.
@Suite struct DumpIDCLITests {
    private typealias Support = CLITestSupport

    static func dump(_ lines: [String]) throws -> URL {
        let folder = try Support.makeTemporaryDirectory().appendingPathComponent("dump")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data(lines.map { $0 + "\n" }.joined().utf8)
            .write(to: folder.appendingPathComponent("sms_sync_request_sms_data.json"))
        return folder
    }

    static let sms = #""created_at": "2026-03-30", "sms": [{"sms_id": "1", "sms_body": "a", "sms_inbox_date": 1772541341000}]"#

    static func objects(_ output: String) throws -> [[String: Any]] {
        try output.split(separator: "\n").map {
            try #require(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
    }

    @Test(arguments: [
        #"{"client_id": "c", "userId": "u", "user_id": null, "#,
        #"{"user_id": null, "userId": "u", "clientId": "c", "client_id": null, "#,
        #"{"clientId": "c", "client_id": null, "userId": "u", "#,
    ])
    func nullIDGivesWayToItsVariant(head: String) throws {
        let folder = try Self.dump([head + Self.sms + "}"])

        let sms = try Support.run(["extract", "--sms", "-i", folder.path, "-o", "-"])
        #expect(sms.status == 0, "\(sms.stderr)")
        let entries = try Self.objects(sms.stdout)
        #expect(entries.count == 1)
        #expect(entries.first?["user_id"] as? String == "u")
        #expect(entries.first?["client_id"] as? String == "c")

        let features = try Support.run(["extract", "-i", folder.path, "-o", "-", "--cutoff-date", "2026-03-31"])
        #expect(features.status == 0, "\(features.stderr)")
        let rows = try Self.objects(features.stdout)
        #expect(rows.count == 1)
        #expect(rows.first?["user_id"] as? String == "u")
        #expect(rows.first?["client_id"] as? String == "c")
        #expect(rows.first?["all_sms_count_all"] as? Int == 1)
    }

    @Test(arguments: [("user_id", #"{"client_id": "c", "user_id": "", "#),
                      ("client_id", #"{"client_id": "", "user_id": "u", "#)])
    func emptyIDMakesTheDocumentInvalid(field: String, head: String) throws {
        let folder = try Self.dump([head + Self.sms + "}", #"{"client_id": "c", "user_id": "v", "# + Self.sms + "}"])
        let file = folder.appendingPathComponent("sms_sync_request_sms_data.json").path
        let problem = "'\(file)' line 1, field '\(field)': empty: an id needs at least one character"

        let sms = try Support.run(["extract", "--sms", "-i", folder.path, "-o", "-"])
        #expect(sms.status == 0)
        #expect(try Self.objects(sms.stdout).map { $0["user_id"] as? String } == ["v"])
        #expect(sms.stderrLines.first.map(String.init) == "Skipped \(problem)", "\(sms.stderr)")

        let features = try Support.run(["extract", "-i", folder.path, "-o", "-", "--cutoff-date", "2026-03-31"])
        #expect(features.status == 1)
        #expect(features.stderr == "Error: Cannot read \(problem); pass --keep-going to skip it and continue\n")

        let kept = try Support.run(["extract", "-i", folder.path, "-o", "-", "--cutoff-date", "2026-03-31",
                                    "--keep-going"])
        // --keep-going exits 1 after skipping (docs/cli.md), and writes the other user.
        #expect(kept.status == 1, "\(kept.stderr)")
        #expect(kept.stderrLines.first.map(String.init) == "Skipped \(problem)", "\(kept.stderr)")
        #expect(try Self.objects(kept.stdout).map { $0["user_id"] as? String } == ["v"])
    }

    @Test func trailingCommaInArrayDumpIsNamed() throws {
        let folder = try Support.makeTemporaryDirectory().appendingPathComponent("dump")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent("sms_sync_request_sms_data.json")
        try Data(("[\n" + #"{"client_id": "c", "user_id": "u", "# + Self.sms + "},\n]\n").utf8).write(to: file)
        let problem = "'\(file.path)' line 2: a comma after the last element (before ']') is not JSON; remove it"

        let sms = try Support.run(["extract", "--sms", "-i", folder.path, "-o", "/dev/null"])
        #expect(sms.stderrLines.first.map(String.init) == "Skipped \(problem)", "\(sms.stderr)")
        let strict = try Support.run(["extract", "--sms", "--strict", "-i", folder.path, "-o", "/dev/null"])
        #expect(strict.status != 0)

        let features = try Support.run(["extract", "-i", folder.path, "-o", "-", "--cutoff-date", "2026-03-31"])
        #expect(features.status == 1)
        #expect(features.stderr == "Error: Cannot read \(problem); pass --keep-going to skip it and continue\n")
    }
}
