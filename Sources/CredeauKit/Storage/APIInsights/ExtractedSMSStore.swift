/// The `extracted_sms` table of `api_insights_db`: every entry the SMS Extraction API returned,
/// keyed by (client_id, user_id, sms_id), so that a re-sent SMS is stored once and the Insights
/// API can read a user's entries later.
///
/// Dates are stored as the entry shows them: India time (`YYYY-MM-DD HH:MM:SS`), whole seconds.
public protocol ExtractedSMSStore: Sendable {
    /// Ids among `smsIDs` already stored for this client and user.
    func storedIDs(clientID: String, userID: String, among smsIDs: [String]) throws -> Set<String>
    /// Stores rows of column values, as `ExtractedSMSColumns.values(of:)` returns them with the
    /// ids in place and sms_body as plain text, in one transaction (all or nothing). Rows already
    /// present (same client_id, user_id, sms_id) are left as they are. sms_body is
    /// Fernet-encrypted when the store has a key.
    func store(rows: [[ExtractedFieldValue]]) throws
    /// The user's entries, newest sms_inbox_date first, at most `limit` (nil = all). Bodies are
    /// decrypted when `includeBodies` is true, and left empty otherwise, which saves reading and
    /// decrypting them when the caller has the raw SMS anyway.
    func entries(clientID: String, userID: String, limit: Int?, includeBodies: Bool) throws -> [ExtractedSMS]
    /// Cheap reachability check for /ready.
    func ping() throws
}

extension ExtractedSMSStore {
    /// Stores `entries` under the given ids, in one transaction, as `store(rows:)` does.
    public func store(_ entries: [ExtractedSMS], clientID: String, userID: String, requestID: String?) throws {
        try store(rows: entries.map { entry in
            var entry = entry
            entry.clientID = clientID
            entry.userID = userID
            entry.requestID = requestID ?? entry.requestID
            return ExtractedSMSColumns.values(of: entry)
        })
    }

    /// The user's entries with their bodies decrypted, newest sms_inbox_date first.
    public func entries(clientID: String, userID: String, limit: Int?) throws -> [ExtractedSMS] {
        try entries(clientID: clientID, userID: userID, limit: limit, includeBodies: true)
    }
}

/// Failure to read or write `extracted_sms` that is not a database outage.
public enum ExtractedSMSStoreError: CredeauError {
    /// A stored body is a Fernet token that the configured key cannot open.
    case undecryptableBody(smsID: String)
    /// A stored body is a Fernet token but the store has no key.
    case missingKey(smsID: String)
    /// The table does not exist: the schema was never migrated.
    case schemaMissing(store: String)

    public var description: String {
        switch self {
        case let .undecryptableBody(smsID):
            return "Cannot decrypt the stored sms_body of SMS '\(smsID)': DB_ENCRYPTION_KEY is not the key it was stored with"
        case let .missingKey(smsID):
            return "The stored sms_body of SMS '\(smsID)' is encrypted but DB_ENCRYPTION_KEY is not set"
        case let .schemaMissing(store):
            return "The extracted_sms table does not exist in \(store). Run 'credeau migrate' first"
        }
    }
}

/// Converts entries to the column values of `extracted_sms` and back; shared by the PostgreSQL and
/// SQLite stores.
struct ExtractedSMSRowCodec: Sendable {
    let fernet: Fernet?

    /// Column names in `ExtractedSMSColumns` order, each double-quoted (`transaction` is a keyword).
    static let quotedColumns: [String] = ExtractedSMSColumns.names.map { "\"\($0)\"" }
    static let bodyIndex = ExtractedSMSColumns.names.firstIndex(of: "sms_body") ?? 6

    /// The SELECT list: every column, with `sms_body` read as NULL when bodies are not wanted.
    static func selectList(includeBodies: Bool) -> String {
        var columns = quotedColumns
        if !includeBodies { columns[bodyIndex] = "NULL" }
        return columns.joined(separator: ", ")
    }

    /// Returns each row's sms_body as a Fernet token, encrypted in one batch, or nil when the
    /// store has no key.
    func encryptedBodies(of rows: [[ExtractedFieldValue]]) throws -> [String]? {
        guard let fernet else { return nil }
        return try fernet.encryptAll(rows.map { row in
            if case let .text(body) = row[Self.bodyIndex] { return body }
            return ""
        })
    }

    /// Rebuilds an entry from column texts in `ExtractedSMSColumns` order; booleans may be
    /// `t`/`f` (PostgreSQL) or `0`/`1` (SQLite).
    func entry(from columns: [String?]) throws -> ExtractedSMS {
        func text(_ name: String) -> String? {
            guard let index = Self.index[name], index < columns.count else { return nil }
            return columns[index]
        }
        func flag(_ name: String) -> Bool {
            ["t", "true", "1"].contains(text(name) ?? "")
        }
        func amount(_ name: String) -> Double? { text(name).flatMap(Double.init) }

        let smsID = text("sms_id") ?? ""
        var entry = ExtractedSMS(
            smsID: smsID, smsSender: text("sms_sender") ?? "", smsBody: try body(text("sms_body") ?? "", smsID: smsID),
            inboxDateMillis: text("sms_inbox_date").flatMap(Self.millis),
            createdAtMillis: text("created_at").flatMap(Self.millis) ?? 0, templateHash: text("template_hash") ?? "",
            senderType: text("sender_type").flatMap(SenderType.init(rawValue:)) ?? .other,
            smsType: text("sms_type").flatMap(SMSType.init(rawValue:)) ?? .notInTheList,
            smsNLPTag: text("sms_nlp_tag") ?? "")
        entry.userID = text("user_id")
        entry.clientID = text("client_id")
        entry.requestID = text("request_id")
        entry.isClassified = flag("is_classified")
        entry.isExtracted = flag("is_extracted")
        entry.senderName = text("sender_name")
        entry.smsSubType = text("sms_sub_type").flatMap(AccountType.init(rawValue:))
        entry.transactionType = text("transaction_type").flatMap(TransactionDirection.init(rawValue:))
        entry.amount = amount("transaction")
        entry.accountLastDigits = text("account_last_digits")
        entry.transactionParty = text("transaction_party")
        entry.uniquePAN = text("unique_pan")
        entry.availableBalance = amount("available_balance")
        entry.outstandingAmount = amount("outstanding_amount")
        entry.referenceNumber = text("reference_number")
        entry.transactionChannel = text("transaction_channel").flatMap(TransactionChannel.init(rawValue:))
        entry.dueAmount = amount("due_amount")
        entry.dueDate = text("due_date")
        entry.accountType = text("account_type").flatMap(AccountType.init(rawValue:))
        return entry
    }

    /// Decrypts a Fernet token; a body stored before a key was configured is plain text and
    /// is returned as it is. Fernet tokens always start with `gAAAAA` (version byte 0x80 and
    /// the high bytes of the timestamp).
    private func body(_ stored: String, smsID: String) throws -> String {
        guard stored.hasPrefix("gAAAAA") else { return stored }
        guard let fernet else { throw ExtractedSMSStoreError.missingKey(smsID: smsID) }
        do {
            return try fernet.decryptString(stored)
        } catch {
            throw ExtractedSMSStoreError.undecryptableBody(smsID: smsID)
        }
    }

    private static let index: [String: Int] = Dictionary(
        uniqueKeysWithValues: ExtractedSMSColumns.names.enumerated().map { ($1, $0) })

    /// Epoch milliseconds of stored India-time text; PostgreSQL may add a fraction.
    private static func millis(_ text: String) -> Int64? {
        SMSDateParser.millis(from: text)
    }
}
