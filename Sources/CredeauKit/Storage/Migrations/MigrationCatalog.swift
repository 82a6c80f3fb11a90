/// The migrations of each schema on each engine.
public enum MigrationCatalog {
    public static func postgres(_ schema: SchemaName) -> [Migration] {
        switch schema {
        case .apiInsights: return PostgresAPIInsightsSchema.migrations
        case .syncDB: return SyncDBSchema.postgresMigrations()
        }
    }

    public static func sqlite(_ schema: SchemaName) -> [Migration] {
        switch schema {
        case .apiInsights: return SQLiteAPIInsightsSchema.migrations
        case .syncDB: return SyncDBSchema.sqliteMigrations()
        }
    }

    /// The partitioned `api_insights_db` tables, each kept with daily partitions in PostgreSQL.
    public static var partitionedTables: [String] { PostgresAPIInsightsSchema.partitionedTables }
}
