/// A parsed dump document with its header, and the SMS that its invalid UTF-8 makes unreadable.
struct DecodedDocument {
    var document: BSONDocument
    var picked: PickedFields
    var header: SyncDocumentHeader
    /// The problem of each SMS (by 1-based index) whose text contained invalid UTF-8.
    var invalidSMS: [Int: FieldProblem] = [:]

    init(document: BSONDocument, picked: PickedFields, header: SyncDocumentHeader) {
        self.document = document
        self.picked = picked
        self.header = header
    }

    /// Reads a JSON document that libbson rejected for invalid UTF-8, when every invalid byte lies
    /// in an element of its SMS array. Returns nil otherwise, so the whole document stays unreadable.
    init?(mendingInvalidUTF8In bytes: UnsafeRawBufferPointer) {
        guard let (text, sites) = InvalidUTF8Mender.mend(bytes),
              case let .success(document) = text.withUnsafeBytes({ BSONDocument.parseJSON($0) })
        else { return nil }
        let picked = SyncRecordField.pick(from: document.fields)
        guard let smsKey = picked[.smsArray]?.key, case let .success(header) = SyncDocumentDecoder.header(of: picked)
        else { return nil }
        self.init(document: document, picked: picked, header: header)
        for site in sites {
            guard site.memberKey == smsKey, let element = site.element else { return nil }
            if invalidSMS[element] == nil {
                let field = SyncRecordField.canonicalName(of: site.key)
                invalidSMS[element] = FieldProblem(field: field, reason: "invalid UTF-8 text")
            }
        }
    }

    /// Calls `visit` as `SyncDocumentDecoder.forEachSMS` does, with each SMS that contained invalid
    /// UTF-8 as its problem.
    func forEachSMS(header: SyncDocumentHeader, visit: (Int?, Result<SyncedSMS, FieldProblem>) throws -> Void) throws {
        try SyncDocumentDecoder.forEachSMS(in: picked, header: header) { index, result in
            if let index, let problem = invalidSMS[index] {
                try visit(index, .failure(problem))
            } else {
                try visit(index, result)
            }
        }
    }
}
