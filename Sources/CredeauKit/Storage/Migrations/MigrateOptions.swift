/// What one `credeau migrate` run should do.
public struct MigrateOptions: Sendable {
    /// Variables after merging the `.env` file under the process environment.
    public var environment: [String: String]
    /// `--sqlite PATH`; when set, SQLite is migrated even if servers are configured.
    public var sqlitePath: String?
    /// `--postgres-url`; replaces the `DI_POSTGRES_*` login for `api_insights_db`.
    public var postgresURL: String?
    public var dryRun = false
    public var statusOnly = false
    public var daysAhead = 10
    public var retentionDays = 90
    /// `--add-client NAME [--email E]`.
    public var newClient: (name: String, email: String?)?
    /// `--load DUMP_DIR`.
    public var loadDirectory: String?

    public init(environment: [String: String]) {
        self.environment = environment
    }

    /// Default SQLite file when neither `--sqlite` nor a server is configured.
    public static let defaultSQLitePath = "./credeau.db"

    /// `--sqlite`, else `CREDEAU_SQLITE_PATH`, else `./credeau.db`.
    public var resolvedSQLitePath: String {
        if let sqlitePath { return sqlitePath }
        if let path = environment["CREDEAU_SQLITE_PATH"], !path.isEmpty { return path }
        return Self.defaultSQLitePath
    }
}
