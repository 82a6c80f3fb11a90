/// A sender or alias table that cannot be loaded.
public enum SenderTableError: CredeauError, Equatable {
    /// One data line of the table named `origin` is invalid; `line` counts from 1.
    case invalidLine(origin: String, line: Int, problem: SenderTableProblem)
    /// A table file could not be read.
    case unreadableFile(path: String, reason: String)

    public var description: String {
        switch self {
        case let .invalidLine(origin, line, problem):
            return "Invalid sender table '\(origin)' line \(line): \(problem); fix or remove the line"
        case let .unreadableFile(path, reason):
            return "Cannot read sender table file '\(path)': \(reason); check the path and its permissions"
        }
    }

    /// The 1-based line number for `invalidLine`, nil otherwise.
    public var line: Int? {
        if case let .invalidLine(_, line, _) = self { return line }
        return nil
    }
}

/// The fault found on one line of a sender or alias table.
public enum SenderTableProblem: Sendable, Equatable, CustomStringConvertible {
    case missingColumns(found: Int)
    case emptyField(column: String)
    case unknownType(String)
    case invalidHeader(String)
    case duplicateHeader(String, firstLine: Int)
    case invalidAlias(String)
    case duplicateAlias(String, firstLine: Int)
    /// The alias names an institution that the header table lists, but never with this type.
    case aliasTypeMismatch(alias: String, institution: String, type: String, headerTypes: [String])

    public var description: String {
        switch self {
        case let .missingColumns(found):
            return "expected 4 tab-separated columns, found \(found)"
        case let .emptyField(column):
            return "the \(column) column is empty"
        case let .unknownType(value):
            let known = SenderType.allCases.map(\.rawValue).joined(separator: ", ")
            return "unknown sender type '\(value)', expected one of \(known)"
        case let .invalidHeader(value):
            return "header '\(value)' must contain only the letters A-Z and digits"
        case let .duplicateHeader(value, firstLine):
            return "header '\(value)' is already defined on line \(firstLine)"
        case let .invalidAlias(value):
            return "alias '\(value)' must be at least 3 ASCII characters with a letter or digit"
        case let .duplicateAlias(value, firstLine):
            return "alias '\(value)' is already defined on line \(firstLine)"
        case let .aliasTypeMismatch(alias, institution, type, headerTypes):
            let listed = headerTypes.joined(separator: ", ")
            return "alias '\(alias)' gives '\(institution)' the type '\(type)', "
                + "but the header table lists it as \(listed)"
        }
    }
}
