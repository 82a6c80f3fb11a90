/// A `sync_db` engine that the readers query and `credeau migrate --load` writes to.
public protocol SyncDBStore {
    var storeDescription: String { get }

    /// Returns one user's documents of `collection` as JSON text (relaxed Extended JSON for
    /// MongoDB, the stored `payload` for PostgreSQL and SQLite), oldest first where the engine
    /// records an order.
    func documents(in collection: SyncDBCollection, clientID: String, userID: String) throws -> [String]

    /// Stores `document` unless the same sync request or the same document is already there.
    /// Returns false when it was skipped as a duplicate.
    func insertIfAbsent(_ document: SyncDBDocument, into collection: SyncDBCollection) throws -> Bool

    /// Returns every (client, user) pair with at least one document in `collection`, in no
    /// particular order. Documents whose `client_id` or `user_id` is missing or cannot be read
    /// as text (an int32, int64 or ObjectId id is read as its text) are left out.
    func users(in collection: SyncDBCollection) throws -> [SyncDBUser]
}

/// A user of one client, as `sync_db` keys documents.
public struct SyncDBUser: Hashable, Sendable, Comparable {
    public var clientID: String
    public var userID: String

    public init(clientID: String, userID: String) {
        self.clientID = clientID
        self.userID = userID
    }

    /// Orders by client, then user, as UTF-8 bytes, so listings from any engine come out the same.
    public static func < (lhs: SyncDBUser, rhs: SyncDBUser) -> Bool {
        if ExactText(lhs.clientID) != ExactText(rhs.clientID) {
            return lhs.clientID.utf8.lexicographicallyPrecedes(rhs.clientID.utf8)
        }
        return lhs.userID.utf8.lexicographicallyPrecedes(rhs.userID.utf8)
    }

    /// Ids compare as bytes, as the databases compare them: user "é" and user "e\u{301}" are two users.
    public static func == (lhs: SyncDBUser, rhs: SyncDBUser) -> Bool {
        ExactText(lhs.clientID) == ExactText(rhs.clientID) && ExactText(lhs.userID) == ExactText(rhs.userID)
    }

    public func hash(into hasher: inout Hasher) {
        ExactText(clientID).hash(into: &hasher)
        ExactText(userID).hash(into: &hasher)
    }
}

/// One `sync_db` document prepared for storage: its BSON, its JSON payload without `_id`, and
/// the top-level fields the SQL tables keep in columns.
public struct SyncDBDocument: Sendable {
    public var bson: BSONBytes
    /// Relaxed Extended JSON of the document without `_id`.
    public var payload: String
    /// Column values by column name (`client_id`, `request_id` …), text or nil. A whole number
    /// or an ObjectId is stored as its text, as the dump reader reads it.
    public var columns: [String: String]
    /// `created_at` (or `createdAt`) in epoch milliseconds, when the document has a usable one.
    public var createdAtMillis: Int64?

    /// Top-level names accepted for each column, canonical name first.
    static let columnVariants: [String: [String]] = [
        "client_id": ["client_id", "clientId"],
        "user_id": ["user_id", "userId"],
        "request_id": ["request_id", "requestId", "sync_request_id"],
    ]

    public init(bson: BSONBytes, collection: SyncDBCollection) throws {
        self.bson = bson
        guard let payload = try bson.removing(["_id"]).relaxedJSON else { throw BSONError.corrupt }
        self.payload = payload
        var columns: [String: String] = [:]
        for column in collection.columns where column != "created_at" {
            let names = Self.columnVariants[column] ?? [column]
            // A document whose owner cannot be read would be stored without one, where no reader finds it.
            if column == "client_id" || column == "user_id", let name = names.first(where: bson.hasUnreadableID) {
                throw BSONError.notAnID(field: name)
            }
            columns[column] = names.lazy.compactMap { bson.idText($0) }.first
        }
        self.columns = columns
        createdAtMillis = bson.epochMillis("created_at") ?? bson.epochMillis("createdAt")
    }
}
