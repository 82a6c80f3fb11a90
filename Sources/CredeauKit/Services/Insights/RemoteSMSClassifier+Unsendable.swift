/// SMS that `POST /api/extract_sms` would reject with 422 are classified in this process.
///
/// The sync data may hold an SMS whose id or sender is longer than the API's 128 characters, an
/// empty id, or an inbox date outside `SMSInboxDateRange`. Sending it would fail the whole user
/// with 503 on every retry, while the in-process classifier reads it. Such SMS get their entries
/// from the extraction engine here instead, exactly as without `SMS_EXTRACTOR_SERVICE_URL`, and
/// the pipeline stores them (`storesEntry(of:)` is false). An SMS without a date goes the same
/// way, so that it is stored with a null `sms_inbox_date` rather than the API's epoch 0.
extension RemoteSMSClassifier {
    /// The engine for the SMS the endpoint does not accept; it shares the standard rule pack.
    private static let localExtractor = SMSExtractor()

    public func classify(_ sms: [RawSMS], createdAtMillis: [Int64], clientID: String, userID: String,
                         requestID: String) throws -> [ExtractedSMS] {
        let unsendable = sms.indices.filter { !Self.endpointAccepts(sms[$0]) }
        guard !unsendable.isEmpty else {
            return try classifyRemotely(sms, createdAtMillis: createdAtMillis, clientID: clientID, userID: userID,
                                        requestID: requestID)
        }
        logger.notice("SMS without a date or beyond the SMS Extraction API's limits are classified in process", [
            (LogKey.requestID, requestID), ("count", String(unsendable.count)),
            ("first_sms_id", String(sms[unsendable[0]].id.unicodeScalars.prefix(40))),
        ])

        var isLocal = [Bool](repeating: false, count: sms.count)
        for index in unsendable { isLocal[index] = true }
        var remoteSMS: [RawSMS] = []
        var remoteCreatedAt: [Int64] = []
        remoteSMS.reserveCapacity(sms.count - unsendable.count)
        remoteCreatedAt.reserveCapacity(sms.count - unsendable.count)
        for index in sms.indices where !isLocal[index] && index < createdAtMillis.count {
            remoteSMS.append(sms[index])
            remoteCreatedAt.append(createdAtMillis[index])
        }
        var remote = try classifyRemotely(remoteSMS, createdAtMillis: remoteCreatedAt, clientID: clientID,
                                          userID: userID, requestID: requestID).makeIterator()
        let local = InProcessSMSClassifier(extractor: Self.localExtractor)

        // One entry per SMS that has a creation time, as `zip` pairs them, in input order.
        var entries: [ExtractedSMS] = []
        entries.reserveCapacity(min(sms.count, createdAtMillis.count))
        for index in 0..<min(sms.count, createdAtMillis.count) {
            if isLocal[index] {
                entries += local.classify([sms[index]], createdAtMillis: [createdAtMillis[index]], clientID: clientID,
                                          userID: userID, requestID: requestID)
            } else if let entry = remote.next() {
                entries.append(entry)
            }
        }
        return entries
    }

    /// True when `POST /api/extract_sms` accepts `sms` (see `SMSExtractionRequest.itemSchema`)
    /// and stores it as it is: an id of 1 to 128 characters, a sender of at most 128, and an
    /// inbox date in range. The API requires a date, so an SMS without one is not sent.
    static func endpointAccepts(_ sms: RawSMS) -> Bool {
        let maxLength = SMSExtractionRequest.maxIDLength
        guard !sms.id.isEmpty, fits(sms.id, maxLength) else { return false }
        if let sender = sms.sender, !fits(sender, maxLength) { return false }
        guard let date = sms.inboxDateMillis else { return false }
        return SMSInboxDateRange.contains(date)
    }

    /// Returns false for the SMS classified here, which the pipeline stores, because serve-sms
    /// stores only the SMS it receives.
    public func storesEntry(of sms: RawSMS) -> Bool {
        Self.endpointAccepts(sms)
    }

    /// Counts code points only for texts of more than `maxLength` bytes: a text has at most as
    /// many code points as UTF-8 bytes.
    private static func fits(_ text: String, _ maxLength: Int) -> Bool {
        text.utf8.count <= maxLength || text.unicodeScalars.count <= maxLength
    }
}
