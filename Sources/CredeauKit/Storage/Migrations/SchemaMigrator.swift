/// A database that can record and apply migrations: PostgreSQL, SQLite or MongoDB.
public protocol MigrationTarget {
    /// Engine and location for messages, e.g. `PostgreSQL credeau@db:5432/api_insights_db`.
    var targetDescription: String { get }
    /// Applied versions of `schema` with the time each was applied; empty before the first run.
    func appliedMigrations(schema: SchemaName) throws -> [Int: String]
    /// Applies `migration` and records it atomically; returns false when another process
    /// recorded it first.
    func apply(_ migration: Migration, schema: SchemaName) throws -> Bool
    /// Runs `body` while holding a lock that keeps other migrate runs out.
    func withMigrationLock<T>(_ body: () throws -> T) throws -> T
}

/// Compares a schema's migrations with what a database recorded, and applies the pending ones
/// in version order.
public struct SchemaMigrator {
    public let target: any MigrationTarget
    public let schema: SchemaName
    public let migrations: [Migration]

    public init(target: any MigrationTarget, schema: SchemaName, migrations: [Migration]) {
        self.target = target
        self.schema = schema
        self.migrations = migrations.sorted { $0.version < $1.version }
    }

    /// Every migration with its applied time, or nil for pending ones.
    public func status() throws -> [MigrationStatus] {
        let applied = try target.appliedMigrations(schema: schema)
        return migrations.map { MigrationStatus(schema: schema, migration: $0, appliedAt: applied[$0.version]) }
    }

    /// Versions the database records for this schema that this build has no migration for, in
    /// ascending order. A newer credeau applied them, and this build leaves them in place.
    public func unknownAppliedVersions() throws -> [Int] {
        let known = Set(migrations.map(\.version))
        return try target.appliedMigrations(schema: schema).keys.filter { !known.contains($0) }.sorted()
    }

    /// Logs a warning naming the database, the schema and `versions`, the result of
    /// `unknownAppliedVersions()`; logs nothing when `versions` is empty.
    public func warnAboutUnknownVersions(_ versions: [Int], logger: Logger) {
        guard !versions.isEmpty else { return }
        let list = versions.map(String.init).joined(separator: ", ")
        logger.warning("\(target.targetDescription) (\(schema.rawValue)) has migrations applied by a newer credeau: "
            + "\(list). This credeau does not know them and leaves them in place.",
            [("schema", schema.rawValue), ("versions", list)])
    }

    public func pending() throws -> [Migration] {
        try status().filter { !$0.isApplied }.map(\.migration)
    }

    /// Applies every pending migration under the target's lock and returns those this call applied.
    @discardableResult
    public func migrate() throws -> [Migration] {
        try target.withMigrationLock {
            var appliedNow: [Migration] = []
            for migration in try pending() where try target.apply(migration, schema: schema) {
                appliedNow.append(migration)
            }
            return appliedNow
        }
    }
}
