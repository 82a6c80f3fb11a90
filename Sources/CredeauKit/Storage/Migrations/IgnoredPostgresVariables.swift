/// PostgreSQL login variables that count only when their host variable is set, so that
/// `migrate` can name those that have no effect when it falls back to SQLite.
enum IgnoredPostgresVariables {
    /// Each host variable with the login variables that depend on it.
    static let groups: [(host: String, others: [String])] = [
        ("DI_POSTGRES_HOST", ["DI_POSTGRES_PORT", "DI_POSTGRES_USERNAME", "DI_POSTGRES_PASSWORD",
                              "DI_POSTGRES_DATABASE", "DI_POSTGRES_SYNC_DATABASE"]),
        ("DB_HOST", ["DB_PORT", "DB_USER", "DB_PASSWORD", "DB_NAME"]),
    ]

    /// Returns one warning per group whose host variable is empty or unset while some of its
    /// other variables are set, naming those and the SQLite file used. `isSQLiteChosen` marks a
    /// file given with `--sqlite`, which is migrated alongside PostgreSQL when a host is set.
    static func warnings(environment: [String: String], sqlitePath: String, isSQLiteChosen: Bool = false) -> [String] {
        groups.compactMap { group in
            guard (environment[group.host] ?? "").isEmpty else { return nil }
            let present = group.others.filter { !(environment[$0] ?? "").isEmpty }
            guard !present.isEmpty else { return nil }
            let ignored = "\(group.host) is empty or unset, so \(present.joined(separator: ", ")) "
                + "\(present.count == 1 ? "is" : "are") ignored"
            guard isSQLiteChosen else {
                return ignored + " and the SQLite file \(sqlitePath) is migrated instead. Set \(group.host) to migrate PostgreSQL"
            }
            return ignored + " and only the SQLite file \(sqlitePath) given in --sqlite is migrated. "
                + "Set \(group.host) to migrate PostgreSQL too"
        }
    }
}
