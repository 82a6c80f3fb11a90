import CSQLite

/// Failure reported by SQLite, with its result code and the statement that caused it.
public enum SQLiteError: CredeauError {
    case openFailed(path: String, code: Int32, message: String)
    case statementFailed(code: Int32, message: String, sql: String)

    public var description: String {
        switch self {
        case let .openFailed(path, code, message):
            return "Cannot open SQLite database '\(path)': \(message) (SQLite error \(code))"
        case let .statementFailed(code, message, sql):
            return "SQLite error \(code): \(message) - while executing '\(sql)'"
        }
    }

    public var httpStatus: Int { 503 }
}

/// A value bound to a `?` parameter or read from a result column.
public enum SQLiteValue: Sendable, Equatable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
    case blob([UInt8])
}

/// One SQLite connection.
///
/// A connection is used by one thread at a time; share it only through an owner that serialises
/// access (an actor or a `Mutex`).
public final class SQLiteDatabase {
    private var handle: OpaquePointer?
    public let path: String

    /// Opens (creating if needed) the database at `path`; `":memory:"` gives a private in-memory one.
    ///
    /// - Parameter walMode: switch a file database to write-ahead logging, so readers do not block
    ///   the writer.
    public init(path: String, walMode: Bool = true) throws {
        self.path = path
        var opened: OpaquePointer?
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX
        let code = sqlite3_open_v2(path, &opened, flags, nil)
        guard code == SQLITE_OK else {
            // > Whether or not an error occurs when it is opened, resources associated with the
            // > database connection handle should be released by passing it to sqlite3_close().
            // (https://sqlite.org/c3ref/open.html)
            let message = opened.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
            sqlite3_close_v2(opened)
            throw SQLiteError.openFailed(path: path, code: code, message: message)
        }
        handle = opened
        sqlite3_busy_timeout(opened, 5_000)
        if walMode && path != ":memory:" {
            try execute("PRAGMA journal_mode=WAL")
            try execute("PRAGMA synchronous=NORMAL")
        }
    }

    deinit {
        sqlite3_close_v2(handle)
    }

    /// Runs one or more statements that take no parameters and return no rows.
    public func execute(_ sql: String) throws {
        var errorMessage: UnsafeMutablePointer<CChar>?
        let code = sqlite3_exec(handle, sql, nil, nil, &errorMessage)
        guard code == SQLITE_OK else {
            let message = errorMessage.map { String(cString: $0) } ?? "unknown error"
            sqlite3_free(errorMessage)
            throw SQLiteError.statementFailed(code: code, message: message, sql: sql)
        }
    }

    public func prepare(_ sql: String) throws -> SQLiteStatement {
        var statement: OpaquePointer?
        let code = sqlite3_prepare_v2(handle, sql, -1, &statement, nil)
        guard code == SQLITE_OK, let statement else {
            throw SQLiteError.statementFailed(code: code, message: lastErrorMessage, sql: sql)
        }
        return SQLiteStatement(handle: statement, database: self, sql: sql)
    }

    /// Runs a parameterised statement and returns every row.
    @discardableResult
    public func query(_ sql: String, _ values: [SQLiteValue] = []) throws -> [[SQLiteValue]] {
        let statement = try prepare(sql)
        try statement.bind(values)
        var rows: [[SQLiteValue]] = []
        while try statement.step() {
            rows.append(statement.row())
        }
        return rows
    }

    /// Runs `body` inside `BEGIN IMMEDIATE … COMMIT`, rolling back when it throws.
    public func transaction<T>(_ body: () throws -> T) throws -> T {
        try execute("BEGIN IMMEDIATE")
        do {
            let result = try body()
            try execute("COMMIT")
            return result
        } catch {
            try? execute("ROLLBACK")
            throw error
        }
    }

    public var changes: Int { Int(sqlite3_changes(handle)) }

    /// The maximum number of `?` parameters in one statement (SQLITE_LIMIT_VARIABLE_NUMBER):
    /// 32,766 by default since SQLite 3.32, 999 before.
    public var maxParameterCount: Int { Int(sqlite3_limit(handle, SQLITE_LIMIT_VARIABLE_NUMBER, -1)) }

    var lastErrorMessage: String { String(cString: sqlite3_errmsg(handle)) }
}

@available(*, unavailable, message: "A SQLite connection is used by one thread at a time")
extension SQLiteDatabase: Sendable {}

/// A prepared statement; finalized when the object goes away.
public final class SQLiteStatement {
    /// The `sqlite3_stmt *`, also read by the typed column accessors in SQLiteStatement+Columns.swift.
    let handle: OpaquePointer
    private let database: SQLiteDatabase
    public let sql: String

    init(handle: OpaquePointer, database: SQLiteDatabase, sql: String) {
        self.handle = handle
        self.database = database
        self.sql = sql
    }

    deinit {
        sqlite3_finalize(handle)
    }

    /// Clears earlier bindings and binds `values` to parameters 1…n.
    public func bind(_ values: [SQLiteValue]) throws {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
        for (offset, value) in values.enumerated() {
            let code = bind(value, at: Int32(offset + 1), inPlaceText: nil)
            guard code == SQLITE_OK else {
                throw SQLiteError.statementFailed(code: code, message: database.lastErrorMessage, sql: sql)
            }
        }
    }

    /// Binds one value; a text is read in place from `inPlaceText` (SQLITE_STATIC) when given,
    /// else copied by SQLite. Returns SQLite's result code.
    private func bind(_ value: SQLiteValue, at index: Int32, inPlaceText: UnsafePointer<UInt8>?) -> Int32 {
        switch value {
        case .null:
            return sqlite3_bind_null(handle, index)
        case let .integer(number):
            return sqlite3_bind_int64(handle, index, number)
        case let .real(number):
            return sqlite3_bind_double(handle, index, number)
        case let .text(text):
            guard let inPlaceText else {
                // Bind by byte length: with -1 SQLite would stop at the first NUL byte of the text.
                var copy = text
                return copy.withUTF8 { bytes in
                    guard let base = bytes.baseAddress, !bytes.isEmpty else {
                        return sqlite3_bind_text(handle, index, "", 0, credeau_sqlite_transient())
                    }
                    return base.withMemoryRebound(to: CChar.self, capacity: bytes.count) {
                        sqlite3_bind_text64(handle, index, $0, UInt64(bytes.count), credeau_sqlite_transient(),
                                            UInt8(SQLITE_UTF8))
                    }
                }
            }
            let count = text.utf8.count
            return inPlaceText.withMemoryRebound(to: CChar.self, capacity: max(count, 1)) {
                sqlite3_bind_text(handle, index, $0, Int32(count), credeau_sqlite_static())
            }
        case let .blob(bytes):
            return bytes.withUnsafeBytes {
                sqlite3_bind_blob(handle, index, $0.baseAddress, Int32($0.count), credeau_sqlite_transient())
            }
        }
    }

    /// Advances to the next row; false when the statement is done.
    public func step() throws -> Bool {
        let code = sqlite3_step(handle)
        switch code {
        case SQLITE_ROW:
            return true
        case SQLITE_DONE:
            return false
        default:
            throw SQLiteError.statementFailed(code: code, message: database.lastErrorMessage, sql: sql)
        }
    }

    /// Binds `values`, runs the statement to completion and resets it for reuse.
    public func run(_ values: [SQLiteValue]) throws {
        try bind(values)
        while try step() {}
        sqlite3_reset(handle)
    }

    /// Binds `values` to parameters 1…n, runs the statement to completion and resets it, without
    /// letting SQLite copy each text: the texts are packed into `arena`, and the bindings are
    /// cleared before returning. Reuse one arena for many rows to avoid allocating.
    public func run(_ values: [SQLiteValue], arena: inout [UInt8]) throws {
        arena.removeAll(keepingCapacity: true)
        for value in values {
            if case let .text(text) = value { arena.append(contentsOf: text.utf8) }
        }
        let failed: (code: Int32, message: String)? = arena.withUnsafeBufferPointer { texts in
            sqlite3_reset(handle)
            var offset = 0
            for (position, value) in values.enumerated() {
                var inPlaceText: UnsafePointer<UInt8>?
                if case let .text(text) = value {
                    let count = text.utf8.count
                    // A nil pointer would bind NULL, so empty text points at a static empty string.
                    inPlaceText = count == 0 ? Self.emptyText.utf8Start : texts.baseAddress! + offset
                    offset += count
                }
                let code = bind(value, at: Int32(position + 1), inPlaceText: inPlaceText)
                guard code == SQLITE_OK else {
                    let message = database.lastErrorMessage
                    sqlite3_clear_bindings(handle)
                    return (code, message)
                }
            }
            var code = sqlite3_step(handle)
            while code == SQLITE_ROW { code = sqlite3_step(handle) }
            let message = code == SQLITE_DONE ? "" : database.lastErrorMessage
            sqlite3_reset(handle)
            // No binding may point into the arena once this call returns.
            sqlite3_clear_bindings(handle)
            return code == SQLITE_DONE ? nil : (code, message)
        }
        if let failed {
            throw SQLiteError.statementFailed(code: failed.code, message: failed.message, sql: sql)
        }
    }

    private static let emptyText: StaticString = ""

    /// The current row's columns, copied out of SQLite's buffers.
    public func row() -> [SQLiteValue] {
        (0..<sqlite3_column_count(handle)).map(column)
    }

    public func column(_ index: Int32) -> SQLiteValue {
        switch sqlite3_column_type(handle, index) {
        case SQLITE_INTEGER:
            return .integer(sqlite3_column_int64(handle, index))
        case SQLITE_FLOAT:
            return .real(sqlite3_column_double(handle, index))
        case SQLITE_TEXT:
            let count = Int(sqlite3_column_bytes(handle, index))
            guard count > 0, let base = sqlite3_column_text(handle, index) else { return .text("") }
            return .text(String(decoding: UnsafeBufferPointer(start: base, count: count), as: UTF8.self))
        case SQLITE_BLOB:
            let count = Int(sqlite3_column_bytes(handle, index))
            guard count > 0, let base = sqlite3_column_blob(handle, index) else { return .blob([]) }
            return .blob(Array(UnsafeRawBufferPointer(start: base, count: count)))
        default:
            return .null
        }
    }
}

@available(*, unavailable, message: "A SQLite statement belongs to its connection's thread")
extension SQLiteStatement: Sendable {}
