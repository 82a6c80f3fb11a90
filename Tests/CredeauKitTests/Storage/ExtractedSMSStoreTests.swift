@testable import CredeauKit
import Foundation
import Testing

@Suite struct ExtractedSMSStoreTests {
    private func entry(_ id: String, body: String, inboxMillis: Int64) -> ExtractedSMS {
        SMSExtractor().extract(RawSMS(id: id, sender: "VM-HDFCBK", body: body, inboxDateMillis: inboxMillis),
                               createdAtMillis: inboxMillis)
    }

    @Test func entriesWithoutBodiesNeedNoKey() throws {
        let folder = try StorageTestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("credeau.db").path
        let fernet = try Fernet(key: Fernet.generateKey())
        let writer = try SQLiteExtractedSMSStore(path: path, fernet: fernet, migrate: true)
        try writer.store([
            entry("a", body: "Rs 500.00 debited from A/c XX1234 on 01-03-26 to VPA shop@okaxis", inboxMillis: 1_772_000_000_000),
            entry("b", body: "Rs 900.00 credited to A/c XX1234 on 02-03-26 by NEFT", inboxMillis: 1_772_100_000_000),
        ], clientID: "acme", userID: "u1", requestID: "r1")

        let reader = try SQLiteExtractedSMSStore(path: path, fernet: nil, migrate: false)
        let withoutBodies = try reader.entries(clientID: "acme", userID: "u1", limit: nil, includeBodies: false)
        #expect(withoutBodies.map(\.smsID) == ["b", "a"])
        #expect(withoutBodies.allSatisfy { $0.smsBody.isEmpty })
        #expect(withoutBodies.last?.amount == 500)
        #expect(throws: ExtractedSMSStoreError.self) {
            _ = try reader.entries(clientID: "acme", userID: "u1", limit: nil)
        }

        let withBodies = try writer.entries(clientID: "acme", userID: "u1", limit: 1)
        #expect(withBodies.count == 1)
        #expect(withBodies.first?.smsBody.hasPrefix("Rs 900.00 credited") == true)
    }

    @Test func typedSQLiteReadsMatchTextReads() throws {
        let folder = try StorageTestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("credeau.db").path
        let store = try SQLiteExtractedSMSStore(path: path, fernet: nil, migrate: true)
        try store.store([
            entry("a", body: "Rs 500.25 debited from A/c XX1234 on 01-03-26 to VPA shop@okaxis. Avl Bal Rs 1,200.50",
                  inboxMillis: 1_772_000_000_000),
            entry("b", body: "Rs 900.00 credited to A/c XX1234 on 02-03-26 by NEFT", inboxMillis: 1_772_100_000_000),
            entry("c", body: "Your OTP is 123456", inboxMillis: 1_772_200_000_000),
        ], clientID: "acme", userID: "u1", requestID: "r1")

        // Storage classes a typed read must treat as the text read does: a date with a fraction,
        // PostgreSQL-style flags, an integer amount and a REAL flag.
        let database = try SQLiteDatabase(path: path)
        try database.execute("""
            UPDATE extracted_sms SET sms_inbox_date = '2026-03-05 10:11:12.5', is_classified = 't',
                is_extracted = 1.5, "transaction" = 42 WHERE sms_id = 'c'
            """)

        let typed = try store.entries(clientID: "acme", userID: "u1", limit: nil, includeBodies: true)
        let rows = try database.query("""
            SELECT \(ExtractedSMSRowCodec.selectList(includeBodies: true)) FROM extracted_sms
            ORDER BY sms_inbox_date IS NULL, sms_inbox_date DESC, sms_id
            """)
        let codec = ExtractedSMSRowCodec(fernet: nil)
        let fromText = try rows.map { row in try codec.entry(from: row.map(Self.text)) }

        #expect(typed.map(\.smsID) == ["c", "b", "a"])
        #expect(typed == fromText)
        #expect(typed.first?.inboxDateMillis == SMSDateParser.millis(from: "2026-03-05 10:11:12.5"))
        #expect(typed.first?.isClassified == true)
        #expect(typed.first?.isExtracted == false)
        #expect(typed.first?.amount == 42)
        #expect(typed.last?.amount == 500.25)

        let unordered = try store.unorderedEntries(clientID: "acme", userID: "u1").sorted { $0.smsID < $1.smsID }
        let withoutBodies = try store.entries(clientID: "acme", userID: "u1", limit: nil, includeBodies: false)
        #expect(unordered == withoutBodies.sorted { $0.smsID < $1.smsID })
        #expect(unordered.map(\.smsBody) == ["", "", ""])
    }

    @Test(arguments: [false, true])
    func longAndEmptyTextsRoundTrip(encrypted: Bool) throws {
        let folder = try StorageTestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("credeau.db").path
        let fernet = encrypted ? try Fernet(key: Fernet.generateKey()) : nil
        let store = try SQLiteExtractedSMSStore(path: path, fernet: fernet, migrate: true)

        // Bodies of up to about 16 KB make a group of rows outgrow the insert's first 64 KiB text
        // arena. Empty and short texts sit between them.
        let count = SQLiteExtractedSMSStore.maxRowsPerInsert + 7
        let batch = (0..<count).map { index in
            let filler = String(repeating: index % 2 == 0 ? "₹ 🙏 ab " : "x", count: (index * 97) % 1300)
            var sms = entry("id-\(index)", body: "Rs \(index).50 debited from A/c XX12\(index) \(filler)",
                            inboxMillis: 1_772_000_000_000 + Int64(index) * 1000)
            if index % 4 == 0 { sms.smsBody = "" }
            if index % 5 == 0 { sms.senderName = "" }
            if index % 6 == 0 { sms.smsSender = "é" }
            return sms
        }
        try store.store(batch, clientID: "acme", userID: "u1", requestID: "r1")

        let reader = try SQLiteExtractedSMSStore(path: path, fernet: fernet, migrate: false)
        let stored = try reader.entries(clientID: "acme", userID: "u1", limit: nil)
        let byID = Dictionary(uniqueKeysWithValues: stored.map { ($0.smsID, $0) })
        #expect(stored.count == count)
        for original in batch {
            var expected = original
            (expected.clientID, expected.userID, expected.requestID) = ("acme", "u1", "r1")
            let read = try #require(byID[original.smsID])
            #expect(ExtractedSMSColumns.values(of: read) == ExtractedSMSColumns.values(of: expected), "sms \(original.smsID)")
        }
    }

    @Test func rowsOfSeveralUsersInOneBatch() throws {
        let folder = try StorageTestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try SQLiteExtractedSMSStore(path: folder.appendingPathComponent("credeau.db").path,
                                                fernet: Fernet(key: Fernet.generateKey()), migrate: true)
        // Users, request ids and creation times change inside the batch, so no column is shared.
        let count = SQLiteExtractedSMSStore.maxRowsPerInsert * 2 + 3
        let batch = (0..<count).map { index in
            var sms = SMSExtractor().extract(
                RawSMS(id: "id-\(index)", sender: "VM-HDFCBK", body: "Rs \(index).00 debited from A/c XX12\(index % 10)",
                       inboxDateMillis: 1_772_000_000_000 + Int64(index) * 1000),
                createdAtMillis: 1_772_000_000_000 + Int64(index % 3) * 86_400_000)
            (sms.clientID, sms.userID, sms.requestID) = ("acme", "u\(index % 2)", index < 40 ? "r1" : "r2")
            return sms
        }
        #expect(try store.store(rows: ExtractedSMSRows(batch)) == count)

        for user in ["u0", "u1"] {
            let stored = try store.entries(clientID: "acme", userID: user, limit: nil)
            let expected = batch.filter { $0.userID == user }
            #expect(stored.count == expected.count)
            let byID = Dictionary(uniqueKeysWithValues: stored.map { ($0.smsID, $0) })
            for original in expected {
                let read = try #require(byID[original.smsID])
                #expect(ExtractedSMSColumns.values(of: read) == ExtractedSMSColumns.values(of: original), "sms \(original.smsID)")
            }
        }
        // Stored again with two of the ids changed: only those two rows count.
        var again = batch
        again[0].smsID = "new-in-group"
        again[count - 1].smsID = "new-alone"
        #expect(try store.store(rows: ExtractedSMSRows(again)) == 2)
    }

    @Test func multiRowInsertStoresEachRow() throws {
        let folder = try StorageTestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("credeau.db").path
        let store = try SQLiteExtractedSMSStore(path: path, fernet: Fernet(key: Fernet.generateKey()), migrate: true)
        let groupSize = SQLiteExtractedSMSStore.maxRowsPerInsert
        func sms(_ index: Int, amount: Int) -> ExtractedSMS {
            var sms = entry("sms-\(index)", body: "Rs \(amount).\(index % 100) debited from A/c XX\(1000 + index) to VPA p\(index)@okaxis",
                            inboxMillis: 1_772_000_000_000 + Int64(index) * 60_000)
            if index % 3 == 0 { sms.senderName = nil }
            return sms
        }

        // Five ids are stored before the batch: two fall in its first group of rows, one in the
        // second group and two in the tail that is inserted row by row.
        let earlier = [3, 10, groupSize + 1, 2 * groupSize, 2 * groupSize + 5].map { sms($0, amount: 7) }
        try store.store(earlier, clientID: "acme", userID: "u1", requestID: "r0")
        let batchCount = 2 * groupSize + 11
        let batch = (0..<batchCount).map { sms($0, amount: 500 + $0) }
        #expect(try store.store(batch, clientID: "acme", userID: "u1", requestID: "r1") == batchCount - earlier.count)

        let stored = try store.entries(clientID: "acme", userID: "u1", limit: nil)
        let byID = Dictionary(uniqueKeysWithValues: stored.map { ($0.smsID, $0) })
        #expect(stored.count == batchCount)
        let earlierIDs = Set(earlier.map(\.smsID))
        for original in earlier + batch.filter({ !earlierIDs.contains($0.smsID) }) {
            var expected = original
            expected.clientID = "acme"
            expected.userID = "u1"
            expected.requestID = earlierIDs.contains(original.smsID) ? "r0" : "r1"
            let read = try #require(byID[original.smsID])
            #expect(ExtractedSMSColumns.values(of: read) == ExtractedSMSColumns.values(of: expected), "sms \(original.smsID)")
        }
    }

    /// The insert leaves NULL parameters unbound, so a row with missing fields must not keep
    /// the values an earlier run bound in the same positions, in a group or row by row.
    @Test func missingFieldsAfterFilledOnesStayNull() throws {
        let folder = try StorageTestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try SQLiteExtractedSMSStore(path: folder.appendingPathComponent("credeau.db").path,
                                                fernet: nil, migrate: true)
        let rowCount = 2 * SQLiteExtractedSMSStore.maxRowsPerInsert + 3
        func sms(_ id: String, filled: Bool) -> ExtractedSMS {
            var sms = entry(id, body: "Rs 120.50 debited from A/c XX1234 on 01-03-26", inboxMillis: 1_772_000_000_000)
            sms.inboxDateMillis = filled ? 1_772_000_000_000 : nil
            sms.senderName = filled ? "HDFC Bank" : nil
            sms.smsSubType = filled ? .bank : nil
            sms.transactionType = filled ? .debit : nil
            sms.amount = filled ? 120.5 : nil
            sms.accountLastDigits = filled ? "1234" : nil
            sms.transactionParty = filled ? "Shop \"Ünïcode\" ₹" : nil
            sms.uniquePAN = filled ? "ABCDE1234F" : nil
            sms.availableBalance = filled ? 98_765_432.1 : nil
            sms.outstandingAmount = filled ? 1e12 : nil
            sms.referenceNumber = filled ? "REF\n42" : nil
            sms.transactionChannel = filled ? .upi : nil
            sms.dueAmount = filled ? 0.01 : nil
            sms.dueDate = filled ? "2026-03-05" : nil
            sms.accountType = filled ? .card : nil
            return sms
        }
        let filled = (0..<rowCount).map { sms("full-\($0)", filled: true) }
        // Every other row has no optional fields, and the last three rows are inserted one by one.
        let mixed = (0..<rowCount).map { sms("part-\($0)", filled: $0 % 2 == 1) }
        try store.store(filled, clientID: "acme", userID: "u1", requestID: "r1")
        try store.store(mixed, clientID: "acme", userID: "u1", requestID: "r2")

        let byID = Dictionary(uniqueKeysWithValues: try store.entries(clientID: "acme", userID: "u1", limit: nil)
            .map { ($0.smsID, $0) })
        #expect(byID.count == 2 * rowCount)
        for (original, requestID) in filled.map({ ($0, "r1") }) + mixed.map({ ($0, "r2") }) {
            var expected = original
            expected.clientID = "acme"
            expected.userID = "u1"
            expected.requestID = requestID
            let read = try #require(byID[original.smsID])
            #expect(ExtractedSMSColumns.values(of: read) == ExtractedSMSColumns.values(of: expected), "sms \(original.smsID)")
        }
    }

    /// A NUL byte inside a text reaches SQLite with every byte, and must come back whole.
    @Test func textsWithNULReadBackWhole() throws {
        let folder = try StorageTestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try SQLiteExtractedSMSStore(path: folder.appendingPathComponent("credeau.db").path,
                                                fernet: nil, migrate: true)
        var sms = entry("nul\u{0}id", body: "Rs 5 debited\u{0} from A/c XX1234", inboxMillis: 1_772_000_000_000)
        sms.smsSender = "VM-\u{0}HDFCBK"
        sms.transactionParty = "Shop\u{0}One"
        try store.store([sms], clientID: "acme", userID: "u1", requestID: "r1")
        let read = try #require(try store.entries(clientID: "acme", userID: "u1", limit: nil).first)
        #expect(read.smsID == "nul\u{0}id")
        #expect(read.smsBody == "Rs 5 debited\u{0} from A/c XX1234")
        #expect(read.smsSender == "VM-\u{0}HDFCBK")
        #expect(read.transactionParty == "Shop\u{0}One")
    }

    /// "é" as one code point and as "e" with a combining accent are two ids to SQLite, and the
    /// lookup lists both rather than a `Set<String>` that would keep one.
    @Test func storedIDsKeepCanonicalTwins() throws {
        let folder = try StorageTestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try SQLiteExtractedSMSStore(path: folder.appendingPathComponent("credeau.db").path, fernet: nil,
                                                migrate: true)
        try store.store([
            entry("\u{E9}", body: "Rs 500.00 debited from A/c XX1234", inboxMillis: 1_772_000_000_000),
            entry("e\u{301}", body: "Rs 900.00 credited to A/c XX1234", inboxMillis: 1_772_100_000_000),
        ], clientID: "acme", userID: "u1", requestID: "r1")

        let found = try store.storedIDs(clientID: "acme", userID: "u1", among: ["\u{E9}", "e\u{301}", "e"])
        #expect(Set(found.map(ExactText.init)) == [ExactText("\u{E9}"), ExactText("e\u{301}")])
    }

    @Test func storedIDsPerUser() throws {
        let folder = try StorageTestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("credeau.db").path
        let store = try SQLiteExtractedSMSStore(path: path, fernet: nil, migrate: true)
        #expect(try Set(store.storedIDs(clientID: "acme", userID: "u1", among: ["a", "b"])) == [])

        try store.store([
            entry("a", body: "Rs 500.00 debited from A/c XX1234", inboxMillis: 1_772_000_000_000),
            entry("b", body: "Rs 900.00 credited to A/c XX1234", inboxMillis: 1_772_100_000_000),
        ], clientID: "acme", userID: "u1", requestID: "r1")

        #expect(try Set(store.storedIDs(clientID: "acme", userID: "u1", among: ["a", "c"])) == ["a"])
        #expect(try Set(store.storedIDs(clientID: "acme", userID: "u1", among: ["c"])) == [])
        #expect(try Set(store.storedIDs(clientID: "acme", userID: "u2", among: ["a", "b"])) == [])
        #expect(try Set(store.storedIDs(clientID: "other", userID: "u1", among: ["a"])) == [])
        // A row that another connection writes after the lookups is found by the next lookup.
        let second = try SQLiteExtractedSMSStore(path: path, fernet: nil, migrate: false)
        try second.store([entry("c", body: "Your OTP is 123456", inboxMillis: 1_772_200_000_000)],
                         clientID: "acme", userID: "u1", requestID: "r2")
        #expect(try Set(store.storedIDs(clientID: "acme", userID: "u1", among: ["a", "b", "c", "d"])) == ["a", "b", "c"])
    }

    /// Column text as the store read every column before typed reads.
    private static func text(_ value: SQLiteValue) -> String? {
        switch value {
        case .null: return nil
        case let .integer(number): return String(number)
        case let .real(number): return String(number)
        case let .text(text): return text
        case let .blob(bytes): return String(decoding: bytes, as: UTF8.self)
        }
    }
}
