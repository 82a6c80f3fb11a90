@testable import CredeauKit
import Foundation
import Testing

/// Page size and checkpoint settings of write-ahead-logged SQLite files, new and existing.
@Suite struct SQLitePageSizeTests {
    private func setting(_ name: String, of database: SQLiteDatabase) throws -> SQLiteValue? {
        try database.query("PRAGMA \(name)").first?.first
    }

    @Test func newWALFileUsesLargePages() throws {
        let folder = try StorageTestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = try SQLiteDatabase(path: folder.appendingPathComponent("new.db").path)

        #expect(try setting("page_size", of: database) == .integer(16_384))
        #expect(try setting("journal_mode", of: database) == .text("wal"))
        #expect(try setting("synchronous", of: database) == .integer(1))
        #expect(try setting("wal_autocheckpoint", of: database) == .integer(1_000))
    }

    @Test func existingFileKeepsItsPageSize() throws {
        let folder = try StorageTestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("old.db").path
        let old = try SQLiteDatabase(path: path, walMode: false)
        try old.execute("PRAGMA page_size=4096; CREATE TABLE notes (text TEXT); INSERT INTO notes VALUES ('kept');")

        let reopened = try SQLiteDatabase(path: path)
        #expect(try setting("page_size", of: reopened) == .integer(4096))
        #expect(try setting("journal_mode", of: reopened) == .text("wal"))
        #expect(try setting("wal_autocheckpoint", of: reopened) == .integer(4_000))
        #expect(try reopened.query("SELECT text FROM notes") == [[.text("kept")]])
    }

    @Test func filesWithoutWALKeepDefaultPages() throws {
        let folder = try StorageTestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = try SQLiteDatabase(path: folder.appendingPathComponent("plain.db").path, walMode: false)
        try database.execute("CREATE TABLE notes (text TEXT)")

        #expect(try setting("page_size", of: database) == .integer(4096))
    }

    @Test func storeOnSmallPageFileRoundTrips() throws {
        let folder = try StorageTestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("credeau.db").path
        try SQLiteDatabase(path: path, walMode: false).execute("PRAGMA page_size=4096; CREATE TABLE notes (text TEXT);")
        let fernet = try Fernet(key: Fernet.generateKey())
        let store = try SQLiteExtractedSMSStore(path: path, fernet: fernet, migrate: true)
        let batch = (0..<300).map { index in
            SMSExtractor().extract(RawSMS(id: "id-\(index)", sender: "VM-HDFCBK",
                                          body: "Rs \(index).50 debited from A/c XX12\(index % 97) on 01-03-26",
                                          inboxDateMillis: 1_772_000_000_000 + Int64(index) * 1000),
                                   createdAtMillis: 1_772_000_000_000)
        }
        try store.store(batch, clientID: "acme", userID: "u1", requestID: "r1")

        let stored = try store.entries(clientID: "acme", userID: "u1", limit: nil)
        #expect(stored.count == batch.count)
        #expect(Set(stored.map(\.smsBody)) == Set(batch.map(\.smsBody)))
        #expect(try setting("page_size", of: SQLiteDatabase(path: path)) == .integer(4096))
    }
}
