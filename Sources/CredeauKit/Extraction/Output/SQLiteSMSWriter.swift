/// Writes entries into the `extracted_sms` table of a SQLite database file.
///
/// Columns are the JSON field names; booleans are 0/1 integers, amounts are REAL rounded to two
/// decimals, dates are India-time text. The primary key is (client_id, user_id, sms_id). An
/// existing `extracted_sms` table is dropped first, so the file contains this run's output only.
/// The drop and every row form one transaction, committed by `finish()`, so a run that fails
/// leaves an existing table as it was.
public final class SQLiteSMSWriter: ExtractedSMSWriter {
    private let database: SQLiteDatabase
    private let inserts: SQLiteBatchedInserts

    public init(path: String) throws {
        do {
            database = try SQLiteDatabase(path: path, walMode: false)
            // A service database has the same table, with data an extraction must not replace.
            let marker = try database.query(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'credeau_schema_migrations'")
            guard marker.isEmpty else {
                throw ExtractOutputError.cannotCreate(
                    path: path, reason: "it is a credeau service database, whose extracted_sms table an extraction "
                        + "would replace; write to another file")
            }
            try database.execute("BEGIN")
            try database.execute("DROP TABLE IF EXISTS extracted_sms")
            try database.execute(Self.createTableSQL)
        } catch let error as SQLiteError {
            throw ExtractOutputError.cannotCreate(path: path, reason: error.reason)
        }
        let placeholders = Array(repeating: "?", count: ExtractedSMSColumns.names.count).joined(separator: ", ")
        // `transaction` is an SQL keyword, so every column name is quoted.
        let columns = ExtractedSMSColumns.names.map { "\"\($0)\"" }.joined(separator: ", ")
        inserts = try SQLiteBatchedInserts(
            database: database, sql: "INSERT OR REPLACE INTO extracted_sms (\(columns)) VALUES (\(placeholders))",
            path: path, rowsPerTransaction: .max, opensTransaction: false)
    }

    static var createTableSQL: String {
        let booleans: Set<String> = ["is_classified", "is_extracted", "is_transactional"]
        let amounts: Set<String> = ["transaction", "available_balance", "outstanding_amount", "due_amount"]
        let columns = ExtractedSMSColumns.names.map { name in
            let type = booleans.contains(name) ? "INTEGER" : (amounts.contains(name) ? "REAL" : "TEXT")
            let required = ["sms_id", "sms_body", "sms_type"].contains(name) ? " NOT NULL" : ""
            return "\"\(name)\" \(type)\(required)"
        }
        return "CREATE TABLE extracted_sms (" + columns.joined(separator: ", ")
            + ", PRIMARY KEY (client_id, user_id, sms_id))"
    }

    public func write(_ entry: ExtractedSMS) throws {
        let values: [SQLiteValue] = ExtractedSMSColumns.values(of: entry).map { value in
            switch value {
            case .null: return .null
            case let .text(text): return .text(text)
            case let .bool(flag): return .integer(flag ? 1 : 0)
            case let .amount(rupees): return .real((rupees * 100).rounded() / 100)
            }
        }
        try inserts.insert(values)
    }

    public func finish() throws {
        try inserts.finish()
    }
}

@available(*, unavailable, message: "A SQLite writer belongs to one thread")
extension SQLiteSMSWriter: Sendable {}
