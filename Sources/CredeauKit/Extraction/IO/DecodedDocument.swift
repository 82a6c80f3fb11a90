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

    /// Reads a JSON document that libbson rejected for invalid UTF-8, when no invalid byte lies in
    /// a header field. Returns nil otherwise, so the whole document stays unreadable.
    ///
    /// An SMS with invalid bytes is skipped, named by the path of keys to them. Members that are
    /// neither header fields nor the SMS array are not read, so their bytes are only mended.
    init?(mendingInvalidUTF8In bytes: UnsafeRawBufferPointer) {
        guard let (text, sites) = InvalidUTF8Mender.mend(bytes),
              case let .success(document) = text.withUnsafeBytes({ BSONDocument.parseJSON($0) })
        else { return nil }
        let picked = SyncRecordField.pick(from: document.fields)
        guard let smsKey = picked[.smsArray]?.key, case let .success(header) = SyncDocumentDecoder.header(of: picked)
        else { return nil }
        self.init(document: document, picked: picked, header: header)
        let headerKeys = Set(SyncRecordField.headerFields.compactMap { picked[$0]?.key })
        for site in sites {
            guard !headerKeys.contains(site.memberKey) else { return nil }
            guard site.memberKey == smsKey else { continue }
            guard let element = site.element else { return nil }
            if invalidSMS[element] == nil {
                invalidSMS[element] = FieldProblem(field: site.fieldName, reason: "invalid UTF-8 text")
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
