/// Classifies one SMS and extracts its fields.
///
/// NOTE: placeholder until the rule-driven engine lands: it resolves the sender and classifies
/// every SMS as `not_in_the_list`.
public final class SMSExtractor: Sendable {
    private let senders: SenderRegistry

    public init(senders: SenderRegistry = .standard) {
        self.senders = senders
    }

    public func extract(_ sms: RawSMS, createdAtMillis: Int64) -> ExtractedSMS {
        let sender = senders.lookup(sms.sender)
        var entry = ExtractedSMS(
            smsID: sms.id, smsSender: sender.key, smsBody: sms.body, inboxDateMillis: sms.inboxDateMillis,
            createdAtMillis: createdAtMillis, templateHash: "", senderType: sender.info?.type ?? .other,
            smsType: .notInTheList, smsNLPTag: SMSType.notInTheList.rawValue)
        entry.userID = sms.userID
        entry.clientID = sms.clientID
        entry.requestID = sms.requestID
        entry.senderName = sender.info?.name
        return entry
    }
}
