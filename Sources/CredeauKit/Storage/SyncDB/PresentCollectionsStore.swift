/// A `sync_db` store in which only some collections have tables. Reads of the others find no
/// documents, so their sources count as not synced, as a missing file does in a dump folder.
struct PresentCollectionsStore: SyncDBStore {
    let base: any SyncDBStore
    /// Names of the collections whose tables exist.
    let present: Set<String>

    var storeDescription: String { base.storeDescription }

    func documents(in collection: SyncDBCollection, clientID: String, userID: String) throws -> [String] {
        guard present.contains(collection.name) else { return [] }
        return try base.documents(in: collection, clientID: clientID, userID: userID)
    }

    func insertIfAbsent(_ document: SyncDBDocument, into collection: SyncDBCollection) throws -> Bool {
        try base.insertIfAbsent(document, into: collection)
    }

    func users(in collection: SyncDBCollection) throws -> [SyncDBUser] {
        guard present.contains(collection.name) else { return [] }
        return try base.users(in: collection)
    }
}
