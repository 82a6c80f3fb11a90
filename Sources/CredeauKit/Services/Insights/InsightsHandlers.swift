/// The three client-facing endpoints of the Insights API.
struct InsightsHandlers: Sendable {
    let pipeline: InsightsPipeline
    let gate: ClientRequestGate
    let records: RecordWriter
    let jobs: InsightsJobStore
    let worker: AsyncInsightsWorker?

    var scoresAvailable: Bool { !pipeline.scoreModels.isEmpty }

    /// `POST /api/insights`.
    func insights(_ request: HTTPRequest, context: RequestContext) throws -> HTTPResponse {
        try gate.serve(request, context: context, apiName: "insights", parse: parseInsights, bodyClientID: \.clientID) {
            admitted in
            let answer = try compute(admitted.body, requestID: context.requestID)
            return .json(200, Array(answer.utf8))
        }
    }

    /// `POST /api/async_insights`: 202 until the job is done, then the response of `/api/insights`.
    func asyncInsights(_ request: HTTPRequest, context: RequestContext) throws -> HTTPResponse {
        try gate.serve(request, context: context, apiName: "async_insights", parse: parseInsights,
                       bodyClientID: \.clientID) { admitted in
            let job = try jobs.submit(requestKey: admitted.body.jobKey, clientID: admitted.clientID,
                                      userID: admitted.body.userID, body: Self.canonicalBody(admitted.body))
            switch job.status {
            case .done:
                return .json(200, Array((job.result ?? "{}").utf8))
            case .failed:
                // The next poll with the same body starts a new job.
                try jobs.delete(id: job.id)
                let failure = job.result.flatMap(AsyncJobFailure.init(json:))
                    ?? AsyncJobFailure(error: HTTPError(500, "internal error"))
                throw HTTPError(failure.status, failure.message, headers: failure.status == 503 ? [("Retry-After", "5")] : [])
            case .pending, .running:
                worker?.notify()
                return .json(202, .object([
                    ("user_id", .string(admitted.body.userID)), ("request_id", .string(context.requestID)),
                    ("message", .string("featurization in progress")),
                ]), headers: [("Retry-After", "1")])
            }
        }
    }

    /// Runs one stored async job and returns its response text.
    func runJob(_ job: InsightsJob) throws -> String {
        let request = try InsightsRequest.parse(Array(job.body.utf8), scoresAvailable: scoresAvailable)
        // As of the first call, so a job that waited or ran again after a restart responds with the
        // same default cutoff as a synchronous call made then.
        return try compute(request, requestID: "job-\(job.id)-\(job.attempts)", requestedAt: job.createdAtMillis)
    }

    /// `POST /api/fetch_extracted_data`.
    func fetchExtracted(_ request: HTTPRequest, context: RequestContext) throws -> HTTPResponse {
        try gate.serve(request, context: context, apiName: "fetch_extracted_data", parse: FetchExtractedRequest.parse,
                       bodyClientID: \.clientID) { admitted in
            let body = admitted.body
            var clock = StageClock()
            records.enqueue(.request(table: .fetchExtracted, requestID: context.requestID, userID: body.userID,
                                     clientID: body.clientID, cutoffDate: nil))
            let entries = try pipeline.extractedStore.entries(clientID: InsightsRequest.dataClientID(of: body.clientID), userID: body.userID,
                                                              limit: body.limit)
            var bytes: [UInt8] = Array(#"{"extracted_sms_data":["#.utf8)
            bytes.reserveCapacity(entries.count * 700 + 32)
            for (index, entry) in entries.enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                JSONLinesWriter.append(entry, to: &bytes)
            }
            bytes.append(contentsOf: "]}".utf8)
            let timings: JSONValue = .object([("read_ms", clock.lap()), ("sms_count", .integer(Int64(entries.count)))])
            records.enqueue(.response(
                table: .fetchExtracted, requestID: context.requestID, userID: body.userID, clientID: body.clientID,
                responseJSON: String(decoding: bytes, as: UTF8.self), secondsToFeaturize: clock.seconds,
                timeJSON: Self.text(timings), groupingsJSON: nil))
            return .json(200, bytes)
        }
    }

    private func parseInsights(_ body: [UInt8]) throws(ValidationError) -> InsightsRequest {
        try InsightsRequest.parse(body, scoresAvailable: scoresAvailable)
    }

    /// Runs the pipeline, writes the dumps and returns the response text.
    private func compute(_ request: InsightsRequest, requestID: String, requestedAt: Int64? = nil) throws -> String {
        records.enqueue(.request(table: .insights, requestID: requestID, userID: request.userID,
                                 clientID: request.clientID, cutoffDate: request.cutoffText))
        let answer = try pipeline.run(request, requestID: requestID, requestedAt: requestedAt)
        let text = Self.text(answer.body)
        records.enqueue(.response(
            table: .insights, requestID: requestID, userID: request.userID, clientID: request.clientID,
            responseJSON: text, secondsToFeaturize: answer.seconds, timeJSON: Self.text(.object(answer.timings)),
            groupingsJSON: Self.text(.array(request.groupingNames.map(JSONValue.string)))))
        return text
    }

    static func text(_ value: JSONValue) -> String {
        String(decoding: JSONWriter.encode(value), as: UTF8.self)
    }

    /// The body a job stores: the validated fields only, so the worker parses what was checked.
    static func canonicalBody(_ request: InsightsRequest) -> String {
        var members: [(String, JSONValue)] = [
            ("user_id", .string(request.userID)), ("client_id", .string(request.clientID)),
            ("groupings", .array(request.groupingNames.map(JSONValue.string))),
        ]
        if let cutoff = request.cutoffText { members.append(("cutoff_date", .string(cutoff))) }
        return text(.object(members))
    }
}

/// A validated body of `/api/fetch_extracted_data`.
struct FetchExtractedRequest: Sendable {
    var userID: String
    var clientID: String
    /// `cnt_sms_threshold`: the most entries returned, newest first; nil returns all.
    var limit: Int?

    static let schema = RequestSchema([
        .required("user_id", .string(minLength: 1, maxLength: 64, noNUL: true)),
        .required("client_id", .string(minLength: 1, maxLength: 72, noNUL: true)),
        // As the FastAPI service read it: "100" and true are numbers too.
        .optional("cnt_sms_threshold", .laxInteger),
    ])

    static func parse(_ body: [UInt8]) throws(ValidationError) -> FetchExtractedRequest {
        let value = try schema.validate(body: body)
        let limit = value["cnt_sms_threshold"].flatMap(FieldKind.laxInteger)
        if let limit, limit < 0 {
            throw ValidationError([ValidationIssue(
                type: "greater_than_equal", location: [.string("body"), .string("cnt_sms_threshold")],
                message: "Input should be greater than or equal to 0", input: .integer(limit),
                context: .object([("ge", .integer(0))]))])
        }
        return FetchExtractedRequest(userID: value["user_id"]?.stringValue ?? "",
                                     clientID: value["client_id"]?.stringValue ?? "",
                                     limit: limit.map { Int(clamping: $0) })
    }
}
