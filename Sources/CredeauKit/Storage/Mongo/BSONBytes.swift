import CBSON

/// An owned copy of one BSON document, converted to and from Extended JSON through libbson.
public struct BSONBytes: Sendable, Equatable {
    /// The document's bytes, length prefix included.
    public let bytes: [UInt8]

    public init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// Copies a document libbson or libmongoc owns, before that memory is released.
    ///
    /// libbson declares `bson_t` with 128-byte alignment, which Swift cannot lay out, so documents
    /// are handled through `OpaquePointer`s to heap copies.
    init(copying document: OpaquePointer) {
        guard let data = bson_get_data(document) else {
            bytes = []
            return
        }
        // A BSON document starts with its total length as a little-endian int32.
        let length = Int(UInt32(littleEndian: UnsafeRawPointer(data).loadUnaligned(as: UInt32.self)))
        bytes = Array(UnsafeBufferPointer(start: data, count: length))
    }

    /// Parses one Extended JSON object (canonical or relaxed, as mongoexport writes it).
    public init(json: String) throws {
        var error = bson_error_t()
        guard let document = bson_new_from_json(json, -1, &error) else {
            throw BSONError.invalidJSON(message: BSONError.message(of: error), text: String(json.prefix(120)))
        }
        defer { bson_destroy(document) }
        self.init(copying: document)
    }

    /// Lends a read-only `bson_t` view of the bytes to `body`.
    func withBSON<T>(_ body: (OpaquePointer) throws -> T) throws -> T {
        let copy = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.flatMap { bson_new_from_data($0, buffer.count) }
        }
        guard let copy else { throw BSONError.corrupt }
        defer { bson_destroy(copy) }
        return try body(copy)
    }

    /// Lends a `bson_iter_t` positioned on the top-level field `key`, or nil when it is absent.
    private func withField<T>(_ key: String, _ body: (OpaquePointer) -> T?) -> T? {
        try? withBSON { document in
            Self.withIterator { iterator in
                guard bson_iter_init_find(iterator, document, key) else { return nil }
                return body(iterator)
            }
        }
    }

    /// Lends uninitialised storage for a `bson_iter_t`, which is opaque to Swift for the same
    /// alignment reason; 512 bytes is well above its size in libbson 1.23.
    private static func withIterator<T>(_ body: (OpaquePointer) throws -> T) rethrows -> T {
        let storage = UnsafeMutableRawPointer.allocate(byteCount: 512, alignment: 128)
        defer { storage.deallocate() }
        return try body(OpaquePointer(storage))
    }

    /// Returns what makes the bytes unfit to read, or nil when they are fit: nesting deeper than
    /// `CREDEAU_DUMP_MAX_DEPTH` (libbson's converters recurse once per level, code-with-scope
    /// scopes included, and a file nested 100,000 deep overflowed the stack) or a corrupt element.
    public var structureProblem: String? {
        do {
            return try withBSON { document -> String? in
            if credeau_bson_nests_too_deep(document) {
                return "documents, arrays or code scopes nested deeper than \(CREDEAU_DUMP_MAX_DEPTH) levels"
            }
            var error = bson_error_t()
            guard bson_validate_with_error(document, BSON_VALIDATE_NONE, &error) else {
                return "corrupt document: \(BSONError.message(of: error))"
            }
            return nil
            }
        } catch {
            return "corrupt document: invalid length"
        }
    }

    /// Relaxed Extended JSON: plain numbers, `{"$date": "<ISO 8601>"}` for dates after 1970,
    /// `{"$oid": …}` for object ids. Nil when the bytes are not valid BSON.
    public var relaxedJSON: String? {
        try? withBSON { document in
            guard let text = bson_as_relaxed_extended_json(document, nil) else { return nil }
            defer { bson_free(text) }
            return String(cString: text)
        }
    }

    /// The top-level UTF-8 string `key`, nil when absent or of another type.
    public func string(_ key: String) -> String? {
        withField(key) { iterator in
            var length: UInt32 = 0
            guard bson_iter_type(iterator) == BSON_TYPE_UTF8, let value = bson_iter_utf8(iterator, &length) else {
                return nil
            }
            // By length: a BSON string may contain NUL, where String(cString:) would stop
            // ("nul\u{0}a" read as "nul" loaded one user's document as another's).
            return String(decoding: UnsafeRawBufferPointer(start: value, count: Int(length)), as: UTF8.self)
        }
    }

    /// Returns the top-level field `key` read as an id, as the dump reader reads `client_id` and
    /// `user_id`: text as it is, an int32 or int64 as its decimal digits, an ObjectId as its hex.
    /// Returns nil when the field is absent or of another type, a double included.
    public func idText(_ key: String) -> String? {
        withField(key) { iterator in
            switch bson_iter_type(iterator) {
            case BSON_TYPE_UTF8:
                var length: UInt32 = 0
                guard let value = bson_iter_utf8(iterator, &length) else { return nil }
                return String(decoding: UnsafeRawBufferPointer(start: value, count: Int(length)), as: UTF8.self)
            case BSON_TYPE_INT32: return String(bson_iter_int32(iterator))
            case BSON_TYPE_INT64: return String(bson_iter_int64(iterator))
            case BSON_TYPE_OID: return bson_iter_oid(iterator).map(Self.hexText)
            default: return nil
            }
        }
    }

    /// The top-level int32 or int64 field `key`, nil when absent or of another type.
    public func integer(_ key: String) -> Int64? {
        withField(key) { iterator in
            switch bson_iter_type(iterator) {
            case BSON_TYPE_INT32: return Int64(bson_iter_int32(iterator))
            case BSON_TYPE_INT64: return bson_iter_int64(iterator)
            default: return nil
            }
        }
    }

    /// Returns the 24 lowercase hex digits of an ObjectId, as libbson writes them.
    static func hexText(of oid: UnsafePointer<bson_oid_t>) -> String {
        var text = [CChar](repeating: 0, count: 25)
        bson_oid_to_string(oid, &text)
        return String(decoding: text.prefix(24).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// The top-level field `key` as epoch milliseconds: a BSON date, or a whole number of
    /// milliseconds stored as int32, int64 or double. Nil for other types.
    public func epochMillis(_ key: String) -> Int64? {
        withField(key) { iterator in
            switch bson_iter_type(iterator) {
            case BSON_TYPE_DATE_TIME: return bson_iter_date_time(iterator)
            case BSON_TYPE_INT64: return bson_iter_int64(iterator)
            case BSON_TYPE_INT32: return Int64(bson_iter_int32(iterator))
            case BSON_TYPE_DOUBLE:
                let value = bson_iter_double(iterator)
                return value.isFinite && abs(value) < 9.0e15 ? Int64(value) : nil
            default: return nil
            }
        }
    }

    /// True when the top-level field `key` is present with a value other than null that
    /// `idText` cannot read, such as a double or a boolean.
    public func hasUnreadableID(_ key: String) -> Bool {
        guard contains(key), idText(key) == nil else { return false }
        return withField(key) { bson_iter_type($0) == BSON_TYPE_NULL ? false : nil } ?? true
    }

    /// True when the document has a top-level field `key`.
    public func contains(_ key: String) -> Bool {
        (try? withBSON { document in bson_has_field(document, key) }) ?? false
    }

    /// A copy without the top-level fields in `keys`, such as `_id`.
    public func removing(_ keys: Set<String>) throws -> BSONBytes {
        try withBSON { document in
            guard let copy = bson_new() else { throw BSONError.corrupt }
            defer { bson_destroy(copy) }
            try Self.withIterator { iterator in
                guard bson_iter_init(iterator, document) else { throw BSONError.corrupt }
                while bson_iter_next(iterator) {
                    let key = String(cString: bson_iter_key(iterator))
                    if !keys.contains(key) { bson_append_iter(copy, nil, 0, iterator) }
                }
            }
            return BSONBytes(copying: copy)
        }
    }

    /// The embedded documents of the top-level array `key`; other element types are skipped.
    public func arrayElements(_ key: String) throws -> [BSONBytes] {
        try withBSON { document in
            try Self.withIterator { iterator in
                guard bson_iter_init_find(iterator, document, key), bson_iter_type(iterator) == BSON_TYPE_ARRAY else {
                    return []
                }
                return try Self.withIterator { child in
                    guard bson_iter_recurse(iterator, child) else { throw BSONError.corrupt }
                    var elements: [BSONBytes] = []
                    while bson_iter_next(child) {
                        guard bson_iter_type(child) == BSON_TYPE_DOCUMENT else { continue }
                        var length: UInt32 = 0
                        var data: UnsafePointer<UInt8>?
                        bson_iter_document(child, &length, &data)
                        if let data { elements.append(BSONBytes(bytes: Array(UnsafeBufferPointer(start: data, count: Int(length))))) }
                    }
                    return elements
                }
            }
        }
    }

    /// A document of string fields, for query filters; values are escaped by libbson.
    public static func strings(_ fields: [(String, String)]) -> BSONBytes {
        guard let document = bson_new() else { return BSONBytes(bytes: []) }
        defer { bson_destroy(document) }
        for (key, value) in fields {
            // By length, so a value with NUL is not cut at it.
            bson_append_utf8(document, key, -1, value, Int32(value.utf8.count))
        }
        return BSONBytes(copying: document)
    }
}

/// A BSON document that could not be parsed or read.
public enum BSONError: CredeauError {
    case invalidJSON(message: String, text: String)
    case corrupt
    /// An owner id field (`user_id`, `clientId` …) contains a value that is no id.
    case notAnID(field: String)

    public var description: String {
        switch self {
        case let .invalidJSON(message, text):
            return "Invalid Extended JSON document: \(message) - in '\(text)'"
        case .corrupt:
            return "Invalid BSON document: the length prefix does not match the bytes"
        case let .notAnID(field):
            return "field '\(field)' is no id: expected text, a whole number (int32 or int64) or an ObjectId"
        }
    }

    /// The text of a libbson or libmongoc error.
    static func message(of error: bson_error_t) -> String {
        withUnsafeBytes(of: error.message) { raw in
            String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
        }
    }
}
