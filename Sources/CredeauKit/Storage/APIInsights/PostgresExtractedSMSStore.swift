#if canImport(Glibc)
import Glibc
#endif

/// `extracted_sms` in PostgreSQL, through a connection pool.
///
/// A batch goes in with `COPY extracted_sms FROM STDIN`, in the binary format where every value
/// has one (`ExtractedSMSBinaryCopy`) and as text otherwise, its rows sorted by primary key. When
/// some of its ids are stored already (a retried or concurrent request), that COPY fails on the
/// key as a whole, and the batch goes in again as one `INSERT … SELECT * FROM unnest($1::text[],
/// …) ON CONFLICT DO NOTHING` with one array parameter per column. The server takes about 3 ms
/// per 1,000 rows for the COPY and 16 ms for the INSERT, two thirds of it parsing the 30 arrays
/// (and about 40 ms for a 1,000-row `VALUES` list). An outage surfaces as a `PostgresError` or
/// `PostgresPoolError`, both HTTP 503, and the pool reconnects on a later call.
public struct PostgresExtractedSMSStore: ExtractedSMSStore {
    public let pool: PostgresPool
    private let codec: ExtractedSMSRowCodec

    public init(pool: PostgresPool, fernet: Fernet?) {
        self.pool = pool
        self.codec = ExtractedSMSRowCodec(fernet: fernet)
    }

    public func storedIDs(clientID: String, userID: String, among smsIDs: [String]) throws -> [String] {
        guard !smsIDs.isEmpty else { return [] }
        return try pool.withConnection { connection in
            // A user with no stored rows, such as one whose SMS serve-insights sends for the first
            // time, needs one index probe instead of the server parsing an array of every id.
            let hasRows = try connection.query("""
                SELECT 1 FROM extracted_sms WHERE client_id = \(clientID) AND user_id = \(userID) LIMIT 1
                """)
            guard !hasRows.isEmpty else { return [] }
            let rows = try connection.query("""
                SELECT sms_id FROM extracted_sms
                WHERE client_id = \(clientID) AND user_id = \(userID) AND sms_id = ANY(\(Self.arrayLiteral(smsIDs))::text[])
                """)
            return rows.rows.compactMap { $0.first ?? nil }
        }
    }

    @discardableResult
    public func store(rows: ExtractedSMSRows) throws -> Int {
        guard !rows.isEmpty else { return 0 }
        // Encrypt and write the COPY data before borrowing a connection, so it is held only for the write.
        let tokenBatch = try codec.encryptedBodyBatch(of: rows)
        let tokens = { tokenBatch.map { batch in (0..<batch.count).map(batch.token(at:)) } }
        let order = Self.keyOrder(rows)
        let binary = ExtractedSMSBinaryCopy.data(rows, bodies: tokenBatch, order: order)
        let data = binary ?? Self.copyData(rows, bodies: tokens(), order: order)
        return try pool.withConnection { connection in
            do {
                return try connection.copyIn(binary == nil ? Self.copySQL : ExtractedSMSBinaryCopy.copySQL, data: data)
            } catch let error as PostgresError where error.sqlState == "23505" || error.sqlState == "40P01" {
                let parameters = Self.arrayParameters(rows, bodies: tokens(), order: order)
                return try connection.query(PostgresQuery(sql: Self.insertSQL, parameters: parameters)).affectedRows
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

    /// Reads the user's rows in the order the server finds them. Sorting 5,000 rows by date took
    /// the server about 4 of its 6 ms for the query, which the insights pipeline does not need.
    public func unorderedEntries(clientID: String, userID: String) throws -> [ExtractedSMS] {
        let query = PostgresQuery(
            sql: """
                SELECT \(ExtractedSMSRowCodec.selectList(includeBodies: false)) FROM extracted_sms
                WHERE client_id = $1 AND user_id = $2
                """,
            parameters: [clientID, userID])
        return try pool.query(query).rows.map(codec.entry(from:))
    }

    public func unorderedEntries(clientID: String, userID: String, expectedCount: Int) throws -> [ExtractedSMS] {
        try unorderedEntries(clientID: clientID, userID: userID)
    }

    /// PostgreSQL text cannot hold NUL, so an id with NUL is stored with U+FFFD in its place.
    public func storedID(_ id: String) -> String {
        PostgresConnection.replacingNUL(id)
    }

    public func ping() throws {
        try pool.query("SELECT 1")
    }

    public func checkStoredBodyKey() throws {
        let rows = try pool.query("SELECT sms_id, sms_body FROM extracted_sms LIMIT 1").rows
        guard let row = rows.first, row.count > 1, let body = row[1] else { return }
        _ = try codec.decryptedBody(body, smsID: row[0] ?? "")
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

    static let copySQL = "COPY extracted_sms (\(ExtractedSMSRowCodec.quotedColumns.joined(separator: ", "))) FROM STDIN"

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

    /// `INSERT … SELECT … FROM unnest($1::text[], …) WITH ORDINALITY … ON CONFLICT DO NOTHING`, one
    /// array per column. Rows go in array order, the order of `keyOrder`, as the COPY's do, so
    /// two requests that store the same ids take their row locks in the same order. Shuffled
    /// batches deadlocked before (40P01).
    static let insertSQL: String = {
        let arrays = arrayTypes.enumerated().map { "$\($0.offset + 1)::\($0.element)[]" }
        let names = arrayTypes.indices.map { "c\($0)" }
        return "INSERT INTO extracted_sms (\(ExtractedSMSRowCodec.quotedColumns.joined(separator: ", "))) "
            + "SELECT \(names.joined(separator: ", ")) FROM unnest(\(arrays.joined(separator: ", "))) "
            + "WITH ORDINALITY AS batch(\(names.joined(separator: ", ")), position) ORDER BY position "
            + "ON CONFLICT (client_id, user_id, sms_id) DO NOTHING"
    }()

    /// Returns the rows to store, in (client_id, user_id, sms_id) order as UTF-8 bytes, with the
    /// first row of each key only.
    static func keyOrder(_ rows: ExtractedSMSRows) -> [Int] {
        let width = ExtractedSMSRows.width
        // A key is the client_id, user_id and sms_id bytes, each followed by a 0 byte (texts contain
        // no NUL), so comparing two keys compares the columns in turn. Keys compare as bytes, as
        // PostgreSQL compares them, because Swift's == takes "é" and "e\u{301}" as equal.
        let keys: [[UInt8]] = (0..<rows.count).map { row in
            var key: [UInt8] = []
            for column in keyColumns {
                key.append(contentsOf: (parameterText(rows.values[row * width + column], maxLength: maxLengths[column]) ?? "").utf8)
                key.append(0)
            }
            return key
        }
        let sorted = (0..<rows.count).sorted { left, right in
            let comparison = compareBytes(keys[left], keys[right])
            return comparison != 0 ? comparison < 0 : left < right
        }
        var order: [Int] = []
        order.reserveCapacity(sorted.count)
        for row in sorted where order.last.map({ compareBytes(keys[$0], keys[row]) != 0 }) ?? true {
            order.append(row)
        }
        return order
    }

    /// Returns the rows `order` names as `COPY … FROM STDIN` text. `bodies`, when given, replaces
    /// the sms_body column.
    static func copyData(_ rows: ExtractedSMSRows, bodies: [String]?, order: [Int]) -> [UInt8] {
        let width = ExtractedSMSRows.width
        var data: [UInt8] = []
        data.reserveCapacity(order.count * 1_024)
        for row in order {
            for column in 0..<width {
                if column > 0 { data.append(UInt8(ascii: "\t")) }
                appendCopyField(text(rows, bodies, row: row, column: column), to: &data)
            }
            data.append(UInt8(ascii: "\n"))
        }
        return data
    }

    /// Returns the rows `order` names as one array literal per column.
    static func arrayParameters(_ rows: ExtractedSMSRows, bodies: [String]?, order: [Int]) -> [String?] {
        (0..<ExtractedSMSRows.width).map { column in
            var literal: [UInt8] = [UInt8(ascii: "{")]
            for (position, row) in order.enumerated() {
                if position > 0 { literal.append(UInt8(ascii: ",")) }
                appendElement(text(rows, bodies, row: row, column: column), to: &literal)
            }
            literal.append(UInt8(ascii: "}"))
            return String(decoding: literal, as: UTF8.self)
        }
    }

    private static func text(_ rows: ExtractedSMSRows, _ bodies: [String]?, row: Int, column: Int) -> String? {
        if let bodies, column == ExtractedSMSRowCodec.bodyIndex { return bodies[row] }
        return parameterText(rows.values[row * ExtractedSMSRows.width + column], maxLength: maxLengths[column])
    }

    private static func compareBytes(_ left: [UInt8], _ right: [UInt8]) -> Int32 {
        left.withUnsafeBufferPointer { a in
            right.withUnsafeBufferPointer { b in
                let common = memcmp(a.baseAddress!, b.baseAddress!, min(a.count, b.count))
                if common != 0 { return common }
                if a.count == b.count { return 0 }
                return a.count < b.count ? -1 : 1
            }
        }
    }

    /// Columns of the primary key in the order it compares them: client_id, user_id, sms_id.
    private static let keyColumns: [Int] = ["client_id", "user_id", "sms_id"].map {
        ExtractedSMSColumns.names.firstIndex(of: $0)!
    }

    /// Appends one field of COPY text: `\N` for NULL, else the text with backslash, tab, newline
    /// and carriage return escaped.
    static func appendCopyField(_ text: String?, to data: inout [UInt8]) {
        guard let text else {
            data.append(contentsOf: #"\N"#.utf8)
            return
        }
        // Most fields need no escape, so a scan for the four bytes comes first, then one copy.
        let copied = text.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            guard !bytes.contains(where: { $0 == UInt8(ascii: "\\") || ($0 <= 13 && ($0 == 9 || $0 == 10 || $0 == 13)) })
            else { return false }
            data.append(contentsOf: bytes)
            return true
        } ?? false
        if copied { return }
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\\"): data.append(contentsOf: #"\\"#.utf8)
            case UInt8(ascii: "\t"): data.append(contentsOf: #"\t"#.utf8)
            case UInt8(ascii: "\n"): data.append(contentsOf: #"\n"#.utf8)
            case UInt8(ascii: "\r"): data.append(contentsOf: #"\r"#.utf8)
            default: data.append(byte)
            }
        }
    }

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
