/// The documents of each user in a `sync_db` dump folder, found in one streaming pass.
///
/// Every collection file is split into documents without keeping them. Only each document's
/// offset, length and line are kept, per user, so memory grows with the number of documents, not
/// their size. `DumpUserReader` then reads one user's documents again by offset.
public final class DumpUserIndex: Sendable {
    /// One collection file of the dump.
    struct File: Sendable {
        var source: SyncSource
        var path: String
        var format: SMSInputFormat
    }

    /// Where one document of a user lies.
    struct Entry: Sendable {
        var file: Int
        var span: DocumentSpan
    }

    let files: [File]
    /// Users in the order their first document appears (files in source order, then file order).
    public let users: [SyncDBUser]
    let entries: [SyncDBUser: [Entry]]
    /// The first unparsable document of each user whose ids could still be read from it.
    let lostDocuments: [SyncDBUser: InputProblem]
    /// The first unreadable part whose owner is unknown; when set, no user's data is known to be whole.
    let lostPart: InputProblem?

    /// Indexes the folder, keeping the users `filter` accepts.
    ///
    /// - Parameter problem: called for each document that cannot be read or names no user; it
    ///   may throw to stop the run.
    /// - Throws: `DumpLoadError` when the folder has no dump files, `SMSInputError` when a file
    ///   cannot be read.
    public init(folder: String, filter: BatchUserFilter, problem: (InputProblem) throws -> Void) throws {
        var files: [File] = []
        var order: [SyncDBUser] = []
        var entries: [SyncDBUser: [Entry]] = [:]
        var lostDocuments: [SyncDBUser: InputProblem] = [:]
        var lostPart: InputProblem?
        func add(_ user: SyncDBUser) {
            guard entries[user] == nil else { return }
            entries[user] = []
            order.append(user)
        }
        for (source, path) in try Self.collectionFiles(in: folder) {
            let file = try InputFile(path: path, displayName: path)
            let format = try SMSInputFormat.detect(file: file, path: path)
            let fileIndex = files.count
            files.append(File(source: source, path: path, format: format))
            try DocumentScanner.scan(file, format: format, progress: { _ in }) { item in
                switch item {
                case let .unreadable(location, reason, _):
                    let found = InputProblem(file: path, location: location, field: nil, reason: reason)
                    try problem(found)
                    lostPart = lostPart ?? found
                case let .document(span, bytes):
                    let user: SyncDBUser
                    switch Self.user(of: bytes, format: format) {
                    case let .failure(fieldProblem):
                        // A last line cut short may have lost documents of any user after the cut.
                        let cut = span.cutLineProblem(fieldProblem)
                        let reported = cut ?? fieldProblem
                        var location = span.location
                        // Other sources share list names with the SMS list (`data`), so only an SMS file has SMS positions.
                        location.smsIndex = source == .sms ? reported.smsIndex : nil
                        let found = InputProblem(file: path, location: location, field: reported.field,
                                                 reason: reported.reason)
                        try problem(found)
                        if cut != nil {
                            lostPart = lostPart ?? found
                            return
                        }
                        // A document that cannot be parsed may hold any user's data: skip its owner
                        // when the text still names one, else every user. One whose ids read but
                        // whose other header fields do not (`created_at`) skips its owner too,
                        // because a row built without it would look complete.
                        let isIDProblem = fieldProblem.field.map(Self.idFields.contains) ?? false
                        guard fieldProblem.isUnparsed || !isIDProblem else { return }
                        guard let owner = UnreadableDocumentOwner.owner(of: bytes, format: format) else {
                            if fieldProblem.isUnparsed { lostPart = lostPart ?? found }
                            return
                        }
                        guard filter.accepts(clientID: owner.clientID, userID: owner.userID) else { return }
                        add(owner)
                        lostDocuments[owner] = lostDocuments[owner] ?? found
                        return
                    case let .success(found):
                        user = found
                    }
                    guard filter.accepts(clientID: user.clientID, userID: user.userID) else { return }
                    add(user)
                    entries[user, default: []].append(Entry(file: fileIndex, span: span))
                }
            }
        }
        self.lostDocuments = lostDocuments
        self.lostPart = lostPart
        self.files = files
        self.users = order
        self.entries = entries
    }

    /// The collection files of the six synced sources, in `SyncSource` order. Each collection is
    /// read from one file, chosen as `DumpLoader.selectedFiles()` chooses it.
    static func collectionFiles(in folder: String) throws -> [(SyncSource, String)] {
        let found = try DumpLoader(directory: folder).selectedFiles()
        return SyncSource.allCases.compactMap { source in
            found.first { $0.collection.name == source.collection }.map { (source, $0.path) }
        }
    }

    /// The header fields that name a document's owner.
    private static let idFields: Set<String> = [
        SyncRecordField.clientID.canonicalName, SyncRecordField.userID.canonicalName,
    ]

    /// Returns the field and SMS position of the first invalid UTF-8 text in a JSON document, in the
    /// words of `extract --sms`, or nil when the text is valid UTF-8 or the bad bytes lie outside strings.
    private static func invalidUTF8Problem(in bytes: UnsafeRawBufferPointer) -> FieldProblem? {
        guard let site = InvalidUTF8Mender.mend(bytes)?.sites.first else { return nil }
        let smsList = SyncRecordField.smsArray.canonicalName
        let isSMS = SyncRecordField.canonicalName(of: site.memberKey) == smsList
        return FieldProblem(field: site.fieldName, reason: "invalid UTF-8 text",
                            isUnparsed: true, smsIndex: isSMS ? site.element : nil)
    }

    /// Reads the client and user ids of one document.
    static func user(of bytes: UnsafeRawBufferPointer, format: SMSInputFormat) -> Result<SyncDBUser, FieldProblem> {
        let parsed = format == .bson ? BSONDocument.copyBSON(bytes) : BSONDocument.parseJSON(bytes)
        let document: BSONDocument
        switch parsed {
        case let .failure(failure):
            if let field = failure.field {
                return .failure(FieldProblem(field: SyncRecordField.canonicalName(of: field), reason: failure.message,
                                             isUnparsed: true, smsIndex: failure.smsIndex))
            }
            if format != .bson, let problem = invalidUTF8Problem(in: bytes) { return .failure(problem) }
            let prefix = !failure.isSyntaxError ? "" : format == .bson ? "invalid BSON: " : "invalid JSON: "
            return .failure(FieldProblem(field: nil, reason: prefix + failure.message, isUnparsed: true))
        case let .success(value):
            document = value
        }
        switch SyncDocumentDecoder.header(of: SyncRecordField.pick(from: document.fields)) {
        case let .failure(fieldProblem):
            return .failure(fieldProblem)
        case let .success(header):
            guard let clientID = header.clientID else {
                return .failure(FieldProblem(field: SyncRecordField.clientID.canonicalName, reason: "missing"))
            }
            guard let userID = header.userID else {
                return .failure(FieldProblem(field: SyncRecordField.userID.canonicalName, reason: "missing"))
            }
            return .success(SyncDBUser(clientID: clientID, userID: userID))
        }
    }
}

/// Reads users' documents out of an indexed dump. Each worker thread uses its own reader,
/// because a reader keeps the files open.
public final class DumpUserReader {
    private let index: DumpUserIndex
    private var openFiles: [Int: InputFile] = [:]

    public init(index: DumpUserIndex) {
        self.index = index
    }

    /// Returns the builder filled with every document of `user`, or nil when the index has none.
    ///
    /// - Throws: `InputProblem` naming the file, line and field of the first document that
    ///   cannot be read. Indexing may already have found one: an unparsable document naming this
    ///   user, or an unreadable part of a file whose owner is unknown, which fails every user.
    public func builder(of user: SyncDBUser) throws -> UserDataBuilder? {
        if let lost = index.lostPart {
            throw InputProblem(file: lost.file, location: lost.location, field: lost.field,
                               reason: lost.reason + "; the unread part may hold documents of this user")
        }
        if var lost = index.lostDocuments[user] {
            lost.reason += "; the document names this user but cannot be read"
            throw lost
        }
        guard let entries = index.entries[user] else { return nil }
        var builder = UserDataBuilder(clientID: user.clientID, userID: user.userID)
        for entry in entries {
            let file = index.files[entry.file]
            let input = try open(entry.file)
            let bytes = try input.readBytes(at: entry.span.offset, length: entry.span.length)
            let parsed = bytes.withUnsafeBytes { raw in
                file.format == .bson ? BSONDocument.copyBSON(raw) : BSONDocument.parseJSON(raw)
            }
            func problem(_ field: String?, _ reason: String) -> InputProblem {
                InputProblem(file: file.path, location: entry.span.location, field: field, reason: reason)
            }
            guard case let .success(document) = parsed else {
                throw problem(nil, "the document changed since it was indexed")
            }
            let value = BSONConversion.value(ofDocument: document.handle, asArray: false)
            do {
                try builder.add(document: value, source: file.source)
            } catch .inSMS(let index, let inner) {
                var found = problem(inner.fieldName, inner.detail)
                found.location.smsIndex = index
                throw found
            } catch {
                throw problem(error.fieldName, error.detail)
            }
        }
        return builder
    }

    private func open(_ fileIndex: Int) throws -> InputFile {
        if let file = openFiles[fileIndex] { return file }
        let path = index.files[fileIndex].path
        let file = try InputFile(path: path, displayName: path)
        openFiles[fileIndex] = file
        return file
    }
}

@available(*, unavailable, message: "A dump reader keeps open files and belongs to one thread")
extension DumpUserReader: Sendable {}

extension InputProblem: Error {}

extension SyncDataError {
    /// The field at fault, when the error names one.
    var fieldName: String? {
        switch self {
        case let .missingField(_, names): return names.first
        case let .invalidField(_, field, _, _), let .implausibleField(_, field, _): return field
        case let .invalidValue(_, field, _): return field
        case let .inSMS(_, problem): return problem.fieldName
        case .notAnObject, .otherUser: return nil
        }
    }

    /// The text that follows the file, line and field in a message: the bare reason of a
    /// rejected value, as `extract --sms` writes it, else the whole description.
    var detail: String {
        if case let .invalidValue(_, _, reason) = self { return reason }
        return description
    }
}
