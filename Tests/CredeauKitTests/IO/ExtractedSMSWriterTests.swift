import Foundation
import Testing
@testable import CredeauKit

@Suite struct ExtractedSMSWriterTests {
    /// Makes an entry with awkward text and every optional field set, or every optional field nil.
    static func makeEntry(id: String = "s-1", body: String = "Rs.1,250.50 debited, \"UPI\" ₹ 🙏\nline2 C:\\x",
                          full: Bool = true) -> ExtractedSMS {
        var entry = ExtractedSMS(
            smsID: id, smsSender: "hdfcbk", smsBody: body, inboxDateMillis: full ? 1_772_700_000_000 : nil,
            createdAtMillis: 1_773_900_000_000, templateHash: "t1", senderType: .bank,
            smsType: .accountDebitExecuted, smsNLPTag: "account_debit_executed")
        entry.userID = "cu-1"
        entry.clientID = full ? "lendwise_demo" : nil
        if full {
            entry.requestID = "sr-1"
            entry.isExtracted = true
            entry.senderName = "hdfc bank"
            entry.smsSubType = .bank
            entry.transactionType = .debit
            entry.amount = 1250.5
            entry.accountLastDigits = "4821"
            entry.transactionParty = "freshmart, \"co\""
            entry.uniquePAN = "bank | hdfc bank | 21"
            entry.availableBalance = 10_000.004
            entry.referenceNumber = "608412779310"
            entry.transactionChannel = .upi
            entry.dueDate = "2026-04-18"
            entry.accountType = .bank
        }
        return entry
    }

    private func writeAndRead(_ format: ExtractOutputFormat, _ entries: [ExtractedSMS]) throws -> (path: String, text: String) {
        let path = try IOTestSupport.makeTemporaryFolder() + "/out." + format.rawValue
        let writer = try ExtractOutput.makeWriter(path: path, format: format)
        for entry in entries { try writer.write(entry) }
        try writer.finish()
        let text = format == .sqlite ? "" : try String(contentsOfFile: path, encoding: .utf8)
        return (path, text)
    }

    @Test func jsonLinesRoundTripThroughJSONParser() throws {
        let (_, text) = try writeAndRead(.jsonl, [Self.makeEntry(), Self.makeEntry(id: "s-2", full: false)])
        let lines = text.split(separator: "\n")
        #expect(lines.count == 2)

        let first = try #require(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        #expect(first["sms_body"] as? String == Self.makeEntry().smsBody)
        #expect(first["sms_inbox_date"] as? String == "2026-03-05 14:10:00")
        #expect(first["created_at"] as? String == "2026-03-19 11:30:00")
        #expect(first["created_date"] as? String == "2026-03-19")
        #expect(first["transaction"] as? Double == 1250.5)
        #expect(first["available_balance"] as? Double == 10_000)
        #expect(first["is_transactional"] as? Bool == true)
        #expect(first["transaction_type"] as? String == "debit-transaction")
        #expect(first["transaction_party"] as? String == "freshmart, \"co\"")

        let second = try #require(try JSONSerialization.jsonObject(with: Data(lines[1].utf8)) as? [String: Any])
        #expect(second["client_id"] is NSNull)
        #expect(second["sms_inbox_date"] is NSNull)
        #expect(second["transaction"] is NSNull)
        #expect(second.count == ExtractedSMSColumns.names.count)
    }

    @Test func jsonLinesKeepColumnOrder() throws {
        let line = JSONLinesWriter.encode(Self.makeEntry())
        var lastPosition = line.startIndex
        for name in ExtractedSMSColumns.names {
            let range = try #require(line.range(of: "\"\(name)\":", range: lastPosition..<line.endIndex), "\(name)")
            lastPosition = range.upperBound
        }
        #expect(line.hasPrefix("{\"sms_id\":\"s-1\",\"user_id\":\"cu-1\","))
        #expect(line.contains("\"sms_body\":\"Rs.1,250.50 debited, \\\"UPI\\\" ₹ 🙏\\nline2 C:\\\\x\""))
    }

    @Test func batchValuesMatchPerEntryValues() {
        // Runs of equal and changing created_at times, so the shared texts must be refreshed.
        let createdTimes: [Int64] = [1_773_900_000_000, 1_773_900_000_000, 1_773_900_000_999, 1_773_900_001_000,
                                     1_600_000_000_000, 1_773_900_000_000, -62_000_000_000_000]
        let entries = createdTimes.enumerated().map { index, millis in
            var entry = Self.makeEntry(id: "s-\(index)", full: index % 2 == 0)
            entry.createdAtMillis = millis
            return entry
        }
        let batch = ExtractedSMSRows(entries)

        #expect(batch.count == entries.count)
        #expect(batch.values.count == entries.count * ExtractedSMSColumns.names.count)
        for (index, entry) in entries.enumerated() {
            #expect(Array(batch[index]) == ExtractedSMSColumns.values(of: entry), "entry \(index)")
        }
    }

    @Test func csvHasHeaderAndQuotesFields() throws {
        let (_, text) = try writeAndRead(.csv, [Self.makeEntry(), Self.makeEntry(id: "s-2", body: "", full: false)])
        let rows = text.components(separatedBy: "\r\n")

        #expect(rows[0] == ExtractedSMSColumns.names.joined(separator: ","))
        #expect(rows[1].hasPrefix("s-1,cu-1,lendwise_demo,sr-1,hdfcbk,2026-03-05 14:10:00,\"Rs.1,250.50 debited, \"\"UPI\"\" ₹ 🙏\nline2"))
        #expect(rows[1].contains(",\"freshmart, \"\"co\"\"\","))
        #expect(rows[1].contains(",true,true,true,hdfc bank,bank,account_debit_executed,bank,"))
        // Null client_id is an empty field; the empty body is "".
        #expect(rows[2].hasPrefix("s-2,cu-1,,,hdfcbk,,\"\",2026-03-19 11:30:00,"))
        #expect(rows.last == "")
    }

    @Test func csvFieldQuoting() {
        var buffer: [UInt8] = []
        for text in ["plain", "a,b", "say \"x\"", "two\nlines", "cr\rx", ""] {
            CSVWriter.appendField(text, to: &buffer)
            buffer.append(UInt8(ascii: "|"))
        }
        #expect(String(decoding: buffer, as: UTF8.self) == "plain|\"a,b\"|\"say \"\"x\"\"\"|\"two\nlines\"|\"cr\rx\"|\"\"|")
    }

    @Test func sqliteRowsUseJSONColumnNames() throws {
        let (path, _) = try writeAndRead(.sqlite, [Self.makeEntry(), Self.makeEntry(id: "s-2", full: false)])
        let database = try SQLiteDatabase(path: path, walMode: false)

        let columns = try database.query("SELECT name FROM pragma_table_info('extracted_sms') ORDER BY cid")
        #expect(columns.map { $0[0] } == ExtractedSMSColumns.names.map { SQLiteValue.text($0) })
        let keys = try database.query("SELECT name FROM pragma_table_info('extracted_sms') WHERE pk > 0 ORDER BY pk")
        #expect(keys.map { $0[0] } == [.text("client_id"), .text("user_id"), .text("sms_id")])

        let rows = try database.query(
            "SELECT sms_id, sms_body, is_transactional, \"transaction\", available_balance, client_id, sms_inbox_date "
                + "FROM extracted_sms ORDER BY sms_id")
        #expect(rows.count == 2)
        #expect(rows[0] == [.text("s-1"), .text(Self.makeEntry().smsBody), .integer(1), .real(1250.5), .real(10_000),
                            .text("lendwise_demo"), .text("2026-03-05 14:10:00")])
        #expect(rows[1][5] == .null)
        #expect(rows[1][6] == .null)
    }

    @Test func sqliteKeepsTextAfterNUL() throws {
        let body = "nul\u{0}byte Rs 5 debited"
        let (path, _) = try writeAndRead(.sqlite, [Self.makeEntry(body: body), Self.makeEntry(id: "s-2", body: "")])
        let database = try SQLiteDatabase(path: path, walMode: false)

        let rows = try database.query("SELECT sms_body, length(CAST(sms_body AS BLOB)) FROM extracted_sms ORDER BY sms_id")
        #expect(rows[0] == [.text(body), .integer(Int64(body.utf8.count))])
        #expect(rows[1] == [.text(""), .integer(0)])
    }

    @Test func sqliteOutputReplacesEarlierRun() throws {
        let (path, _) = try writeAndRead(.sqlite, [Self.makeEntry(), Self.makeEntry(id: "s-2")])
        let writer = try ExtractOutput.makeWriter(path: path, format: .sqlite)
        try writer.write(Self.makeEntry(id: "s-3"))
        try writer.finish()

        let rows = try SQLiteDatabase(path: path, walMode: false).query("SELECT sms_id FROM extracted_sms")
        #expect(rows == [[.text("s-3")]])
    }

    @Test(arguments: [
        ("out.jsonl", ExtractOutputFormat.jsonl), ("out.json", .jsonl), ("-", .jsonl), ("dir.v2/out.CSV", .csv),
        ("out.sqlite", .sqlite), ("out.db", .sqlite),
    ])
    func formatFromPath(path: String, format: ExtractOutputFormat) throws {
        #expect(try ExtractOutputFormat.inferred(fromPath: path) == format)
    }

    @Test(arguments: ["out.txt", "out", "dir.v2/out", ".hidden"])
    func unknownOutputExtensionIsRejected(path: String) {
        #expect(throws: ExtractOutputError.self) { try ExtractOutputFormat.inferred(fromPath: path) }
    }

    @Test func unwritableOutputFails() {
        #expect(throws: ExtractOutputError.self) {
            try ExtractOutput.makeWriter(path: "/nonexistent-folder/out.jsonl", format: .jsonl)
        }
        #expect(throws: ExtractOutputError.self) {
            try ExtractOutput.makeWriter(path: "-", format: .sqlite)
        }
    }
}
