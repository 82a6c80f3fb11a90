/// Failure reported by PostgreSQL or libpq. Messages name the server and database, never the password.
public enum PostgresError: CredeauError {
    /// The login failed: wrong password, unknown role, unreachable host or missing database.
    case connectionFailed(endpoint: String, source: String, reason: ConnectionFailure, message: String)
    /// The server rejected a statement; `sqlState` is the five-character SQLSTATE code.
    case statementFailed(endpoint: String, sqlState: String, message: String, statement: String)
    /// The connection broke while a statement ran, and the retry failed too.
    case connectionLost(endpoint: String, message: String, statement: String)

    /// Why a login failed, sorted from libpq's message, which carries no SQLSTATE for logins.
    public enum ConnectionFailure: Sendable, Equatable {
        case authentication
        case unreachable
        case databaseNotFound
        case other
    }

    public var description: String {
        switch self {
        case let .connectionFailed(endpoint, source, reason, message):
            switch reason {
            case .authentication:
                return "PostgreSQL login failed for '\(endpoint)': password authentication failed. "
                    + "Check the user name and password in \(source)"
            case .unreachable:
                return "Cannot connect to PostgreSQL at '\(endpoint)': \(message). "
                    + "Check the host and port in \(source) and that the server is running"
            case .databaseNotFound:
                return "PostgreSQL database not found at '\(endpoint)': \(message). "
                    + "Create it or fix the database name in \(source)"
            case .other:
                return "Cannot connect to PostgreSQL at '\(endpoint)': \(message)"
            }
        case let .statementFailed(endpoint, sqlState, message, statement):
            return "PostgreSQL error \(sqlState) at '\(endpoint)': \(message) - while executing '\(Self.shorten(statement))'"
        case let .connectionLost(endpoint, message, statement):
            return "Lost the PostgreSQL connection to '\(endpoint)': \(message) - while executing "
                + "'\(Self.shorten(statement))'"
        }
    }

    public var httpStatus: Int { 503 }

    /// SQLSTATE of a failed statement, nil for connection failures.
    public var sqlState: String? {
        if case let .statementFailed(_, sqlState, _, _) = self { return sqlState }
        return nil
    }

    /// Sorts a libpq login error message into a `ConnectionFailure`.
    static func classify(loginMessage message: String) -> ConnectionFailure {
        let lowered = message.lowercased()
        if lowered.contains("password authentication failed") || lowered.contains("no password supplied")
            || lowered.contains("role") && lowered.contains("does not exist")
        {
            return .authentication
        }
        if lowered.contains("database") && lowered.contains("does not exist") { return .databaseNotFound }
        if lowered.contains("connection refused") || lowered.contains("could not translate host name")
            || lowered.contains("timeout expired") || lowered.contains("no route to host")
            || lowered.contains("network is unreachable")
        {
            return .unreachable
        }
        return .other
    }

    /// Keeps the cause from the first line of a libpq message, e.g. `Connection refused` out of
    /// `connection to server at "h" (127.0.0.1), port 1 failed: Connection refused`.
    static func condense(_ message: String) -> String {
        let lines = message.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard var line = lines.first else { return "no message from libpq" }
        if let range = line.range(of: " failed: ") {
            line = String(line[range.upperBound...])
        }
        for prefix in ["FATAL:", "ERROR:"] where line.hasPrefix(prefix) {
            line = line.dropFirst(prefix.count).trimmingCharacters(in: .whitespaces)
        }
        return line
    }

    private static func shorten(_ statement: String) -> String {
        let flat = statement.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .joined(separator: " ")
        return flat.count > 300 ? String(flat.prefix(300)) + "…" : flat
    }
}
