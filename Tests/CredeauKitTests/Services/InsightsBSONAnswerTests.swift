import Foundation
import Synchronization
import Testing
@testable import CredeauKit

/// serve-insights asks the SMS Extraction API for BSON and reads what it gets: BSON, JSON from a
/// service that ignores the Accept header, or a corrupt BSON body. It sends BSON bodies, and JSON
/// to a service that rejected BSON.
@Suite(.serialized) struct InsightsBSONAnswerTests {
    /// An in-process SMS Extraction API that extracts like serve-sms and answers in one format.
    final class ExtractionMock: Sendable {
        /// The request bodies the mock reads.
        enum Reading: Sendable {
            /// JSON and BSON, as credeau's serve-sms does.
            case jsonAndBSON
            /// Only JSON: any body is parsed as JSON, so a BSON body gets 422 `json_invalid`, as
            /// from a service without the credeau extension.
            case jsonOnly
            /// Only JSON, with 415 for any Content-Type but `application/json`.
            case jsonOnlyWith415
        }

        enum Answer: Sendable {
            /// JSON whatever the Accept header says, as a service without the credeau extension does.
            case json
            /// BSON, without `sms_body` when the Accept header asks for that, as credeau's serve-sms does.
            case bson
            /// BSON with every member whatever the Accept header asks, as a service that ignores
            /// the `omit` parameter does.
            case wholeBSON
            /// A BSON document cut short by one byte, labelled `application/bson`.
            case truncatedBSON
        }

        /// The Accept and Content-Type headers of each call, "" when missing.
        final class AcceptLog: Sendable {
            let headers = Mutex<[String]>([])
            let contentTypes = Mutex<[String]>([])
        }

        let server: HTTPServer
        private let acceptLog = AcceptLog()
        var accepts: [String] { acceptLog.headers.withLock { $0 } }
        var contentTypes: [String] { acceptLog.contentTypes.withLock { $0 } }
        var url: String { "http://127.0.0.1:\(server.boundPort ?? 0)" }

        init(answer: Answer, reading: Reading = .jsonAndBSON) throws {
            let extractor = SMSExtractor()
            let acceptLog = self.acceptLog
            var router = Router()
            router.post("/api/extract_sms") { request, _ in
                acceptLog.headers.withLock { $0.append(request.header("accept") ?? "") }
                let contentType = request.header("content-type") ?? ""
                acceptLog.contentTypes.withLock { $0.append(contentType) }
                if reading == .jsonOnlyWith415, contentType != "application/json" {
                    return .json(415, Array(#"{"detail": "Unsupported Media Type"}"#.utf8))
                }
                let batch = reading == .jsonAndBSON && SMSExtractionRequest.isBSON(contentType: contentType)
                    ? try SMSExtractionRequest.parse(bson: request.body, maxSMSCount: 1000)
                    : try SMSExtractionRequest.parse(request.body, maxSMSCount: 1000)
                let rows = ExtractedSMSRows(batch.sms.map { extractor.extract($0, createdAtMillis: 0) })
                let requestID = batch.requestID ?? "mock"
                let accept = request.header("accept")
                let omitted = answer == .wholeBSON ? [] : ExtractedSMSBSONWriter.omittedColumns(accept: accept)
                let omitsNulls = answer != .wholeBSON && ExtractedSMSBSONWriter.omitsNulls(accept: accept)
                guard answer != .json,
                      let bson = ExtractedSMSBSONWriter.encode(rows, requestID: requestID, omitting: omitted,
                                                               omittingNulls: omitsNulls)
                else {
                    return .json(200, SMSExtractionHandler.encode(rows, requestID: requestID))
                }
                let body = answer == .truncatedBSON ? Array(bson.dropLast()) : bson
                return HTTPResponse(status: 200, headers: [("Content-Type", "application/bson")], body: body)
            }
            server = try HTTPServer.startedOnLoopback(router: router)
        }

        deinit { server.stop(gracePeriod: 1) }
    }

    /// The Accept header of every batch: BSON without the columns the classifier takes from
    /// what it sent, else JSON.
    static let classifierAccept =
        #"application/bson; omit="sms_body,sms_inbox_date,user_id,client_id,request_id,created_at,created_date"; "#
        + "nulls=absent, application/json;q=0.5"

    private let sms: [RawSMS] = (0..<23).map { (index: Int) -> RawSMS in
        let sender: String? = index % 5 == 0 ? nil : "VM-HDFCBK"
        let date: Int64? = index % 7 == 0 ? nil : 1_772_000_000_000 + Int64(index) * 60_000
        let body = "Rs \(100 + index).50 debited from A/c XX1234 on 01-03-26 to VPA shop\(index)@okaxis"
        return RawSMS(id: "m\(index)", sender: sender, body: body, inboxDateMillis: date)
    }

    /// Batches of five for the 19 SMS that carry a date: the four without one are classified in
    /// process and never sent.
    private let batchCount = 4

    private func makeClassifier(for mock: ExtractionMock, logger: Logger = .discarding) -> RemoteSMSClassifier {
        RemoteSMSClassifier(baseURL: mock.url, batchSize: 5, concurrency: 2, timeoutSeconds: 5,
                            retry: RetryPolicy(maxAttempts: 1, baseDelaySeconds: 0.01), logger: logger)
    }

    private func classify(with mock: ExtractionMock) throws -> [ExtractedSMS] {
        try classify(with: makeClassifier(for: mock))
    }

    private func classify(with classifier: RemoteSMSClassifier) throws -> [ExtractedSMS] {
        try classifier.classify(sms, createdAtMillis: sms.map { _ in 1_772_100_000_000 }, clientID: "c",
                                userID: "u", requestID: "r")
    }

    @Test func jsonAndBSONAnswersClassifyAlike() throws {
        let jsonMock = try ExtractionMock(answer: .json)
        let bsonMock = try ExtractionMock(answer: .bson)
        let wholeBSONMock = try ExtractionMock(answer: .wholeBSON)
        let fromJSON = try classify(with: jsonMock)
        let fromBSON = try classify(with: bsonMock)
        let fromWholeBSON = try classify(with: wholeBSONMock)
        let expected = InProcessSMSClassifier().classify(
            sms, createdAtMillis: sms.map { _ in 1_772_100_000_000 }, clientID: "c", userID: "u", requestID: "r")

        #expect(fromBSON == fromJSON)
        #expect(fromWholeBSON == fromJSON)
        #expect(fromBSON.map(\.smsBody) == sms.map(\.body))
        #expect(fromJSON.map(\.smsID) == expected.map(\.smsID))
        #expect(fromJSON.map(\.amount) == expected.map(\.amount))
        #expect(fromJSON.map(\.inboxDateMillis) == sms.map(\.inboxDateMillis))
        #expect(fromBSON.map(\.smsSender) == expected.map(\.smsSender))
        #expect(sms.filter(RemoteSMSClassifier.endpointAccepts).count == 19)
        // Four batches each, every one asking for BSON first.
        let expectedAccept = Self.classifierAccept
        #expect(jsonMock.accepts == Array(repeating: expectedAccept, count: batchCount))
        #expect(bsonMock.accepts == Array(repeating: expectedAccept, count: batchCount))
        #expect(jsonMock.contentTypes == Array(repeating: "application/bson", count: batchCount))
    }

    /// Classifies twice with one classifier against a JSON-only mock and checks the bodies it was sent.
    private func checkFallback(reading: ExtractionMock.Reading, rejection: String) throws {
        let mock = try ExtractionMock(answer: .json, reading: reading)
        let sink = InMemoryLogSink()
        let classifier = makeClassifier(for: mock, logger: Logger(label: "test", level: .info, sink: sink))
        let expected = InProcessSMSClassifier().classify(
            sms, createdAtMillis: sms.map { _ in 1_772_100_000_000 }, clientID: "c", userID: "u", requestID: "r")

        let first = try classify(with: classifier)
        let firstTypes = mock.contentTypes
        #expect(first.map(\.smsID) == expected.map(\.smsID))
        #expect(first.map(\.amount) == expected.map(\.amount))
        // Each of the two workers may send one BSON body before the rejection is remembered.
        let bsonCount = firstTypes.filter { $0 == "application/bson" }.count
        #expect((1...2).contains(bsonCount), "\(firstTypes)")
        #expect(firstTypes.filter { $0 == "application/json" }.count == batchCount, "\(firstTypes)")
        #expect(firstTypes.count == batchCount + bsonCount)

        // The second user's batches all go as JSON at once.
        let second = try classify(with: classifier)
        #expect(second == first)
        #expect(Array(mock.contentTypes.dropFirst(firstTypes.count))
            == Array(repeating: "application/json", count: batchCount))

        let notices = sink.records.filter { $0.message.contains("did not read a BSON request body") }
        #expect(notices.count == 1)
        #expect(notices.first?.level == .notice)
        let metadata = Dictionary(notices.first?.metadata ?? [], uniquingKeysWith: { $1 })
        #expect(metadata[LogKey.httpStatus] == rejection)
        #expect(metadata["url"] == mock.url + "/api/extract_sms")
    }

    @Test func jsonOnlyServiceGetsJSONAfter422() throws {
        try checkFallback(reading: .jsonOnly, rejection: "422")
    }

    @Test func jsonOnlyServiceGetsJSONAfter415() throws {
        try checkFallback(reading: .jsonOnlyWith415, rejection: "415")
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
        let mock = try ExtractionMock(answer: .json, reading: .jsonOnly)
        let server = try InsightsServerProcess(environment: database.environment.merging([
            "SMS_EXTRACTOR_SERVICE_URL": mock.url,
        ]) { $1 })
        let call = InsightsCall(token: database.token)
        let body = call.body(groupings: ["sms", "extracted_sms", "fraud"], cutoff: "2026-04-30")
        let viaMock = try server.request("POST", "/api/insights", headers: call.headers, body: body)
        #expect(viaMock.status == 200, "\(viaMock.text.prefix(300))")
        #expect(!mock.accepts.isEmpty)
        #expect(mock.accepts.allSatisfy { $0 == Self.classifierAccept })
        // BSON first, at most one body per worker (SMS_EXTRACTOR_CONCURRENCY, 4 by default)
        // before the mock's 422 is remembered, and every batch then as JSON.
        let types = mock.contentTypes
        let bsonCount = types.filter { $0 == "application/bson" }.count
        #expect(types.first == "application/bson")
        #expect((1...4).contains(bsonCount), "\(types)")
        #expect(types.allSatisfy { $0 == "application/bson" || $0 == "application/json" }, "\(types)")

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
