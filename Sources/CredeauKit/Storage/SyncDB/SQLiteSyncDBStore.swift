/// `sync_db` tables in SQLite: the collection's columns, `created_at` in epoch milliseconds,
/// and `payload` as JSON text.
public struct SQLiteSyncDBStore: SyncDBStore {
    public let database: SQLiteDatabase

    public init(database: SQLiteDatabase) {
        self.database = database
    }

    public var storeDescription: String { "SQLite \(database.path)" }

    public func documents(in collection: SyncDBCollection, clientID: String, userID: String) throws -> [String] {
        let rows = try database.query(
            "SELECT payload FROM \"\(collection.name)\" WHERE client_id = ? AND user_id = ? ORDER BY created_at, id",
            [.text(clientID), .text(userID)])
        return rows.compactMap { row in
            if case let .text(payload) = row.first { return payload }
            return nil
        }
    }

    public func users(in collection: SyncDBCollection) throws -> [SyncDBUser] {
        let rows = try database.query(
            "SELECT DISTINCT client_id, user_id FROM \"\(collection.name)\" "
                + "WHERE client_id IS NOT NULL AND user_id IS NOT NULL")
        return rows.compactMap { row in
            guard row.count == 2, case let .text(clientID) = row[0], case let .text(userID) = row[1] else { return nil }
            return SyncDBUser(clientID: clientID, userID: userID)
        }
    }

    /// Skips the document when a row with the same client, user and request ids exists, or,
    /// without a request id, a row with the same payload text.
    public func insertIfAbsent(_ document: SyncDBDocument, into collection: SyncDBCollection) throws -> Bool {
        func text(_ column: String) -> SQLiteValue {
            (document.columns[column] ?? nil).map(SQLiteValue.text) ?? .null
        }
        let table = "\"\(collection.name)\""
        let existing: [[SQLiteValue]]
        if collection.isSyncRequest, document.columns["request_id"] ?? nil != nil {
            existing = try database.query(
                "SELECT 1 FROM \(table) WHERE request_id = ? AND client_id IS ? AND user_id IS ? LIMIT 1",
                [text("request_id"), text("client_id"), text("user_id")])
        } else {
            existing = try database.query("SELECT 1 FROM \(table) WHERE payload = ? LIMIT 1", [.text(document.payload)])
        }
        guard existing.isEmpty else { return false }

        var values: [SQLiteValue] = collection.columns.map { column in
            column == "created_at" ? (document.createdAtMillis.map(SQLiteValue.integer) ?? .null) : text(column)
        }
        values.append(.text(document.payload))
        let names = collection.columns.map { "\"\($0)\"" } + ["payload"]
        let placeholders = Array(repeating: "?", count: values.count).joined(separator: ", ")
        try database.query("INSERT INTO \(table) (\(names.joined(separator: ", "))) VALUES (\(placeholders))", values)
        return true
    }
}
