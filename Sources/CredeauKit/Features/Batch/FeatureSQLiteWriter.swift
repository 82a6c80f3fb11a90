/// Writes feature rows into a SQLite file an analyst can query with plain SQL.
///
/// A table cannot hold one column per feature (SQLite allows 2,000 columns and the catalogue
/// has more), so the file holds:
/// - `user_features(client_id, user_id, features)`: one row per user; `features` is a JSON
///   object of every feature, read with `features ->> '$.name'`.
/// - `feature_columns(position, name)`: the feature names in catalogue order.
/// - the view `feature_values(client_id, user_id, position, feature, value)`: one row per user
///   and feature, for grouping and filtering by feature name.
///
/// Existing tables of these names are replaced, so the file keeps this run's output only. The
/// replacement and every row form one transaction, committed by `finish()`, so a run that fails
/// leaves the file's tables as they were.
final class FeatureSQLiteWriter: FeatureRowWriter {
    private let database: SQLiteDatabase
    private let inserts: SQLiteBatchedInserts
    private let encoder: FeatureObjectEncoder

    static let schema = [
        "DROP VIEW IF EXISTS feature_values",
        "DROP TABLE IF EXISTS user_features",
        "DROP TABLE IF EXISTS feature_columns",
        """
        CREATE TABLE user_features (
            client_id TEXT NOT NULL,
            user_id TEXT NOT NULL,
            features TEXT NOT NULL,
            PRIMARY KEY (client_id, user_id)
        )
        """,
        "CREATE TABLE feature_columns (position INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE)",
        """
        CREATE VIEW feature_values AS
        SELECT u.client_id, u.user_id, c.position, j.key AS feature, j.value AS value
        FROM user_features AS u, json_each(u.features) AS j
        JOIN feature_columns AS c ON c.name = j.key
        """,
    ]

    init(path: String, names: [String]) throws {
        encoder = FeatureObjectEncoder(names: names)
        do {
            database = try SQLiteDatabase(path: path, walMode: false)
            try database.execute("BEGIN")
            for statement in Self.schema { try database.execute(statement) }
        } catch let error as SQLiteError {
            throw ExtractOutputError.cannotCreate(path: path, reason: error.reason)
        }
        inserts = try SQLiteBatchedInserts(
            database: database, sql: "INSERT OR REPLACE INTO user_features (client_id, user_id, features) VALUES (?, ?, ?)",
            path: path, rowsPerTransaction: .max, opensTransaction: false)
        let columns = try SQLiteBatchedInserts(
            database: database, sql: "INSERT INTO feature_columns (position, name) VALUES (?, ?)", path: path,
            rowsPerTransaction: .max, opensTransaction: false)
        for (index, name) in names.enumerated() { try columns.insert([.integer(Int64(index + 1)), .text(name)]) }
    }

    func write(clientID: String, userID: String, values: [FeatureValue]) throws {
        var object: [UInt8] = [UInt8(ascii: "{")]
        encoder.appendMembers(values, to: &object, afterMember: false)
        object.append(UInt8(ascii: "}"))
        try inserts.insert([.text(clientID), .text(userID), .text(String(decoding: object, as: UTF8.self))])
    }

    func finish() throws {
        try inserts.finish()
    }
}

@available(*, unavailable, message: "A SQLite writer belongs to one thread")
extension FeatureSQLiteWriter: Sendable {}
