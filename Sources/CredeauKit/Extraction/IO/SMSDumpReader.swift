import Dispatch

/// The documents of a dump that an extraction keeps, chosen by user and client.
///
/// Ids match byte for byte, as the databases compare them: `--users "e\u{301}"` does not select
/// user "\u{E9}", which Swift's `String ==` would take as the same id.
public struct SMSSelection: Sendable, Equatable {
    /// User ids to keep; nil keeps every user.
    public var userIDs: Set<ExactText>?
    /// Keeps documents of this client only, and is used as the client of documents that name none.
    public var clientID: String?

    public init(userIDs: [String]? = nil, clientID: String? = nil) {
        self.userIDs = userIDs.map { Set($0.map(ExactText.init)) }
        self.clientID = clientID
    }
}

/// Counts of what the reader saw, for the end-of-run summary.
public struct SMSReadCounts: Sendable, Equatable {
    /// Documents parsed: sync requests, or single SMS objects.
    public var documents = 0
    /// SMS records found in the selected documents, including duplicates and skipped ones.
    public var sms = 0
    public var duplicates = 0
    /// Sent, draft and other SMS outside the inbox, which are not extracted.
    public var notInInbox = 0
    /// Records (or whole documents) skipped because they could not be read.
    public var skipped = 0
    /// Places where the file stopped being split into documents (a corrupt BSON length prefix,
    /// text that is not a JSON array, a JSON array cut short, a JSON Lines file cut inside its
    /// last line), after which nothing was read.
    public var unreadableParts = 0

    public init() {}
}

/// Reads a dump in two passes so that each user's SMS come out together, deduplicated.
///
/// The first pass splits the file into documents, reads each one's client and user, and keeps
/// only the documents' offsets per user. The second pass reads each user's documents again in
/// file order. Memory is bounded by one user's SMS plus a few integers per document, and by the
/// window of documents that `workers` threads parse at once.
final class SMSDumpReader {
    private let source: SMSInputSource
    private let selection: SMSSelection
    private let workers: Int
    private let windowDocuments: Int
    private(set) var counts = SMSReadCounts()
    /// The requested user ids (`SMSSelection.userIDs`) that have at least one readable document.
    private(set) var foundUserIDs: Set<ExactText> = []
    /// Documents the selection kept, readable or not, so that an unknown `--client-id` can be detected.
    private(set) var selectedDocuments = 0

    /// Documents parsed together by the workers. Problems, counts and users still come out in file order.
    static let windowDocuments = 256
    /// Bytes of documents held at once for the workers, unless a single document is larger.
    static let windowBytes = 16 << 20

    /// - Parameter windowDocuments: how many documents the workers parse at once (tests use small windows).
    init(source: SMSInputSource, selection: SMSSelection, workers: Int = 1, windowDocuments: Int = SMSDumpReader.windowDocuments) {
        self.source = source
        self.selection = selection
        self.workers = max(1, workers)
        self.windowDocuments = max(1, windowDocuments)
    }

    /// Reads the whole input; `body` receives each user's new inbox SMS in file order.
    ///
    /// - Parameters:
    ///   - progress: called with the bytes processed so far out of twice the file size (both passes).
    ///   - problem: called once per skipped record, as soon as it is found.
    func read(
        progress: (_ done: Int64, _ total: Int64) -> Void,
        problem: (InputProblem) -> Void,
        body: (UserKey, [SyncedSMS]) throws -> Void
    ) throws {
        // Problems are found and reported in pass 1, so they come out in file order.
        let file = source.file
        let total = max(file.size * 2, 1)
        var order: [UserKey] = []
        var spansByUser: [UserKey: [DocumentSpan]] = [:]

        // MARK: - Pass 1: index documents by user
        var window: [PendingItem] = []
        var windowBytes = 0
        func indexWindow() throws {
            let indexed = parallelMap(window) { item -> IndexedDocument? in
                guard case let .document(_, bytes) = item else { return nil }
                return bytes.withUnsafeBytes { self.index($0) }
            }
            for (item, document) in zip(window, indexed) {
                switch item {
                case let .unreadable(location, reason, losesRest):
                    if losesRest { counts.unreadableParts += 1 }
                    report(FieldProblem(field: nil, reason: reason), at: location, to: problem)
                case let .document(span, _):
                    guard let document else { continue }
                    try record(document, span: span, order: &order, spansByUser: &spansByUser, problem: problem)
                }
            }
            window.removeAll(keepingCapacity: true)
            windowBytes = 0
        }
        try DocumentScanner.scan(file, format: source.format, progress: { progress($0, total) }) { item in
            switch item {
            case let .unreadable(location, reason, losesRest):
                window.append(.unreadable(location, reason: reason, losesRest: losesRest))
            case let .document(span, bytes):
                window.append(.document(span, [UInt8](bytes)))
                windowBytes += bytes.count
            }
            if window.count >= windowDocuments || windowBytes >= Self.windowBytes { try indexWindow() }
        }
        try indexWindow()

        // MARK: - Pass 2: read each user's documents again, in file order
        var done = file.size
        var deduplicator = SMSDeduplicator()
        var users: [(key: UserKey, spans: [DocumentSpan])] = []
        var userBytes = 0
        func readUsers() throws {
            var documents: [(user: Int, span: DocumentSpan, bytes: [UInt8])] = []
            for (user, entry) in users.enumerated() {
                for span in entry.spans {
                    documents.append((user, span, try file.readBytes(at: span.offset, length: span.length)))
                }
            }
            let decoded = parallelMap(documents) { document in
                document.bytes.withUnsafeBytes { self.records(of: $0) }
            }
            var next = 0
            for (user, entry) in users.enumerated() {
                deduplicator.reset()
                var batch: [SyncedSMS] = []
                while next < documents.count, documents[next].user == user {
                    // Documents that name no user may come from different phones, so each is
                    // deduplicated on its own: the same sms_id in two of them is two SMS.
                    if entry.key.userID == nil { deduplicator.reset() }
                    keepNew(decoded[next], deduplicator: &deduplicator, into: &batch)
                    done += Int64(documents[next].span.length)
                    progress(done, total)
                    next += 1
                }
                if !batch.isEmpty { try body(entry.key, batch) }
            }
            users.removeAll(keepingCapacity: true)
            userBytes = 0
        }
        for key in order {
            guard let spans = spansByUser.removeValue(forKey: key) else { continue }
            users.append((key, spans))
            userBytes += spans.reduce(0) { $0 + $1.length }
            let documentCount = users.reduce(0) { $0 + $1.spans.count }
            if documentCount >= windowDocuments || userBytes >= Self.windowBytes { try readUsers() }
        }
        try readUsers()
        progress(total, total)
    }

    /// A scanner item held until its window is parsed, with the document's bytes copied.
    private enum PendingItem {
        case document(DocumentSpan, [UInt8])
        case unreadable(RecordLocation, reason: String, losesRest: Bool)
    }

    /// The pass 1 facts of one document, worked out on a worker thread.
    private enum IndexedDocument {
        case unreadable(FieldProblem)
        /// A readable document of a user the selection leaves out.
        case skipped
        /// A selected document: its user, how many SMS records it has, and the unreadable ones.
        case selected(UserKey, userID: String?, smsCount: Int, problems: [(index: Int?, problem: FieldProblem)])
    }

    /// Parses one document for pass 1. Safe to call from several threads at once.
    private func index(_ bytes: UnsafeRawBufferPointer) -> IndexedDocument {
        let decoded: DecodedDocument
        switch decodeHeader(bytes) {
        case let .failure(fieldProblem): return .unreadable(fieldProblem)
        case let .success(value): decoded = value
        }
        guard let key = selectedKey(for: decoded.header) else { return .skipped }
        var smsCount = 0
        var problems: [(index: Int?, problem: FieldProblem)] = []
        // forEachSMS throws only what its closure throws, and this closure throws nothing.
        try? decoded.forEachSMS(header: decoded.header) { index, result in
            smsCount += 1
            if case let .failure(fieldProblem) = result { problems.append((index, fieldProblem)) }
        }
        return .selected(key, userID: decoded.header.userID, smsCount: smsCount, problems: problems)
    }

    /// Applies what `index` found, in file order: counts, the user's document list and problems.
    private func record(
        _ document: IndexedDocument, span: DocumentSpan, order: inout [UserKey],
        spansByUser: inout [UserKey: [DocumentSpan]], problem: (InputProblem) -> Void
    ) throws {
        switch document {
        case let .unreadable(fieldProblem):
            if let cut = span.cutLineProblem(fieldProblem) {
                counts.unreadableParts += 1
                report(cut, at: span.location, to: problem)
            } else {
                var location = span.location
                location.smsIndex = fieldProblem.smsIndex
                report(fieldProblem, at: location, to: problem)
            }
        case .skipped:
            counts.documents += 1
        case let .selected(key, userID, smsCount, problems):
            counts.documents += 1
            selectedDocuments += 1
            if selection.userIDs != nil, let userID { foundUserIDs.insert(ExactText(userID)) }
            if spansByUser[key] == nil { order.append(key) }
            spansByUser[key, default: []].append(span)
            counts.sms += smsCount
            for found in problems {
                var location = span.location
                location.smsIndex = found.index
                report(found.problem, at: location, to: problem)
            }
        }
    }

    /// Returns the readable SMS records of one document for pass 2, in order. Safe to call from
    /// several threads at once. Pass 1 reported every problem already, so unreadable records are
    /// left out silently.
    private func records(of bytes: UnsafeRawBufferPointer) -> [SyncedSMS] {
        guard case let .success(decoded) = decodeHeader(bytes) else { return [] }
        var filled = decoded.header
        filled.clientID = decoded.header.clientID ?? selection.clientID
        var records: [SyncedSMS] = []
        try? decoded.forEachSMS(header: filled) { _, result in
            if case let .success(sms) = result { records.append(sms) }
        }
        return records
    }

    /// Adds the records that are new for the user and in the inbox to `batch`, counting the others.
    private func keepNew(_ records: [SyncedSMS], deduplicator: inout SMSDeduplicator, into batch: inout [SyncedSMS]) {
        for sms in records {
            guard deduplicator.insert(sms.raw) else {
                counts.duplicates += 1
                continue
            }
            guard sms.isInbox else {
                counts.notInInbox += 1
                continue
            }
            batch.append(sms)
        }
    }

    /// Runs `transform` over `items` on up to `workers` threads and returns the results in order.
    /// `transform` must only read the reader's constant settings (`index` and `records` do).
    private func parallelMap<Item, Result>(_ items: [Item], _ transform: (Item) -> Result) -> [Result] {
        let threads = min(workers, items.count)
        guard threads > 1 else { return items.map(transform) }
        var results = [Result?](repeating: nil, count: items.count)
        withoutActuallyEscaping(transform) { transform in
            results.withUnsafeMutableBufferPointer { buffer in
                let window = WindowWork(items: items, transform: transform, results: buffer)
                DispatchQueue.concurrentPerform(iterations: threads) { thread in
                    var index = thread
                    while index < window.items.count {
                        window.results[index] = window.transform(window.items[index])
                        index += threads
                    }
                }
            }
        }
        return results.map { $0! }
    }

    /// Parses one document and reads its header.
    private func decodeHeader(_ bytes: UnsafeRawBufferPointer) -> Result<DecodedDocument, FieldProblem> {
        let parsed = source.format == .bson ? BSONDocument.copyBSON(bytes) : BSONDocument.parseJSON(bytes)
        switch parsed {
        case let .failure(failure):
            if source.format != .bson, let mended = DecodedDocument(mendingInvalidUTF8In: bytes) { return .success(mended) }
            return .failure(describe(failure, bytes: bytes))
        case let .success(document):
            let picked = SyncRecordField.pick(from: document.fields)
            return SyncDocumentDecoder.header(of: picked).map { DecodedDocument(document: document, picked: picked, header: $0) }
        }
    }

    private func selectedKey(for header: SyncDocumentHeader) -> UserKey? {
        if let wanted = selection.clientID, let client = header.clientID, ExactText(client) != ExactText(wanted) { return nil }
        if let wanted = selection.userIDs, !wanted.contains(ExactText(header.userID ?? "")) { return nil }
        return UserKey(clientID: header.clientID ?? selection.clientID, userID: header.userID)
    }

    /// Returns the problem of a document that does not parse, naming the field when one is known.
    private func describe(_ failure: BSONParseFailure, bytes: UnsafeRawBufferPointer) -> FieldProblem {
        var found: FieldProblem
        if source.format == .bson {
            found = FieldProblem(field: nil, reason: "invalid BSON: \(failure.message)")
        } else if let field = failure.field {
            found = FieldProblem(field: SyncRecordField.canonicalName(of: field), reason: failure.message,
                                 smsIndex: failure.smsIndex)
        } else if let key = JSONKeyLocator.keyBeforeInvalidUTF8(in: bytes) {
            found = FieldProblem(field: SyncRecordField.canonicalName(of: key), reason: "invalid UTF-8 text")
        } else {
            found = FieldProblem(field: nil, reason: failure.isSyntaxError ? "invalid JSON: \(failure.message)" : failure.message)
        }
        found.isUnparsed = true
        return found
    }

    private func report(_ fieldProblem: FieldProblem, at location: RecordLocation, to problem: (InputProblem) -> Void) {
        counts.skipped += 1
        problem(InputProblem(file: source.file.displayName, location: location, field: fieldProblem.field,
                             reason: fieldProblem.reason))
    }
}

@available(*, unavailable, message: "A dump reader is used by one thread at a time")
extension SMSDumpReader: Sendable {}

/// One window's documents, the parsing function and the result slots, shared by the parsing threads.
///
/// `@unchecked Sendable` is safe here: the threads only read `items` and the reader's constant
/// settings through `transform`, each thread writes only its own result indices, and
/// `concurrentPerform` returns only after every thread has finished.
private struct WindowWork<Item, Result>: @unchecked Sendable {
    let items: [Item]
    let transform: (Item) -> Result
    let results: UnsafeMutableBufferPointer<Result?>
}
