import Foundation
import Synchronization
import Testing
@testable import CredeauKit

/// `credeau serve-insights` over a real `serve-sms`, sending its batches as BSON, and through a
/// front that takes only JSON, which makes it fall back to JSON bodies.
@Suite(.serialized) struct InsightsBSONRequestTests {
    /// An in-process HTTP server that answers 415 to any body but JSON and passes JSON calls on
    /// to a real serve-sms, as an SMS Extraction API without the BSON extension would behave.
    final class JSONOnlyFront: Sendable {
        /// The Content-Type of each call.
        final class CallLog: Sendable {
            let contentTypes = Mutex<[String]>([])
        }

        let server: HTTPServer
        private let log = CallLog()
        var contentTypes: [String] { log.contentTypes.withLock { $0 } }
        var url: String { "http://127.0.0.1:\(server.boundPort ?? 0)" }

        init(serveSMSPort: Int) throws {
            let target = "http://127.0.0.1:\(serveSMSPort)/api/extract_sms"
            let client = CurlHTTPClient(maxConnections: 8, timeoutSeconds: 20, acceptsCompressedResponses: false)
            var router = Router()
            router.post("/api/extract_sms") { [log] request, _ in
                let contentType = request.header("content-type") ?? ""
                log.contentTypes.withLock { $0.append(contentType) }
                guard contentType == "application/json" else {
                    return .json(415, Array(#"{"detail": "Unsupported Media Type"}"#.utf8))
                }
                let answer = try client.postJSON(url: target, body: request.body,
                                                 headers: ["Accept: \(request.header("accept") ?? "*/*")"])
                return HTTPResponse(status: answer.status, headers: [("Content-Type", answer.contentType ?? "")],
                                    body: answer.body)
            }
            server = try HTTPServer.startedOnLoopback(router: router)
        }

        deinit { server.stop(gracePeriod: 1) }
    }

    /// The answer's JSON without the keys that differ from call to call.
    private func comparable(_ answer: RawHTTPClient.Response) throws -> [UInt8] {
        let members = try #require(answer.json?.objectValue)
        let varying: Set<String> = ["request_id", "data_requested_time", "data_processed_time"]
        return JSONWriter.encode(.object(members.filter { !varying.contains($0.0) }))
    }

    /// Every extracted row of the fixture user, without the columns stamped per call.
    private func storedRows(_ database: InsightsFixtureDatabase) throws -> [[SQLiteValue]] {
        try database.query("""
            SELECT sms_id, user_id, client_id, sms_sender, sms_inbox_date, sms_body, template_hash, sms_type,
                   sms_sub_type, "transaction", account_last_digits, unique_pan, available_balance, due_date
            FROM extracted_sms ORDER BY client_id, user_id, sms_id
            """)
    }

    @Test func bsonAndJSONFallbackAnswersMatch() throws {
        let groupings = ["sms", "extracted_sms", "fraud"]
        let batchSettings = ["SMS_EXTRACTOR_BATCH_SIZE": "7", "SMS_EXTRACTOR_CONCURRENCY": "2"]

        // serve-insights sends BSON straight to serve-sms.
        let bsonDatabase = try InsightsFixtureDatabase()
        let bsonSMS = try InsightsServerProcess(command: "serve-sms", environment: bsonDatabase.environment)
        let bsonInsights = try InsightsServerProcess(environment: bsonDatabase.environment.merging(batchSettings) { $1 }
            .merging(["SMS_EXTRACTOR_SERVICE_URL": "http://127.0.0.1:\(bsonSMS.port)"]) { $1 })
        let bsonCall = InsightsCall(token: bsonDatabase.token)
        let viaBSON = try bsonInsights.request("POST", "/api/insights", headers: bsonCall.headers,
                                               body: bsonCall.body(groupings: groupings, cutoff: "2026-04-30"))
        #expect(viaBSON.status == 200, "\(viaBSON.text.prefix(300))")

        // serve-insights reaches serve-sms through a front that takes only JSON.
        let jsonDatabase = try InsightsFixtureDatabase()
        let jsonSMS = try InsightsServerProcess(command: "serve-sms", environment: jsonDatabase.environment)
        let front = try JSONOnlyFront(serveSMSPort: jsonSMS.port)
        let jsonInsights = try InsightsServerProcess(environment: jsonDatabase.environment.merging(batchSettings) { $1 }
            .merging(["SMS_EXTRACTOR_SERVICE_URL": front.url]) { $1 })
        let jsonCall = InsightsCall(token: jsonDatabase.token)
        let viaJSON = try jsonInsights.request("POST", "/api/insights", headers: jsonCall.headers,
                                               body: jsonCall.body(groupings: groupings, cutoff: "2026-04-30"))
        #expect(viaJSON.status == 200, "\(viaJSON.text.prefix(300))")

        #expect(!viaBSON.featureNames.isEmpty)
        #expect(try comparable(viaBSON) == comparable(viaJSON))

        // The first call is BSON, and each of the two workers sends at most one BSON body
        // before the 415 is remembered. Every batch then goes as JSON.
        let types = front.contentTypes
        let bsonCount = types.filter { $0 == "application/bson" }.count
        #expect(types.first == "application/bson")
        #expect((1...2).contains(bsonCount), "\(types)")
        #expect(types.count - bsonCount >= 9, "\(types)")
        #expect(types.allSatisfy { $0 == "application/bson" || $0 == "application/json" }, "\(types)")

        // Both serve-sms processes stored the same rows.
        #expect(try bsonDatabase.waitForCount("SELECT count(*) FROM extracted_sms", atLeast: 62) >= 62)
        #expect(try jsonDatabase.waitForCount("SELECT count(*) FROM extracted_sms", atLeast: 62) >= 62)
        let rows = try storedRows(bsonDatabase)
        #expect(rows.count >= 62)
        #expect(try storedRows(jsonDatabase) == rows)
    }
}
