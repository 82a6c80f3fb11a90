/// The expected shape of a JSON request body, checked field by field so a client gets every
/// problem at once, in the 422 shape FastAPI/pydantic clients already parse.
public indirect enum FieldKind: Sendable {
    /// Text; `minLength`/`maxLength` count Unicode code points, as pydantic and PostgreSQL's
    /// `varchar(n)` do, so `"a\u{301}"` is 2 long although it is one `Character`. With `noNUL`,
    /// text with U+0000 fails as pydantic's `pattern` check would: PostgreSQL stores that
    /// character as U+FFFD, so such an id would find another id's rows there.
    case string(minLength: Int? = nil, maxLength: Int? = nil, noNUL: Bool = false)
    case integer
    /// A whole number as pydantic's lax mode reads one: a JSON integer or whole float, `true` or
    /// `false` (1 or 0), or text of digits with an optional sign and spaces around it. Read it
    /// with `FieldKind.laxInteger(_:)`.
    case laxInteger
    case boolean
    /// Epoch milliseconds as a number, or date text. NaN and Infinity pass, for the caller to reject as dates.
    case timestamp
    /// Text without U+0000 or a whole number, kept as text (ids that some SDKs send as numbers).
    case identifier
    case list(of: FieldKind, maxItems: Int? = nil)
    case object(RequestSchema)
    /// A list whose items are only checked to be strings.
    case stringList
}

extension FieldKind {
    /// Returns the whole number in a `.laxInteger` field, or nil when there is none.
    static func laxInteger(_ value: JSONValue) -> Int64? {
        if case let .number(number) = readLaxInteger(value) { return number }
        return nil
    }

    /// The content of a `.laxInteger` field: its whole number, or pydantic's error type and message
    /// when it has none.
    enum LaxInteger: Equatable {
        case number(Int64)
        case invalid(type: String, message: String)
    }

    static func readLaxInteger(_ value: JSONValue) -> LaxInteger {
        let notText = LaxInteger.invalid(type: "int_parsing",
                                         message: "Input should be a valid integer, unable to parse string as an integer")
        switch value {
        case let .bool(flag):
            return .number(flag ? 1 : 0)
        case let .integer(number):
            return .number(number)
        case let .number(number):
            guard number.isFinite else { return .invalid(type: "finite_number", message: "Input should be a finite number") }
            guard number.rounded() == number else {
                return .invalid(type: "int_from_float", message: "Input should be a valid integer, got a number with a fractional part")
            }
            guard abs(number) < 9.2e18 else {
                return .invalid(type: "int_parsing_size", message: "Unable to parse input string as an integer, exceeded maximum size")
            }
            return .number(Int64(number))
        case let .string(text):
            var digits = Substring(text.trimmingSpaces())
            let negative = digits.first == "-"
            if digits.first == "-" || digits.first == "+" { digits = digits.dropFirst() }
            // "5.0" is a whole number too; "5.5" is not.
            if let dot = digits.firstIndex(of: "."), digits.index(after: dot) < digits.endIndex,
               digits[digits.index(after: dot)...].allSatisfy({ $0 == "0" }) {
                digits = digits[..<dot]
            }
            guard !digits.isEmpty, digits.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return notText }
            // Python's int has no upper bound; a count past Int64 means no limit at all.
            guard let magnitude = Int64(digits) else { return .number(negative ? Int64.min : Int64.max) }
            return .number(negative ? -magnitude : magnitude)
        default:
            return .invalid(type: "int_type", message: "Input should be a valid integer")
        }
    }

    var isTimestamp: Bool {
        if case .timestamp = self { return true }
        return false
    }
}

public struct FieldRule: Sendable {
    public var name: String
    public var kind: FieldKind
    public var isRequired: Bool
    /// Null is accepted as "absent" for optional fields.
    public var isNullable: Bool

    public static func required(_ name: String, _ kind: FieldKind) -> FieldRule {
        FieldRule(name: name, kind: kind, isRequired: true, isNullable: false)
    }

    public static func optional(_ name: String, _ kind: FieldKind) -> FieldRule {
        FieldRule(name: name, kind: kind, isRequired: false, isNullable: true)
    }
}

public struct RequestSchema: Sendable {
    public var fields: [FieldRule]

    public init(_ fields: [FieldRule]) {
        self.fields = fields
    }

    /// Parses and validates a request body, throwing a `ValidationError` listing every problem.
    public func validate(body: [UInt8]) throws(ValidationError) -> JSONValue {
        let value = try Self.parseJSON(body)
        var issues: [ValidationIssue] = []
        check(value, location: [.string("body")], issues: &issues)
        guard issues.isEmpty else { throw ValidationError(issues) }
        return value
    }

    /// Parses a request body, throwing the 422 `json_invalid` error for invalid JSON or UTF-8.
    public static func parseJSON(_ body: [UInt8]) throws(ValidationError) -> JSONValue {
        do {
            return try JSONParser.parse(body, keepsObjectIDWrappers: true)
        } catch {
            throw scalarBodyError(body) ?? invalidJSON(error)
        }
    }

    /// Parses a request body into a libbson document, as `JSONParser.parseDocument` does,
    /// throwing the 422 `json_invalid` error for invalid JSON or UTF-8.
    ///
    /// libbson's parser accepts the overlong NUL `C0 80` of Java's modified UTF-8, which would
    /// reach the handlers as two U+FFFD characters. The bytes 0xC0 and 0xC1 never occur in UTF-8,
    /// so a body with either gets the message libbson gives for other invalid UTF-8.
    static func parseDocument(_ body: [UInt8]) throws(ValidationError) -> (document: OpaquePointer, isArray: Bool) {
        if body.contains(where: { $0 == 0xC0 || $0 == 0xC1 }) {
            throw invalidJSON(JSONParseError(reason: "invalid bytes in UTF8 string"))
        }
        do {
            return try JSONParser.parseDocument(body)
        } catch {
            throw scalarBodyError(body) ?? invalidJSON(error)
        }
    }

    /// Returns FastAPI's error for a body that is one JSON value but no object or array, which
    /// the parser does not read: `missing` for `null`, else `model_attributes_type`. Returns nil
    /// when the body is not valid JSON either.
    private static func scalarBodyError(_ body: [UInt8]) -> ValidationError? {
        // One byte order mark is dropped, as for objects.
        let value = body.starts(with: [0xEF, 0xBB, 0xBF]) ? body.dropFirst(3) : body[...]
        guard let wrapped = try? JSONParser.parse(Array("[".utf8) + value + Array("]".utf8)),
              let values = wrapped.arrayValue, values.count == 1
        else { return nil }
        if values[0] == .null {
            return ValidationError([ValidationIssue(type: "missing", location: [.string("body")], message: "Field required",
                                                    input: .null)])
        }
        return ValidationError([ValidationIssue(
            type: "model_attributes_type", location: [.string("body")],
            message: "Input should be a valid dictionary or object to extract fields from", input: values[0])])
    }

    private static func invalidJSON(_ error: JSONParseError) -> ValidationError {
        ValidationError([ValidationIssue(
            type: "json_invalid", location: [.string("body"), .integer(0)], message: "JSON decode error",
            input: .object([]), context: .object([("error", .string(error.reason))]))])
    }

    /// Checks `value` against the rules. `location` is built only for an issue, so a valid body
    /// allocates no location arrays.
    func check(_ value: JSONValue, location: @autoclosure () -> [JSONValue], issues: inout [ValidationIssue]) {
        guard let members = value.objectValue else {
            issues.append(ValidationIssue(type: "model_attributes_type", location: location(),
                                          message: "Input should be a valid dictionary or object to extract fields from",
                                          input: value))
            return
        }
        for rule in fields {
            // Of repeated keys the last wins, as in Python's json module, which FastAPI uses.
            guard let fieldValue = members.last(where: { $0.0 == rule.name })?.1,
                  !(fieldValue == .null && rule.isNullable)
            else {
                if rule.isRequired {
                    issues.append(ValidationIssue(type: "missing", location: location() + [.string(rule.name)], message: "Field required",
                                                  input: value))
                }
                continue
            }
            Self.check(fieldValue, kind: rule.kind, location: location() + [.string(rule.name)], issues: &issues)
        }
    }

    /// The pattern that `.string(noNUL: true)` names in its error, as pydantic would print it.
    static let noNULPattern = #"^[^\x00]*$"#

    /// Returns the issue of a text with U+0000, as a pydantic `pattern` check reports it.
    static func nulIssue(_ value: JSONValue, location: [JSONValue]) -> ValidationIssue {
        ValidationIssue(type: "string_pattern_mismatch", location: location,
                        message: "String should match pattern '\(noNULPattern)'", input: value,
                        context: .object([("pattern", .string(noNULPattern))]))
    }

    static func check(_ value: JSONValue, kind: FieldKind, location: @autoclosure () -> [JSONValue],
                      issues: inout [ValidationIssue]) {
        switch kind {
        case let .string(minLength, maxLength, noNUL):
            guard case let .string(text) = value else {
                return issues.append(ValidationIssue(type: "string_type", location: location(),
                                                     message: "Input should be a valid string", input: value))
            }
            // pydantic checks the lengths, then the pattern, and reports only the first failure.
            if let minLength, text.unicodeScalars.count < minLength {
                issues.append(ValidationIssue(
                    type: "string_too_short", location: location(),
                    message: "String should have at least \(minLength) character\(minLength == 1 ? "" : "s")", input: value,
                    context: .object([("min_length", .integer(Int64(minLength)))])))
            } else if let maxLength, text.utf8.count > maxLength, text.unicodeScalars.count > maxLength {
                // A text has at most as many code points as UTF-8 bytes, so most texts skip the count.
                issues.append(ValidationIssue(
                    type: "string_too_long", location: location(), message: "String should have at most \(maxLength) characters",
                    input: value, context: .object([("max_length", .integer(Int64(maxLength)))])))
            } else if noNUL, text.utf8.contains(0) {
                issues.append(Self.nulIssue(value, location: location()))
            }
        case .integer:
            if value.integerValue == nil || value.typeName == "bool" {
                issues.append(ValidationIssue(type: "int_type", location: location(),
                                              message: "Input should be a valid integer", input: value))
            }
        case .laxInteger:
            if case let .invalid(type, message) = FieldKind.readLaxInteger(value) {
                issues.append(ValidationIssue(type: type, location: location(), message: message, input: value))
            }
        case .boolean:
            if case .bool = value { return }
            issues.append(ValidationIssue(type: "bool_type", location: location(),
                                          message: "Input should be a valid boolean", input: value))
        case .timestamp, .identifier:
            switch value {
            case let .string(text) where !kind.isTimestamp && text.utf8.contains(0):
                issues.append(Self.nulIssue(value, location: location()))
            case .string, .integer: return
            case let .number(number) where number.isFinite && number.rounded() == number: return
            // NaN and Infinity are left to the caller's date check, which rejects them as dates.
            case let .number(number) where !number.isFinite && kind.isTimestamp: return
            case let .number(number) where !number.isFinite:
                issues.append(ValidationIssue(type: "finite_number", location: location(),
                                              message: "Input should be a finite number", input: value))
            case let .number(number) where number.isFinite:
                issues.append(ValidationIssue(type: "int_from_float", location: location(),
                                              message: "Input should be a valid integer, got a number with a fractional part",
                                              input: value))
            default:
                issues.append(ValidationIssue(type: "string_type", location: location(),
                                              message: "Input should be a valid string", input: value))
            }
        case .stringList:
            check(value, kind: .list(of: .string()), location: location(), issues: &issues)
        case let .list(itemKind, maxItems):
            guard case let .array(items) = value else {
                return issues.append(ValidationIssue(type: "list_type", location: location(),
                                                     message: "Input should be a valid list", input: value))
            }
            if let maxItems, items.count > maxItems {
                return issues.append(ValidationIssue(
                    type: "too_long", location: location(),
                    message: "List should have at most \(maxItems) items after validation, not \(items.count)",
                    input: .string("<\(items.count) items>"),
                    context: .object([("field_type", .string("List")), ("max_length", .integer(Int64(maxItems))),
                                      ("actual_length", .integer(Int64(items.count)))])))
            }
            for (index, item) in items.enumerated() {
                check(item, kind: itemKind, location: location() + [.integer(Int64(index))], issues: &issues)
            }
        case let .object(schema):
            schema.check(value, location: location(), issues: &issues)
        }
    }
}
