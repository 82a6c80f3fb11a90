/// The documents of a dump that an extraction keeps, chosen by user and client.
public struct SMSSelection: Sendable, Equatable {
    /// User ids to keep; nil keeps every user.
    public var userIDs: Set<String>?
    /// Keeps documents of this client only, and is used as the client of documents that name none.
    public var clientID: String?

    public init(userIDs: Set<String>? = nil, clientID: String? = nil) {
        self.userIDs = userIDs
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

    public init() {}
}

/// Reads a dump in two passes so that each user's SMS come out together, deduplicated.
///
/// The first pass splits the file into documents, reads each one's client and user, and keeps
/// only the documents' offsets per user. The second pass reads each user's documents again in
/// file order. Memory is bounded by one user's SMS plus a few integers per document.
final class SMSDumpReader {
    private let source: SMSInputSource
    private let selection: SMSSelection
    private(set) var counts = SMSReadCounts()
    /// The requested user ids (`SMSSelection.userIDs`) that have at least one readable document.
    private(set) var foundUserIDs: Set<String> = []

    init(source: SMSInputSource, selection: SMSSelection) {
        self.source = source
        self.selection = selection
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
        try DocumentScanner.scan(file, format: source.format, progress: { progress($0, total) }) { item in
            switch item {
            case let .unreadable(location, reason):
                report(FieldProblem(field: nil, reason: reason), at: location, to: problem)
            case let .document(span, bytes):
                let decoded: (BSONDocument, SyncDocumentHeader)
                switch decodeHeader(bytes) {
                case let .failure(fieldProblem):
                    report(fieldProblem, at: span.location, to: problem)
                    return
                case let .success(value):
                    decoded = value
                }
                let (document, header) = decoded
                counts.documents += 1
                guard let key = selectedKey(for: header) else { return }
                if selection.userIDs != nil, let userID = header.userID { foundUserIDs.insert(userID) }
                if spansByUser[key] == nil { order.append(key) }
                spansByUser[key, default: []].append(span)
                try checkRecords(of: document, header: header, location: span.location, problem: problem)
            }
        }

        // MARK: - Pass 2: read each user's documents again, in file order
        var done = file.size
        var buffer: [UInt8] = []
        var deduplicator = SMSDeduplicator()
        for key in order {
            guard let spans = spansByUser.removeValue(forKey: key) else { continue }
            deduplicator.reset()
            var batch: [SyncedSMS] = []
            for span in spans {
                buffer = try file.readBytes(at: span.offset, length: span.length)
                try buffer.withUnsafeBytes { bytes in
                    try readDocument(bytes, span: span, deduplicator: &deduplicator, into: &batch)
                }
                done += Int64(span.length)
                progress(done, total)
            }
            if !batch.isEmpty { try body(key, batch) }
        }
        progress(total, total)
    }

    private func readDocument(
        _ bytes: UnsafeRawBufferPointer, span: DocumentSpan, deduplicator: inout SMSDeduplicator,
        into batch: inout [SyncedSMS]
    ) throws {
        // Pass 1 reported every problem already, so unreadable records are skipped silently here.
        guard case let .success((document, header)) = decodeHeader(bytes) else { return }
        var filled = header
        filled.clientID = header.clientID ?? selection.clientID
        let picked = SyncRecordField.pick(from: document.fields)
        try SyncDocumentDecoder.forEachSMS(in: picked, header: filled) { _, result in
            guard case let .success(sms) = result else { return }
            guard deduplicator.insert(sms.raw) else {
                counts.duplicates += 1
                return
            }
            guard sms.isInbox else {
                counts.notInInbox += 1
                return
            }
            batch.append(sms)
        }
    }

    /// Counts the SMS of a selected document and reports the unreadable ones, in file order.
    private func checkRecords(
        of document: BSONDocument, header: SyncDocumentHeader, location: RecordLocation,
        problem: (InputProblem) -> Void
    ) throws {
        let picked = SyncRecordField.pick(from: document.fields)
        try SyncDocumentDecoder.forEachSMS(in: picked, header: header) { index, result in
            counts.sms += 1
            guard case let .failure(fieldProblem) = result else { return }
            var recordLocation = location
            recordLocation.smsIndex = index
            report(fieldProblem, at: recordLocation, to: problem)
        }
    }

    /// Parses one document and reads its header.
    private func decodeHeader(_ bytes: UnsafeRawBufferPointer) -> Result<(BSONDocument, SyncDocumentHeader), FieldProblem> {
        let parsed = source.format == .bson ? BSONDocument.copyBSON(bytes) : BSONDocument.parseJSON(bytes)
        switch parsed {
        case let .failure(failure):
            return .failure(describe(failure, bytes: bytes))
        case let .success(document):
            let picked = SyncRecordField.pick(from: document.fields)
            return SyncDocumentDecoder.header(of: picked).map { (document, $0) }
        }
    }

    private func selectedKey(for header: SyncDocumentHeader) -> UserKey? {
        if let wanted = selection.clientID, let client = header.clientID, client != wanted { return nil }
        if let wanted = selection.userIDs, !wanted.contains(header.userID ?? "") { return nil }
        return UserKey(clientID: header.clientID ?? selection.clientID, userID: header.userID)
    }

    private func describe(_ failure: BSONParseFailure, bytes: UnsafeRawBufferPointer) -> FieldProblem {
        if source.format == .bson {
            return FieldProblem(field: nil, reason: "invalid BSON: \(failure.message)")
        }
        if let field = failure.field {
            return FieldProblem(field: SyncRecordField.canonicalName(of: field), reason: failure.message)
        }
        if let key = JSONKeyLocator.keyBeforeInvalidUTF8(in: bytes) {
            return FieldProblem(field: SyncRecordField.canonicalName(of: key), reason: "invalid UTF-8 text")
        }
        return FieldProblem(field: nil, reason: failure.isSyntaxError ? "invalid JSON: \(failure.message)" : failure.message)
    }

    private func report(_ fieldProblem: FieldProblem, at location: RecordLocation, to problem: (InputProblem) -> Void) {
        counts.skipped += 1
        problem(InputProblem(file: source.file.displayName, location: location, field: fieldProblem.field,
                             reason: fieldProblem.reason))
    }
}

@available(*, unavailable, message: "A dump reader is used by one thread at a time")
extension SMSDumpReader: Sendable {}
