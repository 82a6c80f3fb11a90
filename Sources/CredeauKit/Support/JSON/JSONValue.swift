/// A parsed JSON document. Objects keep their key order, so error messages and echoes show
/// fields as the client sent them.
public enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    /// Integers that fit in 64 bits stay exact.
    case integer(Int64)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): return true
        case let (.bool(a), .bool(b)): return a == b
        case let (.integer(a), .integer(b)): return a == b
        case let (.number(a), .number(b)): return a == b
        case let (.string(a), .string(b)): return a == b
        case let (.array(a), .array(b)): return a == b
        case let (.object(a), .object(b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        default: return false
        }
    }

    /// The value of `key`; of repeated keys the last wins, as in Python's json module.
    public subscript(key: String) -> JSONValue? {
        guard case let .object(members) = self else { return nil }
        return members.last { $0.0 == key }?.1
    }

    public var stringValue: String? {
        if case let .string(text) = self { return text }
        return nil
    }

    public var arrayValue: [JSONValue]? {
        if case let .array(items) = self { return items }
        return nil
    }

    public var objectValue: [(String, JSONValue)]? {
        if case let .object(members) = self { return members }
        return nil
    }

    /// Integer value of an integer, or of a number with no fractional part.
    public var integerValue: Int64? {
        switch self {
        case let .integer(number): return number
        case let .number(number) where number.rounded() == number && abs(number) < 9.0e18: return Int64(number)
        default: return nil
        }
    }

    public var doubleValue: Double? {
        switch self {
        case let .integer(number): return Double(number)
        case let .number(number): return number
        default: return nil
        }
    }

    /// The JSON type name as pydantic reports it in validation errors, or the BSON type of a
    /// wrapper that `BSONWrapperValue` made (`decimal128`).
    public var typeName: String {
        switch self {
        case .null: return "null"
        case .bool: return "bool"
        case .integer: return "int"
        case .number: return "float"
        case .string: return "string"
        case .array: return "list"
        case .object: return BSONWrapperValue.typeName(of: self) ?? "dict"
        }
    }
}
