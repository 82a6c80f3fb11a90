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

    /// Commits 10 rows at a time, pausing so the thread can run, until it has made a pass
    /// (at most 600 rows), and returns the rows committed.
    private func commitUntilBackgroundPass(_ database: SQLiteDatabase, _ checkpointer: SQLiteBackgroundCheckpointer) throws -> Int {
        var rows = 0
        while checkpointer.checkpointCounts.background == 0 && rows < 600 {
            try commit(database, rows: 10, from: rows)
            rows += 10
            usleep(10_000)
        }
        return rows
    }

    /// Creates the table `t` in a new file of `folder`, with a checkpointer woken at 4 pages.
    /// With 16 KiB pages, 10 rows are under one page and 100 rows about six. Setting both
    /// optionals to nil closes the connection and stops the thread.
    private func openLoggedTable(in folder: URL) throws
        -> (path: String, database: SQLiteDatabase?, checkpointer: SQLiteBackgroundCheckpointer?)
    {
        let path = folder.appendingPathComponent("wal.db").path
        let database = try SQLiteDatabase(path: path)
        try database.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT)")
        let checkpointer = try SQLiteBackgroundCheckpointer(path: path, startPages: 4)
        database.checkpointInBackground(checkpointer)
        return (path, database, checkpointer)
    }

    /// Returns the rows of `t` that a new connection to `path` reads.
    private func rowCount(at path: String) throws -> SQLiteValue? {
        try SQLiteDatabase(path: path).query("SELECT count(*) FROM t").first?.first
    }

    @Test func thePageCopyRunsOnTheThreadAndTheDataStays() throws {
        let folder = try StorageTestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        var opened = try openLoggedTable(in: folder)
        let path = opened.path
        let before = fileSize(path)

        // Small commits take the log past 4 pages: the thread is woken and copies them. The
        // pauses let it run; without them the log may reach 32 pages first, and the committing
        // connection copies instead.
        let rows = try commitUntilBackgroundPass(try #require(opened.database), try #require(opened.checkpointer))
        #expect(opened.checkpointer?.checkpointCounts.background ?? 0 >= 1)
        #expect(fileSize(path) > before)


        // One commit of 32 pages or more (about 70 here) is past eight times the start: its own
        // connection copies.
        try commit(try #require(opened.database), rows: 1_000, from: 1_000)
        #expect(opened.checkpointer?.checkpointCounts.inline ?? 0 >= 1)

        opened.database = nil
        opened.checkpointer = nil
        #expect(try rowCount(at: path) == .integer(Int64(rows + 1_000)))
    }

    /// Another process that opens and closes the file must find this process's locks in place.
    /// A sync through a descriptor of the thread's own released them when it closed, so the
    /// other process deleted the log as its last user, and later commits were lost.
    @Test func otherProcessCloseKeepsLog() throws {
        let folder = try StorageTestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        var opened = try openLoggedTable(in: folder)
        let path = opened.path
        let rows = try commitUntilBackgroundPass(try #require(opened.database), try #require(opened.checkpointer))
        #expect(opened.checkpointer?.checkpointCounts.background ?? 0 >= 1)

        // Python's sqlite3 module opens the file, reads it and closes it, as an operator's tool would.
        let script = "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); c.execute('SELECT count(*) FROM t').fetchone(); c.close()"
        let other = try ScriptRunner.run("/usr/bin/env", ["python3", "-c", script, path])
        #expect(other.status == 0, "\(other.output)")
        #expect(FileManager.default.fileExists(atPath: path + "-wal"))

        try commit(try #require(opened.database), rows: 50, from: 10_000)
        opened.database = nil
        opened.checkpointer = nil
        #expect(try rowCount(at: path) == .integer(Int64(rows + 50)))
    }

    @Test func logStartsAgainUnderSteadyCommits() throws {
        let folder = try StorageTestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let opened = try openLoggedTable(in: folder)
        let path = opened.path
        let database = try #require(opened.database)
        let checkpointer = try #require(opened.checkpointer)

        // 400 commits of about 10 KB each write some 1,000 frames of 16 KiB. Were the log never
        // wholly copied, it would grow by all of them. Copied and started again after each pass of
        // the thread, it stays within the frames that commits append while one pass runs, a few
        // dozen in this tight loop.
        var largest = 0
        for round in 0..<400 {
            try commit(database, rows: 10, from: round * 10)
            largest = max(largest, fileSize(path + "-wal"))
        }
        #expect(largest < 150 * (16_384 + 24))
        #expect(checkpointer.checkpointCounts.background + checkpointer.checkpointCounts.inline >= 1)
        #expect(try database.query("SELECT count(*) FROM t").first?.first == .integer(4_000))
    }
}
