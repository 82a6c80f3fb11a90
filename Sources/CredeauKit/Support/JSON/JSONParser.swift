import CBSON

/// A JSON text that could not be parsed.
public struct JSONParseError: CredeauError {
    /// libbson's description of the problem, e.g. `Got parse error at "x", position 8`.
    public var reason: String

    public var description: String { "Invalid JSON: \(reason)" }
    public var exitCode: Int32 { ExitStatus.failure }
    public var httpStatus: Int { 422 }
}

/// Parses JSON text with libbson's parser (which validates UTF-8) into `JSONValue`.
///
/// libbson parses into BSON, so a few Extended JSON forms keep their BSON meaning: an object
/// `{"$date": …}` becomes a date, returned here as epoch milliseconds (`.integer`), and
/// `{"$numberLong": "…"}` becomes an integer. Integers outside the 64-bit range are rejected
/// before libbson sees them, because libbson would wrap them.
public enum JSONParser {
    /// - Parameter keepsObjectIDWrappers: returns `{"$oid": "…"}` as that object instead of its
    ///   hex text, so that request checks report it as a plain JSON parser reads it.
    public static func parse(_ bytes: [UInt8], keepsObjectIDWrappers: Bool = false) throws(JSONParseError) -> JSONValue {
        let parsed = try parseDocument(bytes)
        defer { bson_destroy(parsed.document) }
        return BSONConversion.value(ofDocument: parsed.document, asArray: parsed.isArray,
                                    keepsObjectIDWrappers: keepsObjectIDWrappers)
    }

    /// Parses JSON text into a libbson document (`bson_t *`), which the caller frees with
    /// `bson_destroy`. `isArray` is true when the text is an array, whose items are the
    /// document's values in order.
    static func parseDocument(_ bytes: [UInt8]) throws(JSONParseError) -> (document: OpaquePointer, isArray: Bool) {
        // A UTF-8 byte order mark is dropped, as Python's json.loads does for bytes; libbson
        // rejects it. Positions in messages then count from after the mark.
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            return try parseUnmarkedDocument(Array(bytes.dropFirst(3)))
        }
        return try parseUnmarkedDocument(bytes)
    }

    private static func parseUnmarkedDocument(_ bytes: [UInt8]) throws(JSONParseError)
        -> (document: OpaquePointer, isArray: Bool) {
        var index = 0
        while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x0A || bytes[index] == 0x0D || bytes[index] == 0x09 {
            index += 1
        }
        guard index < bytes.count else { throw JSONParseError(reason: "the body is empty") }
        let isArray = bytes[index] == UInt8(ascii: "[")
        guard isArray || bytes[index] == UInt8(ascii: "{") else {
            throw JSONParseError(reason: "expected an object or an array at position \(index)")
        }

        if let oversized = JSONIntegerRange.firstOversized(in: bytes) {
            let place = oversized.key.map { "field '\($0)': " } ?? ""
            throw JSONParseError(reason: "\(place)\(oversized.reason)")
        }
        if let date = ExtendedJSONDateCheck.firstInvalid(in: bytes) {
            throw JSONParseError(reason: "field '\(date.key ?? "$date")': \(date.reason)")
        }

        var error = bson_error_t()
        guard let (document, bytes) = newDocumentReadingDateTexts(bytes, &error) else {
            throw JSONParseError(reason: errorMessage(error))
        }
        let valueStart = index
        if let extra = bytes.withUnsafeBytes({ JSONTrailingContent.firstExtraByte(in: $0, valueStart: valueStart) }) {
            bson_destroy(document)
            throw JSONParseError(reason: "unexpected content at position \(extra) after the JSON value; "
                + "send one JSON value per request")
        }
        return (document, isArray)
    }

    /// Parses JSON text with libbson. libbson reads fewer `$date` texts than
    /// `ExtendedJSONDateCheck` accepts ("…+05:30", "2026-03-03"), so when it fails, the text is
    /// parsed again with those dates written as epoch milliseconds.
    ///
    /// - Returns: the document and the text it came from, or nil with libbson's error for the
    ///   original text in `error`.
    static func newDocumentReadingDateTexts(_ bytes: [UInt8], _ error: inout bson_error_t)
        -> (document: OpaquePointer, text: [UInt8])? {
        if let document = newDocument(bytes, &error) { return (document, bytes) }
        guard let rewritten = ExtendedJSONDateCheck.rewritingDateTexts(in: bytes) else { return nil }
        var retryError = bson_error_t()
        guard let document = newDocument(rewritten, &retryError) else { return nil }
        return (document, rewritten)
    }

    private static func newDocument(_ bytes: [UInt8], _ error: inout bson_error_t) -> OpaquePointer? {
        guard !bytes.isEmpty else { return nil }
        return bytes.withUnsafeBufferPointer { buffer in
            bson_new_from_json(buffer.baseAddress!, buffer.count, &error)
        }
    }

    public static func parse(_ text: String) throws(JSONParseError) -> JSONValue {
        try parse(Array(text.utf8))
    }

    private static func errorMessage(_ error: bson_error_t) -> String {
        var copy = error
        let message = withUnsafeBytes(of: &copy.message) { raw in
            String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
        }
        return plainParseError(message) ?? message
    }

    /// Plain words for the parser codes libbson's messages end with, such as
    /// `Got parse error at "\"", position 1085: "LEVELS_EXCEEDED"` or
    /// `error near position 6: "INVALID_CODEPOINT"`.
    private static let parseErrorWords: [String: String] = [
        "LEVELS_EXCEEDED": "objects or arrays nested deeper than the parser allows",
        "INVALID_CODEPOINT": "a \\u escape that is not a Unicode code point",
        "ESCAPE_INVALID": "an unknown backslash escape",
        "TRAILING_COMMA": "a comma before a closing bracket",
        "MISSING_TOKEN": "a missing ':' or ','",
        "CANT_INSERT": "a value where a key or ':' should be",
        "STRAY_TOKEN": "an unexpected character",
        "SPECIAL_EXPECTED": "a value that is not a string, number, object, array, true, false or null",
        "SPECIAL_INCOMPLETE": "an unfinished true, false, null or number",
        "BRACKET_MISMATCH": "a closing bracket that does not match the open one",
        "WEIRD_WHITESPACE": "a raw line break or control character inside a text (a document cut short?)",
        "GARBAGE_TRAILING": "text after the end of the document",
        "QUOTE_OUTSIDE_STRING": "a quote where none belongs",
        "ESCAPE_OUTSIDE_STRING": "a backslash outside a text",
        "INVALID_NUMBER": "a malformed number",
        "HKEY_EXPECTED": "a value where a quoted key should be",
        "VALUE_EXPECTED": "a missing value",
    ]

    /// Rewrites a libbson parse message whose code has plain words, keeping the position and the
    /// code; returns nil for any other message.
    static func plainParseError(_ message: String) -> String? {
        guard message.hasPrefix("Got parse error at") || message.hasPrefix("error near position"),
              message.hasSuffix("\""),
              let codeStart = message.range(of: ": \"", options: .backwards),
              let positionStart = message.range(of: "position ", options: .backwards),
              positionStart.upperBound <= codeStart.lowerBound
        else { return nil }
        let code = String(message[codeStart.upperBound..<message.index(before: message.endIndex)])
        let position = message[positionStart.upperBound..<codeStart.lowerBound]
        guard let words = parseErrorWords[code], !position.isEmpty, position.allSatisfy(\.isNumber) else { return nil }
        return "\(words) at position \(position) (libbson: \(code))"
    }
}

/// Converts libbson documents into `JSONValue` trees.
enum BSONConversion {
    /// Converts a whole document; `asArray` reads its values in order as a JSON array. An ObjectId
    /// becomes its hex text, or `{"$oid": "…"}` with `keepsObjectIDWrappers`.
    static func value(ofDocument document: OpaquePointer, asArray: Bool, keepsObjectIDWrappers: Bool = false) -> JSONValue {
        guard let iterator = credeau_bson_iter_new() else { return .null }
        defer { credeau_bson_iter_free(iterator) }
        guard bson_iter_init(iterator, document) else { return asArray ? .array([]) : .object([]) }
        return readContainer(iterator, asArray: asArray, keepsObjectIDWrappers: keepsObjectIDWrappers)
    }

    static func readContainer(_ iterator: OpaquePointer, asArray: Bool, keepsObjectIDWrappers: Bool = false) -> JSONValue {
        if asArray {
            var items: [JSONValue] = []
            while bson_iter_next(iterator) {
                items.append(readValue(iterator, keepsObjectIDWrappers: keepsObjectIDWrappers))
            }
            return .array(items)
        }
        var members: [(String, JSONValue)] = []
        while bson_iter_next(iterator) {
            let key = String(cString: bson_iter_key(iterator))
            members.append((key, readValue(iterator, keepsObjectIDWrappers: keepsObjectIDWrappers)))
        }
        return .object(members)
    }

    static func readValue(_ iterator: OpaquePointer, keepsObjectIDWrappers: Bool = false) -> JSONValue {
        switch bson_iter_type(iterator) {
        case BSON_TYPE_UTF8:
            var length: UInt32 = 0
            guard let pointer = bson_iter_utf8(iterator, &length) else { return .string("") }
            let bytes = UnsafeRawBufferPointer(start: pointer, count: Int(length))
            return .string(String(decoding: bytes, as: UTF8.self))
        case BSON_TYPE_INT32:
            return .integer(Int64(bson_iter_int32(iterator)))
        case BSON_TYPE_INT64:
            return .integer(bson_iter_int64(iterator))
        case BSON_TYPE_DOUBLE:
            return .number(bson_iter_double(iterator))
        case BSON_TYPE_BOOL:
            return .bool(bson_iter_bool(iterator))
        case BSON_TYPE_DATE_TIME:
            return .integer(bson_iter_date_time(iterator))
        case BSON_TYPE_DOCUMENT, BSON_TYPE_ARRAY:
            let isArray = bson_iter_type(iterator) == BSON_TYPE_ARRAY
            guard let child = credeau_bson_iter_new() else { return .null }
            defer { credeau_bson_iter_free(child) }
            guard bson_iter_recurse(iterator, child) else { return isArray ? .array([]) : .object([]) }
            return readContainer(child, asArray: isArray, keepsObjectIDWrappers: keepsObjectIDWrappers)
        case BSON_TYPE_OID:
            guard let oid = bson_iter_oid(iterator) else { return .null }
            var text = [CChar](repeating: 0, count: 25)
            bson_oid_to_string(oid, &text)
            let hex = JSONValue.string(String(decoding: text.prefix(24).map { UInt8(bitPattern: $0) }, as: UTF8.self))
            return keepsObjectIDWrappers ? .object([("$oid", hex)]) : hex
        case BSON_TYPE_NULL:
            return .null
        default:
            return BSONWrapperValue.value(iterator)
        }
    }
}
