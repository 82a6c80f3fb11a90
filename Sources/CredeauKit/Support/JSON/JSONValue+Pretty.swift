extension JSONValue {
    static func int(_ value: Int) -> JSONValue { .integer(Int64(value)) }
    static func double(_ value: Double) -> JSONValue { .number(value) }
    static func optional(_ value: Int?) -> JSONValue { value.map(JSONValue.int) ?? .null }
    static func optional(_ value: Double?) -> JSONValue { value.map(JSONValue.double) ?? .null }
    static func optional(_ value: String?) -> JSONValue { value.map(JSONValue.string) ?? .null }

    /// Renders the value as JSON indented by two spaces per level, keeping object key order,
    /// without a trailing newline. Doubles keep Swift's shortest round-trip form (`1.0`, `0.15`).
    func rendered(indent: Int = 0) -> String {
        let padding = String(repeating: "  ", count: indent + 1)
        let closingPadding = String(repeating: "  ", count: indent)
        switch self {
        case .null: return "null"
        case let .bool(value): return value ? "true" : "false"
        case let .integer(value): return String(value)
        // JSON has no infinity or NaN, so null keeps the output valid.
        case let .number(value): return value.isFinite ? "\(value)" : "null"
        case let .string(value): return JSONText.quoted(value)
        case let .array(items):
            guard !items.isEmpty else { return "[]" }
            let lines = items.map { padding + $0.rendered(indent: indent + 1) }
            return "[\n" + lines.joined(separator: ",\n") + "\n" + closingPadding + "]"
        case let .object(fields):
            guard !fields.isEmpty else { return "{}" }
            let lines = fields.map { padding + JSONText.quoted($0.0) + ": " + $0.1.rendered(indent: indent + 1) }
            return "{\n" + lines.joined(separator: ",\n") + "\n" + closingPadding + "}"
        }
    }
}
