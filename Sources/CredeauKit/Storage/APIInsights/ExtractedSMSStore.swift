/// The `extracted_sms` table of `api_insights_db`: every entry the SMS Extraction API returned,
/// keyed by (client_id, user_id, sms_id), so that a re-sent SMS is stored once and the Insights
/// API can read a user's entries later.
///
/// Dates are stored as the entry shows them: India time (`YYYY-MM-DD HH:MM:SS`), whole seconds.
public protocol ExtractedSMSStore: Sendable {
    /// Ids among `smsIDs` already stored for this client and user, in the form `storedID` gives,
    /// in no particular order. The stores compare bytes, and a list keeps ids that a
    /// `Set<String>` would merge because they differ only in Unicode normalisation ("é", "e\u{301}").
    func storedIDs(clientID: String, userID: String, among smsIDs: [String]) throws -> [String]
    /// Stores rows of column values, as `ExtractedSMSRows` keeps them with the ids in place and
    /// sms_body as plain text, in one transaction (all or nothing). Rows already present (same
    /// client_id, user_id, sms_id) are left as they are. sms_body is Fernet-encrypted when the
    /// store has a key.
    /// Returns how many rows went in: the others were stored already, by this or a concurrent call.
    @discardableResult
    func store(rows: ExtractedSMSRows) throws -> Int
    /// The user's entries, newest sms_inbox_date first, at most `limit` (nil = all). Bodies are
    /// decrypted when `includeBodies` is true, and left empty otherwise, which saves reading and
    /// decrypting them when the caller has the raw SMS anyway.
    func entries(clientID: String, userID: String, limit: Int?, includeBodies: Bool) throws -> [ExtractedSMS]
    /// All the user's entries without bodies, in no particular order, for callers that match
    /// entries by id. A store can skip the sort that `entries` needs.
    func unorderedEntries(clientID: String, userID: String) throws -> [ExtractedSMS]
    /// `unorderedEntries(clientID:userID:)` with room reserved for about `expectedCount` entries.
    func unorderedEntries(clientID: String, userID: String, expectedCount: Int) throws -> [ExtractedSMS]
    /// Cheap reachability check for /ready.
    func ping() throws

    /// Decrypts the body of one stored row, if any, so that a service can report at start that
    /// DB_ENCRYPTION_KEY is missing or is not the key the rows were stored with. Throws
    /// `ExtractedSMSStoreError.missingKey` or `.undecryptableBody` then.
    func checkStoredBodyKey() throws
    /// Returns `id` as the store keeps it in `sms_id`, so that a caller can match synced ids with
    /// stored ones. Most stores keep ids as they are.
    func storedID(_ id: String) -> String
}

extension ExtractedSMSStore {
    /// Stores `entries` under the given ids, in one transaction, as `store(rows:)` does, and
    /// returns how many went in.
    @discardableResult
    public func store(_ entries: [ExtractedSMS], clientID: String, userID: String, requestID: String?) throws -> Int {
        var rows = ExtractedSMSRows()
        rows.reserveCapacity(entries.count)
        for var entry in entries {
            entry.clientID = clientID
            entry.userID = userID
            entry.requestID = requestID ?? entry.requestID
            rows.append(entry)
        }
        return try store(rows: rows)
    }

    public func unorderedEntries(clientID: String, userID: String) throws -> [ExtractedSMS] {
        try entries(clientID: clientID, userID: userID, limit: nil, includeBodies: false)
    }

    public func unorderedEntries(clientID: String, userID: String, expectedCount: Int) throws -> [ExtractedSMS] {
        try unorderedEntries(clientID: clientID, userID: userID)
    }

    public func storedID(_ id: String) -> String { id }

    /// The user's entries with their bodies decrypted, newest sms_inbox_date first.
    public func entries(clientID: String, userID: String, limit: Int?) throws -> [ExtractedSMS] {
        try entries(clientID: clientID, userID: userID, limit: limit, includeBodies: true)
    }
}

/// Failure to read or write `extracted_sms` that is not a database outage.
///
/// Each is a configuration problem that an operator must fix, so the API returns 503 naming it
/// instead of a bare internal error.
public enum ExtractedSMSStoreError: CredeauError, HTTPResponseError {
    /// A stored body is a Fernet token that the configured key cannot open.
    case undecryptableBody(smsID: String)
    /// A stored body is a Fernet token but the store has no key.
    case missingKey(smsID: String)
    /// The table does not exist: the schema was never migrated.
    case schemaMissing(store: String)
    /// The SQLite database file does not exist.
    case databaseNotFound(path: String)
    /// The SQLite database file can be read but not written.
    case readOnlyDatabase(path: String)

    public var description: String {
        switch self {
        case let .undecryptableBody(smsID):
            return "Cannot decrypt the stored sms_body of SMS '\(smsID)': DB_ENCRYPTION_KEY is not the key it was stored with"
        case let .missingKey(smsID):
            return "The stored sms_body of SMS '\(smsID)' is encrypted but DB_ENCRYPTION_KEY is not set"
        case let .schemaMissing(store):
            return "The extracted_sms table does not exist in \(store). Run 'credeau migrate' first"
        case let .readOnlyDatabase(path):
            return "SQLite database '\(path)' is read-only. The service writes to it, so give it write "
                + "access to the file and its folder"
        case let .databaseNotFound(path):
            return "SQLite database '\(path)' not found. Run 'credeau migrate' first, or set CREDEAU_SQLITE_PATH"
        }
    }

    public var status: Int { 503 }

    public func response(requestID: String) -> HTTPResponse {
        let advice: String
        switch self {
        case .missingKey, .undecryptableBody:
            advice = "; set DB_ENCRYPTION_KEY to the key the SMS Extraction API stores with"
        case .schemaMissing, .databaseNotFound, .readOnlyDatabase:
            advice = ""
        }
        return HTTPError(503, "The service is misconfigured: " + description + advice).response(requestID: requestID)
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

    /// Returns each row's sms_body as a Fernet token, encrypted in one batch, with the tokens'
    /// text in one buffer, or nil when the store has no key.
    func encryptedBodyBatch(of rows: ExtractedSMSRows) throws -> FernetTokenBatch? {
        guard let fernet else { return nil }
        return try fernet.encryptBatch((0..<rows.count).map { row in
            if case let .text(body) = rows.values[row * ExtractedSMSRows.width + Self.bodyIndex] { return body }
            return ""
        })
    }

    /// Rebuilds an entry from column texts in `ExtractedSMSColumns` order; booleans may be
    /// `t`/`f` (PostgreSQL) or `0`/`1` (SQLite).
    func entry(from columns: [String?]) throws -> ExtractedSMS {
        try entry(from: ExtractedSMSTextRow(columns: columns))
    }

    /// Rebuilds an entry from a row whose columns are in `ExtractedSMSColumns` order. Without
    /// `decryptsBody`, `smsBody` keeps the stored text for a later `decryptedBody(_:smsID:)`.
    func entry(from row: some ExtractedSMSRow, decryptsBody: Bool = true) throws -> ExtractedSMS {
        let smsID = row.text(at: Column.smsID) ?? ""
        let storedBody = row.text(at: Column.smsBody) ?? ""
        var entry = ExtractedSMS(
            smsID: smsID, smsSender: row.text(at: Column.smsSender) ?? "",
            smsBody: decryptsBody ? try decryptedBody(storedBody, smsID: smsID) : storedBody,
            inboxDateMillis: row.millis(at: Column.smsInboxDate),
            createdAtMillis: row.millis(at: Column.createdAt) ?? 0, templateHash: row.text(at: Column.templateHash) ?? "",
            senderType: row.rawCase(at: Column.senderType, in: Cases.senderType) ?? .other,
            smsType: row.rawCase(at: Column.smsType, in: Cases.smsType) ?? .notInTheList,
            smsNLPTag: row.text(at: Column.smsNLPTag) ?? "")

        entry.userID = row.text(at: Column.userID)
        entry.clientID = row.text(at: Column.clientID)
        entry.requestID = row.text(at: Column.requestID)
        entry.isClassified = row.flag(at: Column.isClassified)
        entry.isExtracted = row.flag(at: Column.isExtracted)
        entry.senderName = row.text(at: Column.senderName)

        entry.smsSubType = row.rawCase(at: Column.smsSubType, in: Cases.accountType)
        entry.transactionType = row.rawCase(at: Column.transactionType, in: Cases.transactionDirection)
        entry.amount = row.amount(at: Column.transaction)
        entry.accountLastDigits = row.text(at: Column.accountLastDigits)
        entry.transactionParty = row.text(at: Column.transactionParty)
        entry.uniquePAN = row.text(at: Column.uniquePAN)
        entry.availableBalance = row.amount(at: Column.availableBalance)
        entry.outstandingAmount = row.amount(at: Column.outstandingAmount)
        entry.referenceNumber = row.text(at: Column.referenceNumber)
        entry.transactionChannel = row.rawCase(at: Column.transactionChannel, in: Cases.transactionChannel)
        entry.dueAmount = row.amount(at: Column.dueAmount)
        entry.dueDate = row.text(at: Column.dueDate)
        entry.accountType = row.rawCase(at: Column.accountType, in: Cases.accountType)
        return entry
    }

    /// Decrypts a Fernet token; a body stored before a key was configured is plain text and
    /// is returned as it is. Fernet tokens always start with `gAAAAA` (version byte 0x80 and
    /// the high bytes of the timestamp).
    func decryptedBody(_ stored: String, smsID: String) throws -> String {
        guard stored.hasPrefix("gAAAAA") else { return stored }
        guard let fernet else { throw ExtractedSMSStoreError.missingKey(smsID: smsID) }
        do {
            return try fernet.decryptString(stored)
        } catch {
            throw ExtractedSMSStoreError.undecryptableBody(smsID: smsID)
        }
    }

    /// The enums stored as text, by raw value.
    enum Cases {
        static let senderType = RawValueTable(SenderType.allCases)
        static let smsType = RawValueTable(SMSType.allCases)
        static let accountType = RawValueTable(AccountType.allCases)
        // TransactionDirection is not CaseIterable, so its cases are listed here.
        static let transactionDirection = RawValueTable([TransactionDirection.debit, .credit])
        static let transactionChannel = RawValueTable(TransactionChannel.allCases)
    }

    /// Positions of the columns in `ExtractedSMSColumns.names`, found once.
    enum Column {
        static let smsID = position("sms_id")
        static let userID = position("user_id")
        static let clientID = position("client_id")
        static let requestID = position("request_id")
        static let smsSender = position("sms_sender")
        static let smsInboxDate = position("sms_inbox_date")
        static let smsBody = position("sms_body")
        static let createdAt = position("created_at")
        static let templateHash = position("template_hash")
        static let isClassified = position("is_classified")
        static let isExtracted = position("is_extracted")
        static let isTransactional = position("is_transactional")
        static let senderName = position("sender_name")
        static let senderType = position("sender_type")
        static let smsType = position("sms_type")
        static let smsSubType = position("sms_sub_type")
        static let smsNLPTag = position("sms_nlp_tag")
        static let transactionType = position("transaction_type")
        static let transaction = position("transaction")
        static let accountLastDigits = position("account_last_digits")
        static let transactionParty = position("transaction_party")
        static let uniquePAN = position("unique_pan")
        static let availableBalance = position("available_balance")
        static let outstandingAmount = position("outstanding_amount")
        static let referenceNumber = position("reference_number")
        static let transactionChannel = position("transaction_channel")
        static let dueAmount = position("due_amount")
        static let dueDate = position("due_date")
        static let accountType = position("account_type")

        private static func position(_ name: String) -> Int {
            guard let index = ExtractedSMSColumns.names.firstIndex(of: name) else {
                preconditionFailure("extracted_sms has no column \(name)")
            }
            return index
        }
    }
}
