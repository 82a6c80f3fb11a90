/// The JSON the SMS Extraction API reads and writes, and the BSON forms credeau's serve-sms also reads and writes.
///
/// Request: `{"client_id", "user_id", "request_id", "sms": [{"sms_id", "sms_sender", "sms_body",
/// "sms_inbox_date"}]}` with the date in epoch milliseconds. Response: `{"request_id",
/// "extracted_sms_data": [entry, ...]}`, one entry per SMS sent, with the columns of
/// `ExtractedSMSColumns`. serve-sms sends the same response as a BSON document when the request
/// accepts `application/bson` (see `ExtractedSMSBSONWriter`).
enum ExtractSMSWire {
    /// The Accept header sent with each batch: BSON when the service offers it, else JSON. The
    /// BSON response then omits the columns this client takes from its own batch (body, inbox
    /// date, the three ids, creation time) and null members, which the decoder reads as missing.
    static let acceptHeader =
        "Accept: application/bson; omit=\"\(echoedColumns.joined(separator: ","))\"; nulls=absent, application/json;q=0.5"

    /// The columns the Accept header names in its `omit` parameter.
    static let echoedColumns = ["sms_body", "sms_inbox_date", "user_id", "client_id", "request_id", "created_at",
                                "created_date"]

    /// The ids a batch was sent with, which an answer's entries carry unless serve-sms left them out.
    struct SentIDs {
        var clientID: String
        var userID: String
        var requestID: String
    }

    /// The encodings of a response that this client reads.
    enum AnswerFormat {
        case json
        case bson

        /// Picks the format from the response's `mediaType`. Anything but `application/bson` is
        /// read as JSON, as before content negotiation.
        init(mediaType: String?) {
            self = mediaType == ExtractedSMSBSONWriter.mediaType ? .bson : .json
        }
    }

    /// The encodings of a request body: JSON, the contract, or BSON, which credeau's serve-sms also reads.
    enum RequestFormat {
        case json
        case bson

        var mediaType: String {
            switch self {
            case .json: "application/json"
            case .bson: SMSExtractionRequest.bsonMediaType
            }
        }
    }

    /// Replaces the contents of `body` with the request for `batch` in `format`, keeping its
    /// capacity, and returns the format written. A batch past BSON's 2 GiB document limit is written as JSON.
    static func writeRequestBody(_ batch: [RawSMS], clientID: String, userID: String, requestID: String,
                                 format: RequestFormat, into body: inout [UInt8]) -> RequestFormat {
        if format == .bson,
           ExtractSMSBSONBody.write(batch, clientID: clientID, userID: userID, requestID: requestID, into: &body) {
            return .bson
        }
        body.removeAll(keepingCapacity: true)
        appendRequestBody(batch, clientID: clientID, userID: userID, requestID: requestID, to: &body)
        return .json
    }

    /// True when a response shows that the service did not read a BSON body. That is a 415, or a
    /// 422 with an issue that the body is not JSON (`json_invalid`) or not an object (an issue
    /// located at `["body"]` itself, as FastAPI reports a body it did not decode). serve-sms
    /// without the BSON extension returns `json_invalid`.
    static func rejectsBSON(status: Int, body: [UInt8]) -> Bool {
        if status == 415 { return true }
        guard status == 422, let issues = (try? JSONParser.parse(body))?["detail"]?.arrayValue else { return false }
        return issues.contains { issue in
            issue["type"] == .string("json_invalid") || issue["loc"] == .array([.string("body")])
        }
    }

    static func requestBody(_ batch: [RawSMS], clientID: String, userID: String, requestID: String) -> [UInt8] {
        var body: [UInt8] = []
        appendRequestBody(batch, clientID: clientID, userID: userID, requestID: requestID, to: &body)
        return body
    }

    private static func appendRequestBody(_ batch: [RawSMS], clientID: String, userID: String, requestID: String,
                                          to body: inout [UInt8]) {
        body.reserveCapacity(batch.count * 200 + 128)
        body.append(contentsOf: #"{"client_id":"#.utf8)
        JSONText.appendString(clientID, to: &body)
        body.append(contentsOf: #","user_id":"#.utf8)
        JSONText.appendString(userID, to: &body)
        body.append(contentsOf: #","request_id":"#.utf8)
        JSONText.appendString(requestID, to: &body)
        body.append(contentsOf: #","sms":["#.utf8)
        for (index, sms) in batch.enumerated() {
            if index > 0 { body.append(UInt8(ascii: ",")) }
            body.append(contentsOf: #"{"sms_id":"#.utf8)
            JSONText.appendString(sms.id, to: &body)
            body.append(contentsOf: #","sms_sender":"#.utf8)
            if let sender = sms.sender { JSONText.appendString(sender, to: &body) } else { body.append(contentsOf: "null".utf8) }
            body.append(contentsOf: #","sms_body":"#.utf8)
            JSONText.appendString(sms.body, to: &body)
            // The service requires a date; an SMS synced without one is sent as the epoch and its
            // entry gets the missing date back in `entries(from:for:url:)`.
            body.append(contentsOf: #","sms_inbox_date":"#.utf8)
            body.append(contentsOf: String(sms.inboxDateMillis ?? 0).utf8)
            body.append(UInt8(ascii: "}"))
        }
        body.append(contentsOf: "]}".utf8)
    }

    /// Decodes the response to `batch`, matching entries to SMS by `sms_id`. When an id has
    /// several entries, the last one counts.
    ///
    /// The sender, body and dates of each entry are taken from the SMS sent, so the entry keeps
    /// the millisecond times the service rounds to seconds.
    ///
    /// Fills `user_id`, `client_id` and `request_id` from `sent` in entries without them, as
    /// serve-sms sends entries when the Accept header leaves those columns out.
    static func entries(from body: [UInt8], format: AnswerFormat = .json, for batch: [RawSMS], sent: SentIDs? = nil,
                        url: String) throws -> [ExtractedSMS] {
        var answered = switch format {
        case .json: try ExtractSMSAnswerDecoder.entries(from: body, url: url, expectedCount: batch.count)
        case .bson: try ExtractSMSAnswerDecoder.entries(fromBSON: body, url: url, expectedCount: batch.count)
        }
        if let sent {
            for index in answered.indices {
                if answered[index].userID == nil { answered[index].userID = sent.userID }
                if answered[index].clientID == nil { answered[index].clientID = sent.clientID }
                if answered[index].requestID == nil { answered[index].requestID = sent.requestID }
            }
        }
        // Positions rather than entries, so that no entry is copied into and out of a dictionary.
        var positionByID: [ExactText: Int] = [:]
        positionByID.reserveCapacity(answered.count)
        for (position, entry) in answered.enumerated() {
            positionByID[ExactText(entry.smsID)] = position
        }
        var positions: [Int] = []
        positions.reserveCapacity(batch.count)
        for sms in batch {
            guard let position = positionByID[ExactText(sms.id)] else {
                throw SMSExtractionServiceError.invalidAnswer(url: url, reason: "no entry for sms_id '\(sms.id)'")
            }
            positions.append(position)
        }

        // serve-sms returns the entries in request order, so each entry is usually the one its SMS
        // needs and is updated in place rather than copied.
        if positions.elementsEqual(answered.indices) {
            for index in answered.indices {
                answered[index].smsBody = batch[index].body
                answered[index].inboxDateMillis = batch[index].inboxDateMillis
            }
            return answered
        }
        return zip(batch, positions).map { sms, position in
            var entry = answered[position]
            entry.smsBody = sms.body
            entry.inboxDateMillis = sms.inboxDateMillis
            return entry
        }
    }
}
