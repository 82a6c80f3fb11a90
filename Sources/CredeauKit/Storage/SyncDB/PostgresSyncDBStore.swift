/// `sync_db` tables in PostgreSQL: the collection's columns plus `payload jsonb`.
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
        let existing: PostgresRows
        if collection.isSyncRequest, let requestID = document.columns["request_id"] ?? nil {
            existing = try connection.query(PostgresQuery(
                sql: "SELECT 1 FROM \(table) WHERE request_id = $1 AND client_id IS NOT DISTINCT FROM $2 "
                    + "AND user_id IS NOT DISTINCT FROM $3 LIMIT 1",
                parameters: [requestID, document.columns["client_id"] ?? nil, document.columns["user_id"] ?? nil]))
        } else {
            existing = try connection.query(PostgresQuery(
                sql: "SELECT 1 FROM \(table) WHERE payload = $1::jsonb LIMIT 1", parameters: [document.payload]))
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
        values.append(document.payload)
        names.append("payload")
        placeholders.append("$\(values.count)::jsonb")
        try connection.query(PostgresQuery(
            sql: "INSERT INTO \(table) (\(names.joined(separator: ", "))) VALUES (\(placeholders.joined(separator: ", ")))",
            parameters: values))
        return true
    }
}
