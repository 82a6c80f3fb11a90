/// `extracted_sms` in PostgreSQL, through a connection pool.
///
/// A batch goes in as one `INSERT … SELECT * FROM unnest($1::text[], …) ON CONFLICT DO NOTHING`
/// with one array parameter per column, so the server parses 30 parameters instead of 30 per
/// row (a 1,000-row `VALUES` list took the server about 40 ms to parse and plan). An outage
/// surfaces as a `PostgresError` or `PostgresPoolError`, both HTTP 503, and the pool reconnects
/// on a later call.
public struct PostgresExtractedSMSStore: ExtractedSMSStore {
    public let pool: PostgresPool
    private let codec: ExtractedSMSRowCodec

    public init(pool: PostgresPool, fernet: Fernet?) {
        self.pool = pool
        self.codec = ExtractedSMSRowCodec(fernet: fernet)
    }

    public func storedIDs(clientID: String, userID: String, among smsIDs: [String]) throws -> Set<String> {
        guard !smsIDs.isEmpty else { return [] }
        let rows = try pool.query("""
            SELECT sms_id FROM extracted_sms
            WHERE client_id = \(clientID) AND user_id = \(userID) AND sms_id = ANY(\(Self.arrayLiteral(smsIDs))::text[])
            """)
        return Set(rows.rows.compactMap { $0.first ?? nil })
    }

    public func store(rows: ExtractedSMSRows) throws {
        guard !rows.isEmpty else { return }
        // Encrypt and build the arrays before borrowing a connection, so it is held only for the write.
        let tokens = try codec.encryptedBodies(of: rows)
        let width = ExtractedSMSColumns.names.count
        var columns = [[UInt8]](repeating: [UInt8(ascii: "{")], count: width)
        for row in 0..<rows.count {
            for (column, value) in rows[row].enumerated() {
                if row > 0 { columns[column].append(UInt8(ascii: ",")) }
                if let tokens, column == ExtractedSMSRowCodec.bodyIndex {
                    Self.appendElement(tokens[row], to: &columns[column])
                } else {
                    Self.appendElement(Self.parameterText(value, maxLength: Self.maxLengths[column]), to: &columns[column])
                }
            }
        }
        let parameters: [String?] = columns.map { column in
            var literal = column
            literal.append(UInt8(ascii: "}"))
            return String(decoding: literal, as: UTF8.self)
        }
        try pool.withConnection { connection in
            _ = try connection.query(PostgresQuery(sql: Self.insertSQL, parameters: parameters))
        }
    }

    public func entries(clientID: String, userID: String, limit: Int?, includeBodies: Bool) throws -> [ExtractedSMS] {
        let columns = ExtractedSMSRowCodec.selectList(includeBodies: includeBodies)
        let query = PostgresQuery(
            sql: """
                SELECT \(columns) FROM extracted_sms WHERE client_id = $1 AND user_id = $2
                ORDER BY sms_inbox_date DESC NULLS LAST, sms_id LIMIT $3
                """,
            parameters: [clientID, userID, limit.map(String.init)])
        return try pool.query(query).rows.map(codec.entry(from:))
    }

    /// PostgreSQL text cannot hold NUL, so an id with NUL is stored with U+FFFD in its place.
    public func storedID(_ id: String) -> String {
        PostgresConnection.replacingNUL(id)
    }

    public func ping() throws {
        try pool.query("SELECT 1")
    }

    /// Throws `ExtractedSMSStoreError.schemaMissing` when `extracted_sms` does not exist, and the
    /// connection error when the server cannot be reached.
    public func checkSchema() throws {
        do {
            try pool.query("SELECT 1 FROM extracted_sms LIMIT 0")
        } catch let error as PostgresError where error.sqlState == "42P01" {
            throw ExtractedSMSStoreError.schemaMissing(store: "PostgreSQL '\(pool.configuration.endpoint)'")
        }
    }

    /// Lengths of the `varchar(n)` columns, in `ExtractedSMSColumns` order (nil for unbounded ones).
    static let maxLengths: [Int?] = {
        let limits: [String: Int] = [
            "sms_id": 128, "user_id": 128, "client_id": 128, "request_id": 128, "sms_sender": 128,
            "template_hash": 64, "sender_type": 32, "sms_type": 64, "sms_sub_type": 64, "sms_nlp_tag": 128,
            "transaction_type": 32, "account_last_digits": 16, "reference_number": 64, "transaction_channel": 32,
            "due_date": 32, "account_type": 64,
        ]
        return ExtractedSMSColumns.names.map { limits[$0] }
    }()

    /// Returns the text PostgreSQL parses for `value`. Text longer than its `varchar(n)` column is cut to
    /// n code points (the unit `varchar(n)` counts), because PostgreSQL would reject the whole batch
    /// for one long extracted value. A NUL character, which PostgreSQL text cannot hold and libpq
    /// would take as the end of the parameter, becomes U+FFFD, so the rest of the text is kept.
    static func parameterText(_ value: ExtractedFieldValue, maxLength: Int?) -> String? {
        switch value {
        case .null: return nil
        case var .text(text):
            text = PostgresConnection.replacingNUL(text)
            guard let maxLength, text.utf8.count > maxLength, text.unicodeScalars.count > maxLength else { return text }
            return String(String.UnicodeScalarView(text.unicodeScalars.prefix(maxLength)))
        case let .bool(flag): return flag ? "true" : "false"
        case let .amount(rupees): return JSONText.amount(rupees)
        }
    }

    /// PostgreSQL types of the arrays, in `ExtractedSMSColumns` order. Texts go as `text[]`, whose
    /// elements take the `varchar(n)` columns by assignment; the others need their own array type.
    static let arrayTypes: [String] = {
        let types: [String: String] = [
            "sms_inbox_date": "timestamp", "created_at": "timestamp", "created_date": "date",
            "is_classified": "boolean", "is_extracted": "boolean", "is_transactional": "boolean",
            "transaction": "float8", "available_balance": "float8", "outstanding_amount": "float8",
            "due_amount": "float8",
        ]
        return ExtractedSMSColumns.names.map { types[$0] ?? "text" }
    }()

    /// `INSERT … SELECT * FROM unnest($1::text[], …) ORDER BY … ON CONFLICT DO NOTHING`, one array
    /// per column.
    static let insertSQL: String = {
        let arrays = arrayTypes.enumerated().map { "$\($0.offset + 1)::\($0.element)[]" }
        return "INSERT INTO extracted_sms (\(ExtractedSMSRowCodec.quotedColumns.joined(separator: ", "))) "
            + "SELECT * FROM unnest(\(arrays.joined(separator: ", "))) "
            // Rows go in primary-key order (columns 3, 2, 1), so two requests that store the same
            // ids take their row locks in the same order. Shuffled batches deadlocked before (40P01).
            + "ORDER BY 3, 2, 1 "
            + "ON CONFLICT (client_id, user_id, sms_id) DO NOTHING"
    }()

    /// Appends one element of an array literal: `NULL`, or the text in double quotes with `"` and
    /// `\` escaped by a backslash.
    static func appendElement(_ text: String?, to literal: inout [UInt8]) {
        guard let text else {
            literal.append(contentsOf: "NULL".utf8)
            return
        }
        literal.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") { literal.append(UInt8(ascii: "\\")) }
            literal.append(byte)
        }
        literal.append(UInt8(ascii: "\""))
    }

    /// Returns a PostgreSQL array literal of quoted texts: `{"a","b \"c\""}`. Escaping goes byte by
    /// byte, because a quote followed by a combining mark is one `Character` that is not a quote.
    static func arrayLiteral(_ items: [String]) -> String {
        var literal: [UInt8] = [UInt8(ascii: "{")]
        for index in items.indices {
            if index > 0 { literal.append(UInt8(ascii: ",")) }
            appendElement(items[index], to: &literal)
        }
        literal.append(UInt8(ascii: "}"))
        return String(decoding: literal, as: UTF8.self)
    }
}
