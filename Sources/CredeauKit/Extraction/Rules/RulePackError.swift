/// Failures while loading a rule pack; each names the pack and, where one is at fault, the rule.
public enum RulePackError: CredeauError, Equatable {
    case unreadable(path: String, reason: String)
    case invalidJSON(origin: String, reason: String)
    case invalidRule(origin: String, rule: String, reason: String)

    public var description: String {
        switch self {
        case let .unreadable(path, reason):
            return "Cannot read rule pack '\(path)': \(reason). Check the path and its permissions."
        case let .invalidJSON(origin, reason):
            return "Invalid rule pack '\(origin)': the JSON does not have the expected shape (\(reason))."
        case let .invalidRule(origin, rule, reason):
            return "Invalid rule '\(rule)' in rule pack '\(origin)': \(reason). Fix the rule and reload."
        }
    }
}
