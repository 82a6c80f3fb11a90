/// The JSON the SMS Extraction API reads and writes.
///
/// Request: `{"client_id", "user_id", "request_id", "sms": [{"sms_id", "sms_sender", "sms_body",
/// "sms_inbox_date"}]}` with the date in epoch milliseconds. Answer: `{"request_id",
/// "extracted_sms_data": [entry, ...]}`, one entry per SMS sent, with the columns of
/// `ExtractedSMSColumns`.
enum ExtractSMSWire {
    private static let columnIndex: [String: Int] = Dictionary(
        uniqueKeysWithValues: ExtractedSMSColumns.names.enumerated().map { ($1, $0) })

    static func requestBody(_ batch: [RawSMS], clientID: String, userID: String, requestID: String) -> [UInt8] {
        var body: [UInt8] = []
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
        return body
    }

    /// Decodes the answer to `batch`, matching entries to SMS by `sms_id`.
    ///
    /// The sender, body and dates of each entry are taken from the SMS sent, so the entry keeps
    /// the millisecond times the service rounds to seconds.
    static func entries(from body: [UInt8], for batch: [RawSMS], url: String) throws -> [ExtractedSMS] {
        let answer: JSONValue
        do {
            answer = try JSONParser.parse(body)
        } catch {
            throw SMSExtractionServiceError.invalidAnswer(url: url, reason: "not JSON (\(error.reason))")
        }
        guard let items = answer["extracted_sms_data"]?.arrayValue else {
            throw SMSExtractionServiceError.invalidAnswer(url: url, reason: "no 'extracted_sms_data' list")
        }
        let codec = ExtractedSMSRowCodec(fernet: nil)
        var byID: [String: ExtractedSMS] = [:]
        byID.reserveCapacity(items.count)
        for item in items {
            // One pass over the members: looking each column up by name would scan them 30 times.
            var columns = [String?](repeating: nil, count: ExtractedSMSColumns.names.count)
            for (name, value) in item.objectValue ?? [] {
                guard let index = columnIndex[name] else { continue }
                switch value {
                case let .string(text): columns[index] = text
                case let .bool(flag): columns[index] = flag ? "t" : "f"
                case let .integer(number): columns[index] = String(number)
                case let .number(number): columns[index] = String(number)
                default: break
                }
            }
            let entry = try codec.entry(from: columns)
            byID[entry.smsID] = entry
        }
        return try batch.map { sms in
            guard var entry = byID[sms.id] else {
                throw SMSExtractionServiceError.invalidAnswer(url: url, reason: "no entry for sms_id '\(sms.id)'")
            }
            entry.smsBody = sms.body
            entry.inboxDateMillis = sms.inboxDateMillis
            return entry
        }
    }
}
