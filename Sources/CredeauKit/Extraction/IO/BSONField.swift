import CBSON

/// One field of a BSON document or array, located by its offset in the container's bytes.
///
/// libbson's `bson_iter_t` is 128-byte aligned, so Swift imports it only as an opaque pointer. A field
/// therefore keeps the container's bytes and its own offset, and builds a fresh iterator on the
/// stack (`bson_iter_init_from_data_at_offset`) whenever it is read. A field keeps a reference to
/// the document that owns the bytes, so the bytes stay valid as long as the field exists.
struct BSONField {
    fileprivate let owner: BSONDocument
    fileprivate let data: UnsafePointer<UInt8>
    fileprivate let length: Int
    fileprivate let offset: UInt32
    fileprivate let keyLength: UInt32

    var key: String {
        withIterator { String(cString: bson_iter_key($0)) }
    }

    var value: BSONValue {
        withIterator(Self.value)
    }

    /// True for a BSON null, read without converting the value.
    var isNull: Bool {
        withIterator { bson_iter_type($0) == BSON_TYPE_NULL }
    }

    /// The fields of an embedded document or array, or nil when this field is neither.
    var children: BSONFieldSequence? {
        withIterator { iterator in
            var childLength: UInt32 = 0
            var childData: UnsafePointer<UInt8>?
            switch bson_iter_type(iterator) {
            case BSON_TYPE_DOCUMENT: bson_iter_document(iterator, &childLength, &childData)
            case BSON_TYPE_ARRAY: bson_iter_array(iterator, &childLength, &childData)
            default: return nil
            }
            guard let childData, childLength >= 5 else { return nil }
            return BSONFieldSequence(owner: owner, data: childData, length: Int(childLength))
        }
    }

    private func withIterator<Result>(_ body: (OpaquePointer) -> Result) -> Result {
        withUnsafeTemporaryAllocation(byteCount: BSONFieldSequence.iteratorSize, alignment: 128) { raw in
            let iterator = OpaquePointer(raw.baseAddress!)
            _ = bson_iter_init_from_data_at_offset(iterator, data, length, offset, keyLength)
            return body(iterator)
        }
    }

    private static func value(_ iterator: OpaquePointer) -> BSONValue {
        switch bson_iter_type(iterator) {
        case BSON_TYPE_UTF8:
            var length: UInt32 = 0
            guard let text = bson_iter_utf8(iterator, &length) else { return .invalidUTF8 }
            let bytes = UnsafeRawBufferPointer(start: text, count: Int(length))
            guard let string = String(validating: bytes, as: UTF8.self) else { return .invalidUTF8 }
            return .string(string)
        case BSON_TYPE_INT32:
            return .integer(Int64(bson_iter_int32(iterator)))
        case BSON_TYPE_INT64:
            return .integer(bson_iter_int64(iterator))
        case BSON_TYPE_DOUBLE:
            return .double(bson_iter_double(iterator))
        case BSON_TYPE_DATE_TIME:
            return .date(bson_iter_date_time(iterator))
        case BSON_TYPE_BOOL:
            return .bool(bson_iter_bool(iterator))
        case BSON_TYPE_NULL, BSON_TYPE_UNDEFINED:
            return .null
        case BSON_TYPE_OID:
            guard let oid = bson_iter_oid(iterator) else { return .other("ObjectId") }
            return .objectID(BSONBytes.hexText(of: oid))
        case BSON_TYPE_DOCUMENT:
            return .document
        case BSON_TYPE_ARRAY:
            return .array
        case let type:
            return .other(typeName(type))
        }
    }

    private static func typeName(_ type: bson_type_t) -> String {
        switch type {
        case BSON_TYPE_BINARY: return "binary"
        case BSON_TYPE_REGEX: return "regex"
        case BSON_TYPE_TIMESTAMP: return "timestamp"
        case BSON_TYPE_DECIMAL128: return "decimal128"
        case BSON_TYPE_CODE, BSON_TYPE_CODEWSCOPE: return "code"
        case BSON_TYPE_SYMBOL: return "symbol"
        case BSON_TYPE_MINKEY: return "minKey"
        case BSON_TYPE_MAXKEY: return "maxKey"
        default: return "value"
        }
    }
}

/// A scalar BSON value, or the kind of a container; `description` names the type for messages.
enum BSONValue: Equatable, CustomStringConvertible {
    case string(String)
    case invalidUTF8
    case integer(Int64)
    case double(Double)
    /// Milliseconds since the Unix epoch.
    case date(Int64)
    case bool(Bool)
    case null
    case objectID(String)
    case document
    case array
    case other(String)

    var description: String {
        switch self {
        case .string: return "string"
        case .invalidUTF8: return "invalid UTF-8 text"
        case .integer: return "integer"
        case .double: return "number"
        case .date: return "date"
        case .bool: return "boolean"
        case .null: return "null"
        case .objectID: return "ObjectId"
        case .document: return "object"
        case .array: return "array"
        case let .other(name): return name
        }
    }
}

/// The fields of one BSON document or array, in order.
///
/// Each iterator owns one heap-allocated `bson_iter_t` for walking the container, and every value
/// keeps the owning document alive.
struct BSONFieldSequence: Sequence {
    /// `sizeof(bson_iter_t)` is 80 in libbson 1.23, and a whole alignment unit leaves room to spare.
    static let iteratorSize = 128

    private let owner: BSONDocument
    private let data: UnsafePointer<UInt8>
    private let length: Int

    init(owner: BSONDocument, data: UnsafePointer<UInt8>, length: Int) {
        self.owner = owner
        self.data = data
        self.length = length
    }

    func makeIterator() -> Iterator {
        Iterator(owner: owner, data: data, length: length)
    }

    final class Iterator: IteratorProtocol {
        private let storage = UnsafeMutableRawPointer.allocate(byteCount: BSONFieldSequence.iteratorSize, alignment: 128)
        private let owner: BSONDocument
        private let data: UnsafePointer<UInt8>
        private let length: Int
        private var isValid: Bool

        fileprivate init(owner: BSONDocument, data: UnsafePointer<UInt8>, length: Int) {
            self.owner = owner
            self.data = data
            self.length = length
            isValid = bson_iter_init_from_data(OpaquePointer(storage), data, length)
        }

        deinit {
            storage.deallocate()
        }

        func next() -> BSONField? {
            let iterator = OpaquePointer(storage)
            guard isValid, bson_iter_next(iterator) else {
                isValid = false
                return nil
            }
            return BSONField(owner: owner, data: data, length: length, offset: bson_iter_offset(iterator),
                             keyLength: bson_iter_key_len(iterator))
        }
    }
}
