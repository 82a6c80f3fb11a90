extension JSONValue {
    /// Returns the value with each NaN or infinity written as `{"$numberDouble": "Infinity"}`, as
    /// libbson's Extended JSON writes it. JSON has no such numbers, and a plain null would hide what was sent.
    func wrappingNonFiniteNumbers() -> JSONValue {
        switch self {
        case let .number(number) where !number.isFinite:
            var text = "NaN"
            if !number.isNaN { text = number < 0 ? "-Infinity" : "Infinity" }
            return .object([("$numberDouble", .string(text))])
        case let .array(items):
            return .array(items.map { $0.wrappingNonFiniteNumbers() })
        case let .object(members):
            return .object(members.map { ($0.0, $0.1.wrappingNonFiniteNumbers()) })
        default:
            return self
        }
    }
}
