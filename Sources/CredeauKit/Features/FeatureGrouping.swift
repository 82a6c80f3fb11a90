/// The three feature groupings a client can request; together they give every feature.
public enum FeatureGrouping: String, Sendable, CaseIterable, Comparable {
    /// Raw SMS volume, time and sender-type activity, plus apps, device, contacts and call logs.
    case sms
    /// Everything derived from the extraction engine; every name ends in `_nlp`.
    case extractedSMS = "extracted_sms"
    /// Tamper, risky-app, device-integrity and stacking features, plus `fraud_flag`.
    case fraud

    /// Output order: sms, extracted_sms, fraud.
    var order: Int {
        switch self {
        case .sms: return 0
        case .extractedSMS: return 1
        case .fraud: return 2
        }
    }

    public static func < (lhs: FeatureGrouping, rhs: FeatureGrouping) -> Bool { lhs.order < rhs.order }
}
