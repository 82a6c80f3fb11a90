import CBSON

/// Extended JSON wrapper objects for the BSON values that `JSONValue` has no case for (decimal128,
/// binary, regex and the rest). Readers then reject such a value by its type instead of reading null.
enum BSONWrapperValue {
    /// Extended JSON wrapper keys and the BSON type names that messages use for them.
    private static let typeNames: [String: String] = [
        "$numberDecimal": "decimal128", "$binary": "binary", "$regularExpression": "regex",
        "$timestamp": "timestamp", "$code": "code", "$symbol": "symbol", "$minKey": "minKey",
        "$maxKey": "maxKey", "$undefined": "undefined", "$dbPointer": "dbPointer",
    ]

    /// Returns the wrapper object of the value at `iterator`. A decimal128 keeps its text, and
    /// the other types keep only their kind, because no reader uses their contents.
    static func value(_ iterator: OpaquePointer) -> JSONValue {
        switch bson_iter_type(iterator) {
        case BSON_TYPE_DECIMAL128:
            var decimal = bson_decimal128_t()
            var text = [CChar](repeating: 0, count: 64)
            let digits = bson_iter_decimal128(iterator, &decimal) ? decimalText(&decimal, &text) : ""
            return .object([("$numberDecimal", .string(digits))])
        case BSON_TYPE_BINARY: return wrapper("$binary")
        case BSON_TYPE_REGEX: return wrapper("$regularExpression")
        case BSON_TYPE_TIMESTAMP: return wrapper("$timestamp")
        case BSON_TYPE_CODE, BSON_TYPE_CODEWSCOPE: return wrapper("$code")
        case BSON_TYPE_SYMBOL: return wrapper("$symbol")
        case BSON_TYPE_MINKEY: return wrapper("$minKey")
        case BSON_TYPE_MAXKEY: return wrapper("$maxKey")
        case BSON_TYPE_UNDEFINED: return wrapper("$undefined")
        case BSON_TYPE_DBPOINTER: return wrapper("$dbPointer")
        default: return .null
        }
    }

    /// Returns true for the BSON types that `value(_:)` keeps as a wrapper object.
    static func isWrapped(_ type: bson_type_t) -> Bool {
        switch type {
        case BSON_TYPE_DECIMAL128, BSON_TYPE_BINARY, BSON_TYPE_REGEX, BSON_TYPE_TIMESTAMP, BSON_TYPE_CODE,
             BSON_TYPE_CODEWSCOPE, BSON_TYPE_SYMBOL, BSON_TYPE_MINKEY, BSON_TYPE_MAXKEY, BSON_TYPE_UNDEFINED,
             BSON_TYPE_DBPOINTER:
            return true
        default:
            return false
        }
    }

    /// Returns the BSON type name of a wrapper object made by `value(_:)`, or nil for any other value.
    static func typeName(of value: JSONValue) -> String? {
        guard case let .object(members) = value, members.count == 1 else { return nil }
        return typeNames[members[0].0]
    }

    private static func wrapper(_ key: String) -> JSONValue { .object([(key, .null)]) }

    private static func decimalText(_ decimal: inout bson_decimal128_t, _ buffer: inout [CChar]) -> String {
        bson_decimal128_to_string(&decimal, &buffer)
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
