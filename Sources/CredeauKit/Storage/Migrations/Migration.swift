/// One numbered schema change, applied once inside a transaction and recorded in
/// `credeau_schema_migrations`.
public struct Migration: Sendable, Equatable {
    /// Position within its schema, starting at 1; never reused once released.
    public var version: Int
    public var name: String
    /// Constant SQL; it may hold several statements and PL/pgSQL bodies.
    public var sql: String

    public init(version: Int, name: String, sql: String) {
        self.version = version
        self.name = name
        self.sql = sql
    }
}

/// A set of migrations that share one version sequence.
public enum SchemaName: String, Sendable, CaseIterable {
    /// The Insights API's tables plus credeau's own (`extracted_sms`, `insights_jobs`).
    case apiInsights = "api_insights_db"
    /// Synced phone data, one table or collection per source.
    case syncDB = "sync_db"
}

/// Whether one migration has run on a database.
public struct MigrationStatus: Sendable, Equatable {
    public var schema: SchemaName
    public var migration: Migration
    /// When it was applied, as the database prints it; nil while pending.
    public var appliedAt: String?

    public var isApplied: Bool { appliedAt != nil }
}

/// The version table every engine keeps, named here once.
enum MigrationTable {
    static let name = "credeau_schema_migrations"
}
