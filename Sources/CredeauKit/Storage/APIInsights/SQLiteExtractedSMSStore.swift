import Synchronization

/// `extracted_sms` in a SQLite file, through one connection that a mutex serialises.
///
/// Requests extract and encrypt in parallel and take the mutex only for the statements; a batch
/// is one `BEGIN IMMEDIATE` transaction of prepared `INSERT OR IGNORE` statements.
public final class SQLiteExtractedSMSStore: ExtractedSMSStore {
    /// The connection and its prepared statements, used by one thread at a time.
    private final class Connection {
        let database: SQLiteDatabase
        /// Inserts `rowsPerInsert` rows per run, because one statement per row pays SQLite's
        /// per-statement start, cursor and halt work for every SMS.
        let insertMany: SQLiteStatement
        /// Inserts one row, for the rows after the last full group.
        let insertOne: SQLiteStatement
        let rowsPerInsert: Int
        let storedIDs: SQLiteStatement
        /// Finds whether the user has any row, one primary-key seek.
        let userHasRows: SQLiteStatement

        init(database: SQLiteDatabase) throws {
            self.database = database
            let columnCount = ExtractedSMSRowCodec.quotedColumns.count
            rowsPerInsert = max(1, min(SQLiteExtractedSMSStore.maxRowsPerInsert, database.maxParameterCount / columnCount))
            insertMany = try database.prepare(Self.insertSQL(rowCount: rowsPerInsert))
            insertOne = try database.prepare(Self.insertSQL(rowCount: 1))
            // json_each turns one JSON array parameter into rows, so any number of ids is one statement.
            storedIDs = try database.prepare("""
                SELECT sms_id FROM extracted_sms WHERE client_id = ? AND user_id = ?
                AND sms_id IN (SELECT value FROM json_each(?))
                """)
            userHasRows = try database.prepare("SELECT 1 FROM extracted_sms WHERE client_id = ? AND user_id = ? LIMIT 1")
        }

        /// Returns an `INSERT OR IGNORE` of `rowCount` rows. SQLite checks each row's key on its
        /// own, so a row already stored skips only itself.
        ///
        /// Every row reads the shared columns from parameters ?1 to ?5, so they are bound once
        /// per run. The other columns follow, row by row, from ?6 on.
        private static func insertSQL(rowCount: Int) -> String {
            let columns = ExtractedSMSRowCodec.quotedColumns
            let shared = SQLiteExtractedSMSStore.sharedColumns
            var next = shared.count + 1
            let rows = (0..<rowCount).map { _ in
                let parameters = columns.indices.map { column in
                    if let position = shared.firstIndex(of: column) { return "?\(position + 1)" }
                    next += 1
                    return "?\(next - 1)"
                }
                return "(" + parameters.joined(separator: ", ") + ")"
            }
            return "INSERT OR IGNORE INTO extracted_sms (\(columns.joined(separator: ", "))) VALUES "
                + rows.joined(separator: ", ")
        }
    }

    /// The columns that every row of one request shares, in the order of parameters ?1 to ?5.
    static let sharedColumns = ["client_id", "user_id", "request_id", "created_at", "created_date"].map {
        ExtractedSMSColumns.names.firstIndex(of: $0)!
    }
    static let allColumns = Array(ExtractedSMSColumns.names.indices)
    /// The other columns, bound for each row, in table order.
    static let perRowColumns = ExtractedSMSColumns.names.indices.filter { !sharedColumns.contains($0) }

    /// Rows per multi-row `INSERT`: 32 rows of 30 columns stay under the 999 parameters that
    /// SQLite before 3.32 allows, and groups of 128 rows measured no better (callgrind).
    static let maxRowsPerInsert = 32

    public let path: String
    private let connection: SleepingMutex<Connection>
    private let codec: ExtractedSMSRowCodec

    /// Opens the file; with `migrate`, first applies the pending `api_insights_db` migrations and
    /// returns their names in `appliedMigrations`, else throws `schemaMissing` when the table is absent.
    ///
    /// - Parameter logger: receives the warning about migrations that a newer credeau applied.
    public init(path: String, fernet: Fernet?, migrate: Bool, logger: Logger = .discarding) throws {
        self.path = path
        let database = try SQLiteDatabase(path: path)
        // Both services write to this file, so a read-only one fails at start instead of on
        // every request.
        guard !database.isReadOnly else { throw ExtractedSMSStoreError.readOnlyDatabase(path: path) }
        if migrate {
            let migrator = SchemaMigrator(target: SQLiteMigrationTarget(database: database), schema: .apiInsights,
                                          migrations: MigrationCatalog.sqlite(.apiInsights))
            appliedMigrations = try migrator.migrate().map(\.name)
            migrator.warnAboutUnknownVersions(try migrator.unknownAppliedVersions(), logger: logger)
        } else {
            appliedMigrations = []
        }
        let tables = try database.query("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'extracted_sms'")
        guard !tables.isEmpty else { throw ExtractedSMSStoreError.schemaMissing(store: "SQLite '\(path)'") }
        // The connection keeps the checkpointer alive.
        _ = try SQLiteBackgroundCheckpointer.start(for: database)
        connection = SleepingMutex(try Connection(database: database))
        codec = ExtractedSMSRowCodec(fernet: fernet)
    }

    /// Names of the migrations `init` applied.
    public let appliedMigrations: [String]

    public func storedIDs(clientID: String, userID: String, among smsIDs: [String]) throws -> [String] {
        guard !smsIDs.isEmpty else { return [] }
        // A user with no stored rows, such as one whose SMS serve-insights sends for the first
        // time, needs one seek instead of building the id list and looking up every id.
        let hasRows = try connection.withLock { connection in
            let statement = connection.userHasRows
            try statement.bind([.text(clientID), .text(userID)])
            defer { statement.reset() }
            return try statement.step()
        }
        guard hasRows else { return [] }

        var idList: [UInt8] = [UInt8(ascii: "[")]
        for (index, id) in smsIDs.enumerated() {
            if index > 0 { idList.append(UInt8(ascii: ",")) }
            JSONText.appendString(id, to: &idList)
        }
        idList.append(UInt8(ascii: "]"))
        let ids = String(decoding: idList, as: UTF8.self)

        return try connection.withLock { connection in
            let statement = connection.storedIDs
            try statement.bind([.text(clientID), .text(userID), .text(ids)])
            var found: [String] = []
            while try statement.step() {
                if case let .text(id) = statement.column(0) { found.append(id) }
            }
            return found
        }
    }

    @discardableResult
    public func store(rows: ExtractedSMSRows) throws -> Int {
        guard !rows.isEmpty else { return 0 }
        // Encrypt outside the lock, so concurrent requests only queue for the writes.
        let tokens = try codec.encryptedBodyBatch(of: rows)
        // Rows that differ in a shared column go in one by one, each with its own values.
        let sharesColumns = Self.rowsShareColumns(rows)
        return try connection.withLock { connection in
            // One text arena serves every statement, so the loop allocates only when a group's
            // texts outgrow it.
            var arena = [UInt8](repeating: 0, count: 64 * 1024)
            var inserted = 0
            try connection.database.transaction {
                var start = 0
                while start < rows.count {
                    let isGroup = sharesColumns && rows.count - start >= connection.rowsPerInsert
                    let group = start..<(isGroup ? start + connection.rowsPerInsert : start + 1)
                    try Self.insert(rows, group, tokens: tokens, arena: &arena,
                                    with: isGroup ? connection.insertMany : connection.insertOne)
                    // INSERT OR IGNORE counts only the rows it inserted.
                    inserted += connection.database.changes
                    start = group.upperBound
                }
            }
            return inserted
        }
    }

    /// Returns true when every row has the first row's values in `sharedColumns`.
    private static func rowsShareColumns(_ rows: ExtractedSMSRows) -> Bool {
        let width = ExtractedSMSRows.width
        return rows.values.withUnsafeBufferPointer { values in
            (1..<rows.count).allSatisfy { row in
                sharedColumns.allSatisfy { values[row * width + $0] == values[$0] }
            }
        }
    }

    /// Runs `statement` with the column values of `rows[group]`, binding them without building
    /// `SQLiteValue`s. Each text is copied into `arena` and bound in place (SQLITE_STATIC). The
    /// arena is sized for the whole group first, so the bound bytes do not move during the run.
    /// Tokens are bound in place in their batch's buffer.
    private static func insert(_ rows: ExtractedSMSRows, _ group: Range<Int>, tokens: FernetTokenBatch?,
                               arena: inout [UInt8], with statement: SQLiteStatement) throws {
        let bodyIndex = ExtractedSMSRowCodec.bodyIndex
        let width = ExtractedSMSRows.width
        try rows.values.withUnsafeBufferPointer { values in
            var needed = 0
            for index in group {
                for column in index == group.lowerBound ? allColumns : perRowColumns {
                    if column == bodyIndex, tokens != nil { continue }
                    if case let .text(text) = values[index * width + column] {
                        needed += text.utf8.count
                    }
                }
            }
            if arena.count < needed { arena = [UInt8](repeating: 0, count: needed) }

            try (tokens?.bytes ?? []).withUnsafeBufferPointer { tokenBytes in
                try arena.withUnsafeMutableBufferPointer { arenaBytes in
                    try statement.run { binder in
                        var offset = 0
                        func bindText(_ text: String) {
                            // withCString borrows the string where withUTF8 needs a mutable copy
                            // of it. Its buffer contains every UTF-8 byte, NUL bytes included.
                            let count = text.utf8.count
                            text.withCString { start in
                                start.withMemoryRebound(to: UInt8.self, capacity: count + 1) {
                                    (arenaBytes.baseAddress! + offset).update(from: $0, count: count)
                                }
                            }
                            binder.bindText(UnsafeBufferPointer(rebasing: arenaBytes[offset..<(offset + count)]))
                            offset += count
                        }
                        func bindValue(_ value: ExtractedFieldValue) {
                            switch value {
                            case .null: binder.skipNull()
                            case let .text(text): bindText(text)
                            case let .bool(flag): binder.bind(Int64(flag ? 1 : 0))
                            case let .amount(rupees): binder.bind((rupees * 100).rounded() / 100)
                            }
                        }
                        // The caller groups only rows that share these values with the first.
                        for column in sharedColumns {
                            bindValue(values[group.lowerBound * width + column])
                        }
                        for index in group {
                            for column in perRowColumns {
                                if column == bodyIndex, let tokens {
                                    binder.bindText(UnsafeBufferPointer(rebasing: tokenBytes[tokens.range(at: index)]))
                                } else {
                                    bindValue(values[index * width + column])
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    public func entries(clientID: String, userID: String, limit: Int?, includeBodies: Bool) throws -> [ExtractedSMS] {
        // SQLite sorts NULL first in DESC order, so undated rows are moved last explicitly.
        var entries = try readEntries(
            clientID: clientID, userID: userID, includeBodies: includeBodies,
            orderAndLimit: "ORDER BY sms_inbox_date IS NULL, sms_inbox_date DESC, sms_id LIMIT \(limit ?? -1)")
        if includeBodies {
            for index in entries.indices {
                entries[index].smsBody = try codec.decryptedBody(entries[index].smsBody, smsID: entries[index].smsID)
            }
        }
        return entries
    }

    public func unorderedEntries(clientID: String, userID: String) throws -> [ExtractedSMS] {
        try readEntries(clientID: clientID, userID: userID, includeBodies: false, orderAndLimit: "")
    }

    public func unorderedEntries(clientID: String, userID: String, expectedCount: Int) throws -> [ExtractedSMS] {
        try readEntries(clientID: clientID, userID: userID, includeBodies: false, orderAndLimit: "",
                        expectedCount: expectedCount)
    }

    /// Reads the user's rows with their stored bodies, which the caller decrypts after the lock
    /// is released so that other requests do not wait for the decryption.
    private func readEntries(clientID: String, userID: String, includeBodies: Bool,
                             orderAndLimit: String, expectedCount: Int = 0) throws -> [ExtractedSMS] {
        let columns = ExtractedSMSRowCodec.selectList(includeBodies: includeBodies)
        return try connection.withLock { connection in
            let statement = try connection.database.prepare("""
                SELECT \(columns) FROM extracted_sms WHERE client_id = ? AND user_id = ? \(orderAndLimit)
                """)
            try statement.bind([.text(clientID), .text(userID)])
            let row = ExtractedSMSSQLiteRow(statement: statement)
            var entries: [ExtractedSMS] = []
            // Reserved up front, because doubling copied every large entry about twice.
            entries.reserveCapacity(min(max(0, expectedCount), 100_000))
            while try statement.step() {
                entries.append(try codec.entry(from: row, decryptsBody: false))
            }
            return entries
        }
    }

    public func ping() throws {
        try connection.withLock { connection in
            _ = try connection.database.query("SELECT 1")
        }
    }

    public func checkStoredBodyKey() throws {
        let sample = try connection.withLock { connection in
            try connection.database.query("SELECT sms_id, sms_body FROM extracted_sms LIMIT 1")
        }
        guard let row = sample.first, case let .text(body)? = row.count > 1 ? row[1] : nil else { return }
        let smsID: String
        if case let .text(id) = row[0] { smsID = id } else { smsID = "" }
        _ = try codec.decryptedBody(body, smsID: smsID)
    }
}
