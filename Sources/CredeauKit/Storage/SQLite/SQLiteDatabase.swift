import CSQLite
import Foundation

/// Failure reported by SQLite, with the database file, its result code and the statement that
/// caused it.
public enum SQLiteError: CredeauError {
    case openFailed(path: String, code: Int32, message: String)
    case statementFailed(path: String, code: Int32, message: String, sql: String)
    /// A write-ahead-logged file that cannot be read: its folder is not writable, so SQLite cannot
    /// create the `-shm` index, and its `-wal` log contains changes that reading it as immutable would miss.
    case unreadableLog(path: String)
    /// A command that writes was given a file it may only read.
    case readOnly(path: String, action: String)

    public var description: String {
        switch self {
        case let .openFailed(path, _, _):
            return "Cannot open SQLite database '\(path)': \(reason)"
        case let .statementFailed(path, code, _, _):
            guard Self.isFile(path) else { return reason }
            if Self.isNotADatabase(code) { return "'\(path)' is \(reason)" }
            return "\(reason) in '\(path)'"
        case let .unreadableLog(path), let .readOnly(path, _):
            return "SQLite file '\(path)' \(reason)"
        }
    }

    /// The failure without the database path, for messages that name the file already.
    public var reason: String {
        switch self {
        case let .openFailed(_, code, message):
            return "\(message) (SQLite error \(code))"
        case let .statementFailed(_, code, message, sql):
            if Self.isNotADatabase(code) { return "not a SQLite database (SQLite error \(code): \(message))" }
            return "SQLite error \(code): \(message) - while executing '\(sql)'"
        case .unreadableLog:
            return "cannot be read: its write-ahead log (-wal file) contains changes, and reading them needs a "
                + "'-shm' file that cannot be created; make the folder writable, or checkpoint the file "
                + "where it is writable (PRAGMA wal_checkpoint(TRUNCATE))"
        case let .readOnly(_, action):
            return "cannot be written by this user: \(action) needs write access to the file and to its folder "
                + "(for the -wal and -shm files); --status and --dry-run only read it"
        }
    }

    public var httpStatus: Int { 503 }

    /// SQLITE_NOTADB, also inside an extended result code: the file exists but has no SQLite header.
    private static func isNotADatabase(_ code: Int32) -> Bool {
        code & 0xFF == SQLITE_NOTADB
    }

    /// False for the in-memory and temporary databases, which have no file to name.
    private static func isFile(_ path: String) -> Bool {
        !path.isEmpty && path != ":memory:"
    }
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
    public convenience init(path: String, walMode: Bool = true) throws {
        try self.init(path: path, name: path, flags: SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                      walMode: walMode)
    }

    /// Opens the file `name` (a path, or a `file:` URI with `SQLITE_OPEN_URI`) with `flags`;
    /// `path` names it in messages.
    private init(path: String, name: String, flags: Int32, walMode: Bool) throws {
        self.path = path
        var opened: OpaquePointer?
        let code = sqlite3_open_v2(name, &opened, flags, nil)
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
            // A new file takes the page size before WAL mode writes its header, and an existing
            // one keeps its own. Larger pages mean fewer WAL frames and `pwrite` calls: 16 KiB
            // pages took about 7% less CPU per serve-sms request than 4 KiB (docs/benchmarks.md).
            try execute("PRAGMA page_size=\(Self.walPageSize)")
            try execute("PRAGMA journal_mode=WAL")
            try execute("PRAGMA synchronous=NORMAL")
            // Checkpoint at `walCheckpointBytes` of log whatever the page size.
            let pageSize = try query("PRAGMA page_size").first?.first
            if case let .integer(bytes) = pageSize, bytes > 0 {
                try execute("PRAGMA wal_autocheckpoint=\(max(1, Self.walCheckpointBytes / Int(bytes)))")
            }
            // SQLite reuses the log file from its start after a checkpoint but never shrinks it, so
            // one burst (or a long reader) would leave a large file behind. This cuts it back when
            // the log starts again.
            try execute("PRAGMA journal_size_limit=\(Self.walCheckpointBytes * 4)")
        }
    }

    /// Opens an existing database file only to read it, without creating it or changing its mode.
    ///
    /// Reading a write-ahead-logged file needs its `-shm` index, which SQLite creates beside it.
    /// In a folder the user cannot write, the first read fails with SQLITE_READONLY (observed with
    /// SQLite 3.40), so the file is opened again with the `immutable=1` URI parameter, which reads
    /// the main file alone. That is safe only while no `-wal` log contains changes. When one does,
    /// the error states that the folder must be writable.
    /// The connection is `query_only` either way.
    public static func openForReading(path: String) throws -> SQLiteDatabase {
        let database = try SQLiteDatabase(path: path, name: path, flags: SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX,
                                          walMode: false)
        do {
            try database.probe()
            return database
        } catch let SQLiteError.statementFailed(_, code, _, _)
            where code & 0xFF == SQLITE_READONLY || code & 0xFF == SQLITE_CANTOPEN {
            if let size = fileSize(path + "-wal"), size > 0 { throw SQLiteError.unreadableLog(path: path) }
            return try openImmutable(path: path)
        }
    }

    /// Opens `path` read-only as an immutable file, which SQLite reads without locks, `-wal` or `-shm`.
    static func openImmutable(path: String) throws -> SQLiteDatabase {
        let immutable = try SQLiteDatabase(
            path: path, name: immutableURI(path), flags: SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX,
            walMode: false)
        try immutable.probe()
        return immutable
    }

    /// Reads the schema, which opens the write-ahead log of a WAL file, and forbids writes.
    private func probe() throws {
        try execute("PRAGMA query_only=1")
        try query("SELECT count(*) FROM sqlite_master")
    }

    /// `file:` URI of `path` with `mode=ro&immutable=1`. Every byte outside the unreserved set and
    /// `/` is percent-encoded, so `?`, `#` and `%` in a name stay part of the path.
    static func immutableURI(_ path: String) -> String {
        var absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        // `file://` would start an authority.
        while absolute.hasPrefix("//") { absolute.removeFirst() }
        var encoded = ""
        for byte in absolute.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                 UInt8(ascii: "~"), UInt8(ascii: "/"):
                encoded.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                encoded += "%" + (hex.count < 2 ? "0" + hex : hex)
            }
        }
        return "file:\(encoded)?mode=ro&immutable=1"
    }

    private static func fileSize(_ path: String) -> Int64? {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        return Int64(status.st_size)
    }

    /// The page size of new write-ahead-logged database files.
    static let walPageSize = 16_384
    /// The WAL size at which a commit starts copying the log back into the database file (with
    /// `SQLiteBackgroundCheckpointer`, wakes its thread). It is four times SQLite's default of
    /// 1,000 pages of 4 KiB. A user's first insights request logs several megabytes, and with
    /// passes that seldom run during one, that request with one core per service fell from about
    /// 53 to 49 ms (docs/benchmarks.md).
    static let walCheckpointBytes = 16_384_000

    /// The checkpointer that commits of this connection wake, kept alive until the connection closes.
    private var checkpointer: SQLiteBackgroundCheckpointer?

    deinit {
        sqlite3_close_v2(handle)
    }

    /// Leaves the copying of the write-ahead log into the file to `checkpointer`'s thread instead
    /// of the commit that fills the log (SQLiteBackgroundCheckpointer).
    public func checkpointInBackground(_ checkpointer: SQLiteBackgroundCheckpointer) {
        guard let handle else { return }
        self.checkpointer = checkpointer
        checkpointer.attach(to: handle)
    }

    /// Syncs the main database file through SQLite's own handle of it (`xSync` of the file that
    /// `SQLITE_FCNTL_FILE_POINTER` gives), so no other descriptor of the file is opened or closed.
    func syncDatabaseFile() {
        var file: UnsafeMutablePointer<sqlite3_file>?
        guard sqlite3_file_control(handle, "main", SQLITE_FCNTL_FILE_POINTER, &file) == SQLITE_OK,
              let file, let sync = file.pointee.pMethods?.pointee.xSync else { return }
        _ = sync(file, SQLITE_SYNC_NORMAL)
    }

    /// The log size, in pages, at which SQLite's automatic checkpoint runs on this connection.
    var autocheckpointPages: Int32 {
        guard case let .integer(pages)? = (try? query("PRAGMA wal_autocheckpoint"))?.first?.first else { return 1_000 }
        return Int32(clamping: pages)
    }

    /// Runs a passive checkpoint, which copies what it can of the log without waiting for any
    /// lock, and returns the frames the log had (-1 when there was no log to copy).
    @discardableResult
    func checkpointPassively() -> Int32 {
        var logFrames: Int32 = -1
        sqlite3_wal_checkpoint_v2(handle, nil, SQLITE_CHECKPOINT_PASSIVE, &logFrames, nil)
        // A connection that has read nothing since the file went into WAL mode has not opened the
        // log, so its checkpoint finds none (-1; SQLite 3.40). One read opens it.
        if logFrames < 0, (try? query("SELECT 1 FROM sqlite_master LIMIT 1")) != nil {
            sqlite3_wal_checkpoint_v2(handle, nil, SQLITE_CHECKPOINT_PASSIVE, &logFrames, nil)
        }
        return logFrames
    }

    /// True when SQLite opened the main database read-only, which it does without an error when
    /// the process may read the file but not write it.
    public var isReadOnly: Bool {
        sqlite3_db_readonly(handle, "main") == 1
    }

    /// Runs one or more statements that take no parameters and return no rows.
    public func execute(_ sql: String) throws {
        var errorMessage: UnsafeMutablePointer<CChar>?
        let code = sqlite3_exec(handle, sql, nil, nil, &errorMessage)
        guard code == SQLITE_OK else {
            let message = errorMessage.map { String(cString: $0) } ?? "unknown error"
            sqlite3_free(errorMessage)
            throw SQLiteError.statementFailed(path: path, code: code, message: message, sql: sql)
        }
    }

    public func prepare(_ sql: String) throws -> SQLiteStatement {
        var statement: OpaquePointer?
        let code = sqlite3_prepare_v2(handle, sql, -1, &statement, nil)
        guard code == SQLITE_OK, let statement else {
            throw SQLiteError.statementFailed(path: path, code: code, message: lastErrorMessage, sql: sql)
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
            let code = bind(value, at: Int32(offset + 1))
            guard code == SQLITE_OK else {
                throw SQLiteError.statementFailed(path: database.path, code: code,
                                                  message: database.lastErrorMessage, sql: sql)
            }
        }
    }

    /// Binds one value, which SQLite copies. Returns SQLite's result code.
    private func bind(_ value: SQLiteValue, at index: Int32) -> Int32 {
        switch value {
        case .null:
            return sqlite3_bind_null(handle, index)
        case let .integer(number):
            return sqlite3_bind_int64(handle, index, number)
        case let .real(number):
            return sqlite3_bind_double(handle, index, number)
        case let .text(text):
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
        case let .blob(bytes):
            return bytes.withUnsafeBytes {
                sqlite3_bind_blob(handle, index, $0.baseAddress, Int32($0.count), credeau_sqlite_transient())
            }
        }
    }

    /// Ends the current run early, so the statement no longer keeps a read snapshot of the database.
    public func reset() {
        sqlite3_reset(handle)
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
            throw SQLiteError.statementFailed(path: database.path, code: code,
                                              message: database.lastErrorMessage, sql: sql)
        }
    }

    /// Binds `values`, runs the statement to completion and resets it for reuse.
    public func run(_ values: [SQLiteValue]) throws {
        try bind(values)
        while try step() {}
        sqlite3_reset(handle)
    }

    /// Binds parameters 1…n in order through `bind`, runs the statement to completion, resets it
    /// and clears the bindings. Texts are bound in place, so their memory must stay valid until
    /// this call returns.
    func run(_ bind: (inout SQLiteParameterBinder) -> Void) throws {
        sqlite3_reset(handle)
        var binder = SQLiteParameterBinder(handle: handle)
        bind(&binder)
        var code = binder.failure
        if code == SQLITE_OK {
            code = sqlite3_step(handle)
            while code == SQLITE_ROW { code = sqlite3_step(handle) }
        }
        let failed = code != SQLITE_OK && code != SQLITE_DONE
        let message = failed ? database.lastErrorMessage : ""
        sqlite3_reset(handle)
        // No binding may point into the caller's memory once this call returns, and
        // `SQLiteParameterBinder.skipNull` relies on every parameter starting the next run NULL.
        sqlite3_clear_bindings(handle)
        if failed {
            throw SQLiteError.statementFailed(path: database.path, code: code, message: message, sql: sql)
        }
    }

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

/// Binds the parameters of one statement run in order, 1…n, and keeps the first failure.
struct SQLiteParameterBinder {
    private let handle: OpaquePointer
    private var position: Int32 = 0
    /// The first result code other than SQLITE_OK, which stops the run.
    private(set) var failure = SQLITE_OK

    fileprivate init(handle: OpaquePointer) {
        self.handle = handle
    }

    private static let emptyText: StaticString = ""

    private mutating func record(_ code: Int32) {
        if failure == SQLITE_OK, code != SQLITE_OK { failure = code }
    }

    private mutating func nextPosition() -> Int32 {
        position += 1
        return position
    }

    mutating func bindNull() {
        record(sqlite3_bind_null(handle, nextPosition()))
    }

    /// Moves past the next parameter and leaves it NULL without calling SQLite: a new statement
    /// starts with every parameter NULL, and `run(_:)` clears the bindings after each run.
    mutating func skipNull() {
        position += 1
    }

    mutating func bind(_ number: Int64) {
        record(sqlite3_bind_int64(handle, nextPosition(), number))
    }

    mutating func bind(_ number: Double) {
        record(sqlite3_bind_double(handle, nextPosition(), number))
    }

    /// Binds UTF-8 text in place (SQLITE_STATIC); the bytes must outlive the run.
    mutating func bindText(_ bytes: UnsafeBufferPointer<UInt8>) {
        // A nil pointer would bind NULL, so empty text points at a static empty string.
        let base = bytes.isEmpty ? Self.emptyText.utf8Start : bytes.baseAddress!
        let position = nextPosition()
        let code = base.withMemoryRebound(to: CChar.self, capacity: max(bytes.count, 1)) {
            sqlite3_bind_text(handle, position, $0, Int32(bytes.count), credeau_sqlite_static())
        }
        record(code)
    }
}
