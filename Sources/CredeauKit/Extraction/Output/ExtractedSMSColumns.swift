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
        var values: [ExtractedFieldValue] = []
        values.reserveCapacity(names.count)
        append(entry, created: CreatedTexts(millis: entry.createdAtMillis), to: &values)
        return values
    }

    /// The created_at and created_date texts of one time.
    struct CreatedTexts {
        let millis: Int64
        let dateTime: String
        let date: String

        init(millis: Int64) {
            self.millis = millis
            dateTime = IndiaTime.dateTime(fromMillis: millis)
            date = IndiaTime.date(fromMillis: millis)
        }
    }

    /// Appends the values of `entry` in the order of `names`, one `append` per column, so a batch
    /// can write every row into one array.
    static func append(_ entry: borrowing ExtractedSMS, created: CreatedTexts, to values: inout [ExtractedFieldValue]) {
        values.append(.text(entry.smsID))
        values.append(text(entry.userID))
        values.append(text(entry.clientID))
        values.append(text(entry.requestID))
        values.append(.text(entry.smsSender))
        values.append(text(entry.inboxDateMillis.map(IndiaTime.dateTime(fromMillis:))))
        values.append(.text(entry.smsBody))
        values.append(.text(created.dateTime))
        values.append(.text(created.date))
        values.append(.text(entry.templateHash))
        values.append(.bool(entry.isClassified))
        values.append(.bool(entry.isExtracted))
        values.append(.bool(entry.isTransactional))
        values.append(text(entry.senderName))
        values.append(.text(entry.senderType.rawValue))
        values.append(.text(entry.smsType.rawValue))
        values.append(text(entry.smsSubType?.rawValue))
        values.append(.text(entry.smsNLPTag))
        values.append(text(entry.transactionType?.rawValue))
        values.append(amount(entry.amount))
        values.append(text(entry.accountLastDigits))
        values.append(text(entry.transactionParty))
        values.append(text(entry.uniquePAN))
        values.append(amount(entry.availableBalance))
        values.append(amount(entry.outstandingAmount))
        values.append(text(entry.referenceNumber))
        values.append(text(entry.transactionChannel?.rawValue))
        values.append(amount(entry.dueAmount))
        values.append(text(entry.dueDate))
        values.append(text(entry.accountType?.rawValue))
    }

    private static func text(_ value: String?) -> ExtractedFieldValue {
        value.map(ExtractedFieldValue.text) ?? .null
    }

    private static func amount(_ value: Double?) -> ExtractedFieldValue {
        guard let value, value.isFinite else { return .null }
        return .amount(value)
    }
}
