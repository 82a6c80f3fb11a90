import CBSON

/// Reads one user's synced documents from the `sync_db` engines and accumulates them into the
/// builder the feature engine starts from.
///
/// Both the Insights API and `credeau extract` read users this way, so a user looks the same
/// whichever engine stores the data.
public struct UserDataLoader {
    public let router: SyncDBRouter

    public init(router: SyncDBRouter) {
        self.router = router
    }

    /// A loader over one engine that stores every source.
    public init(store: any SyncDBStore) {
        self.router = SyncDBRouter(mongo: nil, fallback: store, enabledSources: MongoEnabledSources(sources: []))
    }

    /// Every user with synced data in any source, sorted by client and then user.
    public func users() throws -> [SyncDBUser] {
        try router.users()
    }

    /// Returns the builder filled with every document of the user, or nil when no source holds
    /// any document for that client and user (the user was never synced).
    ///
    /// A source without documents stays unsynced in the builder, so its features come out null.
    ///
    /// - Parameter skipsInvalidData: leave out a document that cannot be read, counted in the
    ///   builder, and see `UserDataBuilder.init(clientID:userID:skipsInvalidData:)`.
    public func builder(clientID: String, userID: String, skipsInvalidData: Bool = false) throws -> UserDataBuilder? {
        var builder = UserDataBuilder(clientID: clientID, userID: userID, skipsInvalidData: skipsInvalidData)
        var found = false
        for source in SyncSource.allCases {
            guard let dbSource = SyncDBSource(rawValue: source.rawValue) else { continue }
            let documents = try router.documents(of: dbSource, clientID: clientID, userID: userID)
            for (position, text) in documents.enumerated() {
                do {
                    if source == .sms {
                        try Self.addSMS(text, to: &builder)
                    } else {
                        try builder.add(document: JSONParser.parse(text), source: source)
                    }
                } catch {
                    let failure = UserDataLoadError.unreadableDocument(
                        collection: source.collection, clientID: clientID, userID: userID,
                        position: position + 1, count: documents.count, reason: "\(error)")
                    guard skipsInvalidData else { throw failure }
                    builder.recordSkippedDocument(reason: failure.description)
                }
                found = true
            }
        }
        return found ? builder : nil
    }

    /// Adds an SMS document as `add(document: JSONParser.parse(text), source: .sms)` would,
    /// letting the builder read the SMS from simdjson's tape or, for the documents the tape
    /// cannot stand for, from libbson's document.
    static func addSMS(_ text: String, to builder: inout UserDataBuilder) throws {
        let bytes = Array(text.utf8)
        if try !addSMSFromTape(bytes, to: &builder) { try addSMSWithLibBSON(bytes, to: &builder) }
    }

    /// Adds an SMS document from simdjson's tape, or returns false without a change when the
    /// tape cannot stand for libbson's document of the text or the reader does not cover it.
    static func addSMSFromTape(_ bytes: [UInt8], to builder: inout UserDataBuilder) throws -> Bool {
        try bytes.withUnsafeBytes { raw -> Bool in
            guard JSONTapeScreen.isPlainJSON(raw, allowingWrappers: true) else { return false }
            let added = try JSONTapeParser.withTape(of: raw) { tape -> Bool? in
                guard JSONTapeScreen.hasPlainNumbers(tape), JSONTapeExtendedJSON.hasOnlyReadableWrappers(tape) else { return nil }
                return try builder.add(smsTape: tape)
            }
            return added ?? false
        }
    }

    /// Adds an SMS document parsed by libbson, which also reports every parse error.
    static func addSMSWithLibBSON(_ bytes: [UInt8], to builder: inout UserDataBuilder) throws {
        let parsed = try JSONParser.parseDocument(bytes)
        defer { bson_destroy(parsed.document) }
        if parsed.isArray {
            try builder.add(document: BSONConversion.value(ofDocument: parsed.document, asArray: true), source: .sms)
        } else {
            try builder.add(smsBSON: parsed.document)
        }
    }
}

public enum UserDataLoadError: Error, CustomStringConvertible {
    /// `position` counts from 1 among the user's `count` documents of the collection, in the
    /// order the store returns them: PostgreSQL and SQLite by `created_at`, MongoDB as stored.
    case unreadableDocument(collection: String, clientID: String, userID: String, position: Int, count: Int,
                            reason: String)

    public var description: String {
        switch self {
        case let .unreadableDocument(collection, clientID, userID, position, count, reason):
            return "\(collection): document \(position) of the \(count) of client \(clientID), user \(userID) "
                + "cannot be read: \(reason)"
        }
    }
}
