import Foundation
import Testing
@testable import CredeauKit

/// The serve-sms handler, run in process against SQLite, checked against a reference built the
/// way the handler worked before it wrote one `ExtractedSMSRows` per batch. The reference writes
/// an array of column values per entry and keeps each id's row from the first request with it.
@Suite struct SMSExtractionHandlerRowsTests {
    private let extractor = SMSExtractor()

    /// The service with a Fernet key on a SQLite file in a fresh folder.
    private final class Harness {
        let directory: URL
        let key: String
        let application: HTTPApplication
        let settings: SMSServiceSettings
        let store: SQLiteExtractedSMSStore

        init() throws {
            directory = try StorageTestSupport.temporaryDirectory()
            key = try Fernet.generateKey()
            let path = directory.appendingPathComponent("rows.db").path
            let environment = ServiceEnvironment(variables: [
                "LAUNCH_ENVIRONMENT": "prod", "DB_ENCRYPTION_KEY": key, "CREDEAU_SQLITE_PATH": path,
            ])
            settings = try SMSServiceSettings(environment: environment, logLevel: .info)
            let logger = Logger(label: "test.serve-sms", level: .info, sink: DiscardingLogSink())
            let service = try SMSService(settings: settings, logger: logger)
            application = HTTPApplication(router: service.makeRouter(), logger: logger, metrics: service.metrics)
            store = try SQLiteExtractedSMSStore(path: path, fernet: Fernet(key: key), migrate: false)
        }

        deinit { try? FileManager.default.removeItem(at: directory) }

        func post(_ body: [UInt8], accept: String? = nil) -> HTTPResponse {
            var headers = ["content-type": "application/json"]
            if let accept { headers["accept"] = accept }
            let request = HTTPRequest(method: "POST", path: "/api/extract_sms", headers: headers, body: body,
                                      clientAddress: "127.0.0.1")
            return application.respond(to: request, bodyTooLarge: false, maxBodyBytes: settings.maxBodyBytes)
        }
    }

    /// The fixture cases, then re-sent ids with other bodies and senders, so some rows are
    /// duplicates within the batch.
    private func batchWithDuplicates() throws -> [RawSMS] {
        let sms = ServeSMSTestSupport.rawSMS(try ServeSMSTestSupport.loadCases())
        let repeats = stride(from: 0, to: sms.count, by: 7).map { index in
            RawSMS(id: sms[index].id, sender: "AD-SBIINB", body: "Rs 5 credited to a/c XX\(index) again",
                   inboxDateMillis: sms[index].inboxDateMillis)
        }
        return sms + repeats
    }

    /// Reads the created_at time of a response from its first entry's text, to the second, which
    /// is all the texts carry.
    private func createdMillis(_ body: [UInt8]) throws -> Int64 {
        let value = try JSONParser.parse(body)
        let text = try #require(value["extracted_sms_data"]?.arrayValue?.first?["created_at"]?.stringValue)
        return try #require(SMSDateParser.millis(from: text))
    }

    private func referenceEntries(_ sms: [RawSMS], requestID: String, createdAt: Int64) -> [ExtractedSMS] {
        sms.map { item in
            var raw = item
            (raw.clientID, raw.userID, raw.requestID) = ("acme", "user-1", requestID)
            return extractor.extract(raw, createdAtMillis: createdAt)
        }
    }

    /// The JSON response as the handler wrote it from one value array per entry.
    private func referenceJSON(_ entries: [ExtractedSMS], requestID: String) -> [UInt8] {
        var body = Array(#"{"request_id":"#.utf8)
        JSONText.appendString(requestID, to: &body)
        body.append(contentsOf: #","extracted_sms_data":["#.utf8)
        for (index, entry) in entries.enumerated() {
            if index > 0 { body.append(UInt8(ascii: ",")) }
            JSONLinesWriter.append(values: ExtractedSMSColumns.values(of: entry), to: &body)
        }
        body.append(contentsOf: "]}".utf8)
        return body
    }

    @Test func responsesAndStoredRowsMatchReference() throws {
        let harness = try Harness()
        let sms = try batchWithDuplicates()
        let firstPart = Array(sms.prefix(40))

        let first = harness.post(ServeSMSTestSupport.body(requestID: "req-1", sms: firstPart))
        #expect(first.status == 200)
        let firstEntries = referenceEntries(firstPart, requestID: "req-1", createdAt: try createdMillis(first.body))
        #expect(first.body == referenceJSON(firstEntries, requestID: "req-1"))

        let second = harness.post(ServeSMSTestSupport.body(requestID: "req-2", sms: sms))
        #expect(second.status == 200)
        let secondEntries = referenceEntries(sms, requestID: "req-2", createdAt: try createdMillis(second.body))
        #expect(second.body == referenceJSON(secondEntries, requestID: "req-2"))

        // The BSON response carries its own created_at, known to the second when the clock shows
        // the same second before and after the request.
        var bson = HTTPResponse(status: 0)
        var bsonCreatedAt: Int64 = 0
        for _ in 0..<5 {
            let before = SystemClock.epochMillis()
            bson = harness.post(ServeSMSTestSupport.body(requestID: "req-2", sms: sms), accept: "application/bson")
            bsonCreatedAt = before
            if before / 1000 == SystemClock.epochMillis() / 1000 { break }
        }
        #expect(bson.status == 200)
        let bsonEntries = referenceEntries(sms, requestID: "req-2", createdAt: bsonCreatedAt)
        #expect(bson.body == ExtractedSMSBSONWriter.encode(ExtractedSMSRows(bsonEntries), requestID: "req-2"))

        // Each id is stored once, as the first request that carried it wrote it.
        var expected: [String: ExtractedSMS] = [:]
        for entry in firstEntries + secondEntries where expected[entry.smsID] == nil {
            expected[entry.smsID] = entry
        }
        let stored = try harness.store.entries(clientID: "acme", userID: "user-1", limit: nil)
        #expect(stored.count == expected.count)
        #expect(Set(stored.map(\.smsID)).count == stored.count)
        for entry in stored {
            let want = try #require(expected[entry.smsID], "unexpected stored id \(entry.smsID)")
            #expect(JSONLinesWriter.encode(entry) == JSONLinesWriter.encode(want), "stored row \(entry.smsID)")
        }
    }

    @Test func rowsWriteAsJoinedObjects() {
        var samples = ExtractSMSAnswerSamples(seed: 9)
        // Bodies long enough that their worst case outgrows the 16 KiB scratch buffer, between
        // short and empty ones, and control characters that need six-byte escapes.
        let entries = (0..<12).map { index in
            var entry = samples.entry(id: "j\(index)", setsAll: index % 3 != 0)
            entry.smsBody = index % 4 == 0 ? "" : String(repeating: "a\u{01}\"₹ ", count: index * 500)
            return entry
        }
        for count in [0, 1, entries.count] {
            var expected: [UInt8] = []
            for (index, entry) in entries.prefix(count).enumerated() {
                if index > 0 { expected.append(UInt8(ascii: ",")) }
                JSONLinesWriter.append(values: ExtractedSMSColumns.values(of: entry), to: &expected)
            }

            var written: [UInt8] = []
            JSONLinesWriter.append(rows: ExtractedSMSRows(Array(entries.prefix(count))), to: &written)

            #expect(written == expected, "\(count) rows")
        }
    }

    @Test func selectingKeepsChosenRowsInOrder() {
        var samples = ExtractSMSAnswerSamples(seed: 5)
        let entries = (0..<9).map { samples.entry(id: "s\($0)", setsAll: $0 % 2 == 0) }
        let rows = ExtractedSMSRows(entries)
        let chosen = [7, 0, 3, 8]

        let selected = rows.selecting(chosen)

        #expect(selected.count == chosen.count)
        for (position, row) in chosen.enumerated() {
            #expect(Array(selected[position]) == ExtractedSMSColumns.values(of: entries[row]), "row \(row)")
            #expect(selected.smsID(at: position) == entries[row].smsID)
        }
        #expect(ExtractedSMSRows().selecting([]).isEmpty)
    }
}
