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
    /// snake_case ids win over the camelCase ones, as in the dump reader.
    public func users(in collection: SyncDBCollection) throws -> [SyncDBUser] {
        let pipeline = try BSONBytes(json: """
            {"pipeline": [
              {"$project": {"client_id": {"$ifNull": ["$client_id", "$clientId"]},
                            "user_id": {"$ifNull": ["$user_id", "$userId"]}}},
              {"$match": {"client_id": {"$type": "string"}, "user_id": {"$type": "string"}}},
              {"$group": {"_id": {"client_id": "$client_id", "user_id": "$user_id"}}},
              {"$project": {"_id": 0, "client_id": "$_id.client_id", "user_id": "$_id.user_id"}}
            ]}
            """)
        return try pool.aggregate(collection.name, pipeline: pipeline).compactMap { document in
            guard let clientID = document.string("client_id"), let userID = document.string("user_id") else { return nil }
            return SyncDBUser(clientID: clientID, userID: userID)
        }
    }

    /// Skips the document when one with the same `_id`, or the same client, user and request ids,
    /// exists; a document with neither is compared field by field.
    public func insertIfAbsent(_ document: SyncDBDocument, into collection: SyncDBCollection) throws -> Bool {
        let filter: BSONBytes
        if let requestID = document.columns["request_id"] ?? nil {
            filter = .strings([("client_id", document.columns["client_id"] ?? nil ?? ""),
                               ("user_id", document.columns["user_id"] ?? nil ?? ""), ("request_id", requestID)])
        } else if document.bson.contains("_id") {
            return try pool.insert(document.bson, into: collection.name)
        } else {
            filter = document.bson
        }
        guard try pool.find(collection.name, filter: filter, limit: 1).isEmpty else { return false }
        return try pool.insert(document.bson, into: collection.name)
    }
}
