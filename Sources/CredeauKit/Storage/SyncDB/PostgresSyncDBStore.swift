/// `sync_db` tables in PostgreSQL: the collection's columns plus `payload`, json since the second
/// sync_db migration and jsonb in tables that contained rows before it. Every statement here
/// works on both.
public struct PostgresSyncDBStore: SyncDBStore, Sendable {
    public let pool: PostgresPool

    public init(pool: PostgresPool) {
        self.pool = pool
    }

    public var storeDescription: String { "PostgreSQL \(pool.configuration.endpoint)" }

    public func documents(in collection: SyncDBCollection, clientID: String, userID: String) throws -> [String] {
        let rows = try pool.query(
            """
            SELECT payload::text FROM \(identifier: collection.name) WHERE client_id = \(clientID) AND user_id = \(userID)
            ORDER BY created_at NULLS FIRST, id
            """)
        return rows.rows.compactMap { $0[0] }
    }

    public func users(in collection: SyncDBCollection) throws -> [SyncDBUser] {
        let rows = try pool.query(
            """
            SELECT DISTINCT client_id, user_id FROM \(identifier: collection.name)
            WHERE client_id IS NOT NULL AND user_id IS NOT NULL
            """)
        return rows.rows.compactMap { row in
            guard row.count == 2, let clientID = row[0], let userID = row[1] else { return nil }
            return SyncDBUser(clientID: clientID, userID: userID)
        }
    }

    /// Skips the document when a row with the same client, user and request ids exists, or,
    /// without a request id, a row with an equal payload.
    public func insertIfAbsent(_ document: SyncDBDocument, into collection: SyncDBCollection) throws -> Bool {
        try pool.withConnection { try insertIfAbsent(document, into: collection, on: $0) }
    }

    private func insertIfAbsent(_ document: SyncDBDocument, into collection: SyncDBCollection,
                                on connection: PostgresConnection) throws -> Bool {
        let table = PostgresQuery.quoteIdentifier(collection.name)
        let payload = Self.replacingNULEscapes(document.payload)
        let existing: PostgresRows
        if collection.isSyncRequest, let requestID = document.columns["request_id"] ?? nil {
            existing = try connection.query(PostgresQuery(
                sql: "SELECT 1 FROM \(table) WHERE request_id = $1 AND client_id IS NOT DISTINCT FROM $2 "
                    + "AND user_id IS NOT DISTINCT FROM $3 LIMIT 1",
                parameters: [requestID, document.columns["client_id"] ?? nil, document.columns["user_id"] ?? nil]))
        } else {
            existing = try connection.query(PostgresQuery(
                sql: "SELECT 1 FROM \(table) WHERE payload::jsonb = $1::jsonb LIMIT 1", parameters: [payload]))
        }
        guard existing.isEmpty else { return false }

        var names: [String] = []
        var placeholders: [String] = []
        var values: [String?] = []
        for column in collection.columns {
            names.append(PostgresQuery.quoteIdentifier(column))
            if column == "created_at" {
                values.append(document.createdAtMillis.map(String.init))
                placeholders.append("to_timestamp($\(values.count)::float8 / 1000) AT TIME ZONE 'utc'")
            } else {
                values.append(document.columns[column] ?? nil)
                placeholders.append("$\(values.count)")
            }
        }
        values.append(payload)
        names.append("payload")
        // json takes the text as it is, and PostgreSQL casts json to jsonb for an older table.
        placeholders.append("$\(values.count)::json")
        try connection.query(PostgresQuery(
            sql: "INSERT INTO \(table) (\(names.joined(separator: ", "))) VALUES (\(placeholders.joined(separator: ", ")))",
            parameters: values))
        return true
    }

    /// Returns the JSON text with each `\u0000` escape turned into `\uFFFD`. jsonb cannot hold the
    /// NUL character and rejects the whole document (22P05), and the other columns keep U+FFFD in
    /// its place too (`PostgresConnection.replacingNUL`).
    static func replacingNULEscapes(_ json: String) -> String {
        let nul = Array(#"\u0000"#.utf8)
        // Most documents have none, and are returned without a copy.
        let mayHaveNUL = json.utf8.withContiguousStorageIfAvailable { text in
            text.indices.dropLast(nul.count - 1).contains { start in
                text[start] == UInt8(ascii: "\\") && text[start..<(start + nul.count)].elementsEqual(nul)
            }
        } ?? true
        guard mayHaveNUL else { return json }
        var bytes = Array(json.utf8)
        var changed = false
        var index = 0
        // In JSON a backslash appears only inside strings, where it starts an escape: `\\u0000`
        // is an escaped backslash followed by the text "u0000", so each escape is skipped whole.
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "\\"), index + 1 < bytes.count else {
                index += 1
                continue
            }
            if bytes[index + 1] == UInt8(ascii: "u") {
                if index + 6 <= bytes.count, Array(bytes[index..<(index + 6)]) == nul {
                    bytes.replaceSubrange((index + 2)..<(index + 6), with: Array("FFFD".utf8))
                    changed = true
                }
                index += 6
            } else {
                index += 2
            }
        }
        return changed ? String(decoding: bytes, as: UTF8.self) : json
    }
}
