@testable import CredeauKit
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

@Suite struct SQLiteBackgroundCheckpointTests {
    private func fileSize(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int) ?? 0
    }

    /// Commits `rows` rows of about 1 KB each in one transaction.
    private func commit(_ database: SQLiteDatabase, rows: Int, from start: Int) throws {
        try database.execute("BEGIN")
        for index in start..<(start + rows) {
            try database.query("INSERT INTO t (id, body) VALUES (?, ?)",
                               [.integer(Int64(index)), .text(String(repeating: "x", count: 1_000))])
        }
        try database.execute("COMMIT")
    }

    @Test func thePageCopyRunsOnTheThreadAndTheDataStays() throws {
        let folder = try StorageTestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("wal.db").path
        var database: SQLiteDatabase? = try SQLiteDatabase(path: path)
        try database?.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT)")
        // 16 KiB pages: 10 rows are under one page, 100 rows about six.
        var checkpointer: SQLiteBackgroundCheckpointer? = try SQLiteBackgroundCheckpointer(path: path, startPages: 4)
        database?.checkpointInBackground(try #require(checkpointer))
        let before = fileSize(path)

        // Small commits take the log past 4 pages: the thread is woken and copies them. The
        // pauses let it run; without them the log may reach 16 pages first, and the committing
        // connection copies instead.
        var rows = 0
        while (checkpointer?.checkpointCounts.background ?? 0) == 0 && rows < 600 {
            try commit(try #require(database), rows: 10, from: rows)
            rows += 10
            usleep(10_000)
        }
        #expect(checkpointer?.checkpointCounts.background ?? 0 >= 1)
        #expect(fileSize(path) > before)

        // One commit of 16 pages or more is past four times the start: its own connection copies.
        try commit(try #require(database), rows: 300, from: 1_000)
        #expect(checkpointer?.checkpointCounts.inline ?? 0 >= 1)

        database = nil
        checkpointer = nil
        let reopened = try SQLiteDatabase(path: path)
        #expect(try reopened.query("SELECT count(*) FROM t").first?.first == .integer(Int64(rows + 300)))
    }
}
