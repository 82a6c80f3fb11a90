import CBSON
import CMongoC
import Synchronization

/// A libmongoc client pool (`mongoc_client_pool_t`) for one database, safe to share between threads.
///
/// Each operation pops a client, runs, and pushes it back. Errors use libmongoc's error API
/// version 2, so server errors carry the server's code.
public final class MongoClientPool: @unchecked Sendable {
    public let configuration: MongoConfiguration
    private let uri: OpaquePointer
    private let pool: OpaquePointer
    private let logger: Logger

    private static let initialise: Void = {
        mongoc_init()
        // libmongoc logs to stderr by default; credeau reports failures through the errors it
        // throws instead, so the driver's own log lines are dropped.
        mongoc_log_set_handler({ _, _, _, _ in }, nil)
    }()

    /// Set once the ignored-variable notice has been logged, so the process logs it only once.
    private static let loggedIgnoredVariables = Atomic<Bool>(false)

    public init(configuration: MongoConfiguration, logger: Logger = .discarding) throws {
        Self.initialise
        self.configuration = configuration
        self.logger = logger
        var text = configuration.baseURI
        if !configuration.uriOptions.isEmpty {
            let afterScheme = text.range(of: "://").map { text[$0.upperBound...] } ?? Substring(text)
            text += (text.contains("?") ? "&" : (afterScheme.contains("/") ? "?" : "/?"))
                + configuration.uriOptions.map { "\($0.name)=\($0.value)" }.joined(separator: "&")
        }
        var error = bson_error_t()
        guard let uri = mongoc_uri_new_with_error(text, &error) else {
            throw MongoError.invalidURI(endpoint: configuration.endpoint, message: BSONError.message(of: error))
        }
        mongoc_uri_set_appname(uri, "credeau")
        guard let pool = mongoc_client_pool_new(uri) else {
            mongoc_uri_destroy(uri)
            throw MongoError.invalidURI(endpoint: configuration.endpoint, message: "libmongoc rejected the URI options")
        }
        mongoc_client_pool_set_error_api(pool, 2)
        self.uri = uri
        self.pool = pool
        if !configuration.ignoredVariables.isEmpty,
           Self.loggedIgnoredVariables.compareExchange(expected: false, desired: true, ordering: .relaxed).exchanged
        {
            for ignored in configuration.ignoredVariables {
                logger.notice("\(ignored.variable) is not applied: \(ignored.reason)", [(LogKey.dbSystem, "mongodb")])
            }
        }
    }

    deinit {
        mongoc_client_pool_destroy(pool)
        mongoc_uri_destroy(uri)
    }

    /// Lends a pooled client to `body`; throws when waitQueueTimeoutMS passes with none free.
    func withClient<T>(_ body: (OpaquePointer) throws -> T) throws -> T {
        guard let client = mongoc_client_pool_pop(pool) else {
            throw MongoError.poolTimedOut(endpoint: configuration.endpoint)
        }
        defer { mongoc_client_pool_push(pool, client) }
        return try body(client)
    }

    private func withCollection<T>(_ name: String, _ body: (OpaquePointer) throws -> T) throws -> T {
        try withClient { client in
            guard let collection = mongoc_client_get_collection(client, configuration.database, name) else {
                throw MongoError.operationFailed(endpoint: configuration.endpoint, operation: "open", collection: name,
                                                 code: 0, message: "libmongoc returned no collection")
            }
            defer { mongoc_collection_destroy(collection) }
            return try body(collection)
        }
    }

    /// Runs a command document on the configured database and returns the server's reply.
    @discardableResult
    public func runCommand(_ command: BSONBytes, name: String = "command") throws -> BSONBytes {
        try withClient { client in try run(command, name: name, on: client) }
    }

    private func run(_ command: BSONBytes, name: String, on client: OpaquePointer) throws -> BSONBytes {
        try command.withBSON { commandBSON in
            try Self.withReply { reply in
                var error = bson_error_t()
                guard mongoc_client_command_simple(client, configuration.database, commandBSON, nil, reply, &error)
                else {
                    throw failure(error, operation: name, collection: configuration.database)
                }
                return BSONBytes(copying: reply)
            }
        }
    }

    /// Checks that a server responds and the login works.
    public func ping() throws {
        try runCommand(BSONBytes(json: #"{"ping": 1}"#), name: "ping")
    }

    /// Checks within about `milliseconds` that a server responds to a ping and the login works,
    /// for readiness probes. It uses a client of its own with that connect, socket and server
    /// selection timeout, since the pool waits serverSelectionTimeoutMS (30 s by default).
    public func ping(timeoutMilliseconds milliseconds: Int32) throws {
        guard let probeURI = mongoc_uri_copy(uri) else {
            throw MongoError.invalidURI(endpoint: configuration.endpoint, message: "libmongoc could not copy the URI")
        }
        defer { mongoc_uri_destroy(probeURI) }
        for option in [MONGOC_URI_CONNECTTIMEOUTMS, MONGOC_URI_SOCKETTIMEOUTMS, MONGOC_URI_SERVERSELECTIONTIMEOUTMS] {
            mongoc_uri_set_option_as_int32(probeURI, option, milliseconds)
        }
        guard let client = mongoc_client_new_from_uri(probeURI) else {
            throw MongoError.invalidURI(endpoint: configuration.endpoint, message: "libmongoc rejected the URI options")
        }
        defer { mongoc_client_destroy(client) }
        mongoc_client_set_error_api(client, 2)
        _ = try run(BSONBytes(json: #"{"ping": 1}"#), name: "ping", on: client)
    }

    /// Returns which of `names` are collections of the configured database.
    public func existingCollections(among names: [String]) throws -> [String] {
        var command: [UInt8] = Array(#"{"listCollections": 1, "nameOnly": true, "filter": {"name": {"$in": ["#.utf8)
        for (index, name) in names.enumerated() {
            if index > 0 { command.append(UInt8(ascii: ",")) }
            JSONText.appendString(name, to: &command)
        }
        command += Array("]}}}".utf8)
        let reply = try runCommand(BSONBytes(json: String(decoding: command, as: UTF8.self)), name: "listCollections")
        guard let text = reply.relaxedJSON, let value = try? JSONParser.parse(Array(text.utf8)) else { return [] }
        let found = value["cursor"]?["firstBatch"]?.arrayValue?.compactMap { $0["name"]?.stringValue } ?? []
        return names.filter(found.contains)
    }

    /// Returns every document of `collection` matching `filter`, in natural order.
    public func find(_ collection: String, filter: BSONBytes, limit: Int = 0) throws -> [BSONBytes] {
        try withCollection(collection) { handle in
            try filter.withBSON { filterBSON in
                let options = try BSONBytes(json: #"{"limit": \#(limit)}"#)
                return try options.withBSON { optionsBSON in
                    guard let cursor = mongoc_collection_find_with_opts(handle, filterBSON, optionsBSON, nil) else {
                        return []
                    }
                    defer { mongoc_cursor_destroy(cursor) }
                    return try drain(cursor, operation: "find", collection: collection)
                }
            }
        }
    }

    /// Runs an aggregation (`pipeline` is `{"pipeline": [stages]}`) and returns every result document.
    public func aggregate(_ collection: String, pipeline: BSONBytes) throws -> [BSONBytes] {
        try withCollection(collection) { handle in
            try pipeline.withBSON { pipelineBSON in
                guard let cursor = mongoc_collection_aggregate(handle, MONGOC_QUERY_NONE, pipelineBSON, nil, nil) else {
                    return []
                }
                defer { mongoc_cursor_destroy(cursor) }
                return try drain(cursor, operation: "aggregate", collection: collection)
            }
        }
    }

    private func drain(_ cursor: OpaquePointer, operation: String, collection: String) throws -> [BSONBytes] {
        var documents: [BSONBytes] = []
        var current: OpaquePointer?
        while mongoc_cursor_next(cursor, &current) {
            if let current { documents.append(BSONBytes(copying: current)) }
        }
        var error = bson_error_t()
        if mongoc_cursor_error(cursor, &error) {
            throw failure(error, operation: operation, collection: collection)
        }
        return documents
    }

    /// Returns one user's documents of a `sync_db` collection, matched on `client_id` and `user_id`
    /// or on the `clientId` and `userId` spelling some SDK versions write. Both pairs are indexed
    /// (the camelCase one sparsely), so the `$or` uses an index on each side. An id stored as a
    /// whole number or an ObjectId matches its text, as in the dump reader (see `SyncIDFilter`).
    public func documents(in collection: String, clientID: String, userID: String) throws -> [BSONBytes] {
        let filter = try BSONBytes(json: SyncIDFilter.json(clientID: clientID, userID: userID))
        return try find(collection, filter: filter).filter {
            SyncIDFilter.matches($0, clientID: clientID, userID: userID)
        }
    }

    /// Inserts one document; returns false when a document with the same `_id` exists (code 11000).
    @discardableResult
    public func insert(_ document: BSONBytes, into collection: String) throws -> Bool {
        try withCollection(collection) { handle in
            try document.withBSON { documentBSON in
                var error = bson_error_t()
                if mongoc_collection_insert_one(handle, documentBSON, nil, nil, &error) { return true }
                if error.code == 11000 { return false }
                throw failure(error, operation: "insert", collection: collection)
            }
        }
    }

    /// Creates ascending indexes over each field list, named `field_1_other_1` as the shell names them.
    public func createIndexes(on collection: String, keys: [[String]]) throws {
        try runCommand(BSONBytes(json: Self.createIndexesCommand(collection, keys: keys)), name: "createIndexes")
    }

    /// The `createIndexes` command document as Extended JSON; names are credeau's own constants.
    static func createIndexesCommand(_ collection: String, keys: [[String]]) -> String {
        let indexes = keys.map { fields in
            let key = fields.map { "\"\($0)\": 1" }.joined(separator: ", ")
            let name = fields.map { "\($0)_1" }.joined(separator: "_")
            return "{\"key\": {\(key)}, \"name\": \"\(name)\"}"
        }
        return "{\"createIndexes\": \"\(collection)\", \"indexes\": [\(indexes.joined(separator: ", "))]}"
    }

    /// Sorts a libmongoc error into the `MongoError` an operator can act on.
    private func failure(_ error: bson_error_t, operation: String, collection: String) -> MongoError {
        let message = BSONError.message(of: error)
        if error.domain == MONGOC_ERROR_SERVER_SELECTION.rawValue {
            return .unreachable(endpoint: configuration.endpoint, message: message)
        }
        if error.domain == MONGOC_ERROR_CLIENT.rawValue && error.code == MONGOC_ERROR_CLIENT_AUTHENTICATE.rawValue
            || error.code == 18
        {
            return .authenticationFailed(endpoint: configuration.endpoint, message: message)
        }
        return .operationFailed(endpoint: configuration.endpoint, operation: operation, collection: collection,
                                code: error.code, message: message)
    }

    /// Lends storage for a reply `bson_t` that libmongoc initialises; destroyed afterwards.
    private static func withReply<T>(_ body: (OpaquePointer) throws -> T) rethrows -> T {
        // sizeof(bson_t) is 128 in libbson 1.23; the extra room costs nothing.
        let storage = UnsafeMutableRawPointer.allocate(byteCount: 256, alignment: 128)
        storage.initializeMemory(as: UInt8.self, repeating: 0, count: 256)
        let reply = OpaquePointer(storage)
        defer {
            bson_destroy(reply)
            storage.deallocate()
        }
        return try body(reply)
    }
}
