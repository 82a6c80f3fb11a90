import CLibPQ
#if canImport(Glibc)
import Glibc
#endif

/// One libpq connection (`PGconn`), closed with `PQfinish` when the object goes away.
///
/// A connection serves one caller at a time: `PostgresPool` hands each connection to one
/// borrower, which is why the class is `@unchecked Sendable`. Values are always sent as
/// parameters (`PostgresQuery`); only constant scripts such as migrations go through
/// `executeScript`.
public final class PostgresConnection: @unchecked Sendable {
    private let handle: OpaquePointer
    public let configuration: PostgresConfiguration
    private let logger: Logger

    /// Connects and logs in; throws `PostgresError.connectionFailed` with one readable line.
    public init(configuration: PostgresConfiguration, logger: Logger = .discarding) throws {
        self.configuration = configuration
        self.logger = logger
        let parameters = configuration.connectionParameters
        let connection = Self.withCStrings(parameters.map(\.0)) { keywords in
            Self.withCStrings(parameters.map(\.1)) { values in
                PQconnectdbParams(keywords, values, 0)
            }
        }
        guard let connection else {
            throw PostgresError.connectionFailed(endpoint: configuration.endpoint, source: configuration.source,
                                                 reason: .other, message: "libpq could not allocate a connection")
        }
        guard PQstatus(connection) == CONNECTION_OK else {
            let message = String(cString: PQerrorMessage(connection))
            PQfinish(connection)
            throw PostgresError.connectionFailed(
                endpoint: configuration.endpoint, source: configuration.source,
                reason: PostgresError.classify(loginMessage: message), message: PostgresError.condense(message))
        }
        handle = connection
        // libpq prints server notices ("relation already exists, skipping") to stderr by default;
        // they carry nothing an operator must act on, so they are dropped.
        PQsetNoticeProcessor(handle, { _, _ in }, nil)
        try applySessionSettings()
    }

    /// Sets `lock_timeout` when the configuration has one. A `SET` rather than a startup option,
    /// because PgBouncer rejects startup parameters it does not track, `options` among them,
    /// unless its `ignore_startup_parameters` lists them.
    private func applySessionSettings() throws {
        guard let milliseconds = configuration.lockTimeoutMillis else { return }
        let sql = "SET lock_timeout = \(milliseconds)"
        do {
            _ = try send(PostgresQuery(sql: sql), simpleProtocol: true)
        } catch let broken as BrokenConnection {
            throw PostgresError.connectionLost(endpoint: configuration.endpoint, message: broken.message, statement: sql)
        }
    }

    deinit {
        PQfinish(handle)
    }

    /// True while libpq considers the connection usable.
    public var isHealthy: Bool { PQstatus(handle) == CONNECTION_OK }

    /// True inside `BEGIN … COMMIT`, where a statement must not be silently retried.
    public var isInTransaction: Bool { PQtransactionStatus(handle) != PQTRANS_IDLE }

    /// Runs one parameterised statement and returns its rows.
    ///
    /// When the connection turns out broken (the server restarted) outside a transaction, it
    /// reconnects and runs the statement once more. A statement that broke the connection while
    /// running may thus run twice; every statement credeau sends outside a transaction is safe
    /// to repeat.
    @discardableResult
    public func query(_ query: PostgresQuery) throws -> PostgresRows {
        try self.query(query, simpleProtocol: false)
    }

    /// Runs `COPY … FROM STDIN` (text format) with `data` as its rows and returns how many rows
    /// went in. A broken connection is retried once outside a transaction, like `query`: an
    /// interrupted COPY leaves nothing behind, and one that finished before the socket broke fails
    /// again on its unique keys rather than storing twice.
    @discardableResult
    public func copyIn(_ sql: String, data: [UInt8]) throws -> Int {
        try retryingBroken(sql) { try sendCopy(sql, data: data) }.affectedRows
    }

    /// Runs constant SQL that may hold several statements (migrations, `BEGIN`), with no parameters.
    public func executeScript(_ sql: String) throws {
        try query(PostgresQuery(sql: sql), simpleProtocol: true)
    }

    /// Runs `body` inside `BEGIN … COMMIT`, rolling back when it throws.
    public func transaction<T>(_ body: (PostgresConnection) throws -> T) throws -> T {
        try executeScript("BEGIN")
        do {
            let result = try body(self)
            try executeScript("COMMIT")
            return result
        } catch {
            if isHealthy { try? executeScript("ROLLBACK") }
            throw error
        }
    }

    /// Drops the broken socket and logs in again with the same settings; true on success.
    func reconnect() -> Bool {
        PQreset(handle)
        return PQstatus(handle) == CONNECTION_OK && (try? applySessionSettings()) != nil
    }

    private var lastErrorMessage: String { String(cString: PQerrorMessage(handle)) }

    @discardableResult
    private func query(_ query: PostgresQuery, simpleProtocol: Bool) throws -> PostgresRows {
        try retryingBroken(query.sql) { try send(query, simpleProtocol: simpleProtocol) }
    }

    /// Runs `operation`, and once more after reconnecting when it broke the connection outside a
    /// transaction.
    private func retryingBroken(_ sql: String, _ operation: () throws -> PostgresRows) throws -> PostgresRows {
        // COMMIT on a fresh connection would commit nothing, so the end of a transaction is never retried.
        let mayRetry = !isInTransaction && sql != "COMMIT" && sql != "ROLLBACK"
        do {
            return try operation()
        } catch let broken as BrokenConnection {
            guard mayRetry else {
                throw PostgresError.connectionLost(endpoint: configuration.endpoint, message: broken.message,
                                                   statement: sql)
            }
            logger.notice("PostgreSQL connection broken, reconnecting", [
                (LogKey.dbSystem, "postgresql"), ("db.endpoint", configuration.endpoint), (LogKey.error, broken.message),
            ])
            guard reconnect() else {
                throw PostgresError.connectionLost(endpoint: configuration.endpoint,
                                                   message: PostgresError.condense(lastErrorMessage),
                                                   statement: sql)
            }
            do {
                return try operation()
            } catch let again as BrokenConnection {
                throw PostgresError.connectionLost(endpoint: configuration.endpoint, message: again.message,
                                                   statement: sql)
            }
        }
    }

    /// Sends one statement; throws `BrokenConnection` when the socket is gone, so callers can retry.
    private func send(_ query: PostgresQuery, simpleProtocol: Bool = false) throws -> PostgresRows {
        let result: OpaquePointer?
        if simpleProtocol {
            result = PQexec(handle, query.sql)
        } else {
            result = Self.withOptionalCStrings(query.parameters.map { $0.map(Self.replacingNUL) }) { values in
                PQexecParams(handle, query.sql, Int32(query.parameters.count), nil, values, nil, nil, 0)
            }
        }
        defer { PQclear(result) }
        return try rows(of: result, statement: query.sql)
    }

    /// Starts a COPY, sends `data` and reads the outcome.
    private func sendCopy(_ sql: String, data: [UInt8]) throws -> PostgresRows {
        let start = PQexec(handle, sql)
        guard let start, PQresultStatus(start) == PGRES_COPY_IN else {
            defer { PQclear(start) }
            // A statement that did not start a COPY is an error here (the table is missing, say).
            _ = try rows(of: start, statement: sql)
            throw PostgresError.statementFailed(endpoint: configuration.endpoint, sqlState: "XX000",
                                                message: "the server did not start COPY FROM STDIN", statement: sql)
        }
        PQclear(start)
        let sent = data.withUnsafeBufferPointer { bytes -> Bool in
            var offset = 0
            // PQputCopyData takes an Int32 length, so large inputs go in pieces.
            while offset < bytes.count {
                let length = min(bytes.count - offset, 1 << 20)
                let status = bytes.baseAddress!.advanced(by: offset).withMemoryRebound(to: CChar.self, capacity: length) {
                    PQputCopyData(handle, $0, Int32(length))
                }
                guard status == 1 else { return false }
                offset += length
            }
            return true
        }
        guard sent, PQputCopyEnd(handle, nil) == 1 else {
            throw BrokenConnection(message: PostgresError.condense(lastErrorMessage))
        }
        // The COPY's own result comes first, then nil. Every result is read, so the connection is
        // free again.
        var outcome: Result<PostgresRows, any Error>?
        while let result = PQgetResult(handle) {
            defer { PQclear(result) }
            let rows = Result { try self.rows(of: result, statement: sql) }
            if outcome == nil { outcome = rows }
        }
        guard let outcome else { throw BrokenConnection(message: PostgresError.condense(lastErrorMessage)) }
        return try outcome.get()
    }

    /// Returns the rows of a finished statement, or throws its error: `BrokenConnection` when the
    /// socket is gone.
    private func rows(of result: OpaquePointer?, statement: String) throws -> PostgresRows {
        guard let result else {
            throw BrokenConnection(message: PostgresError.condense(lastErrorMessage))
        }
        switch PQresultStatus(result) {
        case PGRES_COMMAND_OK, PGRES_TUPLES_OK, PGRES_EMPTY_QUERY:
            return Self.copyRows(result)
        default:
            if PQstatus(handle) != CONNECTION_OK {
                throw BrokenConnection(message: PostgresError.condense(lastErrorMessage))
            }
            let sqlState = Self.field(result, "C") ?? "XX000"
            let message = Self.field(result, "M") ?? PostgresError.condense(lastErrorMessage)
            // 57P01 (admin shutdown) can arrive on a socket libpq still marks as usable.
            if sqlState.hasPrefix("57P") || sqlState.hasPrefix("08") {
                throw BrokenConnection(message: message)
            }
            throw PostgresError.statementFailed(endpoint: configuration.endpoint, sqlState: sqlState, message: message,
                                                statement: statement)
        }
    }

    /// Copies every value out of `result`, because its memory is freed by `PQclear`.
    private static func copyRows(_ result: OpaquePointer) -> PostgresRows {
        let columnCount = PQnfields(result)
        let rowCount = PQntuples(result)
        let columns = (0..<columnCount).map { String(cString: PQfname(result, $0)) }
        var rows: [[String?]] = []
        rows.reserveCapacity(Int(rowCount))
        for row in 0..<rowCount {
            rows.append((0..<columnCount).map { column in
                PQgetisnull(result, row, column) == 1 ? nil : String(cString: PQgetvalue(result, row, column))
            })
        }
        let affected = Int(String(cString: PQcmdTuples(result))) ?? 0
        return PostgresRows(columns: columns, rows: rows, affectedRows: affected)
    }

    private static func field(_ result: OpaquePointer, _ code: Unicode.Scalar) -> String? {
        guard let text = PQresultErrorField(result, Int32(code.value)) else { return nil }
        return String(cString: text)
    }

    private static func withCStrings<R>(_ strings: [String], _ body: (UnsafePointer<UnsafePointer<CChar>?>) -> R) -> R {
        withOptionalCStrings(strings) { body($0!) }
    }

    /// Returns `text` with each NUL character replaced by U+FFFD. PostgreSQL text cannot contain
    /// NUL, and libpq would end the parameter at it: a user id "a\u{0}b" would have matched the
    /// rows of user "a".
    static func replacingNUL(_ text: String) -> String {
        // memchr, because a value such as an id list parameter can be hundreds of KB.
        let hasNUL = text.utf8.withContiguousStorageIfAvailable { bytes in
            bytes.baseAddress.map { memchr($0, 0, bytes.count) != nil } ?? false
        } ?? text.utf8.contains(0)
        guard hasNUL else { return text }
        return String(String.UnicodeScalarView(text.unicodeScalars.map { $0 == "\u{0}" ? "\u{FFFD}" : $0 }))
    }

    /// Passes a NULL-terminated array of C strings (NULL entries for nil) to `body`.
    private static func withOptionalCStrings<R>(
        _ strings: [String?], _ body: (UnsafePointer<UnsafePointer<CChar>?>?) -> R
    ) -> R {
        let copies: [UnsafeMutablePointer<CChar>?] = strings.map { $0.flatMap { strdup($0) } }
        defer { copies.forEach { free($0) } }
        let pointers: [UnsafePointer<CChar>?] = copies.map { $0.map { UnsafePointer($0) } } + [nil]
        return pointers.withUnsafeBufferPointer { body($0.baseAddress) }
    }
}

/// The socket broke while a statement ran; callers may reconnect and retry.
private struct BrokenConnection: Error {
    var message: String
}
