/// Picks, per source, the `sync_db` engine to read: MongoDB for the sources in
/// `DI_MONGODB_ENABLED_SOURCES`, PostgreSQL or SQLite `sync_db` for the rest.
public struct SyncDBRouter {
    public let mongo: (any SyncDBStore)?
    public let fallback: any SyncDBStore
    public let enabledSources: MongoEnabledSources

    /// - Parameters:
    ///   - mongo: the MongoDB store, nil when `DI_MONGODB_HOST` is unset.
    ///   - fallback: PostgreSQL `sync_db` or the SQLite file.
    public init(mongo: (any SyncDBStore)?, fallback: any SyncDBStore, enabledSources: MongoEnabledSources) {
        self.mongo = mongo
        self.fallback = fallback
        self.enabledSources = enabledSources
    }

    public func store(for source: SyncDBSource) -> any SyncDBStore {
        if let mongo, enabledSources.contains(source) { return mongo }
        return fallback
    }

    /// Returns one user's documents of `source` from the engine that serves it.
    public func documents(of source: SyncDBSource, clientID: String, userID: String) throws -> [String] {
        try store(for: source).documents(in: source.collection, clientID: clientID, userID: userID)
    }

    /// Every user with a document in any source, each from the engine that serves the source,
    /// sorted by client and then user.
    public func users() throws -> [SyncDBUser] {
        var found = Set<SyncDBUser>()
        for source in SyncDBSource.allCases {
            found.formUnion(try store(for: source).users(in: source.collection))
        }
        return found.sorted()
    }
}
