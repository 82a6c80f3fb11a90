import CBSON

/// The members of one object or array of a parsed sync document, read one at a time, so that
/// `SMSDocumentBSONReader` reads libbson documents and simdjson tapes with the same code.
protocol SMSDocumentMembers {
    /// Moves to the next member, or returns false after the last one.
    mutating func next() -> Bool
    /// The current member's key as UTF-8 bytes, or empty bytes for an array item.
    var keyBytes: UnsafeRawBufferPointer { get }
    var isArray: Bool { get }
    /// True for an object that is not an Extended JSON wrapper.
    var isObject: Bool { get }
    /// The current value as `BSONConversion.readValue` returns it.
    var treeValue: JSONValue { get }
    /// The current value when it is text, a number, a date or null, and nil for the other types,
    /// which the reader leaves to the tree path.
    var scalarValue: JSONValue? { get }
    func descend(into child: inout Self) -> Bool
    /// The member count of the current value when it is an array or object and the count is known
    /// without a walk, else 0; used only to reserve room.
    var memberCountHint: Int { get }
}

extension BSONRequestMembers: SMSDocumentMembers {
    var isArray: Bool { bson_iter_type(iterator) == BSON_TYPE_ARRAY }
    var memberCountHint: Int { 0 }
    var isObject: Bool { bson_iter_type(iterator) == BSON_TYPE_DOCUMENT }
    var treeValue: JSONValue { BSONConversion.readValue(iterator) }

    var scalarValue: JSONValue? {
        switch bson_iter_type(iterator) {
        case BSON_TYPE_UTF8, BSON_TYPE_INT32, BSON_TYPE_INT64, BSON_TYPE_DOUBLE, BSON_TYPE_DATE_TIME:
            return BSONConversion.readValue(iterator)
        case BSON_TYPE_NULL:
            return .null
        default:
            return nil
        }
    }
}

extension TapeRequestMembers: SMSDocumentMembers {
    var isArray: Bool { tape.kind(at: valuePosition) == .arrayStart }
    var memberCountHint: Int { isArray ? tape.memberCount(at: valuePosition) : 0 }

    var isObject: Bool {
        tape.kind(at: valuePosition) == .objectStart
            && JSONTapeExtendedJSON.form(ofObjectAt: valuePosition, in: tape) == .plain
    }

    var treeValue: JSONValue { JSONTapeExtendedJSON.treeValue(tape, at: valuePosition) }

    var scalarValue: JSONValue? {
        switch tape.kind(at: valuePosition) {
        case .string, .int64, .double, .null:
            return treeValue
        case .objectStart:
            // A date wrapper is a BSON date; an ObjectId and plain objects are not scalars.
            guard case let .date(millis) = JSONTapeExtendedJSON.form(ofObjectAt: valuePosition, in: tape) else { return nil }
            return .integer(millis)
        default:
            return nil
        }
    }
}
