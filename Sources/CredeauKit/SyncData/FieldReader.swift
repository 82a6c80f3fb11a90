/// Typed access to one JSON object's fields under several accepted names, where the first name
/// present wins. Type errors name the field that contained the bad value.
struct FieldReader {
    let value: JSONValue
    let source: SyncSource

    init(value: JSONValue, source: SyncSource) {
        self.value = value
        self.source = source
    }

    init(record: JSONValue, source: SyncSource) throws(SyncDataError) {
        guard record.objectValue != nil else { throw .notAnObject(source: source, what: "record") }
        self.init(value: record, source: source)
    }

    /// Returns the value of the first name present. JSON null counts as absent.
    func first(_ names: [String]) -> JSONValue? {
        for name in names {
            if let found = value[name], found != .null { return found }
        }
        return nil
    }

    func firstName(_ names: [String]) -> String? {
        names.first { value[$0] != nil && value[$0] != .null }
    }

    /// Text of a string, a number, or an `$oid` object; nil for other types.
    static func scalarText(_ value: JSONValue) -> String? {
        switch value {
        case let .string(text): return text
        case let .integer(number): return String(number)
        case let .number(number): return String(number)
        case .object: return value["$oid"]?.stringValue ?? value["$numberLong"]?.stringValue
        default: return nil
        }
    }

    func text(_ names: [String]) throws(SyncDataError) -> String? {
        guard let found = first(names) else { return nil }
        guard let text = FieldReader.scalarText(found) else {
            throw .invalidValue(source: source, field: firstName(names) ?? names[0],
                                reason: "expected a string or number, found \(found.kindName)")
        }
        return text
    }

    func requiredText(_ names: [String]) throws(SyncDataError) -> String {
        guard let text = try text(names) else { throw .missingField(source: source, names: names) }
        return text
    }

    func int(_ names: [String]) throws(SyncDataError) -> Int? {
        guard let found = first(names) else { return nil }
        if let number = found.integerValue { return Int(truncatingIfNeeded: number) }
        if let text = found.stringValue, let number = Int(text) { return number }
        if let number = found["$numberLong"]?.stringValue.flatMap({ Int($0) }) { return number }
        throw .invalidField(source: source, field: firstName(names) ?? names[0],
                            value: FieldReader.scalarText(found) ?? found.kindName, expected: "an integer")
    }

    func bool(_ names: [String]) throws(SyncDataError) -> Bool? {
        guard let found = first(names) else { return nil }
        switch found {
        case let .bool(flag): return flag
        case let .integer(number) where number == 0 || number == 1: return number == 1
        case let .string(text) where ["true", "false", "1", "0"].contains(text.lowercased()):
            return text.lowercased() == "true" || text == "1"
        default:
            throw .invalidField(source: source, field: firstName(names) ?? names[0],
                                value: FieldReader.scalarText(found) ?? found.kindName, expected: "true or false")
        }
    }

    func date(_ names: [String]) throws(SyncDataError) -> Int64? {
        guard let found = first(names) else { return nil }
        guard let millis = SyncDateParser.millis(from: found) else {
            throw .invalidField(source: source, field: firstName(names) ?? names[0],
                                value: FieldReader.scalarText(found) ?? found.kindName,
                                expected: "whole epoch milliseconds, a $date or a date text (YYYY-MM-DD, "
                                    + "YYYY-MM-DD HH:MM:SS, YYYYMMDD, YYYYMMDDHHMMSS or ISO 8601)")
        }
        return millis
    }
}
