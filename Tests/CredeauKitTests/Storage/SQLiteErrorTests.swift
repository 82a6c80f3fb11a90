import CredeauKit
import Foundation
import Testing

/// SQLite failures name the database file they happened in.
@Suite struct SQLiteErrorTests {
    private func textFile(in folder: URL) throws -> String {
        let path = folder.appendingPathComponent("notes.db").path
        try String(repeating: "not a database, only text. ", count: 8).write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func textFileIsNotADatabase() throws {
        let folder = try StorageTestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try textFile(in: folder)

        let error = try #require(throws: SQLiteError.self) { try SQLiteDatabase(path: path) }
        #expect(error.description == "'\(path)' is not a SQLite database (SQLite error 26: file is not a database)")
        #expect(error.reason == "not a SQLite database (SQLite error 26: file is not a database)")
    }

    @Test func statementErrorNamesFile() throws {
        let folder = try StorageTestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("credeau.db").path
        let database = try SQLiteDatabase(path: path)

        let error = try #require(throws: SQLiteError.self) { try database.query("SELECT * FROM missing_table") }
        #expect(error.description
            == "SQLite error 1: no such table: missing_table - while executing 'SELECT * FROM missing_table' in '\(path)'")
    }

    @Test func inMemoryErrorNamesNoFile() throws {
        let database = try SQLiteDatabase(path: ":memory:")

        let error = try #require(throws: SQLiteError.self) { try database.execute("DROP TABLE missing_table") }
        #expect(error.description == "SQLite error 1: no such table: missing_table - while executing 'DROP TABLE missing_table'")
    }
}
