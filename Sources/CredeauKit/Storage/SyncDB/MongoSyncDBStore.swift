/// `sync_db` in MongoDB, through libmongoc.
public struct MongoSyncDBStore: SyncDBStore {
    public let pool: MongoClientPool

    public init(pool: MongoClientPool) {
        self.pool = pool
    }

    public var storeDescription: String { "MongoDB \(pool.configuration.endpoint)/\(pool.configuration.database)" }

    public func documents(in collection: SyncDBCollection, clientID: String, userID: String) throws -> [String] {
        try pool.documents(in: collection.name, clientID: clientID, userID: userID).compactMap(\.relaxedJSON)
    }

    /// Groups the collection by client and user id on the server, so only the pairs travel. The
    /// snake_case ids win over the camelCase ones, as in the dump reader. An id stored as an
    /// int32, int64 or ObjectId is listed as its text, as the dump reader reads it. Each type is
    /// matched by its own `$type` clause, because mongomock, behind the test server, rejects a list.
    public func users(in collection: SyncDBCollection) throws -> [SyncDBUser] {
        let pipeline = try BSONBytes(json: """
            {"pipeline": [
              \(Self.readableOwnerStages),
              {"$group": {"_id": {"client_id": "$client_id", "user_id": "$user_id"}}},
              {"$project": {"_id": 0, "client_id": "$_id.client_id", "user_id": "$_id.user_id"}}
            ]}
            """)
        var users = Set<SyncDBUser>()
        for document in try pool.aggregate(collection.name, pipeline: pipeline) {
            guard let clientID = document.idText("client_id"), let userID = document.idText("user_id") else { continue }
            users.insert(SyncDBUser(clientID: clientID, userID: userID))
        }
        return Array(users)
    }

    /// The stages that keep the documents whose client and user ids the listing can read, each
    /// under its snake_case name.
    private static let readableOwnerStages: String = {
        let idTypes = ["string", "int", "long", "objectId"]
        func readable(_ field: String) -> String {
            #"{"$or": ["# + idTypes.map { #"{"\#(field)": {"$type": "\#($0)"}}"# }.joined(separator: ", ") + "]}"
        }
        return """
            {"$project": {"client_id": {"$ifNull": ["$client_id", "$clientId"]},
                          "user_id": {"$ifNull": ["$user_id", "$userId"]}}},
            {"$match": {"$and": [\(readable("client_id")), \(readable("user_id"))]}}
            """
    }()

    /// Returns how many documents of `collection` the user listing leaves out: those whose
    /// client or user id is missing, null, or neither a string, a whole number nor an ObjectId.
    public func unlistedDocumentCount(in collection: SyncDBCollection) throws -> Int {
        func count(_ stages: String) throws -> Int {
            let pipeline = try BSONBytes(json: #"{"pipeline": ["# + stages + #"{"$count": "n"}]}"#)
            // `$count` returns no document at all when nothing matched.
            return try pool.aggregate(collection.name, pipeline: pipeline).first?.integer("n").map { Int($0) } ?? 0
        }
        return max(0, try count("") - count(Self.readableOwnerStages + ", "))
    }

    /// Skips the document when one with the same `_id`, or the same client, user and request ids,
    /// exists; a document with neither is compared field by field. Ids compare as the dump reader
    /// reads them, so a stored `"user_id": 12345` or `userId` spelling is the same document again.
    public func insertIfAbsent(_ document: SyncDBDocument, into collection: SyncDBCollection) throws -> Bool {
        let filter: BSONBytes
        if let requestID = document.columns["request_id"] ?? nil {
            let clientID = document.columns["client_id"] ?? nil ?? ""
            let userID = document.columns["user_id"] ?? nil ?? ""
            let candidates = try pool.find(collection.name, filter: BSONBytes(
                json: SyncIDFilter.json(clientID: clientID, userID: userID, requestID: requestID)))
            let stored = candidates.contains {
                SyncIDFilter.matches($0, clientID: clientID, userID: userID, requestID: requestID)
            }
            if stored { return false }
            if try pool.insert(document.bson, into: collection.name) { return true }
            // Its `_id` belongs to a document of other ids, so this one goes in under a new `_id`
            // rather than being counted as present and lost.
            return try pool.insert(document.bson.removing(["_id"]), into: collection.name)
        } else if document.bson.contains("_id") {
            return try pool.insert(document.bson, into: collection.name)
        } else {
            filter = document.bson
        }
        guard try pool.find(collection.name, filter: filter, limit: 1).isEmpty else { return false }
        return try pool.insert(document.bson, into: collection.name)
    }
}
