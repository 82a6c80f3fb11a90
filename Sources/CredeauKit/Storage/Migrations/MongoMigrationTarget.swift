import Foundation

/// Migrations on MongoDB `sync_db`, recorded in the `credeau_schema_migrations` collection.
///
/// A MongoDB migration's `sql` holds one command document per line (Extended JSON), run in
/// order on the database; `createIndexes` is idempotent, so two runs racing do no harm, and the
/// version record's `_id` (`<schema>:<version>`) makes the second run's record a no-op.
public struct MongoMigrationTarget: MigrationTarget {
    public let pool: MongoClientPool

    public init(pool: MongoClientPool) {
        self.pool = pool
    }

    public var targetDescription: String { "MongoDB \(pool.configuration.endpoint)/\(pool.configuration.database)" }

    /// `sync_db` migrations: the collections' indexes.
    public static let syncDBMigrations: [Migration] = [
        Migration(version: 1, name: "create sync_db indexes",
                  sql: SyncDBCollection.all.map { MongoClientPool.createIndexesCommand($0.name, keys: $0.indexes) }
                      .joined(separator: "\n")),
        // Sparse, so documents with the usual snake_case ids add no entries to it.
        Migration(version: 2, name: "index the camelCase client and user ids",
                  sql: SyncDBCollection.all.filter { $0.indexes.contains(["client_id", "user_id"]) }.map {
                      #"{"createIndexes": "\#($0.name)", "indexes": [{"key": {"clientId": 1, "userId": 1}, "#
                          + #""name": "clientId_1_userId_1", "sparse": true}]}"#
                  }.joined(separator: "\n")),
    ]

    public func appliedMigrations(schema: SchemaName) throws -> [Int: String] {
        let records = try pool.find(MigrationTable.name, filter: .strings([("schema_name", schema.rawValue)]))
        var applied: [Int: String] = [:]
        for record in records {
            if let version = record.epochMillis("version") {
                applied[Int(version)] = record.string("applied_at") ?? ""
            }
        }
        return applied
    }

    public func apply(_ migration: Migration, schema: SchemaName) throws -> Bool {
        for line in migration.sql.split(separator: "\n") where !line.isEmpty {
            try pool.runCommand(BSONBytes(json: String(line)), name: "migration \(migration.version)")
        }
        // The same text form PostgreSQL and SQLite print for their applied_at column.
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate, .withTime, .withColonSeparatorInTime, .withSpaceBetweenDateAndTime]
        let appliedAt = formatter.string(from: Date())
        let record = """
            {"_id": "\(schema.rawValue):\(migration.version)", "schema_name": "\(schema.rawValue)", \
            "version": \(migration.version), "name": "\(migration.name)", "applied_at": "\(appliedAt)"}
            """
        return try pool.insert(BSONBytes(json: record), into: MigrationTable.name)
    }

    public func withMigrationLock<T>(_ body: () throws -> T) throws -> T {
        try body()
    }
}
