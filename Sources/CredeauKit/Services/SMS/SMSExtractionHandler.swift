/// `POST /api/extract_sms`: classifies and extracts a batch of one user's SMS, stores the entries
/// not stored before, and returns every entry in input order.
///
/// An SMS already stored for the same client and user (same sms_id) is extracted again for the
/// response, because extraction is cheap, but its stored row is left as first written and its body
/// is not encrypted again. The batch's new rows go in one transaction, so a request either
/// stores all of them or fails with an error (503 while the database is down).
public struct SMSExtractionHandler: Sendable {
    public let extractor: SMSExtractor
    public let store: any ExtractedSMSStore
    public let maxSMSCount: Int
    public let metrics: HTTPMetrics

    static let extractedCounter = "sms_extracted_total"
    static let storedCounter = "sms_stored_total"

    public init(extractor: SMSExtractor, store: any ExtractedSMSStore, maxSMSCount: Int, metrics: HTTPMetrics) {
        self.extractor = extractor
        self.store = store
        self.maxSMSCount = maxSMSCount
        self.metrics = metrics
        // Registers both counters at zero, so dashboards see them before the first request.
        metrics.increment(Self.extractedCounter, by: 0, help: Self.extractedHelp)
        metrics.increment(Self.storedCounter, by: 0, help: Self.storedHelp)
    }

    private static let extractedHelp = "SMS classified and extracted by /api/extract_sms."
    private static let storedHelp = "Extracted SMS newly written to extracted_sms (re-sent SMS are not counted)."

    public func handle(_ request: HTTPRequest, context: RequestContext) throws -> HTTPResponse {
        // BSON bodies are a credeau extension. Every other Content-Type, or none, is read as JSON.
        var batch = SMSExtractionRequest.isBSON(contentType: request.header("content-type"))
            ? try SMSExtractionRequest.parse(bson: request.body, maxSMSCount: maxSMSCount)
            : try SMSExtractionRequest.parse(request.body, maxSMSCount: maxSMSCount)
        let requestID = batch.requestID ?? context.requestID
        let createdAt = SystemClock.epochMillis()

        // Each entry goes straight into the batch's rows, whose values both the insert and the
        // response read, so no entry is kept or copied.
        var rows = ExtractedSMSRows()
        rows.reserveCapacity(batch.sms.count)
        extractor.withExtraction { extract in
            for index in batch.sms.indices {
                batch.sms[index].requestID = requestID
                rows.append(extract(batch.sms[index], createdAt))
            }
        }
        metrics.increment(Self.extractedCounter, by: rows.count, help: Self.extractedHelp)

        let ids = (0..<rows.count).map { rows.smsID(at: $0) }
        let stored = try store.storedIDs(clientID: batch.clientID, userID: batch.userID, among: ids)
        // Byte-exact, as the stores compare ids (ExactText), in the form the store keeps them:
        // PostgreSQL returns an id with NUL as U+FFFD.
        var seen = Set(stored.map(ExactText.init))
        seen.reserveCapacity(stored.count + ids.count)
        let freshRows = ids.indices.filter { seen.insert(ExactText(store.storedID(ids[$0]))).inserted }
        // Usually every row is new, and then the rows go to the store as they are.
        let fresh = freshRows.count == rows.count ? rows : rows.selecting(freshRows)
        let inserted = try store.store(rows: fresh)
        metrics.increment(Self.storedCounter, by: inserted, help: Self.storedHelp)
        context.logger.debug("extracted SMS batch", [
            ("client.id", batch.clientID), (LogKey.count, String(rows.count)), ("stored", String(inserted)),
        ])

        let accept = request.header("accept")
        if ExtractedSMSBSONWriter.isPreferred(by: accept) {
            let omitted = ExtractedSMSBSONWriter.omittedColumns(accept: accept)
            let omitsNulls = ExtractedSMSBSONWriter.omitsNulls(accept: accept)
            if let body = ExtractedSMSBSONWriter.encode(rows, requestID: requestID, omitting: omitted,
                                                        omittingNulls: omitsNulls) {
                let mediaType = ExtractedSMSBSONWriter.mediaType(omitting: omitted, omittingNulls: omitsNulls)
                return HTTPResponse(status: 200, headers: [("Content-Type", mediaType), ("Vary", "Accept")], body: body)
            }
        }
        return .json(200, Self.encode(rows, requestID: requestID))
    }

    /// `{"request_id": "...", "extracted_sms_data": [entry, ...]}` from each entry's column values,
    /// written without building a JSON tree.
    static func encode(_ rows: ExtractedSMSRows, requestID: String) -> [UInt8] {
        var body: [UInt8] = []
        body.reserveCapacity(64 + rows.count * 900)
        body.append(contentsOf: #"{"request_id":"#.utf8)
        JSONText.appendString(requestID, to: &body)
        body.append(contentsOf: #","extracted_sms_data":["#.utf8)
        JSONLinesWriter.append(rows: rows, to: &body)
        body.append(contentsOf: "]}".utf8)
        return body
    }
}
