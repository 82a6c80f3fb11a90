/// Lists the users of a batch input and gives each worker thread its own way to read them.
final class BatchUserSource {
    /// Users in output order: first appearance for a dump folder, client then user for a database.
    let users: [SyncDBUser]
    /// Per MongoDB collection, the documents that name no readable client or user, which the
    /// user listing leaves out. Empty for the other inputs, whose readers report such documents.
    private(set) var unlisted: [(collection: String, count: Int)] = []
    private let makeReader: () throws -> any BatchUserReader

    /// Opens the input and lists the users `filter` accepts.
    ///
    /// - Parameters:
    ///   - workers: the number of readers that will be made, used to size connection pools.
    ///   - problem: receives each dump document that names no user; it may throw to stop.
    init(input: BatchInput, filter: BatchUserFilter, workers: Int, problem: (InputProblem) throws -> Void) throws {
        switch input {
        case let .dumpFolder(folder):
            let index = try DumpUserIndex(folder: folder, filter: filter, problem: problem)
            users = index.users
            makeReader = { DumpUserReader(index: index) }
        case let .sqlite(path):
            // Only read, so a shared read-only copy works (see `SQLiteDatabase.openForReading`).
            let database = try SQLiteDatabase.openForReading(path: path)
            let tables = try database.query("SELECT name FROM sqlite_master WHERE type = 'table'").compactMap { row in
                if case let .text(name)? = row.first { return name }
                return nil
            }
            let present = try Self.presentCollections(among: tables, input: "SQLite file '\(path)'")
            let listing = UserDataLoader(store: PresentCollectionsStore(base: SQLiteSyncDBStore(database: database),
                                                                        present: present))
            users = try Self.filtered(listing.users(), filter)
            // A SQLite connection serves one thread, so each worker opens its own.
            makeReader = {
                StoreUserReader(loader: UserDataLoader(store: PresentCollectionsStore(
                    base: SQLiteSyncDBStore(database: try SQLiteDatabase.openForReading(path: path)), present: present)))
            }
        case let .postgres(configuration):
            let pool = PostgresPool(configuration: configuration, maxConnections: max(workers, 1))
            let tables = try pool.query(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()"
            ).rows.compactMap { $0.first ?? nil }
            let present = try Self.presentCollections(among: tables,
                                                      input: "PostgreSQL database '\(configuration.endpoint)'")
            let loader = UserDataLoader(store: PresentCollectionsStore(base: PostgresSyncDBStore(pool: pool),
                                                                       present: present))
            users = try Self.filtered(loader.users(), filter)
            makeReader = { StoreUserReader(loader: loader) }
        case let .mongo(configuration):
            do {
                let pool = try MongoClientPool(configuration: configuration)
                let names = SyncDBCollection.all.map(\.name)
                guard try !pool.existingCollections(among: names).isEmpty else {
                    throw BatchInputError.noSyncData("MongoDB database '\(configuration.database)' at \(configuration.endpoint)")
                }
                let store = MongoSyncDBStore(pool: pool)
                let loader = UserDataLoader(store: store)
                users = try Self.filtered(loader.users(), filter)
                makeReader = { StoreUserReader(loader: loader) }
                let present = Set(try pool.existingCollections(among: SyncDBSource.allCases.map(\.collection.name)))
                for source in SyncDBSource.allCases where present.contains(source.collection.name) {
                    let count = try store.unlistedDocumentCount(in: source.collection)
                    if count > 0 { unlisted.append((source.collection.name, count)) }
                }
            } catch let error as MongoError {
                throw BatchInputError.mongoURL(error)
            }
        }
    }

    func reader() throws -> any BatchUserReader {
        try makeReader()
    }

    /// Returns the sync_db collections among a database's `tables`. A database with none of them,
    /// such as a misspelt one, is a usage mistake.
    private static func presentCollections(among tables: [String], input: String) throws -> Set<String> {
        let present = Set(SyncDBCollection.all.map(\.name)).intersection(tables)
        guard !present.isEmpty else { throw BatchInputError.noSyncData(input) }
        return present
    }

    private static func filtered(_ users: [SyncDBUser], _ filter: BatchUserFilter) -> [SyncDBUser] {
        users.filter { filter.accepts(clientID: $0.clientID, userID: $0.userID) }
    }
}

/// Reads one user's documents into a builder; used by one thread at a time.
protocol BatchUserReader: AnyObject {
    /// Returns nil when the input holds no document of the user.
    ///
    /// - Throws: `BatchUserProblem` when a document of the user cannot be read; any other error
    ///   (a lost connection, an unreadable file) stops the run.
    func builder(for user: SyncDBUser) throws -> UserDataBuilder?
}

/// A user whose data cannot be read: the user and a one-line reason naming where.
public struct BatchUserProblem: Error, Sendable, CustomStringConvertible {
    public var user: SyncDBUser
    public var reason: String

    public var description: String { reason }
}

extension DumpUserReader: BatchUserReader {
    func builder(for user: SyncDBUser) throws -> UserDataBuilder? {
        do {
            return try builder(of: user)
        } catch let problem as InputProblem {
            throw BatchUserProblem(user: user, reason: problem.description)
        }
    }
}

/// Reads users from a `sync_db` engine through `UserDataLoader`.
final class StoreUserReader: BatchUserReader {
    private let loader: UserDataLoader

    init(loader: UserDataLoader) {
        self.loader = loader
    }

    func builder(for user: SyncDBUser) throws -> UserDataBuilder? {
        do {
            return try loader.builder(clientID: user.clientID, userID: user.userID)
        } catch let error as UserDataLoadError {
            throw BatchUserProblem(user: user, reason: error.description)
        }
    }
}
