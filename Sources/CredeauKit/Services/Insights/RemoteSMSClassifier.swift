import Dispatch
import Foundation
import Synchronization

/// The SMS Extraction API could not classify a user's SMS; the insights request fails with 503
/// and no partial answer.
public enum SMSExtractionServiceError: CredeauError, HTTPResponseError {
    case unreachable(url: String, reason: String, attempts: Int)
    case timedOut(url: String, seconds: Double)
    case rejected(url: String, status: Int, detail: String)
    case invalidAnswer(url: String, reason: String)

    public var description: String {
        switch self {
        case let .unreachable(url, reason, attempts):
            return "The SMS Extraction API at '\(url)' is unavailable after \(attempts) attempts: \(reason)"
        case let .timedOut(url, seconds):
            return "The SMS Extraction API at '\(url)' did not answer within \(seconds) s"
        case let .rejected(url, status, detail):
            return "The SMS Extraction API at '\(url)' answered \(status): \(detail)"
        case let .invalidAnswer(url, reason):
            return "The SMS Extraction API at '\(url)' sent an invalid answer: \(reason)"
        }
    }

    public var httpStatus: Int { 503 }
    public var status: Int { 503 }

    public func response(requestID: String) -> HTTPResponse {
        HTTPError(503, description + "; no features were computed, retry later", headers: [("Retry-After", "5")])
            .response(requestID: requestID)
    }
}

/// Sends SMS to `POST {base}/api/extract_sms` in batches, several at a time over kept-alive
/// connections, and retries a batch with backoff after a 5xx answer or a connection failure.
/// Batches go as BSON bodies, or as JSON to an endpoint that did not read BSON.
public struct RemoteSMSClassifier: SMSClassifier {
    public let endpoint: String
    public let batchSize: Int
    /// Batches in flight at once for one user.
    public let concurrency: Int
    public let retry: RetryPolicy
    private let client: CurlHTTPClient
    let logger: Logger
    /// Set once the endpoint has rejected a BSON body. The service makes one classifier at start,
    /// so the endpoint then gets JSON for the rest of the process.
    private let bsonRejection = BSONRejection()

    private final class BSONRejection: Sendable {
        private let remembered = Atomic<Bool>(false)

        var isRemembered: Bool { remembered.load(ordering: .relaxed) }

        /// Sets the flag and returns true for the call that set it first.
        func remember() -> Bool {
            !remembered.exchange(true, ordering: .relaxed)
        }
    }

    public init(baseURL: String, batchSize: Int, concurrency: Int, timeoutSeconds: Double, retry: RetryPolicy,
                logger: Logger) {
        endpoint = (baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL) + "/api/extract_sms"
        self.batchSize = max(1, batchSize)
        self.concurrency = max(1, concurrency)
        self.retry = retry
        self.logger = logger
        // Responses are not gzipped. For 1,000 entries (about 900 KB) gzip cost serve-sms about 3.5 ms
        // of CPU and unpacking cost 1.7 ms here (perf, 2-core VM), more than a local link takes.
        client = CurlHTTPClient(maxConnections: max(1, concurrency) * 4, timeoutSeconds: timeoutSeconds,
                                acceptsCompressedResponses: false)
    }

    public var storesEntries: Bool { true }

    /// Sends every SMS of `sms` to the endpoint; `classify` (RemoteSMSClassifier+Unsendable.swift)
    /// calls it with the SMS the endpoint accepts.
    func classifyRemotely(_ sms: [RawSMS], createdAtMillis: [Int64], clientID: String, userID: String,
                          requestID: String) throws -> [ExtractedSMS] {
        let batches = stride(from: 0, to: sms.count, by: batchSize).map { $0..<min($0 + batchSize, sms.count) }
        let progress = BatchProgress()
        // Each worker takes the next batch until none is left, so at most `concurrency` run at once.
        // The workers wait on the network, so each gets a thread of its own (see BlockingWorkers).
        BlockingWorkers.shared.run(count: min(concurrency, batches.count)) { _ in
            // Each worker writes its batches' bodies into one buffer, which keeps its capacity.
            var body: [UInt8] = []
            while true {
                let index = progress.next.add(1, ordering: .relaxed).oldValue
                guard index < batches.count else { return }
                let range = batches[index]
                let outcome: Result<[ExtractedSMS], SMSExtractionServiceError>
                do {
                    outcome = .success(try send(Array(sms[range]), clientID: clientID, userID: userID,
                                                requestID: requestID, body: &body))
                } catch let error as SMSExtractionServiceError {
                    outcome = .failure(error)
                } catch {
                    outcome = .failure(.invalidAnswer(url: endpoint, reason: "\(error)"))
                }
                progress.results.withLock { $0[index] = outcome }
                if case .failure = outcome { progress.next.store(batches.count, ordering: .relaxed) }
            }
        }

        var entries: [ExtractedSMS] = []
        entries.reserveCapacity(sms.count)
        let collected = progress.results.withLock { $0 }
        for index in batches.indices {
            guard let outcome = collected[index] else { continue }
            entries += try outcome.get()
        }
        guard entries.count == sms.count else {
            throw SMSExtractionServiceError.invalidAnswer(
                url: endpoint, reason: "expected \(sms.count) entries, got \(entries.count)")
        }
        // One entry per creation time, as `zip` would pair them, updated in place.
        if createdAtMillis.count < entries.count { entries.removeLast(entries.count - createdAtMillis.count) }
        for index in entries.indices {
            entries[index].createdAtMillis = createdAtMillis[index]
        }
        return entries
    }

    /// Sends one batch, retrying as `retry` allows, and returns its entries in request order.
    ///
    /// The body is BSON unless the endpoint rejected BSON before. When the endpoint shows that it
    /// did not read BSON (see `ExtractSMSWire.rejectsBSON`), the batch is sent again as JSON at
    /// once, without using up an attempt, and the endpoint is remembered as JSON-only.
    private func send(_ batch: [RawSMS], clientID: String, userID: String, requestID: String,
                      body: inout [UInt8]) throws -> [ExtractedSMS] {
        let preferred: ExtractSMSWire.RequestFormat = bsonRejection.isRemembered ? .json : .bson
        var format = ExtractSMSWire.writeRequestBody(batch, clientID: clientID, userID: userID, requestID: requestID,
                                                     format: preferred, into: &body)
        var attempt = 1
        while true {
            let outcome: RetryPolicy.Outcome
            let failure: SMSExtractionServiceError
            do {
                let response = try client.post(url: endpoint, body: body, contentType: format.mediaType,
                                               headers: ["X-Request-ID: \(requestID)", ExtractSMSWire.acceptHeader])
                if format == .bson, ExtractSMSWire.rejectsBSON(status: response.status, body: response.body) {
                    rememberJSONOnly(status: response.status, requestID: requestID)
                    format = ExtractSMSWire.writeRequestBody(batch, clientID: clientID, userID: userID,
                                                             requestID: requestID, format: .json, into: &body)
                    continue
                }
                if response.status == 200 {
                    // serve-sms responds with BSON, which is cheaper to read than JSON. Other services
                    // respond with JSON.
                    let format = ExtractSMSWire.AnswerFormat(mediaType: response.mediaType)
                    return try ExtractSMSWire.entries(
                        from: response.body, format: format, for: batch,
                        sent: ExtractSMSWire.SentIDs(clientID: clientID, userID: userID, requestID: requestID), url: endpoint)
                }
                outcome = .status(response.status)
                let detail = String(decoding: response.body.prefix(300), as: UTF8.self)
                failure = response.status >= 500
                    ? .unreachable(url: endpoint, reason: "HTTP \(response.status)", attempts: attempt)
                    : .rejected(url: endpoint, status: response.status, detail: detail)
            } catch let error as HTTPClientError {
                switch error {
                case .timedOut(_, let seconds):
                    outcome = .timedOut
                    failure = .timedOut(url: endpoint, seconds: seconds)
                case let .connectionFailed(_, reason):
                    outcome = .connectionFailed
                    failure = .unreachable(url: endpoint, reason: reason, attempts: attempt)
                case .noFreeConnection:
                    outcome = .connectionFailed
                    failure = .unreachable(url: endpoint, reason: "every connection stayed busy", attempts: attempt)
                }
            }
            guard let delay = retry.delay(after: outcome, attempt: attempt, jitter: Double.random(in: 0...1)) else {
                throw failure
            }
            logger.info("SMS Extraction API call failed, retrying", [
                (LogKey.requestID, requestID), (LogKey.error, failure.description), ("attempt", String(attempt)),
            ])
            Thread.sleep(forTimeInterval: delay)
            attempt += 1
        }
    }

    /// The outcomes of one user's batches and the index of the next batch to send, shared by the
    /// worker threads.
    private final class BatchProgress: Sendable {
        let results = Mutex<[Int: Result<[ExtractedSMS], SMSExtractionServiceError>]>([:])
        let next = Atomic<Int>(0)
    }

    /// Marks the endpoint as JSON-only and logs it the first time.
    private func rememberJSONOnly(status: Int, requestID: String) {
        guard bsonRejection.remember() else { return }
        logger.notice("The SMS Extraction API did not read a BSON request body; sending it JSON from now on", [
            ("url", endpoint), (LogKey.httpStatus, String(status)), (LogKey.requestID, requestID),
        ])
    }
}
