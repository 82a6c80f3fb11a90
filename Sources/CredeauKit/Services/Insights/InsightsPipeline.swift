import Dispatch

/// The `sync_db` engines the Insights API reads: MongoDB for the sources in
/// `DI_MONGODB_ENABLED_SOURCES`, PostgreSQL `sync_db` or the SQLite file for the rest.
public struct SyncDBAccess: Sendable {
    public let mongo: MongoClientPool?
    public let fallback: Fallback
    public let enabledSources: MongoEnabledSources

    public enum Fallback: Sendable {
        case postgres(PostgresPool)
        case sqlite(SQLiteConnectionPool)
    }

    public init(mongo: MongoClientPool?, fallback: Fallback, enabledSources: MongoEnabledSources) {
        self.mongo = mongo
        self.fallback = fallback
        self.enabledSources = enabledSources
    }

    /// Runs `body` with a loader over the configured engines (borrowing a SQLite connection).
    func withLoader<T>(_ body: (UserDataLoader) throws -> T) throws -> T {
        let mongoStore = mongo.map { MongoSyncDBStore(pool: $0) as any SyncDBStore }
        switch fallback {
        case let .postgres(pool):
            let router = SyncDBRouter(mongo: mongoStore, fallback: PostgresSyncDBStore(pool: pool),
                                      enabledSources: enabledSources)
            return try body(UserDataLoader(router: router))
        case let .sqlite(pool):
            return try pool.withDatabase { database in
                let router = SyncDBRouter(mongo: mongoStore, fallback: SQLiteSyncDBStore(database: database),
                                          enabledSources: enabledSources)
                return try body(UserDataLoader(router: router))
            }
        }
    }
}

/// The response of one insights request and what the response dump records about it.
public struct InsightsAnswer: Sendable {
    /// The 200 body.
    public var body: JSONValue
    public var userFound: Bool
    /// Milliseconds per stage: `load_ms`, `extract_ms`, `features_ms`, `scores_ms`, `store_wait_ms`
    /// (the wait for entries extracted in process to be stored), `total_ms`,
    /// plus SMS counts (`sms_count`, `sms_already_extracted`, and `sms_skipped_implausible_date`
    /// when some SMS were left out).
    public var timings: [(String, JSONValue)]
    public var seconds: Double
}

/// Reads one user, classifies the SMS not yet extracted, computes the requested features and
/// scores, and builds the response.
public struct InsightsPipeline: Sendable {
    public let syncDB: SyncDBAccess
    public let extractedStore: any ExtractedSMSStore
    public let classifier: any SMSClassifier
    public let engine: FeatureEngine
    public let scoreModels: ScoreModelSet
    private let logger: Logger

    public init(syncDB: SyncDBAccess, extractedStore: any ExtractedSMSStore, classifier: any SMSClassifier,
                engine: FeatureEngine = .standard, scoreModels: ScoreModelSet = .empty, logger: Logger = .discarding) {
        self.logger = logger
        self.syncDB = syncDB
        self.extractedStore = extractedStore
        self.classifier = classifier
        self.engine = engine
        self.scoreModels = scoreModels
    }

    /// - Parameter requestedAt: the time of the client's request (epoch milliseconds). An async job
    ///   passes it, so a job run later responds as of its submission. Nil means now.
    public func run(_ request: InsightsRequest, requestID: String, requestedAt: Int64? = nil) throws -> InsightsAnswer {
        let requestedAt = requestedAt ?? SystemClock.epochMillis()
        var clock = StageClock()
        var timings: [(String, JSONValue)] = []

        // An SMS dated before 2000 or after its sync comes from a broken phone clock. It is left
        // out, as is a record or document that cannot be read, so bad data does not stop the user's features.
        let builder = try syncDB.withLoader {
            try $0.builder(clientID: request.dataClientID, userID: request.userID, skipsInvalidData: true)
        }
        timings.append(("load_ms", clock.lap()))
        if let builder, builder.skippedSMSCount > 0 || builder.unreadableSMSCount > 0 || builder.unreadableDocumentCount > 0 {
            if builder.skippedSMSCount > 0 {
                timings.append(("sms_skipped_implausible_date", .integer(Int64(builder.skippedSMSCount))))
            }
            if builder.unreadableSMSCount > 0 {
                timings.append(("sms_skipped_unreadable", .integer(Int64(builder.unreadableSMSCount))))
            }
            if builder.unreadableDocumentCount > 0 {
                timings.append(("documents_skipped_unreadable", .integer(Int64(builder.unreadableDocumentCount))))
            }
            logger.warning("left out SMS with implausible inbox dates, unreadable records or unreadable documents", [
                (LogKey.requestID, requestID), ("user.id", request.userID),
                ("sms.skipped", String(builder.skippedSMSCount + builder.unreadableSMSCount)),
                ("documents.skipped", String(builder.unreadableDocumentCount)),
                (LogKey.error, builder.firstSkipReason ?? ""),
            ])
        }
        guard let builder else {
            let body = header(request, requestID: requestID, requestedAt: requestedAt, message: "user not found")
            timings.append(("total_ms", clock.total()))
            return InsightsAnswer(body: .object(body), userFound: false, timings: timings, seconds: clock.seconds)
        }

        let (entries, alreadyExtracted, pendingStore) = try classifyStoringBehind(builder.syncedSMS, request: request,
                                                                                 requestID: requestID)
        timings.append(("extract_ms", clock.lap()))
        timings.append(("sms_count", .integer(Int64(entries.count))))
        timings.append(("sms_already_extracted", .integer(Int64(alreadyExtracted))))

        let user = builder.build(classified: entries)
        let cutoff = request.cutoffMillis ?? requestedAt
        var groupings = request.groupings
        if request.wantsScores { groupings.formUnion(scoreModels.inputGroupings) }
        let vector = engine.compute(user: user, cutoffMillis: cutoff, groupings: groupings)
        timings.append(("features_ms", clock.lap()))

        var body = header(request, requestID: requestID, requestedAt: requestedAt, message: "featurization completed")
        body.reserveCapacity(body.count + vector.count + 8)
        let requestedNames = request.groupings == groupings ? nil : Set(FeatureCatalog.standard.names(of: request.groupings))
        for (name, value) in zip(vector.names, vector.values) where requestedNames?.contains(name) ?? true {
            body.append((name, Self.json(value)))
        }
        if request.wantsScores {
            for (name, value) in try scoreModels.scores(for: vector) { body.append((name, Self.json(value))) }
            timings.append(("scores_ms", clock.lap()))
        }
        if let pendingStore {
            try pendingStore.finish()
            timings.append(("store_wait_ms", clock.lap()))
        }
        timings.append(("total_ms", clock.total()))
        return InsightsAnswer(body: .object(body), userFound: true, timings: timings, seconds: clock.seconds)
    }

    /// Returns one entry per synced SMS: stored entries for SMS extracted before, fresh ones for
    /// the rest (stored too, unless the classifier stores them itself), and how many were stored.
    func classify(_ synced: [(raw: RawSMS, syncedAt: Int64)], request: InsightsRequest, requestID: String) throws
        -> ([ExtractedSMS], Int)
    {
        let (entries, storedCount, pendingStore) = try classifyStoringBehind(synced, request: request, requestID: requestID)
        try pendingStore?.finish()
        return (entries, storedCount)
    }

    /// Returns what `classify` returns, plus the store of the entries extracted in process while
    /// it may still be running. The caller must call its `finish` before it responds.
    func classifyStoringBehind(_ synced: [(raw: RawSMS, syncedAt: Int64)], request: InsightsRequest,
                               requestID: String) throws -> ([ExtractedSMS], Int, EntryStoreBehind?)
    {
        var synced = synced
        guard !synced.isEmpty else { return ([], 0, nil) }
        // Loops go by index and read fields in place, because iterating the arrays by value copied
        // every large entry and SMS, a measurable share of the request.
        // Ids are compared byte by byte, as the stores compare them (ExactText), in the form the
        // store keeps them, so that an id PostgreSQL stores with U+FFFD for NUL is found again.
        let store = extractedStore
        func key(_ id: String) -> ExactText { ExactText(store.storedID(id)) }
        var ids = Set<ExactText>(minimumCapacity: synced.count)
        for index in synced.indices {
            // serve-sms rejects an id with NUL, which PostgreSQL would store as U+FFFD, so every
            // engine and classifier gets the id with U+FFFD in its place.
            if synced[index].raw.id.utf8.contains(0) {
                synced[index].raw.id = PostgresConnection.replacingNUL(synced[index].raw.id)
            }
            if synced[index].raw.id.isEmpty {
                synced[index].raw.id = Self.contentID(synced[index].raw)
            } else if !Self.fitsStoredID(synced[index].raw.id) {
                synced[index].raw.id = Self.shortenedID(synced[index].raw.id)
            }
            ids.insert(key(synced[index].raw.id))
        }
        // One read of the user's stored entries gives both the SMS extracted before and their
        // entries. The synced SMS carry the bodies, so the stored ones are neither read nor decrypted.
        var known = try extractedStore.unorderedEntries(clientID: request.dataClientID, userID: request.userID,
                                                        expectedCount: synced.count)
        var knownIndexByID: [ExactText: Int] = [:]
        knownIndexByID.reserveCapacity(synced.count)
        for index in known.indices where ids.contains(ExactText(known[index].smsID)) {
            knownIndexByID[ExactText(known[index].smsID)] = index
        }
        let storedCount = knownIndexByID.count
        let missing = knownIndexByID.isEmpty ? synced : synced.filter { knownIndexByID[key($0.raw.id)] == nil }
        var pendingStore: EntryStoreBehind?
        if !missing.isEmpty {
            var fresh: [ExtractedSMS]
            if classifier.storesEntries {
                fresh = try classifier.classify(missing.map(\.raw), createdAtMillis: missing.map(\.syncedAt),
                                                clientID: request.dataClientID, userID: request.userID, requestID: requestID)
                // Entries the classifier did not store (SMS a remote classifier extracted in
                // process) are stored here, so that a later request and /api/fetch_extracted_data find every SMS.
                let unstored = fresh.indices.filter { $0 < missing.count && !classifier.storesEntry(of: missing[$0].raw) }
                if !unstored.isEmpty {
                    try extractedStore.store(unstored.map { fresh[$0] }, clientID: request.dataClientID,
                                             userID: request.userID, requestID: requestID)
                }
            } else {
                let writer = EntryStoreBehind(store: extractedStore, clientID: request.dataClientID,
                                              userID: request.userID, requestID: requestID)
                pendingStore = writer
                fresh = try classifyInChunks(missing, request: request, requestID: requestID, storingWith: writer)
            }
            // A user's first request: no entry was stored, every id is distinct and the classifier
            // returned the entries in order, so they are completed in place without a dictionary.
            if storedCount == 0, ids.count == synced.count, fresh.count == synced.count,
               fresh.indices.allSatisfy({ ExactText(fresh[$0].smsID) == ExactText(synced[$0].raw.id) }) {
                for index in fresh.indices {
                    Self.complete(&fresh[index], from: synced[index])
                }
                return (fresh, 0, pendingStore)
            }
            // A fresh entry replaces a stored one with the same id.
            let offset = known.count
            known.append(contentsOf: fresh)
            for index in fresh.indices { knownIndexByID[key(fresh[index].smsID)] = offset + index }
        }
        // Stored entries keep whole-second India-time dates; the synced SMS carry the exact ones.
        var entries: [ExtractedSMS] = []
        entries.reserveCapacity(synced.count)
        for index in synced.indices {
            guard let knownIndex = knownIndexByID[key(synced[index].raw.id)] else {
                throw SMSExtractionServiceError.invalidAnswer(url: "the SMS classifier",
                                                              reason: "no entry for sms_id '\(synced[index].raw.id)'")
            }
            entries.append(known[knownIndex])
            Self.complete(&entries[entries.count - 1], from: synced[index])
        }
        return (entries, storedCount, pendingStore)
    }

    /// Classifies `missing` a chunk at a time with a classifier that does not store, and hands
    /// each chunk's entries to `writer` as soon as they are extracted.
    private func classifyInChunks(_ missing: [(raw: RawSMS, syncedAt: Int64)], request: InsightsRequest,
                                  requestID: String, storingWith writer: EntryStoreBehind) throws -> [ExtractedSMS]
    {
        var fresh: [ExtractedSMS] = []
        fresh.reserveCapacity(missing.count)
        for start in stride(from: 0, to: missing.count, by: EntryStoreBehind.chunkSize) {
            let chunk = missing[start..<min(start + EntryStoreBehind.chunkSize, missing.count)]
            let entries = try classifier.classify(chunk.map(\.raw), createdAtMillis: chunk.map(\.syncedAt),
                                                  clientID: request.dataClientID, userID: request.userID,
                                                  requestID: requestID)
            writer.submit(entries)
            fresh.append(contentsOf: entries)
        }
        return fresh
    }

    /// Gives an entry the body and exact dates of its synced SMS.
    private static func complete(_ entry: inout ExtractedSMS, from item: (raw: RawSMS, syncedAt: Int64)) {
        entry.smsBody = item.raw.body
        entry.inboxDateMillis = item.raw.inboxDateMillis
        entry.createdAtMillis = item.syncedAt
    }

    private func header(_ request: InsightsRequest, requestID: String, requestedAt: Int64, message: String)
        -> [(String, JSONValue)]
    {
        [
            ("user_id", .string(request.userID)), ("request_id", .string(requestID)),
            ("data_requested_time", .string(IndiaTime.dateTime(fromMillis: requestedAt))),
            ("data_processed_time", .string(IndiaTime.dateTime(fromMillis: SystemClock.epochMillis()))),
            ("message", .string(message)),
        ]
    }

    /// Returns true when `id` fits `extracted_sms.sms_id`: at most 128 characters, the limit of
    /// PostgreSQL's `varchar(128)` and of the SMS Extraction API.
    static func fitsStoredID(_ id: String) -> Bool {
        id.utf8.count <= SMSExtractionRequest.maxIDLength || id.unicodeScalars.count <= SMSExtractionRequest.maxIDLength
    }

    /// Returns a stable id of 39 characters for an SMS whose own id is longer than
    /// `extracted_sms` keeps. A longer id cut to 128 characters could equal another SMS's id,
    /// and it would not match the stored one on the next request.
    static func shortenedID(_ id: String) -> String {
        "sha256:" + SHA256.hexDigest(Array(id.utf8)).prefix(32)
    }

    /// A stable id for an SMS synced without one, from its sender, date and body.
    static func contentID(_ sms: RawSMS) -> String {
        let text = "\(sms.sender ?? "")\u{1F}\(sms.inboxDateMillis.map(String.init) ?? "")\u{1F}\(sms.body)"
        return "sha256:" + SHA256.hexDigest(Array(text.utf8)).prefix(32)
    }

    static func json(_ value: FeatureValue) -> JSONValue {
        switch value {
        case .null: return .null
        case let .integer(number): return .integer(number)
        case let .double(number): return number.isFinite ? .number(number) : .null
        case let .string(text): return .string(text)
        }
    }
}

/// Milliseconds between stages of one request.
struct StageClock {
    private let start = DispatchTime.now().uptimeNanoseconds
    private var last = DispatchTime.now().uptimeNanoseconds

    mutating func lap() -> JSONValue {
        let now = DispatchTime.now().uptimeNanoseconds
        defer { last = now }
        return .number(Double((now - last) / 1000) / 1000)
    }

    func total() -> JSONValue { .number(seconds * 1000) }

    var seconds: Double { Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9 }
}
