/// Accumulates one user's sync documents, across any number of syncs, into a `UserData`.
///
/// Re-syncs send records again, so records are deduplicated. SMS match by id and by
/// `SMSDuplicateKey`, as in `extract --sms`, and apps by package name (the latest sync wins). Contacts match by id (else
/// name and numbers), and call logs by id (else number, time and type). Device snapshots are all kept,
/// ordered by sync time, because the engine picks the last one before the cutoff.
public struct UserDataBuilder {
    public let clientID: String
    public let userID: String

    /// Kept SMS with the sync time of the first document that carried each.
    private var sms: [(record: SyncedSMSRecord, syncedAt: Int64)] = []
    /// Position of each kept SMS by id. Ids compare as bytes, as the stores compare them, so "é"
    /// and "e\u{301}" are two SMS.
    private var smsIndexByID: [ExactText: Int] = [:]
    private var smsIndexByContent: [SMSDuplicateKey: Int] = [:]
    private var senderKeys = SenderKeyCache()
    private var appsByPackage: [String: (record: AppRecord, syncedAt: Int64)]?
    private var devices: [DeviceRecord]?
    private var iosDevices: [DeviceRecord]?
    private var contacts: [ContactRecord]?
    /// Position of each kept contact by its deduplication key.
    private var contactIndexByKey: [ExactText: Int] = [:]
    private var callLogs: [CallLogRecord]?
    private var callKeys: Set<ExactText> = []
    private var syncTimes: [SyncSource: [Int64]] = [:]
    /// Received times of the dated SMS dropped as duplicates, for `sms_duplicate_count`.
    private var droppedDuplicateMillis: [Int64] = []
    private var smsSeen = false
    /// True when an SMS with an implausible inbox date is left out instead of failing its document.
    private let skipsInvalidData: Bool
    /// The number of SMS left out for an implausible inbox date.
    public private(set) var skippedSMSCount = 0
    /// The number of SMS records left out because they cannot be read (no body, a field of the
    /// wrong type), in the same mode.
    public private(set) var unreadableSMSCount = 0
    /// The number of sync documents the loader left out because they cannot be read.
    public private(set) var unreadableDocumentCount = 0
    /// The reason the first SMS or document was left out, for the caller to log.
    public private(set) var firstSkipReason: String?

    /// - Parameter skipsInvalidData: leave out an SMS whose inbox date is before 2000 or
    ///   after its sync (see `InboxDateRange`), or whose record cannot be read, instead of
    ///   rejecting the document that carries it.
    public init(clientID: String, userID: String, skipsInvalidData: Bool = false) {
        self.clientID = clientID
        self.userID = userID
        self.skipsInvalidData = skipsInvalidData
    }

    /// Adds one sync document of `source`. A document whose `client_id` or `user_id` differs
    /// from the builder's is rejected, so one user's data never mixes with another's.
    public mutating func add(document: JSONValue, source: SyncSource) throws(SyncDataError) {
        let header = try SyncJSONDecoder.header(document, source: source)
        let syncedAt = try accept(header, source: source)
        switch source {
        case .sms:
            var skipped = 0
            var unreadable = 0
            var firstProblem: SyncDataError?
            let records = try SyncJSONDecoder.sms(document, skipping: skipsInvalidData ? { problem in
                if case .implausibleField = problem { skipped += 1 } else { unreadable += 1 }
                if firstProblem == nil { firstProblem = problem }
            } : nil)
            // A document whose every record is unreadable fails as a whole, so that it does not
            // make the source look synced with no SMS.
            if records.isEmpty, skipped == 0, let firstProblem { throw firstProblem }
            unreadableSMSCount += unreadable
            let firstReason = firstProblem?.description
            addSMS(records, skipped: skipped, firstReason: firstReason, syncedAt: syncedAt)
        case .apps:
            var byPackage = appsByPackage ?? [:]
            // The latest sync gives the name and flags. Install and update times are events, so
            // each sync's times are kept: the earliest install, and every update for the cutoff.
            for var app in try SyncJSONDecoder.apps(document) {
                let existing = byPackage[app.packageName]
                let firstListed = Self.earliest(existing?.record.syncedAtMillis, header.createdAtMillis)
                let installed = Self.earliest(existing?.record.firstInstallMillis, app.firstInstallMillis)
                var updates = existing?.record.updateTimesMillis ?? []
                if let update = app.lastUpdateMillis, !updates.contains(update) { updates.append(update) }
                if let existing, existing.syncedAt > syncedAt {
                    byPackage[app.packageName]?.record.syncedAtMillis = firstListed
                    byPackage[app.packageName]?.record.firstInstallMillis = installed
                    byPackage[app.packageName]?.record.updateTimesMillis = updates
                    continue
                }
                app.syncedAtMillis = firstListed
                app.firstInstallMillis = installed
                app.updateTimesMillis = updates
                byPackage[app.packageName] = (app, syncedAt)
            }
            appsByPackage = byPackage
        case .device:
            devices = (devices ?? []) + [try SyncJSONDecoder.device(document, platform: .android)]
        case .iosDevice:
            iosDevices = (iosDevices ?? []) + [try SyncJSONDecoder.device(document, platform: .ios)]
        case .contacts:
            var list = contacts ?? []
            for var contact in try SyncJSONDecoder.contacts(document) {
                let key = ExactText(Self.recordKey(id: contact.contactID, [contact.name ?? ""] + contact.phones))
                if let index = contactIndexByKey[key] {
                    list[index].syncedAtMillis = Self.earliest(list[index].syncedAtMillis, header.createdAtMillis)
                    continue
                }
                contact.syncedAtMillis = header.createdAtMillis
                contactIndexByKey[key] = list.count
                list.append(contact)
            }
            contacts = list
        case .callLogs:
            var list = callLogs ?? []
            for call in try SyncJSONDecoder.callLogs(document) {
                let key = Self.recordKey(id: call.callID, [call.number, String(call.dateMillis), call.type.rawValue])
                if callKeys.insert(ExactText(key)).inserted { list.append(call) }
            }
            callLogs = list
        }
        recordSyncTime(header, source: source)
    }

    /// Adds one SMS sync document from its parsed BSON (`bson_t *`). The result is that of
    /// `add(document:source:)` with the document's `JSONValue` tree, which is built only when
    /// `SMSDocumentBSONReader` does not cover the document.
    mutating func add(smsBSON document: OpaquePointer) throws(SyncDataError) {
        guard let read = SMSDocumentBSONReader.read(document, collectsImplausible: skipsInvalidData) else {
            try add(document: BSONConversion.value(ofDocument: document, asArray: false), source: .sms)
            return
        }
        try add(read)
    }

    /// Adds one SMS sync document from its simdjson tape, as `add(smsBSON:)` adds libbson's
    /// document of the same text, or returns false without a change when `SMSDocumentBSONReader`
    /// does not cover it.
    mutating func add(smsTape tape: JSONTape) throws(SyncDataError) -> Bool {
        guard let read = SMSDocumentBSONReader.read(tape, collectsImplausible: skipsInvalidData) else { return false }
        try add(read)
        return true
    }

    private mutating func add(_ read: SMSDocumentBSONReader.Result) throws(SyncDataError) {
        let syncedAt = try accept(read.header, source: .sms)
        addSMS(read.records, skipped: read.implausible.count, firstReason: read.implausible.first?.description,
               syncedAt: syncedAt)
        recordSyncTime(read.header, source: .sms)
    }

    /// Counts a document the loader left out, keeping the first reason.
    mutating func recordSkippedDocument(reason: String) {
        unreadableDocumentCount += 1
        if firstSkipReason == nil { firstSkipReason = reason }
    }

    /// Checks that a document's header is this user's and returns the time its records count as
    /// synced at (0 when unknown).
    private func accept(_ header: SyncJSONHeader, source: SyncSource) throws(SyncDataError) -> Int64 {
        guard ExactText(header.clientID) == ExactText(clientID), ExactText(header.userID) == ExactText(userID) else {
            throw .otherUser(source: source, clientID: header.clientID, userID: header.userID)
        }
        return header.createdAtMillis ?? 0
    }

    /// Records the sync time of a document that was read. A document that fails is
    /// left out entirely, so a source whose every document fails stays unsynced (null features).
    private mutating func recordSyncTime(_ header: SyncJSONHeader, source: SyncSource) {
        if let createdAt = header.createdAtMillis { syncTimes[source, default: []].append(createdAt) }
        if source == .sms { smsSeen = true }
    }

    /// Returns the earlier of two optional sync times, or the one that is known.
    private static func earliest(_ first: Int64?, _ second: Int64?) -> Int64? {
        guard let first else { return second }
        guard let second else { return first }
        return min(first, second)
    }

    /// Returns the deduplication key of a contact or call log: its id, else its fields. Every part
    /// is preceded by its length and the two kinds by a letter, so an id never equals another
    /// record's fields ("x|y" against name "x" and phone "y").
    private static func recordKey(id: String?, _ fields: [String]) -> String {
        if let id { return "i\(id)" }
        return "f" + fields.map { "\($0.utf8.count):\($0)" }.joined()
    }

    private mutating func addSMS(_ records: [SyncedSMSRecord], skipped: Int, firstReason: String?, syncedAt: Int64) {
        skippedSMSCount += skipped
        if firstSkipReason == nil { firstSkipReason = firstReason }
        // Dictionaries grow by doubling their buckets, so reserving once per document stays linear.
        smsIndexByID.reserveCapacity(sms.count + records.count)
        smsIndexByContent.reserveCapacity(sms.count + records.count)
        // An array reserves exactly what it is asked for, so the room at least doubles here.
        if sms.capacity < sms.count + records.count {
            sms.reserveCapacity(max(sms.count + records.count, 2 * sms.capacity))
        }
        for record in records { insertSMS(record, syncedAt: syncedAt) }
    }

    private mutating func insertSMS(_ record: SyncedSMSRecord, syncedAt: Int64) {
        let content = SMSDuplicateKey(record.raw, senderKeys: &senderKeys)
        let id = record.raw.id
        let indexByContent = content.flatMap { smsIndexByContent[$0] }
        // The index the SMS gets when its id is new: that of its content twin, else the next one.
        let candidate = indexByContent ?? sms.count
        // Most ids are new, so `candidate` is stored under the id with one hash, and the index it
        // replaced, if any, is put back (a second hash, for re-synced SMS only). A stored index is
        // below `sms.count`, so `byID` equals `candidate` either when the id was new or when it
        // already pointed at the content twin, which come to the same.
        var byID = candidate
        if !id.isEmpty, let previous = smsIndexByID.updateValue(candidate, forKey: ExactText(id)) {
            if previous != candidate { smsIndexByID[ExactText(id)] = previous }
            byID = previous
        }
        let existing: Int? = byID < sms.count ? byID : nil
        let index = existing ?? sms.count
        // A dropped SMS's id and content count as seen too, as in SMSDeduplicator.
        if let content, indexByContent == nil { smsIndexByContent[content] = index }
        if let existing {
            // Documents may arrive in any order: keep the earliest sync that carried the SMS.
            sms[existing].syncedAt = min(sms[existing].syncedAt, syncedAt)
            if let received = record.raw.inboxDateMillis { droppedDuplicateMillis.append(received) }
            return
        }
        sms.append((record, syncedAt))
    }

    /// Classifies the SMS with `extractor` and returns the user's data. `createdAtMillis` of each
    /// classified SMS is the sync time of the first document that carried it, or 0 when that
    /// document had no `created_at`. The fraud family compares it with the received time.
    public func build(extractor: SMSExtractor = SMSExtractor()) -> UserData {
        build(classified: extractor.withExtraction { extract in sms.map { extract($0.record.raw, $0.syncedAt) } })
    }

    /// The kept SMS, each with the sync time of the first document that carried it, in the
    /// order `build(classified:)` expects their entries.
    public var syncedSMS: [(raw: RawSMS, syncedAt: Int64)] {
        sms.map { ($0.record.raw, $0.syncedAt) }
    }

    /// Returns the user's data with `entries` as the classified SMS: one entry per item of
    /// `syncedSMS`, in the same order, classified elsewhere (the SMS Extraction API).
    public func build(classified entries: [ExtractedSMS]) -> UserData {
        precondition(entries.count == sms.count, "build(classified:) needs one entry per synced SMS.")
        var user = UserData(clientID: clientID, userID: userID, syncTimes: syncTimes.mapValues { $0.sorted() })
        user.sms = entries
        user.smsFolders = sms.map(\.record.folder)
        user.apps = appsByPackage.map { $0.values.map(\.record).sorted { $0.packageName < $1.packageName } }
        user.device = devices.map { $0.sorted { ($0.syncedAtMillis ?? 0) < ($1.syncedAtMillis ?? 0) } }
        user.iosDevice = iosDevices.map { $0.sorted { ($0.syncedAtMillis ?? 0) < ($1.syncedAtMillis ?? 0) } }
        user.contacts = contacts
        user.callLogs = callLogs
        user.droppedDuplicateMillis = droppedDuplicateMillis
        if smsSeen, user.syncTimes[.sms] == nil { user.syncTimes[.sms] = [] }
        return user
    }
}
