import CBSON

/// One value of a request body, as `SMSRequestDecoder` reads it. Text points into the parser's
/// memory and is valid while the document is.
enum SMSRequestValue {
    case text(UnsafeRawBufferPointer)
    case integer(Int64)
    /// A BSON date, which libbson makes from `{"$date": …}`, in epoch milliseconds.
    case date(Int64)
    case null
    case array
    case object
    case other
}

/// The members of one object or array of a parsed request body, read one at a time, so that
/// `SMSRequestDecoder` walks libbson documents and simdjson tapes with the same code.
protocol SMSRequestMembers {
    /// Moves to the next member, or returns false after the last one.
    mutating func next() -> Bool
    /// The current member's key as UTF-8 bytes, or empty bytes for an array item.
    var keyBytes: UnsafeRawBufferPointer { get }
    var value: SMSRequestValue { get }
    /// Makes `child` read the members of the current value, or returns false when the current
    /// value is not an object or array.
    func descend(into child: inout Self) -> Bool
}

/// Members read with a libbson iterator (`bson_iter_t *`) whose memory the caller owns.
struct BSONRequestMembers: SMSRequestMembers {
    let iterator: OpaquePointer

    mutating func next() -> Bool {
        bson_iter_next(iterator)
    }

    var keyBytes: UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(start: bson_iter_key(iterator), count: Int(bson_iter_key_len(iterator)))
    }

    var value: SMSRequestValue {
        switch bson_iter_type(iterator) {
        case BSON_TYPE_UTF8:
            var length: UInt32 = 0
            guard let pointer = bson_iter_utf8(iterator, &length) else { return .other }
            return .text(UnsafeRawBufferPointer(start: pointer, count: Int(length)))
        case BSON_TYPE_INT32: return .integer(Int64(bson_iter_int32(iterator)))
        case BSON_TYPE_INT64: return .integer(bson_iter_int64(iterator))
        case BSON_TYPE_DATE_TIME: return .date(bson_iter_date_time(iterator))
        case BSON_TYPE_NULL: return .null
        case BSON_TYPE_ARRAY: return .array
        case BSON_TYPE_DOCUMENT: return .object
        default: return .other
        }
    }

    func descend(into child: inout BSONRequestMembers) -> Bool {
        bson_iter_recurse(iterator, child.iterator)
    }
}

/// Members read from a simdjson tape.
struct TapeRequestMembers: SMSRequestMembers {
    let tape: JSONTape
    private var isInObject = true
    /// Position of the current member's key (objects) or value (arrays).
    private var current = 0
    /// Position where the next member starts.
    private var upcoming = 0

    /// Members of nothing, until `descend(into:)` makes them the members of a value. Position 0
    /// is the tape's opening root word, where `next()` stops.
    init(tape: JSONTape) {
        self.tape = tape
    }

    /// Members of the object at `position`, or nil when no object starts there.
    init?(tape: JSONTape, objectAt position: Int) {
        guard tape.kind(at: position) == .objectStart else { return nil }
        self.tape = tape
        current = position + 1
        upcoming = position + 1
    }

    mutating func next() -> Bool {
        switch tape.kind(at: upcoming) {
        case .objectEnd, .arrayEnd, .root, nil:
            return false
        default:
            current = upcoming
            upcoming = tape.position(after: valuePosition)
            return true
        }
    }

    /// Position of the current member's value.
    var valuePosition: Int { isInObject ? current + 1 : current }

    var keyBytes: UnsafeRawBufferPointer {
        isInObject ? tape.stringBytes(at: current) : UnsafeRawBufferPointer(start: nil, count: 0)
    }

    var value: SMSRequestValue {
        let position = valuePosition
        switch tape.kind(at: position) {
        case .string: return .text(tape.stringBytes(at: position))
        case .int64: return .integer(tape.int64(at: position))
        case .null: return .null
        case .arrayStart: return .array
        case .objectStart: return .object
        default: return .other
        }
    }

    func descend(into child: inout TapeRequestMembers) -> Bool {
        let position = valuePosition
        switch tape.kind(at: position) {
        case .objectStart:
            child.isInObject = true
        case .arrayStart:
            child.isInObject = false
        default:
            return false
        }
        child.upcoming = position + 1
        child.current = position + 1
        return true
    }
}
