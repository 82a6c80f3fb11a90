/// Runs one prepared INSERT per row and commits every `rowsPerTransaction` rows (`.max` for one
/// transaction that `finish()` commits). Failures become `ExtractOutputError.writeFailed` naming
/// the output file.
final class SQLiteBatchedInserts {
    private let database: SQLiteDatabase
    private let insert: SQLiteStatement
    private let path: String
    private let rowsPerTransaction: Int
    private var rowsInTransaction = 0

    /// Prepares `sql` and, when `opensTransaction`, opens the first transaction. Another inserter
    /// on the same connection that opens none shares the transaction of the one that did.
    init(database: SQLiteDatabase, sql: String, path: String, rowsPerTransaction: Int,
         opensTransaction: Bool = true) throws {
        self.database = database
        self.path = path
        self.rowsPerTransaction = rowsPerTransaction
        do {
            insert = try database.prepare(sql)
            if opensTransaction { try database.execute("BEGIN") }
        } catch let error as SQLiteError {
            throw ExtractOutputError.cannotCreate(path: path, reason: error.reason)
        }
    }

    func insert(_ values: [SQLiteValue]) throws {
        do {
            try insert.run(values)
            rowsInTransaction += 1
            if rowsInTransaction >= rowsPerTransaction {
                try database.execute("COMMIT")
                try database.execute("BEGIN")
                rowsInTransaction = 0
            }
        } catch let error as SQLiteError {
            throw ExtractOutputError.writeFailed(path: path, reason: error.reason)
        }
    }

    /// Commits the last transaction.
    func finish() throws {
        do {
            try database.execute("COMMIT")
        } catch let error as SQLiteError {
            throw ExtractOutputError.writeFailed(path: path, reason: error.reason)
        }
    }
}

@available(*, unavailable, message: "A SQLite connection belongs to one thread")
extension SQLiteBatchedInserts: Sendable {}
