/// Lists the users of a batch input and gives each worker thread its own way to read them.
final class BatchUserSource {
    /// Users in output order: first appearance for a dump folder, client then user for a database.
    let users: [SyncDBUser]
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
            let listing = UserDataLoader(store: SQLiteSyncDBStore(database: try SQLiteDatabase(path: path, walMode: false)))
            users = try Self.filtered(listing.users(), filter)
            // A SQLite connection serves one thread, so each worker opens its own.
            makeReader = {
                StoreUserReader(loader: UserDataLoader(store: SQLiteSyncDBStore(
                    database: try SQLiteDatabase(path: path, walMode: false))))
            }
        case let .postgres(configuration):
            let loader = UserDataLoader(store: PostgresSyncDBStore(
                pool: PostgresPool(configuration: configuration, maxConnections: max(workers, 1))))
            users = try Self.filtered(loader.users(), filter)
            makeReader = { StoreUserReader(loader: loader) }
        case let .mongo(configuration):
            let loader = UserDataLoader(store: MongoSyncDBStore(pool: try MongoClientPool(configuration: configuration)))
            users = try Self.filtered(loader.users(), filter)
            makeReader = { StoreUserReader(loader: loader) }
        }
    }

    func reader() throws -> any BatchUserReader {
        try makeReader()
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
