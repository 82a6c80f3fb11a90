import Foundation
import Testing

/// `--keep-going` writes no row built from part of a user's data.
@Suite struct ExtractKeepGoingTests {
    private typealias Support = CLITestSupport
    private typealias Features = FeaturesTestSupport

    /// Copies the BSON fixture dump and overwrites bytes of its SMS collection at `offset`.
    private func damagedBSONDump(offset: Int, bytes: [UInt8]) throws -> (folder: URL, file: String) {
        let folder = try Support.makeTemporaryDirectory().appendingPathComponent("dump")
        try FileManager.default.copyItem(atPath: Support.fixture("mongodump"), toPath: folder.path)
        let file = folder.appendingPathComponent("sync_db/sms_sync_request_sms_data.bson").path
        var data = try Data(contentsOf: URL(fileURLWithPath: file))
        data.replaceSubrange(offset..<(offset + bytes.count), with: bytes)
        try data.write(to: URL(fileURLWithPath: file))
        return (folder, file)
    }

    /// Appends `line` and a line break to the dump file at `file`.
    private func append(_ line: String, to file: URL) throws {
        let handle = try FileHandle(forWritingTo: file)
        try handle.seekToEnd()
        try handle.write(contentsOf: Data((line + "\n").utf8))
        try handle.close()
    }

    @Test func corruptDocumentSkipsItsUser() throws {
        // Byte 100 lies inside the first document's SMS array, after its client_id and user_id.
        let dump = try damagedBSONDump(offset: 100, bytes: [0xFF, 0xFF, 0xFF, 0xFF])
        let result = try Support.run(["extract", "-i", dump.folder.path, "-o", "-", "--keep-going"])

        #expect(result.status == 1)
        #expect(Features.userIDs(try Features.rows(result.stdout)) == ["cu-1002", "cu-1003", "cu-1004", "cu-1005", "cu-1006"])
        #expect(result.stderrLines.first == "Skipped '\(dump.file)' document 1: invalid BSON: corrupt document: corrupt BSON")
        #expect(result.stderrLines.contains("Skipped users: lendwise_demo/cu-1001"))
        #expect(result.stderrLines.last?.hasPrefix("Wrote 5 users, skipped 1 user and 1 document in ") == true)
    }

    @Test func badLengthPrefixSkipsEveryUser() throws {
        let dump = try damagedBSONDump(offset: 0, bytes: [0xFF, 0xFF, 0xFF, 0x7F])
        let result = try Support.run(["extract", "-i", dump.folder.path, "-o", "-", "--keep-going"])

        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderrLines.contains { $0.hasSuffix("the unread part may hold documents of this user") })
        #expect(result.stderrLines.contains { $0.hasPrefix("Skipped users: lendwise_demo/cu-1001, lendwise_demo/cu-1002") })
        #expect(result.stderrLines.last?.hasPrefix("Wrote 0 users, skipped 6 users and 1 document in ") == true)
    }

    @Test func invalidJSONNamingUserSkipsThatUser() throws {
        let folder = try Features.copyOfFixtureDump()
        let broken = #"{"client_id": "lendwise_demo", "user_id": "cu-1004", "apps": [{"package": "com.x",]}"#
        try append(broken, to: folder.appendingPathComponent("device_sync_request_apps_data.json"))

        let result = try Support.run(["extract", "-i", folder.path, "-o", "-", "--keep-going"])

        #expect(result.status == 1)
        #expect(Features.userIDs(try Features.rows(result.stdout)) == ["cu-1001", "cu-1002", "cu-1003", "cu-1005", "cu-1006"])
        #expect(result.stderrLines.contains("Skipped users: lendwise_demo/cu-1004"))
    }

    @Test func invalidJSONNamingNoUserSkipsEveryUser() throws {
        let folder = try Features.copyOfFixtureDump()
        let handle = try FileHandle(forWritingTo: folder.appendingPathComponent("contacts_sync_request_contacts_data.json"))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(#"{"client_id": "lendwise_demo", "user_id": "#.utf8 + [0x0A]))
        try handle.close()

        let result = try Support.run(["extract", "-i", folder.path, "-o", "-", "--keep-going", "-q"])

        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderrLines.last?.hasPrefix("Skipped users: lendwise_demo/cu-1001") == true)
    }

    /// A JSON Lines file cut inside its last line may have lost any user's documents after the cut.
    @Test func cutLastLineSkipsEveryUser() throws {
        let folder = try Features.copyOfFixtureDump()
        let file = folder.appendingPathComponent("sms_sync_request_sms_data.json")
        let lines = try Data(contentsOf: file).split(separator: 0x0A, omittingEmptySubsequences: false)
        let firstTwoLines = Data(lines[0..<2].joined(separator: [0x0A])) + [0x0A]
        try (firstTwoLines + lines[2].prefix(lines[2].count / 2)).write(to: file)

        let result = try Support.run(["extract", "-i", folder.path, "-o", "-", "--keep-going"])

        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderrLines.contains { $0.hasSuffix("the unread part may hold documents of this user") })
        #expect(result.stderrLines.last?.hasPrefix("Wrote 0 users, skipped 6 users and 1 document in ") == true)
    }

    /// A document whose ids read but whose `created_at` does not still belongs to its user.
    @Test(arguments: [#"{"$numberDecimal": "1772541341000"}"#, "true", #""not a date""#])
    func badSyncTimeSkipsItsUser(createdAt: String) throws {
        let folder = try Features.copyOfFixtureDump()
        let document = #"{"client_id": "lendwise_demo", "user_id": "cu-1004", "request_id": "late", "created_at": "#
            + createdAt + #", "apps": [{"package_name": "com.example.late"}]}"#
        try append(document, to: folder.appendingPathComponent("device_sync_request_apps_data.json"))

        let result = try Support.run(["extract", "-i", folder.path, "-o", "-", "--keep-going"])

        #expect(result.status == 1)
        #expect(Features.userIDs(try Features.rows(result.stdout)) == ["cu-1001", "cu-1002", "cu-1003", "cu-1005", "cu-1006"])
        #expect(result.stderrLines.contains("Skipped users: lendwise_demo/cu-1004"))
    }
}
