import CBSON
#if canImport(Glibc)
import Glibc
#endif

/// A validated `POST /api/extract_sms` body.
public struct SMSExtractionRequest: Sendable {
    public var clientID: String
    public var userID: String
    public var requestID: String?
    public var sms: [RawSMS]

    /// The body's shape; `sms` items are checked one by one so every problem is reported at once.
    static let schema = RequestSchema([
        .required("client_id", .string(minLength: 1, maxLength: 128, noNUL: true)),
        .required("user_id", .string(minLength: 1, maxLength: 128, noNUL: true)),
        .optional("request_id", .string(maxLength: 128)),
        .required("sms", .list(of: .object(itemSchema))),
    ])

    static let itemSchema = RequestSchema([
        .required("sms_id", .identifier),
        .optional("sms_sender", .string(maxLength: 128)),
        .required("sms_body", .string()),
        .required("sms_inbox_date", .timestamp),
    ])

    /// Parses and checks `body`.
    ///
    /// - Throws: `ValidationError` (422) for invalid JSON, invalid UTF-8, missing fields, wrong
    ///   types and unreadable dates; `HTTPError` 413 when `sms` has more than `maxSMSCount` items.
    ///   The count is checked before the items, so an oversized batch is rejected cheaply.
    public static func parse(_ body: [UInt8], maxSMSCount: Int) throws -> SMSExtractionRequest {
        if let request = try decodeTape(body, maxSMSCount: maxSMSCount) { return request }
        return try parseWithLibBSON(body, maxSMSCount: maxSMSCount)
    }

    /// Reads a body that simdjson and libbson read alike from simdjson's tape, or returns nil
    /// for every other body and for the values that need the schema's checks.
    static func decodeTape(_ body: [UInt8], maxSMSCount: Int) throws -> SMSExtractionRequest? {
        try body.withUnsafeBytes { bytes in
            guard JSONTapeScreen.isPlainJSON(bytes) else { return nil }
            return try JSONTapeParser.withTape(of: bytes) { tape in
                guard JSONTapeScreen.hasPlainNumbers(tape) else { return nil }
                return try SMSRequestDecoder.decode(tape, maxSMSCount: maxSMSCount)
            }
        }
    }

    /// Parses `body` with libbson, the reference for every body the tape does not read: its
    /// errors and the schema's issues make the 422 responses.
    static func parseWithLibBSON(_ body: [UInt8], maxSMSCount: Int) throws -> SMSExtractionRequest {
        let parsed = try RequestSchema.parseDocument(body)
        defer { bson_destroy(parsed.document) }
        return try decode(parsed.document, isArray: parsed.isArray, maxSMSCount: maxSMSCount)
    }

    /// Reads and checks a parsed body: a JSON body converted by libbson, or a BSON body read in
    /// place. `isArray` marks a JSON body that was an array rather than an object.
    static func decode(_ document: OpaquePointer, isArray: Bool, maxSMSCount: Int) throws -> SMSExtractionRequest {
        if !isArray, let request = try SMSRequestDecoder.decode(document, maxSMSCount: maxSMSCount) {
            return request
        }

        // The body has a problem or a rare form: check it as a JSON tree, which records every issue.
        let value = BSONConversion.value(ofDocument: document, asArray: isArray, keepsObjectIDWrappers: true)
        if let items = value["sms"]?.arrayValue, items.count > maxSMSCount {
            throw tooManySMS(count: items.count, maxSMSCount: maxSMSCount)
        }

        var issues: [ValidationIssue] = []
        schema.check(value, location: [.string("body")], issues: &issues)
        let items = value["sms"]?.arrayValue ?? []
        for (index, item) in items.enumerated() {
            checkValues(of: item, location: [.string("body"), .string("sms"), .integer(Int64(index))], issues: &issues)
        }
        guard issues.isEmpty else { throw ValidationError(issues) }

        let clientID = value["client_id"]?.stringValue ?? ""
        let userID = value["user_id"]?.stringValue ?? ""
        let requestID = value["request_id"]?.stringValue
        let messages = items.map { item in
            RawSMS(id: identifierText(item["sms_id"] ?? .null) ?? "", sender: item["sms_sender"]?.stringValue,
                   body: item["sms_body"]?.stringValue ?? "", inboxDateMillis: inboxMillis(item["sms_inbox_date"] ?? .null),
                   clientID: clientID, userID: userID, requestID: requestID)
        }
        return SMSExtractionRequest(clientID: clientID, userID: userID, requestID: requestID, sms: messages)
    }

    static func tooManySMS(count: Int, maxSMSCount: Int) -> HTTPError {
        HTTPError(413, "Too many SMS in one request: \(count) sent, the limit is \(maxSMSCount) "
            + "(MAX_SMS_COUNT). Split the batch into requests of at most \(maxSMSCount) SMS")
    }

    /// Checks what the schema cannot: the length of `sms_id` (text or number), and that a date
    /// parses and lies in `SMSInboxDateRange`.
    /// Values of the wrong type are left to the schema's issues.
    private static func checkValues(of item: JSONValue, location: @autoclosure () -> [JSONValue],
                                    issues: inout [ValidationIssue]) {
        if let idValue = item["sms_id"], let id = identifierText(idValue),
           id.isEmpty || id.unicodeScalars.count > maxIDLength {
            // pydantic reports a wrong length instead of the pattern, so the schema's pattern issue goes.
            let idLocation = location() + [.string("sms_id")]
            issues.removeAll { $0.location == idLocation && $0.type == "string_pattern_mismatch" }
            if case .number = idValue, case let .invalid(type, message) = FieldKind.readLaxInteger(idValue) {
                // A number too long for the column is too large an integer for pydantic, not a long text.
                issues.append(ValidationIssue(type: type, location: idLocation, message: message, input: idValue))
            } else if id.isEmpty {
                issues.append(ValidationIssue(
                    type: "string_too_short", location: idLocation,
                    message: "String should have at least 1 character", input: idValue,
                    context: .object([("min_length", .integer(1))])))
            } else {
                issues.append(ValidationIssue(
                    type: "string_too_long", location: idLocation,
                    message: "String should have at most \(maxIDLength) characters", input: idValue,
                    context: .object([("max_length", .integer(Int64(maxIDLength)))])))
            }
        }
        if let dateValue = item["sms_inbox_date"], isDateForm(dateValue),
           !(inboxMillis(dateValue).map(SMSInboxDateRange.contains) ?? false) {
            issues.append(ValidationIssue(
                type: "datetime_parsing", location: location() + [.string("sms_inbox_date")],
                message: SMSInboxDateRange.message, input: dateValue))
        }
    }

    /// Length of the `sms_id` column, in code points.
    static let maxIDLength = 128

    /// Returns an id sent as text or as a whole number, as text, or nil for any other value.
    ///
    /// A whole number beyond Int64 (`1e20`) is written with every digit, as Python's
    /// `str(int(1e20))` writes it, so two such ids never collapse into one.
    private static func identifierText(_ value: JSONValue) -> String? {
        switch value {
        case let .string(text):
            return text
        case let .number(number) where number.isFinite && number.rounded() == number && value.integerValue == nil:
            var digits = [CChar](repeating: 0, count: 330)
            let count = withVaList([number]) { vsnprintf(&digits, digits.count, "%.0f", $0) }
            guard count > 0, Int(count) < digits.count else { return nil }
            return String(decoding: digits.prefix(Int(count)).map { UInt8(bitPattern: $0) }, as: UTF8.self)
        default:
            return value.integerValue.map { String($0) }
        }
    }

    /// True for the types the schema accepts as a date: text, whole numbers, and the non-finite
    /// numbers (NaN, Infinity), which are left to the date check.
    private static func isDateForm(_ value: JSONValue) -> Bool {
        switch value {
        case .string, .integer: return true
        case let .number(number): return !number.isFinite || number.rounded() == number
        default: return false
        }
    }

    /// Epoch milliseconds from a number, or from text the SMS date parser reads (naive text is India time).
    private static func inboxMillis(_ value: JSONValue) -> Int64? {
        if case let .string(text) = value { return SMSDateParser.millis(from: text) }
        return value.integerValue
    }
}
