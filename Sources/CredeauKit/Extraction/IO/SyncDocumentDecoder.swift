/// The identity fields of a sync-request document, or of a single SMS object that carries them.
struct SyncDocumentHeader: Equatable {
    var clientID: String?
    var userID: String?
    var requestID: String?
    var createdAtMillis: Int64?
}

/// One SMS read from a dump, with the time its sync request was stored.
public struct SyncedSMS: Sendable, Equatable {
    public var raw: RawSMS
    /// `created_at` of the sync request (or of the single SMS object); nil when the dump has none.
    public var createdAtMillis: Int64?
    /// False for sent, draft and other messages that are not in the inbox.
    public var isInbox: Bool

    public init(raw: RawSMS, createdAtMillis: Int64?, isInbox: Bool = true) {
        self.raw = raw
        self.createdAtMillis = createdAtMillis
        self.isInbox = isInbox
    }
}

/// A field that could not be read; `field` is the canonical name.
struct FieldProblem: Error, Equatable {
    var field: String?
    var reason: String
    /// True when the whole document could not be parsed, so its owner is unknown.
    var isUnparsed = false
    /// The 1-based position in the SMS list of the record that contains the problem, when known.
    var smsIndex: Int?
}

/// Reads the sync_db layout out of parsed documents: the header, then each SMS.
///
/// A document with an SMS array (`sms` or a variant) is a sync request. A document without one but
/// with an SMS body is a single SMS, as in JSON Lines exports of messages.
enum SyncDocumentDecoder {
    /// Reads the header; fails when an identity field has a type that cannot be text.
    static func header(of picked: PickedFields) -> Result<SyncDocumentHeader, FieldProblem> {
        do {
            var header = SyncDocumentHeader()
            header.clientID = try optionalText(picked, .clientID)
            header.userID = try optionalText(picked, .userID)
            // No request and no listing can name an empty id, so it is as invalid as a missing one.
            for (field, id) in [(SyncRecordField.clientID, header.clientID), (.userID, header.userID)] where id == "" {
                throw FieldProblem(field: field.canonicalName, reason: SyncJSONDecoder.emptyIDReason)
            }
            header.requestID = try optionalText(picked, .requestID)
            header.createdAtMillis = try optionalDate(picked, .createdAt)
            return .success(header)
        } catch let problem as FieldProblem {
            return .failure(problem)
        } catch {
            return .failure(FieldProblem(field: nil, reason: "\(error)"))
        }
    }

    /// Calls `visit` with each SMS of the document (1-based index for sync requests, nil for a single
    /// SMS object) as an `SyncedSMS` or the problem that makes it unreadable.
    static func forEachSMS(
        in picked: PickedFields, header: SyncDocumentHeader,
        visit: (Int?, Result<SyncedSMS, FieldProblem>) throws -> Void
    ) throws {
        if let array = picked[.smsArray] {
            guard let records = array.children, array.value == .array else {
                let problem = FieldProblem(field: SyncRecordField.smsArray.canonicalName,
                                           reason: "expected an array of SMS, found \(array.value)")
                try visit(nil, .failure(problem))
                return
            }
            var index = 0
            for record in records {
                index += 1
                guard let fields = record.children, record.value == .document else {
                    try visit(index, .failure(FieldProblem(field: nil, reason: "expected an SMS object, found \(record.value)")))
                    continue
                }
                try visit(index, decodeSMS(SyncRecordField.pick(from: fields), header: header))
            }
            return
        }
        guard picked[.body] != nil || picked[.smsID] != nil else {
            let reason = "missing: the object has neither an SMS array ('sms') nor an SMS body ('sms_body')"
            try visit(nil, .failure(FieldProblem(field: SyncRecordField.smsArray.canonicalName, reason: reason)))
            return
        }
        try visit(nil, decodeSMS(picked, header: header))
    }

    static func decodeSMS(_ picked: PickedFields, header: SyncDocumentHeader) -> Result<SyncedSMS, FieldProblem> {
        do {
            let id = try requiredID(picked)
            let body = try requiredText(picked, .body)
            let sender = try optionalText(picked, .sender)
            let date = try optionalDate(picked, .inboxDate)
            if let date, let reason = InboxDateRange.problem(date, syncedAtMillis: header.createdAtMillis) {
                throw FieldProblem(field: SyncRecordField.inboxDate.canonicalName, reason: reason)
            }
            let isInbox = try inboxFlag(picked)
            let raw = RawSMS(id: id, sender: sender, body: body, inboxDateMillis: date,
                             clientID: header.clientID, userID: header.userID, requestID: header.requestID)
            return .success(SyncedSMS(raw: raw, createdAtMillis: header.createdAtMillis, isInbox: isInbox))
        } catch let problem as FieldProblem {
            return .failure(problem)
        } catch {
            return .failure(FieldProblem(field: nil, reason: "\(error)"))
        }
    }

    // MARK: - Field conversions

    private static func requiredID(_ picked: PickedFields) throws -> String {
        let name = SyncRecordField.smsID.canonicalName
        guard let field = picked[.smsID] else { throw FieldProblem(field: name, reason: "missing") }
        switch field.value {
        case let .string(text):
            guard !text.isEmpty else { throw FieldProblem(field: name, reason: "empty") }
            return text
        case let .integer(number):
            return String(number)
        case let .double(number):
            guard let whole = Int64(exactly: number) else {
                throw FieldProblem(field: name, reason: "expected a whole number, found \(number)")
            }
            // Above 2^53 a double cannot hold every integer, so the digits written may already be lost.
            guard whole.magnitude <= 1 << 53 else {
                throw FieldProblem(field: name, reason: "the floating-point id \(number) is beyond 2^53 and may have "
                                   + "lost digits; write large ids as JSON strings")
            }
            return String(whole)
        case let .objectID(hex):
            return hex
        case .null:
            throw FieldProblem(field: name, reason: "missing")
        case let other:
            throw FieldProblem(field: name, reason: "expected a string or number, found \(other)")
        }
    }

    private static func requiredText(_ picked: PickedFields, _ field: SyncRecordField) throws -> String {
        guard let text = try optionalText(picked, field, allowNumbers: false) else {
            throw FieldProblem(field: field.canonicalName, reason: "missing")
        }
        return text
    }

    private static func optionalText(
        _ picked: PickedFields, _ field: SyncRecordField, allowNumbers: Bool = true
    ) throws -> String? {
        guard let value = picked[field]?.value else { return nil }
        switch value {
        case let .string(text):
            return text
        case .null:
            return nil
        case let .integer(number) where allowNumbers:
            return String(number)
        case let .objectID(hex) where allowNumbers:
            return hex
        case let other:
            let expected = allowNumbers ? "a string, a whole number or an ObjectId" : "a string"
            throw FieldProblem(field: field.canonicalName, reason: "expected \(expected), found \(other)")
        }
    }

    private static func optionalDate(_ picked: PickedFields, _ field: SyncRecordField) throws -> Int64? {
        guard let value = picked[field]?.value else { return nil }
        switch value {
        case let .date(millis), let .integer(millis):
            return millis
        case let .double(number):
            guard let millis = SMSDateRule.millis(number) else {
                throw FieldProblem(field: field.canonicalName, reason: SMSDateRule.numberProblem(number))
            }
            return millis
        case let .string(text):
            guard let millis = SMSDateParser.millis(from: text) else {
                throw FieldProblem(field: field.canonicalName, reason: SMSDateRule.textProblem(text))
            }
            return millis
        case .null:
            return nil
        case let other:
            throw FieldProblem(field: field.canonicalName, reason: SMSDateRule.typeProblem("\(other)"))
        }
    }

    /// Reads `folder` / `type`: `inbox` or Android's code 1 is the inbox; `sent`, drafts and the
    /// other Android codes (2-6) are not.
    private static func inboxFlag(_ picked: PickedFields) throws -> Bool {
        guard let value = picked[.folder]?.value else { return true }
        switch value {
        case let .string(text):
            switch text.lowercased() {
            case "inbox", "1", "": return true
            case "sent", "outbox", "draft", "failed", "queued", "2", "3", "4", "5", "6": return false
            default: throw FieldProblem(field: "folder", reason: "unknown folder '\(text)': expected inbox or sent")
            }
        case let .integer(code):
            guard (1...6).contains(code) else {
                throw FieldProblem(field: "folder", reason: "unknown folder code \(code): expected 1 (inbox) to 6")
            }
            return code == 1
        case .null:
            return true
        case let other:
            throw FieldProblem(field: "folder", reason: "expected 'inbox', 'sent' or an Android code, found \(other)")
        }
    }
}
