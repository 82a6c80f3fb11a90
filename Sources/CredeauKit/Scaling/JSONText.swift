/// A JSON value with ordered object keys, so that sizing output keeps the documented key order.
///
/// Output is small (one object per run), so a hand-written writer is simpler than bending
/// `JSONEncoder` to keep key order.
indirect enum JSONText {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSONText])
    case object([(String, JSONText)])

    static func optional(_ value: Int?) -> JSONText { value.map(JSONText.int) ?? .null }
    static func optional(_ value: Double?) -> JSONText { value.map(JSONText.double) ?? .null }
    static func optional(_ value: String?) -> JSONText { value.map(JSONText.string) ?? .null }

    /// Renders the value as JSON indented by two spaces per level, without a trailing newline.
    func rendered(indent: Int = 0) -> String {
        let padding = String(repeating: "  ", count: indent + 1)
        let closingPadding = String(repeating: "  ", count: indent)
        switch self {
        case .null: return "null"
        case let .bool(value): return value ? "true" : "false"
        case let .int(value): return String(value)
        // JSON has no infinity or NaN; neither can come from validated figures, but null keeps the output valid.
        case let .double(value): return value.isFinite ? "\(value)" : "null"
        case let .string(value): return Self.quoted(value)
        case let .array(items):
            guard !items.isEmpty else { return "[]" }
            let lines = items.map { padding + $0.rendered(indent: indent + 1) }
            return "[\n" + lines.joined(separator: ",\n") + "\n" + closingPadding + "]"
        case let .object(fields):
            guard !fields.isEmpty else { return "{}" }
            let lines = fields.map { padding + Self.quoted($0.0) + ": " + $0.1.rendered(indent: indent + 1) }
            return "{\n" + lines.joined(separator: ",\n") + "\n" + closingPadding + "}"
        }
    }

    /// Returns `text` as a JSON string literal, escaping quotes, backslashes and control characters.
    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
