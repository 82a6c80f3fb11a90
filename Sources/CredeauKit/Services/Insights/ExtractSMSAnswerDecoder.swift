import CBSON

/// Reads the entries of an SMS Extraction API response, JSON or BSON, in one walk over libbson's
/// document, without building a `JSONValue` tree or turning numbers and dates into text.
///
/// The first `extracted_sms_data` key counts. Inside an entry, the last scalar value of a
/// repeated key wins, while `null`, lists and objects leave a column unset, and unknown keys are
/// ignored. Each column is read through `ExtractedSMSRowCodec`, so numbers and texts mean what
/// they mean in a stored row. An item that is not an object, or an entry without `sms_type` or
/// `is_transactional`, makes the response invalid, because the features would read it as an
/// unclassified SMS.
///
/// `sms_body` and `sms_inbox_date` are not read, because the caller replaces them with those of
/// the SMS sent. So a body that looks like a Fernet token is no error here.
enum ExtractSMSAnswerDecoder {
    /// Returns the entries of a JSON response in their order.
    ///
    /// - Throws: `SMSExtractionServiceError.invalidAnswer` when the body is not JSON or has no
    ///   `extracted_sms_data` list.
    static func entries(from body: [UInt8], url: String, expectedCount: Int = 0) throws -> [ExtractedSMS] {
        let parsed: (document: OpaquePointer, isArray: Bool)
        do {
            parsed = try JSONParser.parseDocument(body)
        } catch {
            throw SMSExtractionServiceError.invalidAnswer(url: url, reason: "not JSON (\(error.reason))")
        }
        defer { bson_destroy(parsed.document) }
        return try entries(in: parsed.isArray ? nil : parsed.document, checksElements: false, url: url,
                           expectedCount: expectedCount)
    }

    /// Returns the entries of a BSON response (`application/bson`, a credeau extension) in their order.
    /// The document is read in place. The walk that reads the entries also checks every element
    /// it passes as `credeau_bson_check_document` does (structure, UTF-8 of keys and strings,
    /// nesting depth), so a truncated or corrupt body gives an error rather than a read past its end.
    ///
    /// - Throws: `SMSExtractionServiceError.invalidAnswer` when the body is not a valid BSON
    ///   document or has no `extracted_sms_data` array. An invalid element wins over any other
    ///   problem, as when the whole document was checked before it was read.
    static func entries(fromBSON body: [UInt8], url: String, expectedCount: Int = 0) throws -> [ExtractedSMS] {
        try body.withUnsafeBufferPointer { bytes in
            try withUnsafeTemporaryAllocation(byteCount: documentSize, alignment: documentSize) { storage in
                let document = OpaquePointer(storage.baseAddress!)
                guard let base = bytes.baseAddress, bson_init_static(document, base, bytes.count) else {
                    throw SMSExtractionServiceError.invalidAnswer(
                        url: url, reason: "not BSON (the \(bytes.count) bytes are not one whole document)")
                }
                do {
                    return try entries(in: document, checksElements: true, url: url, expectedCount: expectedCount)
                } catch {
                    // Errors are rare, so the whole document is checked again to report the first
                    // invalid element, which may lie after the problem the walk stopped at.
                    var offset = 0
                    guard credeau_bson_check_document(document, &offset) else {
                        throw SMSExtractionServiceError.invalidAnswer(
                            url: url, reason: "not BSON (invalid element at byte \(offset))")
                    }
                    throw error is InvalidElement
                        ? SMSExtractionServiceError.invalidAnswer(url: url, reason: "not BSON (invalid element)")
                        : error
                }
            }
        }
    }

    /// An element that fails the checks of `credeau_bson_check_document`, found by a walk with
    /// `checksElements`.
    struct InvalidElement: Error {}

    /// Walks the `extracted_sms_data` array of `document`. A nil document means a JSON
    /// response that was an array rather than an object. With `checksElements` every element of
    /// the document is checked as `credeau_bson_check_document` checks it, and `InvalidElement`
    /// is thrown for the first that fails, unless another error comes first. `expectedCount`, the
    /// number of SMS sent, only reserves room.
    static func entries(in document: OpaquePointer?, checksElements: Bool, url: String,
                        expectedCount: Int = 0) throws -> [ExtractedSMS] {
        let entries = try withUnsafeTemporaryAllocation(byteCount: 3 * iteratorSize, alignment: 128) { storage in
            let top = OpaquePointer(storage.baseAddress!)
            let list = OpaquePointer(storage.baseAddress! + iteratorSize)
            let item = OpaquePointer(storage.baseAddress! + 2 * iteratorSize)
            guard let document, bson_iter_init(top, document) else { return nil as [ExtractedSMS]? }
            var entries: [ExtractedSMS]?
            var passedList = false
            while bson_iter_next(top) {
                if !passedList, isListKey(top) {
                    passedList = true
                    guard bson_iter_type(top) == BSON_TYPE_ARRAY, bson_iter_recurse(top, list) else { return nil }
                    entries = try readList(list, item: item, checksElements: checksElements, url: url,
                                           expectedCount: expectedCount)
                    // Without checks nothing after the first list is read.
                    guard checksElements else { break }
                } else if checksElements, !credeau_bson_check_element(top, 0) {
                    throw InvalidElement()
                }
            }
            if checksElements, credeau_bson_iter_failed(top) { throw InvalidElement() }
            return entries
        }
        guard let entries else {
            throw SMSExtractionServiceError.invalidAnswer(url: url, reason: "no 'extracted_sms_data' list")
        }
        return entries
    }

    private static let listKey = Array("extracted_sms_data".utf8)

    /// True when the current key is `extracted_sms_data`. It is ASCII, so a key equal to it is valid UTF-8.
    private static func isListKey(_ iterator: OpaquePointer) -> Bool {
        let length = Int(bson_iter_key_len(iterator))
        guard length == listKey.count, let key = bson_iter_key(iterator) else { return false }
        return listKey.withUnsafeBytes { memcmp($0.baseAddress!, key, length) == 0 }
    }

    /// `sizeof(bson_t)` in libbson 1.23: a 128-byte aligned struct of 128 bytes.
    private static let documentSize = 128
    /// `sizeof(bson_iter_t)` is 80 in libbson 1.23, and a whole alignment unit leaves room to spare.
    private static let iteratorSize = 128

    private static func readList(_ list: OpaquePointer, item: OpaquePointer, checksElements: Bool,
                                 url: String, expectedCount: Int) throws -> [ExtractedSMS] {
        let codec = ExtractedSMSRowCodec(fernet: nil)
        var row = BSONEntryRow()
        var entries: [ExtractedSMS] = []
        // A batch's response has one entry per SMS sent; reserving that many avoids copying the
        // large entries each time the list would grow. The cap bounds what a wrong count reserves.
        entries.reserveCapacity(min(max(0, expectedCount), 100_000))
        while bson_iter_next(list) {
            row.clear()
            guard bson_iter_type(list) == BSON_TYPE_DOCUMENT, bson_iter_recurse(list, item) else {
                throw SMSExtractionServiceError.invalidAnswer(url: url, reason: "entry \(entries.count) is not an object")
            }
            // The list is at level 1, so its items are at level 2.
            if checksElements {
                guard credeau_bson_check_key_and_text(list), row.readChecked(item, level: 2) else { throw InvalidElement() }
            } else {
                row.read(item)
            }
            for (column, name) in requiredColumns where !row.isSet(column) {
                throw SMSExtractionServiceError.invalidAnswer(url: url, reason: "entry \(entries.count) has no \(name)")
            }
            // An amount that is not a finite number would read as missing, and the amount
            // features would silently count it as 0.
            for (column, name) in amountColumns where !row.hasValidAmount(at: column) {
                throw SMSExtractionServiceError.invalidAnswer(
                    url: url, reason: "entry \(entries.count) has a \(name) that is not a finite number")
            }
            // The body is unset, and without `decryptsBody` the codec does not decrypt it.
            entries.append(try codec.entry(from: row, decryptsBody: false))
        }
        if checksElements, credeau_bson_iter_failed(list) { throw InvalidElement() }
        return entries
    }

    /// Returns true for a finite number written in decimal: digits with an optional sign, point
    /// and exponent. Swift's `Double` also reads "inf", "nan" and hex such as "0x10", which
    /// credeau's serve-sms never writes as an amount.
    static func isDecimalAmount(_ text: String) -> Bool {
        let allowed = text.utf8.allSatisfy { byte in
            (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "+")
                || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "e")
                || byte == UInt8(ascii: "E")
        }
        guard allowed, let number = Double(text) else { return false }
        return number.isFinite
    }

    /// Columns that contain amounts in rupees.
    private static let amountColumns = [
        (ExtractedSMSRowCodec.Column.transaction, "transaction"),
        (ExtractedSMSRowCodec.Column.availableBalance, "available_balance"),
        (ExtractedSMSRowCodec.Column.outstandingAmount, "outstanding_amount"),
        (ExtractedSMSRowCodec.Column.dueAmount, "due_amount"),
    ]

    /// Columns every entry must carry as a scalar value.
    private static let requiredColumns = [
        (ExtractedSMSRowCodec.Column.smsType, "sms_type"),
        (ExtractedSMSRowCodec.Column.isTransactional, "is_transactional"),
    ]
}

/// The scalar value of one column of an entry, pointing into the libbson document for texts.
private enum BSONColumnValue {
    case unset
    case bytes(UnsafeRawBufferPointer)
    case text(String)
    case bool(Bool)
    case integer(Int64)
    case number(Double)
}

/// One entry of the response as column values in `ExtractedSMSColumns` order, reused for every item.
///
/// Each accessor returns what `ExtractedSMSTextRow` returns for the text the tree path made of
/// the value: `t`/`f` for a boolean and `String(number)` for a number.
private struct BSONEntryRow: ExtractedSMSRow {
    private var values = [BSONColumnValue](repeating: .unset, count: ExtractedSMSColumns.names.count)
    /// Columns with a member that was a list, an object or a wrapped BSON type, one bit per column.
    private var structured: UInt64 = 0

    /// Column names as UTF-8, for comparing keys without making a `String` of each.
    private static let names: [[UInt8]] = ExtractedSMSColumns.names.map { Array($0.utf8) }
    /// True for the columns the caller replaces, which are not read.
    private static let skipped: [Bool] = ExtractedSMSColumns.names.indices.map {
        $0 == ExtractedSMSRowCodec.Column.smsBody || $0 == ExtractedSMSRowCodec.Column.smsInboxDate
    }

    /// True when the entry had a scalar value for `column`.
    func isSet(_ column: Int) -> Bool {
        if case .unset = values[column] { return false }
        return true
    }

    mutating func clear() {
        for index in values.indices { values[index] = .unset }
        structured = 0
    }

    /// True when `column` is absent or null, or contains a finite number written in decimal (as a
    /// number or as text). Lists, objects, booleans and texts such as "lots", "inf" or "0x10",
    /// which Swift's `Double` reads as 16, are not amounts.
    func hasValidAmount(at column: Int) -> Bool {
        if structured & (1 << UInt64(column)) != 0 { return false }
        switch values[column] {
        case .unset: return true
        case let .number(number): return number.isFinite
        case .integer: return true
        case .bool: return false
        case .bytes, .text:
            guard let text = text(at: column) else { return false }
            return ExtractSMSAnswerDecoder.isDecimalAmount(text)
        }
    }

    /// Records the members of one entry object.
    mutating func read(_ item: OpaquePointer) {
        // Local copies, so that the loop does not check the static initializers for every member.
        let names = Self.names
        let skipped = Self.skipped
        var expected = 0
        while bson_iter_next(item) {
            guard let column = Self.column(of: item, expected: expected, names: names) else { continue }
            expected = column + 1
            noteShape(of: item, column: column)
            guard !skipped[column], let value = Self.value(of: item) else { continue }
            values[column] = value
        }
    }

    /// Records the members of one entry object at nesting level `level` as `read` does, and
    /// checks each member as `credeau_bson_check_element` does. Returns false at the first member
    /// that fails, or when the walk stops at a corrupt element.
    mutating func readChecked(_ item: OpaquePointer, level: Int32) -> Bool {
        let names = Self.names
        let skipped = Self.skipped
        var expected = 0
        while bson_iter_next(item) {
            // A key equal to a column name is ASCII, and a string value is checked as it is read.
            guard let column = Self.column(of: item, expected: expected, names: names) else {
                guard credeau_bson_check_element(item, level) else { return false }
                continue
            }
            expected = column + 1
            noteShape(of: item, column: column)
            switch bson_iter_type(item) {
            case BSON_TYPE_UTF8:
                var length: UInt32 = 0
                guard credeau_utf8_check(bson_iter_utf8(item, &length), Int(length), true, true) else { return false }
            case BSON_TYPE_DOCUMENT, BSON_TYPE_ARRAY:
                guard credeau_bson_check_element(item, level) else { return false }
            default:
                break
            }
            guard !skipped[column], let value = Self.value(of: item) else { continue }
            values[column] = value
        }
        return !credeau_bson_iter_failed(item)
    }

    /// Records that a member of `column` is a list, an object or a BSON type that the tree path
    /// reads as an object (`BSONWrapperValue`). It leaves the column's scalar value as it is, so
    /// only `hasValidAmount` reads the mark.
    private mutating func noteShape(of item: OpaquePointer, column: Int) {
        let type = bson_iter_type(item)
        if type == BSON_TYPE_ARRAY || type == BSON_TYPE_DOCUMENT || BSONWrapperValue.isWrapped(type) {
            structured |= 1 << UInt64(column)
        }
    }

    /// Finds the column of the current key, trying first the one after the previous key, since
    /// serve-sms writes the columns in order.
    private static func column(of item: OpaquePointer, expected: Int, names: [[UInt8]]) -> Int? {
        guard let key = bson_iter_key(item) else { return nil }
        let length = Int(bson_iter_key_len(item))
        func matches(_ name: [UInt8]) -> Bool {
            name.count == length && name.withUnsafeBytes { memcmp($0.baseAddress!, key, length) == 0 }
        }
        if expected < names.count, matches(names[expected]) { return expected }
        return names.firstIndex(where: matches)
    }

    /// Returns the scalar value of the current member, or nil for `null`, lists, objects and the BSON
    /// types that the tree path reads as wrapper objects.
    private static func value(of item: OpaquePointer) -> BSONColumnValue? {
        switch bson_iter_type(item) {
        case BSON_TYPE_UTF8:
            var length: UInt32 = 0
            guard let pointer = bson_iter_utf8(item, &length) else { return .text("") }
            return .bytes(UnsafeRawBufferPointer(start: pointer, count: Int(length)))
        case BSON_TYPE_INT32: return .integer(Int64(bson_iter_int32(item)))
        case BSON_TYPE_INT64: return .integer(bson_iter_int64(item))
        case BSON_TYPE_DATE_TIME: return .integer(bson_iter_date_time(item))
        case BSON_TYPE_DOUBLE: return .number(bson_iter_double(item))
        case BSON_TYPE_BOOL: return .bool(bson_iter_bool(item))
        case BSON_TYPE_OID:
            guard let oid = bson_iter_oid(item) else { return nil }
            var text = [CChar](repeating: 0, count: 25)
            bson_oid_to_string(oid, &text)
            return .text(String(decoding: text.prefix(24).map { UInt8(bitPattern: $0) }, as: UTF8.self))
        default:
            return nil
        }
    }

    func text(at column: Int) -> String? {
        switch values[column] {
        case .unset: return nil
        case let .bytes(bytes): return String(decoding: bytes, as: UTF8.self)
        case let .text(text): return text
        case let .bool(flag): return flag ? "t" : "f"
        case let .integer(number): return String(number)
        case let .number(number): return String(number)
        }
    }

    func flag(at column: Int) -> Bool {
        switch values[column] {
        case .unset: return false
        case let .bool(flag): return flag
        case let .integer(number): return number == 1
        // `String(number)` of a Double always has a dot, an exponent or letters, so it is never `1`.
        case .number: return false
        case .bytes, .text: return ["t", "true", "1"].contains(text(at: column) ?? "")
        }
    }

    func amount(at column: Int) -> Double? {
        // `Double(String(x))` is `x` for a Double, because Swift prints the shortest text that reads
        // back exactly, and both conversions of an integer round to the nearest Double.
        switch values[column] {
        case .unset: return nil
        case let .number(number): return number
        case let .integer(number): return Double(number)
        case .bytes, .text, .bool: return text(at: column).flatMap(Double.init)
        }
    }

    func rawCase<Value>(at column: Int, in table: RawValueTable<Value>) -> Value? {
        guard case let .bytes(bytes) = values[column] else { return text(at: column).flatMap(Value.init(rawValue:)) }
        return table.value(utf8: bytes, text: { text(at: column) })
    }

    func millis(at column: Int) -> Int64? {
        switch values[column] {
        case .unset: return nil
        case let .bytes(bytes): return SMSDateParser.millis(utf8: bytes)
        // The text of a whole number is read back as epoch milliseconds.
        case let .integer(number): return number
        case .text, .bool, .number: return text(at: column).flatMap(SMSDateParser.millis(from:))
        }
    }
}
