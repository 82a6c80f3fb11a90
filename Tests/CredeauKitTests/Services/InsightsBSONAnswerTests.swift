import Foundation
import Synchronization
import Testing
@testable import CredeauKit

/// serve-insights asks the SMS Extraction API for BSON and reads what it gets: BSON, JSON from a
/// service that ignores the Accept header, or a corrupt BSON body.
@Suite(.serialized) struct InsightsBSONAnswerTests {
    /// An in-process SMS Extraction API that extracts like serve-sms and answers in one format.
    final class ExtractionMock: Sendable {
        enum Answer: Sendable {
            /// JSON whatever the Accept header says, as a service without the credeau extension does.
            case json
            case bson
            /// A BSON document cut short by one byte, labelled `application/bson`.
            case truncatedBSON
        }

        /// The Accept header of each call, "" when it was missing.
        final class AcceptLog: Sendable {
            let headers = Mutex<[String]>([])
        }

        let server: HTTPServer
        private let acceptLog = AcceptLog()
        var accepts: [String] { acceptLog.headers.withLock { $0 } }
        var url: String { "http://127.0.0.1:\(server.boundPort ?? 0)" }

        init(answer: Answer) throws {
            let extractor = SMSExtractor()
            let acceptLog = self.acceptLog
            var router = Router()
            router.post("/api/extract_sms") { request, _ in
                acceptLog.headers.withLock { $0.append(request.header("accept") ?? "") }
                let batch = try SMSExtractionRequest.parse(request.body, maxSMSCount: 1000)
                let rows = ExtractedSMSRows(batch.sms.map { extractor.extract($0, createdAtMillis: 0) })
                let requestID = batch.requestID ?? "mock"
                guard answer != .json, let bson = ExtractedSMSBSONWriter.encode(rows, requestID: requestID) else {
                    return .json(200, SMSExtractionHandler.encode(rows, requestID: requestID))
                }
                let body = answer == .truncatedBSON ? Array(bson.dropLast()) : bson
                return HTTPResponse(status: 200, headers: [("Content-Type", "application/bson")], body: body)
            }
            var configuration = HTTPServerConfiguration()
            configuration.host = "127.0.0.1"
            configuration.port = 0
            server = HTTPServer(configuration: configuration, application: HTTPApplication(
                router: router, logger: .discarding, metrics: HTTPMetrics(namespace: "test")))
            try server.start()
        }

        deinit { server.stop(gracePeriod: 1) }
    }

    private let sms: [RawSMS] = (0..<23).map { (index: Int) -> RawSMS in
        let sender: String? = index % 5 == 0 ? nil : "VM-HDFCBK"
        let date: Int64? = index % 7 == 0 ? nil : 1_772_000_000_000 + Int64(index) * 60_000
        let body = "Rs \(100 + index).50 debited from A/c XX1234 on 01-03-26 to VPA shop\(index)@okaxis"
        return RawSMS(id: "m\(index)", sender: sender, body: body, inboxDateMillis: date)
    }

    private func classify(with mock: ExtractionMock) throws -> [ExtractedSMS] {
        let classifier = RemoteSMSClassifier(
            baseURL: mock.url, batchSize: 5, concurrency: 2, timeoutSeconds: 5,
            retry: RetryPolicy(maxAttempts: 1, baseDelaySeconds: 0.01), logger: .discarding)
        return try classifier.classify(sms, createdAtMillis: sms.map { _ in 1_772_100_000_000 }, clientID: "c",
                                       userID: "u", requestID: "r")
    }

    @Test func jsonAndBSONAnswersClassifyAlike() throws {
        let jsonMock = try ExtractionMock(answer: .json)
        let bsonMock = try ExtractionMock(answer: .bson)
        let fromJSON = try classify(with: jsonMock)
        let fromBSON = try classify(with: bsonMock)
        let expected = InProcessSMSClassifier().classify(
            sms, createdAtMillis: sms.map { _ in 1_772_100_000_000 }, clientID: "c", userID: "u", requestID: "r")

        #expect(fromBSON == fromJSON)
        #expect(fromJSON.map(\.smsID) == expected.map(\.smsID))
        #expect(fromJSON.map(\.amount) == expected.map(\.amount))
        #expect(fromJSON.map(\.inboxDateMillis) == sms.map(\.inboxDateMillis))
        #expect(fromBSON.map(\.smsSender) == expected.map(\.smsSender))
        // Five batches each, every one asking for BSON first.
        let asked = "application/bson, application/json;q=0.5"
        #expect(jsonMock.accepts == Array(repeating: asked, count: 5))
        #expect(bsonMock.accepts == Array(repeating: asked, count: 5))
    }

    @Test func truncatedBSONIsInvalidAnswer() throws {
        let mock = try ExtractionMock(answer: .truncatedBSON)
        do {
            _ = try classify(with: mock)
            Issue.record("a truncated answer was accepted")
        } catch let SMSExtractionServiceError.invalidAnswer(url, reason) {
            #expect(url == mock.url + "/api/extract_sms")
            #expect(reason.hasPrefix("not BSON (the "), "\(reason)")
        }
    }

    @Test func serveInsightsReadsJSONFromServiceIgnoringAccept() throws {
        let database = try InsightsFixtureDatabase()
        let mock = try ExtractionMock(answer: .json)
        let server = try InsightsServerProcess(environment: database.environment.merging([
            "SMS_EXTRACTOR_SERVICE_URL": mock.url,
        ]) { $1 })
        let call = InsightsCall(token: database.token)
        let body = call.body(groupings: ["sms", "extracted_sms", "fraud"], cutoff: "2026-04-30")
        let viaMock = try server.request("POST", "/api/insights", headers: call.headers, body: body)
        #expect(viaMock.status == 200, "\(viaMock.text.prefix(300))")
        #expect(!mock.accepts.isEmpty)
        #expect(mock.accepts.allSatisfy { $0 == "application/bson, application/json;q=0.5" })

        // A replica extracting in process on a fresh copy of the data gives the same features.
        let differing = try InProcessInsightsReference.differingFeatures(
            viaMock, groupings: ["sms", "extracted_sms", "fraud"], cutoff: "2026-04-30")
        #expect(differing.isEmpty, "\(differing.prefix(5))")
    }

    @Test func corruptBSONAnswerGives503() throws {
        let database = try InsightsFixtureDatabase()
        let mock = try ExtractionMock(answer: .truncatedBSON)
        let response = try database.insightsResponse(with: ["SMS_EXTRACTOR_SERVICE_URL": mock.url])
        #expect(response.status == 503)
        #expect(response.headers["retry-after"] != nil)
        let message = response.json?["error"]?.stringValue ?? ""
        #expect(message.contains("sent an invalid answer: not BSON"), "\(message)")
        #expect(response.json?["all_sms_count_all_nlp"] == nil)
    }
}
