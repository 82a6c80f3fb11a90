/// Migrations on one PostgreSQL database, recorded in `credeau_schema_migrations`.
public struct PostgresMigrationTarget: MigrationTarget {
    public let connection: PostgresConnection

    /// Key of the session-level advisory lock every credeau migrate run takes on the database,
    /// so that replicas starting at the same time apply each migration once.
    static let advisoryLockKey: Int64 = 0x6372_6564_6561_7501

    public init(connection: PostgresConnection) {
        self.connection = connection
    }

    public var targetDescription: String { "PostgreSQL \(connection.configuration.endpoint)" }

    static let versionTableSQL = """
        CREATE TABLE IF NOT EXISTS \(MigrationTable.name) (
            schema_name varchar(64) NOT NULL,
            version int4 NOT NULL,
            name text NOT NULL,
            applied_at timestamp NOT NULL DEFAULT (now() AT TIME ZONE 'utc'),
            PRIMARY KEY (schema_name, version)
        )
        """

    public func appliedMigrations(schema: SchemaName) throws -> [Int: String] {
        let exists = try connection.query("SELECT to_regclass(\(MigrationTable.name)) IS NOT NULL").scalar
        guard exists == "t" else { return [:] }
        let rows = try connection.query(
            PostgresQuery(sql: "SELECT version, to_char(applied_at, 'YYYY-MM-DD HH24:MI:SS') FROM "
                + "\(MigrationTable.name) WHERE schema_name = $1", parameters: [schema.rawValue]))
        var applied: [Int: String] = [:]
        for row in rows.rows {
            if let text = row[0], let version = Int(text) { applied[version] = row[1] ?? "" }
        }
        return applied
    }

    public func apply(_ migration: Migration, schema: SchemaName) throws -> Bool {
        try connection.transaction { connection in
            try connection.executeScript(Self.versionTableSQL)
            let recorded = try connection.query(
                PostgresQuery(sql: "SELECT 1 FROM \(MigrationTable.name) WHERE schema_name = $1 AND version = $2",
                              parameters: [schema.rawValue, String(migration.version)]))
            guard recorded.isEmpty else { return false }
            if !migration.sql.isEmpty { try connection.executeScript(migration.sql) }
            try connection.query(
                PostgresQuery(sql: "INSERT INTO \(MigrationTable.name) (schema_name, version, name) VALUES ($1, $2, $3)",
                              parameters: [schema.rawValue, String(migration.version), migration.name]))
            return true
        }
    }

    public func withMigrationLock<T>(_ body: () throws -> T) throws -> T {
        try connection.query("SELECT pg_advisory_lock(\(Self.advisoryLockKey))")
        defer { _ = try? connection.query("SELECT pg_advisory_unlock(\(Self.advisoryLockKey))") }
        return try body()
    }

    /// Creates daily partitions `daysAhead` days ahead and drops those older than `retentionDays`.
    ///
    /// Returns the table names with the partitions created and dropped in each.
    @discardableResult
    public func maintainPartitions(daysAhead: Int = 10, retentionDays: Int = 90) throws
        -> [(table: String, created: Int, dropped: Int)]
    {
        let rows = try withMigrationLock {
            try connection.query("SELECT * FROM credeau_maintain_partitions(\(daysAhead), \(retentionDays))")
        }
        return rows.rows.map { row in
            (table: row[0] ?? "", created: Int(row[1] ?? "") ?? 0, dropped: Int(row[2] ?? "") ?? 0)
        }
    }
}
