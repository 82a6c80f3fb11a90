/// One value of an extracted entry as the writers see it.
public enum ExtractedFieldValue: Sendable, Equatable {
    case null
    case text(String)
    case bool(Bool)
    /// Rupees; written with at most two decimals.
    case amount(Double)
}

/// The columns of an extracted entry, in the order every output format uses.
public enum ExtractedSMSColumns {
    public static let names: [String] = [
        "sms_id", "user_id", "client_id", "request_id", "sms_sender", "sms_inbox_date", "sms_body",
        "created_at", "created_date", "template_hash", "is_classified", "is_extracted", "is_transactional",
        "sender_name", "sender_type", "sms_type", "sms_sub_type", "sms_nlp_tag", "transaction_type",
        "transaction", "account_last_digits", "transaction_party", "unique_pan", "available_balance",
        "outstanding_amount", "reference_number", "transaction_channel", "due_amount", "due_date",
        "account_type",
    ]

    /// Returns the values of `entry` in the order of `names`, with dates rendered in India time.
    public static func values(of entry: ExtractedSMS) -> [ExtractedFieldValue] {
        values(of: entry, created: CreatedTexts(millis: entry.createdAtMillis))
    }

    /// Returns `values(of:)` of each entry. The entries of one request share their created_at,
    /// so its two texts are formatted again only when an entry's time differs from the previous one.
    public static func values(of entries: [ExtractedSMS]) -> [[ExtractedFieldValue]] {
        var created: CreatedTexts?
        return entries.map { entry in
            if created?.millis != entry.createdAtMillis {
                created = CreatedTexts(millis: entry.createdAtMillis)
            }
            return values(of: entry, created: created!)
        }
    }

    /// The created_at and created_date texts of one time.
    private struct CreatedTexts {
        let millis: Int64
        let dateTime: String
        let date: String

        init(millis: Int64) {
            self.millis = millis
            dateTime = IndiaTime.dateTime(fromMillis: millis)
            date = IndiaTime.date(fromMillis: millis)
        }
    }

    private static func values(of entry: ExtractedSMS, created: CreatedTexts) -> [ExtractedFieldValue] {
        [
            .text(entry.smsID),
            text(entry.userID),
            text(entry.clientID),
            text(entry.requestID),
            .text(entry.smsSender),
            text(entry.inboxDateMillis.map(IndiaTime.dateTime(fromMillis:))),
            .text(entry.smsBody),
            .text(created.dateTime),
            .text(created.date),
            .text(entry.templateHash),
            .bool(entry.isClassified),
            .bool(entry.isExtracted),
            .bool(entry.isTransactional),
            text(entry.senderName),
            .text(entry.senderType.rawValue),
            .text(entry.smsType.rawValue),
            text(entry.smsSubType?.rawValue),
            .text(entry.smsNLPTag),
            text(entry.transactionType?.rawValue),
            amount(entry.amount),
            text(entry.accountLastDigits),
            text(entry.transactionParty),
            text(entry.uniquePAN),
            amount(entry.availableBalance),
            amount(entry.outstandingAmount),
            text(entry.referenceNumber),
            text(entry.transactionChannel?.rawValue),
            amount(entry.dueAmount),
            text(entry.dueDate),
            text(entry.accountType?.rawValue),
        ]
    }

    private static func text(_ value: String?) -> ExtractedFieldValue {
        value.map(ExtractedFieldValue.text) ?? .null
    }

    private static func amount(_ value: Double?) -> ExtractedFieldValue {
        guard let value, value.isFinite else { return .null }
        return .amount(value)
    }
}
