import Foundation
import Testing
@testable import CredeauKit
#if canImport(Glibc)
import Glibc
#endif

/// `credeau serve-sms` on SQLite, run as a process and called over HTTP.
@Suite struct ServeSMSTests {
    /// A fresh folder with the SQLite path the service uses.
    final class Workspace {
        let directory: URL
        var sqlitePath: String { directory.appendingPathComponent("credeau.db").path }

        init() throws { directory = try StorageTestSupport.temporaryDirectory() }
        deinit { try? FileManager.default.removeItem(at: directory) }

        func environment(_ extra: [String: String] = [:]) -> [String: String] {
            ServeSMSProcess.baseEnvironment(sqlitePath: sqlitePath).merging(extra) { _, new in new }
        }
    }

    @Test func healthReadyMetricsAndOpenAPI() throws {
        let workspace = try Workspace()
        let service = try ServeSMSProcess(environment: workspace.environment())
        let client = try service.client()

        #expect(try client.request("GET", "/health").text == #"{"status":"ok"}"#)
        let ready = try client.request("GET", "/ready")
        #expect(ready.status == 200)
        #expect(ready.text == #"{"status":"ready"}"#)

        let metrics = try client.request("GET", "/metrics")
        #expect(metrics.status == 200)
        #expect(metrics.headers["content-type"]?.hasPrefix("text/plain; version=0.0.4") == true)
        #expect(ServeSMSTestSupport.metric("credeau_sms_extracted_total", in: metrics.text) == 0)
        #expect(metrics.text.contains("credeau_http_requests_in_flight"))
        #expect(metrics.text.contains("credeau_http_request_duration_seconds_bucket"))
        #expect(metrics.text.contains(#"credeau_http_requests_total{path="/ready",method="GET",status="200"} 1"#))

        let openAPI = try JSONParser.parse(try client.request("GET", "/openapi.json").body)
        #expect(openAPI["openapi"]?.stringValue == "3.0.3")
        #expect(openAPI["paths"]?["/api/extract_sms"]?["post"] != nil)
        #expect(openAPI["components"]?["schemas"]?["SMS"]?["required"] == .array([.string("sms_id"), .string("sms_body"),
                                                                                  .string("sms_inbox_date")]))
        #expect(service.startupLine.contains("storage: SQLite \(workspace.sqlitePath)"))
        #expect(service.startupLine.contains("MAX_SMS_COUNT 1000"))
        #expect(service.stop() == 0)
    }

    @Test func fixtureBatchMatchesInProcessExtraction() throws {
        let workspace = try Workspace()
        let key = try Fernet.generateKey()
        let service = try ServeSMSProcess(environment: workspace.environment(["DB_ENCRYPTION_KEY": key]))
        let cases = try ServeSMSTestSupport.loadCases()
        let sms = ServeSMSTestSupport.rawSMS(cases)
        #expect(cases.count >= 120)

        let response = try service.client().request(
            "POST", "/api/extract_sms", body: ServeSMSTestSupport.body(requestID: "batch-1", sms: sms))
        #expect(response.status == 200)
        let answered = try ServeSMSTestSupport.entries(response)
        #expect(answered.count == sms.count)

        // Every answered entry is what the in-process extractor gives, in input order.
        let extractor = SMSExtractor()
        for (index, item) in sms.enumerated() where index < answered.count {
            var raw = item
            (raw.clientID, raw.userID, raw.requestID) = ("acme", "user-1", "batch-1")
            let expected = try JSONParser.parse(JSONLinesWriter.encode(extractor.extract(raw, createdAtMillis: 0)))
            let ignored: Set<String> = ["created_at", "created_date"]
            let got = answered[index].objectValue?.filter { !ignored.contains($0.0) }
            let want = expected.objectValue?.filter { !ignored.contains($0.0) }
            #expect(got.map(JSONValue.object) == want.map(JSONValue.object), "entry \(index) (\(item.id))")
        }

        // The stored entries read back (bodies decrypted) still score like the extractor.
        let store = try SQLiteExtractedSMSStore(path: workspace.sqlitePath, fernet: Fernet(key: key), migrate: false)
        let stored = try store.entries(clientID: "acme", userID: "user-1", limit: nil)
        #expect(stored.count == cases.count)
        let byID = Dictionary(uniqueKeysWithValues: stored.map { ($0.smsID, $0) })
        var matched = 0, total = 0
        for item in cases {
            guard let entry = byID[item.id] else { continue }
            #expect(entry.smsBody == item.body)
            for (expectKey, value) in item.expect {
                total += 1
                if ExtractionCaseScorer.matches(key: expectKey, expected: value, entry: entry) { matched += 1 }
            }
        }
        #expect(Double(matched) >= 0.97 * Double(total), "\(matched) of \(total) expected fields match")
        #expect(stored.first?.inboxDateMillis == sms.last?.inboxDateMillis, "newest first")

        let metrics = try service.client().request("GET", "/metrics").text
        #expect(ServeSMSTestSupport.metric("credeau_sms_extracted_total", in: metrics) == Double(cases.count))
        #expect(service.stop() == 0)
    }

    @Test func devCorpusBatchesAnswerEveryCase() throws {
        let defaultPath = StorageTestSupport.packageRoot
            .appendingPathComponent("../shared/corpus/dev-cases.jsonl").standardizedFileURL.path
        let path = ProcessInfo.processInfo.environment["CREDEAU_DEV_CASES"] ?? defaultPath
        guard FileManager.default.fileExists(atPath: path) else {
            print("SKIPPED: development corpus not found at \(path); set CREDEAU_DEV_CASES to run it through serve-sms.")
            return
        }
        let workspace = try Workspace()
        let service = try ServeSMSProcess(environment: workspace.environment())
        let sms = ServeSMSTestSupport.rawSMS(try ServeSMSTestSupport.loadCases(path))
        let client = try service.client()
        var start = 0
        while start < sms.count {
            let batch = Array(sms[start..<min(start + 1000, sms.count)])
            let response = try client.request("POST", "/api/extract_sms", body: ServeSMSTestSupport.body(sms: batch))
            #expect(response.status == 200)
            #expect(try ServeSMSTestSupport.entries(response).map { $0["sms_id"]?.stringValue } == batch.map(\.id))
            start += batch.count
        }
        #expect(service.stop() == 0)
    }

    /// An id that differs from a stored one only in Unicode normalisation is a new SMS: stored, and
    /// counted in credeau_sms_stored_total.
    @Test func canonicalTwinIDIsStoredAndCounted() throws {
        let workspace = try Workspace()
        let service = try ServeSMSProcess(environment: workspace.environment())
        let client = try service.client()
        var first = ServeSMSTestSupport.debitSMS(count: 1)
        first[0].id = "\u{E9}"
        #expect(try client.request("POST", "/api/extract_sms", body: ServeSMSTestSupport.body(sms: first)).status == 200)
        var second = ServeSMSTestSupport.debitSMS(count: 2)
        second[0].id = "\u{E9}"
        second[1].id = "e\u{301}"
        #expect(try client.request("POST", "/api/extract_sms", body: ServeSMSTestSupport.body(sms: second)).status == 200)

        let database = try SQLiteDatabase(path: workspace.sqlitePath)
        #expect(try database.query("SELECT sms_id FROM extracted_sms").count == 2)
        let metrics = try client.request("GET", "/metrics").text
        #expect(ServeSMSTestSupport.metric("credeau_sms_stored_total", in: metrics) == 2)
        #expect(service.stop() == 0)
    }

    @Test func resentSMSAreNotStoredAgain() throws {
        let workspace = try Workspace()
        let service = try ServeSMSProcess(environment: workspace.environment())
        let client = try service.client()
        let first = ServeSMSTestSupport.debitSMS(count: 3)
        #expect(try client.request("POST", "/api/extract_sms",
                                   body: ServeSMSTestSupport.body(requestID: "first", sms: first)).status == 200)
        let second = Array(first.prefix(2)) + ServeSMSTestSupport.debitSMS(count: 1, prefix: "new")
        let response = try client.request("POST", "/api/extract_sms",
                                          body: ServeSMSTestSupport.body(requestID: "second", sms: second))
        #expect(response.status == 200)
        #expect(try ServeSMSTestSupport.entries(response).count == 3)

        let database = try SQLiteDatabase(path: workspace.sqlitePath)
        let rows = try database.query("SELECT sms_id, request_id FROM extracted_sms ORDER BY sms_id")
        #expect(rows.count == 4)
        #expect(rows.first == [.text("new-0"), .text("second")])
        #expect(rows.dropFirst().allSatisfy { $0[1] == .text("first") }, "re-sent rows keep their first request id")
        let metrics = try client.request("GET", "/metrics").text
        #expect(ServeSMSTestSupport.metric("credeau_sms_stored_total", in: metrics) == 4)
        #expect(ServeSMSTestSupport.metric("credeau_sms_extracted_total", in: metrics) == 6)
        #expect(service.stop() == 0)
    }

    @Test func canonicallyEqualIdsAreStoredApart() throws {
        // "\u{E9}" and "e\u{301}" are equal Swift strings but different ids to the database.
        let workspace = try Workspace()
        let service = try ServeSMSProcess(environment: workspace.environment())
        let client = try service.client()
        var sms = ServeSMSTestSupport.debitSMS(count: 2)
        sms[0].id = "\u{E9}"
        sms[1].id = "e\u{301}"
        let response = try client.request("POST", "/api/extract_sms", body: ServeSMSTestSupport.body(sms: sms))
        #expect(response.status == 200)
        #expect(try ServeSMSTestSupport.entries(response).count == 2)

        let database = try SQLiteDatabase(path: workspace.sqlitePath)
        let rows = try database.query("SELECT hex(sms_id) FROM extracted_sms ORDER BY 1")
        #expect(rows == [[.text("65CC81")], [.text("C3A9")]])
        #expect(service.stop() == 0)
    }

    @Test func bodyOverConfiguredLimitIs413() throws {
        let workspace = try Workspace()
        let service = try ServeSMSProcess(environment: workspace.environment(["MAX_REQUEST_BODY_MB": "1"]))
        let client = try service.client()
        // 300 SMS of 4 KiB each: about 1.2 MiB, under MAX_SMS_COUNT but over the body limit.
        var sms = ServeSMSTestSupport.debitSMS(count: 300)
        for index in sms.indices { sms[index].body = String(repeating: "x", count: 4096) }
        let over = try client.request("POST", "/api/extract_sms", body: ServeSMSTestSupport.body(sms: sms))
        #expect(over.status == 413)
        let small = try client.request("POST", "/api/extract_sms",
                                       body: ServeSMSTestSupport.body(sms: ServeSMSTestSupport.debitSMS(count: 5)))
        #expect(small.status == 200)
        #expect(service.stop() == 0)
    }

    @Test func batchOverMaxSMSCountIs413() throws {
        let workspace = try Workspace()
        let service = try ServeSMSProcess(environment: workspace.environment(["MAX_SMS_COUNT": "5"]))
        let client = try service.client()
        let over = try client.request("POST", "/api/extract_sms",
                                      body: ServeSMSTestSupport.body(sms: ServeSMSTestSupport.debitSMS(count: 6)))
        #expect(over.status == 413)
        let message = try JSONParser.parse(over.body)["error"]?.stringValue ?? ""
        #expect(message.contains("the limit is 5"))
        #expect(message.contains("6 sent"))
        let atLimit = try client.request("POST", "/api/extract_sms",
                                         body: ServeSMSTestSupport.body(sms: ServeSMSTestSupport.debitSMS(count: 5)))
        #expect(atLimit.status == 200)
        #expect(service.startupLine.contains("MAX_SMS_COUNT 5"))
        #expect(service.stop() == 0)
    }

    /// Bodies that must give 422, with the first issue's type and location.
    static let invalidBodies: [(name: String, body: [UInt8], type: String, location: [JSONValue])] = [
        ("truncated JSON", Array(#"{"client_id": "acme""#.utf8), "json_invalid", [.string("body"), .integer(0)]),
        ("invalid UTF-8", Array(#"{"client_id": ""#.utf8) + [0xFF, 0xFE] + Array(#"", "user_id": "u", "sms": []}"#.utf8),
         "json_invalid", [.string("body"), .integer(0)]),
        ("empty body", [], "json_invalid", [.string("body"), .integer(0)]),
        ("body is a list", Array("[1, 2]".utf8), "model_attributes_type", [.string("body")]),
        ("missing client_id", Array(#"{"user_id": "u", "sms": []}"#.utf8), "missing", [.string("body"), .string("client_id")]),
        ("user_id is a number", Array(#"{"client_id": "a", "user_id": 7, "sms": []}"#.utf8), "string_type",
         [.string("body"), .string("user_id")]),
        ("sms is not a list", Array(#"{"client_id": "a", "user_id": "u", "sms": {}}"#.utf8), "list_type",
         [.string("body"), .string("sms")]),
        ("sms item is not an object", Array(#"{"client_id": "a", "user_id": "u", "sms": ["hi"]}"#.utf8),
         "model_attributes_type", [.string("body"), .string("sms"), .integer(0)]),
        ("sms_body missing", Array(#"{"client_id": "a", "user_id": "u", "sms": [{"sms_id": "1", "sms_inbox_date": 1}]}"#.utf8),
         "missing", [.string("body"), .string("sms"), .integer(0), .string("sms_body")]),
        ("sms_body is a number",
         Array(#"{"client_id": "a", "user_id": "u", "sms": [{"sms_id": "1", "sms_body": 5, "sms_inbox_date": 1}]}"#.utf8),
         "string_type", [.string("body"), .string("sms"), .integer(0), .string("sms_body")]),
        ("sms_id empty",
         Array(#"{"client_id": "a", "user_id": "u", "sms": [{"sms_id": "", "sms_body": "x", "sms_inbox_date": 1}]}"#.utf8),
         "string_too_short", [.string("body"), .string("sms"), .integer(0), .string("sms_id")]),
        ("sms_inbox_date unreadable",
         Array(#"{"client_id": "a", "user_id": "u", "sms": [{"sms_id": "1", "sms_body": "x", "sms_inbox_date": "soon"}]}"#.utf8),
         "datetime_parsing", [.string("body"), .string("sms"), .integer(0), .string("sms_inbox_date")]),
        ("sms_inbox_date is a list",
         Array(#"{"client_id": "a", "user_id": "u", "sms": [{"sms_id": "1", "sms_body": "x", "sms_inbox_date": []}]}"#.utf8),
         "string_type", [.string("body"), .string("sms"), .integer(0), .string("sms_inbox_date")]),
        ("user_id too long", Array(#"{"client_id": "a", "user_id": "\#(String(repeating: "u", count: 129))", "sms": []}"#.utf8),
         "string_too_long", [.string("body"), .string("user_id")]),
    ]

    @Test func invalidBodiesAre422() throws {
        let workspace = try Workspace()
        let service = try ServeSMSProcess(environment: workspace.environment())
        let client = try service.client()
        for invalid in Self.invalidBodies {
            let response = try client.request("POST", "/api/extract_sms", headers: ["Content-Type": "application/json"],
                                              body: invalid.body)
            #expect(response.status == 422, "\(invalid.name): \(response.text)")
            let detail = try JSONParser.parse(response.body)["detail"]?.arrayValue?.first
            #expect(detail?["type"]?.stringValue == invalid.type, "\(invalid.name): \(response.text)")
            #expect(detail?["loc"] == .array(invalid.location), "\(invalid.name): \(response.text)")
            #expect(detail?["msg"]?.stringValue?.isEmpty == false, "\(invalid.name)")
        }
        let metrics = try client.request("GET", "/metrics").text
        #expect(!metrics.contains(#"status="500""#))
        #expect(service.stop() == 0)
    }

    @Test func gzipRequestAndAnswer() throws {
        let workspace = try Workspace()
        let service = try ServeSMSProcess(environment: workspace.environment())
        let sms = ServeSMSTestSupport.debitSMS(count: 50)
        let compressed = Gzip.compress(ServeSMSTestSupport.body(sms: sms))
        let response = try service.client().request(
            "POST", "/api/extract_sms", headers: ["Content-Encoding": "gzip", "Accept-Encoding": "gzip"], body: compressed)
        #expect(response.status == 200)
        #expect(response.headers["content-encoding"] == "gzip")
        let plain = try Gzip.decompress(response.body, maxBytes: 16 * 1024 * 1024)
        let entries = try JSONParser.parse(plain)["extracted_sms_data"]?.arrayValue ?? []
        #expect(entries.map { $0["sms_id"]?.stringValue } == sms.map(\.id))
        #expect(entries.first?["transaction"] == .integer(100))
        #expect(service.stop() == 0)
    }

    @Test func unknownPathAndWrongMethod() throws {
        let workspace = try Workspace()
        let service = try ServeSMSProcess(environment: workspace.environment())
        let client = try service.client()
        let missing = try client.request("GET", "/api/nothing")
        #expect(missing.status == 404)
        #expect(try JSONParser.parse(missing.body)["error"] != nil)
        let wrongMethod = try client.request("GET", "/api/extract_sms")
        #expect(wrongMethod.status == 405)
        #expect(wrongMethod.headers["allow"] == "POST")
        #expect(service.stop() == 0)
    }

    @Test func storedBodyDecryptsWithPythonCryptography() throws {
        guard let python = StorageTestSupport.testPython else {
            print("SKIPPED: no Python with cryptography (CREDEAU_TEST_PYTHON or .build/test-venv)")
            return
        }
        let workspace = try Workspace()
        let key = try Fernet.generateKey()
        let service = try ServeSMSProcess(environment: workspace.environment(["DB_ENCRYPTION_KEY": key]))
        let sms = [RawSMS(id: "p1", sender: "AX-AXISBK-S", body: "Spent INR 845.00 ₹ Axis Bank Card no. XX2207 at Zepto",
                          inboxDateMillis: ServeSMSTestSupport.firstInboxMillis)]
        let response = try service.client().request("POST", "/api/extract_sms", body: ServeSMSTestSupport.body(sms: sms))
        #expect(response.status == 200)
        #expect(try ServeSMSTestSupport.entries(response).first?["sms_body"]?.stringValue == sms[0].body)

        let rows = try SQLiteDatabase(path: workspace.sqlitePath).query("SELECT sms_body FROM extracted_sms")
        guard case let .text(token) = try #require(rows.first?.first) else {
            Issue.record("sms_body is not text")
            return
        }
        #expect(token.hasPrefix("gAAAAA"))
        #expect(!token.contains("Zepto"))
        let decrypted = try ServeSMSTestSupport.decryptWithPython(python, key: key, token: token)
        #expect(decrypted.status == 0)
        #expect(decrypted.output == sms[0].body)
        #expect(!service.logText.contains("Zepto"), "logs must not carry SMS bodies")
        #expect(!service.logText.contains(key), "logs must not carry the key")
        #expect(service.stop() == 0)
    }

    @Test func sigtermLetsRequestsInFlightFinish() throws {
        let workspace = try Workspace()
        let service = try ServeSMSProcess(environment: workspace.environment())
        let clientCount = 4
        let clients = try (0..<clientCount).map { _ in try service.client() }
        for (index, client) in clients.enumerated() {
            let body = ServeSMSTestSupport.body(userID: "user-\(index)", sms: ServeSMSTestSupport.debitSMS(count: 1000))
            let head = "POST /api/extract_sms HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: \(body.count)\r\n\r\n"
            client.sendRaw(Array(head.utf8) + body)
        }
        usleep(30_000)
        let status = service.stop()
        for client in clients {
            let response = try client.readResponse()
            #expect(response.status == 200)
            #expect(try ServeSMSTestSupport.entries(response).count == 1000)
        }
        #expect(status == 0)
        #expect(service.logText.contains("stop signal received"))
        #expect(!service.logText.contains(#""http.requests_in_flight":"0""#), "the signal arrived while requests ran")
        #expect(service.logText.contains(#""msg":"stopped""#))
        let rows = try SQLiteDatabase(path: workspace.sqlitePath).query("SELECT count(*) FROM extracted_sms")
        #expect(rows.first?.first == .integer(Int64(clientCount * 1000)))
    }

    @Test func prodWithoutKeyDoesNotStart() throws {
        let workspace = try Workspace()
        let missing = try ServeSMSProcess.failedStart(environment: workspace.environment(["LAUNCH_ENVIRONMENT": "prod"]))
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("DB_ENCRYPTION_KEY"))
        let invalid = try ServeSMSProcess.failedStart(environment: workspace.environment(["DB_ENCRYPTION_KEY": "short"]))
        #expect(invalid.status == 2)
        #expect(invalid.stderr.contains("Invalid DB_ENCRYPTION_KEY"))
        #expect(!invalid.stderr.contains("short"), "the key value is not echoed")
        let badCount = try ServeSMSProcess.failedStart(environment: workspace.environment(["MAX_SMS_COUNT": "lots"]))
        #expect(badCount.status == 2)
        #expect(badCount.stderr.contains("Invalid MAX_SMS_COUNT 'lots'"))
    }
}
