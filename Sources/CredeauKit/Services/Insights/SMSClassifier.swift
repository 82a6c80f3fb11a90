/// Classifies a user's SMS for the Insights API: in process, or through the SMS Extraction API.
public protocol SMSClassifier: Sendable {
    /// Returns one entry per SMS of `sms`, in the same order.
    ///
    /// - Parameter createdAtMillis: the sync time of each SMS, which the entry keeps as `created_at`.
    func classify(_ sms: [RawSMS], createdAtMillis: [Int64], clientID: String, userID: String, requestID: String)
        throws -> [ExtractedSMS]

    /// True when the classifier stores its entries itself (the SMS Extraction API does), so the
    /// pipeline must not store them again.
    var storesEntries: Bool { get }

    /// True when the classifier stores the entry of `sms` itself. Where it does not (an SMS that
    /// a remote classifier extracts in process), the pipeline stores the entry.
    func storesEntry(of sms: RawSMS) -> Bool
}

extension SMSClassifier {
    public func storesEntry(of sms: RawSMS) -> Bool { storesEntries }
}

/// Classifies SMS with the extraction engine inside this process, for deployments without
/// `SMS_EXTRACTOR_SERVICE_URL`.
///
/// The batch runs on the request's thread. Spreading it over the two cores of the benchmark
/// machine cost about 8 ms more CPU per 5,000 SMS for 1 to 3 ms less latency (see
/// docs/benchmarks.md), so concurrent requests are left to use the other cores.
public struct InProcessSMSClassifier: SMSClassifier {
    public let extractor: SMSExtractor

    public init(extractor: SMSExtractor = SMSExtractor()) {
        self.extractor = extractor
    }

    public var storesEntries: Bool { false }

    public func classify(_ sms: [RawSMS], createdAtMillis: [Int64], clientID: String, userID: String,
                         requestID: String) -> [ExtractedSMS] {
        var entries: [ExtractedSMS] = []
        entries.reserveCapacity(sms.count)
        extractor.withExtraction { extract in
            for (raw, createdAt) in zip(sms, createdAtMillis) {
                var entry = extract(raw, createdAt)
                entry.clientID = clientID
                entry.userID = userID
                entry.requestID = requestID
                entries.append(entry)
            }
        }
        return entries
    }
}
