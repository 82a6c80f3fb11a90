import Synchronization

/// Connections to one SQLite file, lent to one thread at a time.
///
/// SQLite in write-ahead-log mode lets readers run beside the one writer, so each request
/// thread borrows its own connection instead of queueing on a single one. Their commits leave
/// checkpoints to one background thread (SQLiteBackgroundCheckpointer).
public final class SQLiteConnectionPool: Sendable {
    public let path: String
    private let idle = Mutex<[PooledSQLiteDatabase]>([])
    private let checkpointer: SQLiteBackgroundCheckpointer?

    /// Opens one connection at once, so a bad path fails at start rather than on the first request.
    public init(path: String) throws {
        self.path = path
        let database = try SQLiteDatabase(path: path)
        // One checkpointer serves every connection of the pool.
        checkpointer = try SQLiteBackgroundCheckpointer.start(for: database)
        idle.withLock { $0.append(PooledSQLiteDatabase(database: database)) }
    }

    /// Lends a connection to `body`; connections are opened on demand and kept for reuse.
    @discardableResult
    public func withDatabase<T>(_ body: (SQLiteDatabase) throws -> T) throws -> T {
        let pooled = try idle.withLock { $0.popLast() } ?? open()
        defer { idle.withLock { $0.append(pooled) } }
        return try body(pooled.database)
    }

    private func open() throws -> PooledSQLiteDatabase {
        let database = try SQLiteDatabase(path: path)
        if let checkpointer { database.checkpointInBackground(checkpointer) }
        return PooledSQLiteDatabase(database: database)
    }
}

/// A connection while it sits in the pool or is lent out.
final class PooledSQLiteDatabase: @unchecked Sendable {
    // @unchecked because the pool hands the connection to one borrower at a time and keeps no
    // other reference while it is lent.
    let database: SQLiteDatabase

    init(database: SQLiteDatabase) {
        self.database = database
    }
}

/// The `api_insights_db` the Insights API reads clients from and writes its records and jobs to.
public enum InsightsDatabase: Sendable {
    case postgres(PostgresPool)
    case sqlite(SQLiteConnectionPool)

    /// `postgresql host/db` or `SQLite path`, for logs.
    public var databaseDescription: String {
        switch self {
        case let .postgres(pool): return "PostgreSQL \(pool.configuration.endpoint)"
        case let .sqlite(pool): return "SQLite \(pool.path)"
        }
    }

    /// Runs a cheap statement, for `/ready`.
    public func ping() throws {
        switch self {
        case let .postgres(pool): try pool.query("SELECT 1")
        case let .sqlite(pool): try pool.withDatabase { try $0.query("SELECT 1") }
        }
    }
}
