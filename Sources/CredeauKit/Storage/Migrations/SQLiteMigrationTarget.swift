/// Migrations on the embedded SQLite database, recorded in `credeau_schema_migrations`.
///
/// SQLite needs no separate lock: each migration runs in `BEGIN IMMEDIATE`, which takes the
/// database's write lock, and re-checks its version inside that transaction.
public struct SQLiteMigrationTarget: MigrationTarget {
    public let database: SQLiteDatabase

    public init(database: SQLiteDatabase) {
        self.database = database
    }

    public var targetDescription: String { "SQLite \(database.path)" }

    static let versionTableSQL = """
        CREATE TABLE IF NOT EXISTS \(MigrationTable.name) (
            schema_name TEXT NOT NULL,
            version INTEGER NOT NULL,
            name TEXT NOT NULL,
            applied_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP,
            PRIMARY KEY (schema_name, version)
        )
        """

    public func appliedMigrations(schema: SchemaName) throws -> [Int: String] {
        let tables = try database.query("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
                                        [.text(MigrationTable.name)])
        guard !tables.isEmpty else { return [:] }
        let rows = try database.query(
            "SELECT version, applied_at FROM \(MigrationTable.name) WHERE schema_name = ?", [.text(schema.rawValue)])
        var applied: [Int: String] = [:]
        for row in rows {
            if case let .integer(version) = row[0], case let .text(time) = row[1] { applied[Int(version)] = time }
        }
        return applied
    }

    public func apply(_ migration: Migration, schema: SchemaName) throws -> Bool {
        try database.transaction {
            try database.execute(Self.versionTableSQL)
            let recorded = try database.query(
                "SELECT 1 FROM \(MigrationTable.name) WHERE schema_name = ? AND version = ?",
                [.text(schema.rawValue), .integer(Int64(migration.version))])
            guard recorded.isEmpty else { return false }
            if !migration.sql.isEmpty { try database.execute(migration.sql) }
            try database.query("INSERT INTO \(MigrationTable.name) (schema_name, version, name) VALUES (?, ?, ?)",
                               [.text(schema.rawValue), .integer(Int64(migration.version)), .text(migration.name)])
            return true
        }
    }

    public func withMigrationLock<T>(_ body: () throws -> T) throws -> T {
        try body()
    }
}
