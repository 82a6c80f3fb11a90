/// Reads the SMS fields whose types `extract --sms` checks (`SyncDocumentDecoder`), so that
/// features mode accepts and rejects the same values and gives the reason in the same words.
enum SMSFieldValue {
    /// The reason a present value was rejected, in the words of `extract --sms`.
    struct Mismatch: Error {
        var reason: String
    }

    /// Returns the body, which must be a string.
    static func body(_ value: JSONValue) throws(Mismatch) -> String {
        guard case let .string(text) = value else { throw Mismatch(reason: "expected a string, found \(value.kindName)") }
        return text
    }

    /// Returns the id: a string, a whole number (a floating-point one up to 2^53) or an ObjectId.
    static func id(_ value: JSONValue) throws(Mismatch) -> String {
        if let text = idText(value) { return text }
        guard case let .number(number) = value else {
            throw Mismatch(reason: "expected a string or number, found \(value.kindName)")
        }
        guard let whole = Int64(exactly: number) else {
            throw Mismatch(reason: "expected a whole number, found \(number)")
        }
        // Above 2^53 a double cannot hold every integer, so the digits written may already be lost.
        guard whole.magnitude <= 1 << 53 else {
            throw Mismatch(reason: "the floating-point id \(number) is beyond 2^53 and may have lost digits; "
                           + "write large ids as JSON strings")
        }
        return String(whole)
    }

    /// Returns the sender: a string, a whole number or an ObjectId.
    static func sender(_ value: JSONValue) throws(Mismatch) -> String {
        guard let text = idText(value) else {
            throw Mismatch(reason: "expected a string, a whole number or an ObjectId, found \(value.kindName)")
        }
        return text
    }

    /// Returns a string, an integer or an ObjectId as text, and nil for any other value.
    private static func idText(_ value: JSONValue) -> String? {
        switch value {
        case let .string(text): return text
        case let .integer(number): return String(number)
        default: return wrappedIDText(value)
        }
    }

    /// Returns the inbox date in epoch milliseconds, or nil for null. The value must be a date
    /// spelling that `SyncDateParser` reads, and a number must be whole.
    static func date(_ value: JSONValue) throws(Mismatch) -> Int64? {
        if let millis = SyncDateParser.millis(from: value) { return millis }
        switch value {
        case .null: return nil
        case let .integer(number): return number
        case let .number(number): throw Mismatch(reason: SMSDateRule.numberProblem(number))
        case let .string(text): throw Mismatch(reason: SMSDateRule.textProblem(text))
        default: throw Mismatch(reason: SMSDateRule.typeProblem(value.kindName))
        }
    }

    /// Returns the text of an `{"$oid": …}` or `{"$numberLong": …}` wrapper, which a store may keep.
    private static func wrappedIDText(_ value: JSONValue) -> String? {
        guard case let .object(members) = value, members.count == 1 else { return nil }
        if let hex = value["$oid"]?.stringValue { return hex }
        return value["$numberLong"]?.stringValue.flatMap { Int64($0) }.map { String($0) }
    }
}

extension JSONValue {
    /// The type of the value in the words of `extract --sms` messages (`BSONValue`), where
    /// `typeName` gives pydantic's.
    var kindName: String {
        switch self {
        case .null: return "null"
        case .bool: return "boolean"
        case .integer: return "integer"
        case .number: return "number"
        case .string: return "string"
        case .array: return "array"
        case .object:
            if self["$oid"] != nil { return "ObjectId" }
            if self["$date"] != nil { return "date" }
            if self["$numberLong"] != nil { return "integer" }
            return BSONWrapperValue.typeName(of: self) ?? "object"
        }
    }
}
