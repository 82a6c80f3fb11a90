/// Adds a caller to the `clients` table with a fresh auth token.
public struct ClientRegistration: Sendable, Equatable {
    public var clientID: String
    public var email: String?
    /// The token the caller sends in `x-auth-token`; shown once, never logged.
    public var authToken: String

    /// The length of the `client_id` column, varchar(72).
    public static let maxClientIDLength = 72
    /// The length of the `email` column, varchar(32).
    public static let maxEmailLength = 32

    /// Checks that the client id can travel in an `x-client-id` header and both values fit the
    /// columns of `clients`.
    public init(clientID: String, email: String?, authToken: String = ClientToken.generate()) throws {
        try Self.validate(clientID: clientID, email: email)
        self.clientID = clientID
        self.email = email
        self.authToken = authToken
    }

    /// Throws `ClientRegistrationError` for a client id or email that `init` would reject, so a
    /// command can check its arguments before it changes any database.
    public static func validate(clientID: String, email: String?) throws {
        if let reason = clientIDProblem(clientID) {
            throw ClientRegistrationError.invalidClientID(clientID, reason: reason)
        }
        if let email, let reason = emailProblem(email) {
            throw ClientRegistrationError.invalidEmail(email, reason: reason)
        }
    }

    /// Returns why `name` cannot be a client id, or nil. Only visible ASCII (`!` to `~`) is
    /// allowed: a space, tab, newline or escape byte cannot be sent as a whole header value.
    static func clientIDProblem(_ name: String) -> String? {
        if name.isEmpty { return "the name is empty" }
        if let position = name.unicodeScalars.firstIndex(where: { !(0x21...0x7E).contains($0.value) }) {
            let scalar = name.unicodeScalars[position]
            let offset = name.unicodeScalars.distance(from: name.unicodeScalars.startIndex, to: position) + 1
            let code = "U+" + String(scalar.value, radix: 16, uppercase: true).leftPadded(to: 4)
            let kind = scalar.value == 0x20 ? "a space" : scalar.value < 0x20 || scalar.value == 0x7F
                ? "the control character \(code)" : "the non-ASCII character \(code)"
            return "character \(offset) is \(kind); use visible ASCII letters, digits and punctuation without spaces"
        }
        if name.utf8.count > maxClientIDLength {
            return "the name has \(name.utf8.count) characters, more than the \(maxClientIDLength) the clients table holds"
        }
        return nil
    }

    /// Returns why `email` cannot be stored, or nil.
    static func emailProblem(_ email: String) -> String? {
        if email.unicodeScalars.contains(where: { !(0x21...0x7E).contains($0.value) }) {
            return "an address contains no spaces, control characters or non-ASCII characters"
        }
        let parts = email.split(separator: "@", omittingEmptySubsequences: false)
        if parts.count != 2 || parts[0].isEmpty || parts[1].isEmpty {
            return "expected one '@' between a name and a domain, such as ops@lender.in"
        }
        if email.utf8.count > maxEmailLength {
            return "the address has \(email.utf8.count) characters, more than the \(maxEmailLength) the clients table holds"
        }
        return nil
    }

    /// Inserts the client into PostgreSQL `api_insights_db`, rejecting an existing client_id.
    public func insert(into connection: PostgresConnection) throws {
        try connection.transaction { connection in
            let existing = try connection.query("SELECT 1 FROM clients WHERE client_id = \(clientID)")
            guard existing.isEmpty else { throw ClientRegistrationError.alreadyExists(clientID) }
            try connection.query("INSERT INTO clients (client_id, email, auth_token) VALUES (\(clientID), \(email), \(authToken))")
        }
    }

    /// Inserts the client into the SQLite database, rejecting an existing client_id.
    public func insert(into database: SQLiteDatabase) throws {
        try database.transaction {
            let existing = try database.query("SELECT 1 FROM clients WHERE client_id = ?", [.text(clientID)])
            guard existing.isEmpty else { throw ClientRegistrationError.alreadyExists(clientID) }
            try database.query("INSERT INTO clients (client_id, email, auth_token) VALUES (?, ?, ?)",
                               [.text(clientID), email.map(SQLiteValue.text) ?? .null, .text(authToken)])
        }
    }
}

/// A client that cannot be added.
public enum ClientRegistrationError: CredeauError {
    case invalidClientID(String, reason: String)
    case invalidEmail(String, reason: String)
    case alreadyExists(String)

    public var description: String {
        switch self {
        case let .invalidClientID(name, reason):
            return "Invalid client name \(quoted(name)): \(reason)"
        case let .invalidEmail(email, reason):
            return "Invalid email \(quoted(email)): \(reason)"
        case let .alreadyExists(name):
            return "Client '\(name)' already exists in the clients table; choose another name"
        }
    }

    public var exitCode: Int32 {
        if case .alreadyExists = self { return ExitStatus.failure }
        return ExitStatus.usage
    }

    /// Quotes a value with control characters escaped, so the message stays on one line.
    private func quoted(_ value: String) -> String {
        var text = "'"
        for scalar in value.unicodeScalars {
            text += scalar.value < 0x20 || scalar.value == 0x7F ? "\\u{" + String(scalar.value, radix: 16) + "}" : String(scalar)
        }
        return text + "'"
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}
