/// `extracted_sms` in PostgreSQL, through a connection pool.
///
/// A batch goes in as multi-row `INSERT … ON CONFLICT DO NOTHING` statements of at most
/// `rowsPerStatement` rows inside one transaction. An outage surfaces as a `PostgresError` or
/// `PostgresPoolError`, both HTTP 503, and the pool reconnects on a later call.
public struct PostgresExtractedSMSStore: ExtractedSMSStore {
    public let pool: PostgresPool
    private let codec: ExtractedSMSRowCodec
    /// 30 columns × 1,000 rows stays under PostgreSQL's limit of 65,535 parameters per statement.
    static let rowsPerStatement = 1_000

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
        // Encrypt before borrowing a connection, so the connection is held only for the writes.
        var parameters: [String?] = []
        parameters.reserveCapacity(rows.count * ExtractedSMSColumns.names.count)
        let tokens = try codec.encryptedBodies(of: rows)
        for row in 0..<rows.count {
            for (column, value) in rows[row].enumerated() {
                if let tokens, column == ExtractedSMSRowCodec.bodyIndex {
                    parameters.append(tokens[row])
                } else {
                    parameters.append(Self.parameterText(value, maxLength: Self.maxLengths[column]))
                }
            }
        }

        let width = ExtractedSMSColumns.names.count
        try pool.withConnection { connection in
            try connection.transaction { connection in
                var start = 0
                while start < rows.count {
                    let count = min(Self.rowsPerStatement, rows.count - start)
                    let slice = Array(parameters[(start * width)..<((start + count) * width)])
                    try connection.query(PostgresQuery(sql: Self.insertSQL(rows: count), parameters: slice))
                    start += count
                }
            }
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
            if text.utf8.contains(0) { text = String(text.unicodeScalars.map { $0 == "\u{0}" ? "\u{FFFD}" : Character($0) }) }
            guard let maxLength, text.utf8.count > maxLength, text.unicodeScalars.count > maxLength else { return text }
            return String(String.UnicodeScalarView(text.unicodeScalars.prefix(maxLength)))
        case let .bool(flag): return flag ? "true" : "false"
        case let .amount(rupees): return JSONText.amount(rupees)
        }
    }

    /// `INSERT … VALUES ($1, …, $30), ($31, …) ON CONFLICT DO NOTHING` for `rows` rows.
    static func insertSQL(rows: Int) -> String {
        if rows == rowsPerStatement { return fullInsertSQL }
        return makeInsertSQL(rows: rows)
    }

    private static let fullInsertSQL = makeInsertSQL(rows: rowsPerStatement)

    private static func makeInsertSQL(rows: Int) -> String {
        let width = ExtractedSMSColumns.names.count
        var sql = "INSERT INTO extracted_sms (\(ExtractedSMSRowCodec.quotedColumns.joined(separator: ", "))) VALUES "
        sql.reserveCapacity(sql.utf8.count + rows * width * 7)
        for row in 0..<rows {
            sql += row == 0 ? "(" : ", ("
            for column in 0..<width {
                if column > 0 { sql += ", " }
                sql += "$\(row * width + column + 1)"
            }
            sql += ")"
        }
        sql += " ON CONFLICT (client_id, user_id, sms_id) DO NOTHING"
        return sql
    }

    /// Returns a PostgreSQL array literal of quoted texts: `{"a","b \"c\""}`.
    static func arrayLiteral(_ items: [String]) -> String {
        var literal = "{"
        for (index, item) in items.enumerated() {
            if index > 0 { literal += "," }
            literal += "\""
            for character in item {
                if character == "\"" || character == "\\" { literal += "\\" }
                literal.append(character)
            }
            literal += "\""
        }
        return literal + "}"
    }
}
