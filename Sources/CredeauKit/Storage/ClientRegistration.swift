/// Adds a caller to the `clients` table with a fresh auth token.
public struct ClientRegistration: Sendable, Equatable {
    public var clientID: String
    public var email: String?
    /// The token the caller sends in `x-auth-token`; shown once, never logged.
    public var authToken: String

    /// Checks the column limits of `clients` (client_id varchar(72), email varchar(32)).
    public init(clientID: String, email: String?, authToken: String = ClientToken.generate()) throws {
        guard !clientID.isEmpty, clientID.count <= 72 else {
            throw ClientRegistrationError.invalidClientID(clientID)
        }
        if let email, email.count > 32 || !email.contains("@") {
            throw ClientRegistrationError.invalidEmail(email)
        }
        self.clientID = clientID
        self.email = email
        self.authToken = authToken
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
    case invalidClientID(String)
    case invalidEmail(String)
    case alreadyExists(String)

    public var description: String {
        switch self {
        case let .invalidClientID(name):
            return "Invalid client name '\(name)': expected 1 to 72 characters"
        case let .invalidEmail(email):
            return "Invalid email '\(email)': expected an address of at most 32 characters"
        case let .alreadyExists(name):
            return "Client '\(name)' already exists in the clients table; choose another name"
        }
    }

    public var exitCode: Int32 {
        if case .alreadyExists = self { return ExitStatus.failure }
        return ExitStatus.usage
    }
}
