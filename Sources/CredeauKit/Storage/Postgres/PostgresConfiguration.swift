import Foundation

/// The login to one PostgreSQL database: server, user, database and connection options.
public struct PostgresConfiguration: Sendable, Equatable {
    public var host: String
    public var port: Int
    public var user: String
    public var password: String
    public var database: String
    /// libpq `connect_timeout`, in seconds.
    public var connectTimeoutSeconds: Int
    /// libpq `sslmode` (disable, prefer, require, verify-full …); nil keeps libpq's default, `prefer`.
    public var sslMode: String?
    /// Names of the variables this configuration came from, so errors name what to fix.
    public var source: String
    /// PostgreSQL `lock_timeout` for the session, in milliseconds; nil keeps the server's (no limit
    /// by default). The services set it, so a request that waits on a lock fails (55P03, HTTP 503)
    /// instead of holding a worker while the lock lasts.
    public var lockTimeoutMillis: Int?

    /// The `lock_timeout` of the services' connections: below serve-insights' 10 s default
    /// timeout for a serve-sms call, so serve-sms returns 503 before its caller gives up.
    public static let serviceLockTimeoutMillis = 5_000

    /// This configuration with the services' `lock_timeout`.
    public var forService: PostgresConfiguration {
        var copy = self
        copy.lockTimeoutMillis = Self.serviceLockTimeoutMillis
        return copy
    }

    public init(host: String, port: Int = 5432, user: String, password: String, database: String,
                connectTimeoutSeconds: Int = 10, sslMode: String? = nil, source: String = "configuration") {
        self.host = host
        self.port = port
        self.user = user
        self.password = password
        self.database = database
        self.connectTimeoutSeconds = connectTimeoutSeconds
        self.sslMode = sslMode
        self.source = source
    }

    /// Parses a `postgres://user:password@host:port/database?sslmode=…` URL (`postgresql://` too).
    public init(url text: String) throws {
        guard let components = URLComponents(string: text),
              let scheme = components.scheme, scheme == "postgres" || scheme == "postgresql",
              let host = components.host, !host.isEmpty
        else {
            throw PostgresConfigurationError.invalidURL(Self.redacting(text))
        }
        let database = String(components.path.drop(while: { $0 == "/" }))
        self.init(host: host, port: components.port ?? 5432, user: components.user ?? "postgres",
                  password: components.password ?? "", database: database.isEmpty ? "postgres" : database,
                  source: "the PostgreSQL URL")
        for item in components.queryItems ?? [] {
            switch item.name {
            case "sslmode": sslMode = item.value
            case "connect_timeout": connectTimeoutSeconds = item.value.flatMap(Int.init) ?? connectTimeoutSeconds
            default: break
            }
        }
    }

    /// Reads the Insights API login `DI_POSTGRES_*`, or nil when `DI_POSTGRES_HOST` is unset.
    ///
    /// - Parameter syncDatabase: read `DI_POSTGRES_SYNC_DATABASE` (default `sync_db`) instead of
    ///   `DI_POSTGRES_DATABASE` (default `api_insights_db`).
    public static func insightsAPI(environment: [String: String], syncDatabase: Bool = false) throws
        -> PostgresConfiguration?
    {
        try fromVariables(environment, prefix: "DI_POSTGRES_", userKey: "USERNAME", passwordKey: "PASSWORD",
                          databaseKey: syncDatabase ? "SYNC_DATABASE" : "DATABASE",
                          defaultDatabase: syncDatabase ? "sync_db" : "api_insights_db")
    }

    /// Reads the SMS Extraction API login `DB_*`, or nil when `DB_HOST` is unset.
    public static func extractionAPI(environment: [String: String]) throws -> PostgresConfiguration? {
        try fromVariables(environment, prefix: "DB_", userKey: "USER", passwordKey: "PASSWORD", databaseKey: "NAME",
                          defaultDatabase: "api_insights_db")
    }

    private static func fromVariables(
        _ environment: [String: String], prefix: String, userKey: String, passwordKey: String, databaseKey: String,
        defaultDatabase: String
    ) throws -> PostgresConfiguration? {
        func value(_ key: String) -> String? {
            guard let text = environment[prefix + key], !text.isEmpty else { return nil }
            return text
        }
        guard let host = value("HOST") else { return nil }
        var port = 5432
        if let text = value("PORT") {
            guard let number = Int(text), (1...65_535).contains(number) else {
                throw PostgresConfigurationError.invalidPort(variable: prefix + "PORT", value: text)
            }
            port = number
        }
        return PostgresConfiguration(
            host: host, port: port, user: value(userKey) ?? "postgres", password: value(passwordKey) ?? "",
            database: value(databaseKey) ?? defaultDatabase, source: "\(prefix)* variables")
    }

    /// `user@host:port/database`, never the password.
    public var endpoint: String { "\(user)@\(host):\(port)/\(database)" }

    /// Keyword/value pairs for `PQconnectdbParams`, which need no quoting.
    var connectionParameters: [(String, String)] {
        var parameters = [
            ("host", host), ("port", String(port)), ("user", user), ("dbname", database),
            ("connect_timeout", String(connectTimeoutSeconds)), ("application_name", "credeau"),
            // Swift strings and COPY data are UTF-8 whatever the database's own encoding.
            ("client_encoding", "UTF8"),
        ]
        if !password.isEmpty { parameters.append(("password", password)) }
        if let sslMode { parameters.append(("sslmode", sslMode)) }
        return parameters
    }

    /// A copy that logs in to another database on the same server.
    public func with(database: String) -> PostgresConfiguration {
        var copy = self
        copy.database = database
        return copy
    }

    /// The URL with its password replaced by `***`, for messages.
    static func redacting(_ url: String) -> String {
        guard var components = URLComponents(string: url), components.password != nil else { return url }
        components.password = "***"
        return components.string ?? "<url>"
    }
}

/// An invalid PostgreSQL setting.
public enum PostgresConfigurationError: CredeauError {
    case invalidURL(String)
    case invalidPort(variable: String, value: String)

    public var description: String {
        switch self {
        case let .invalidURL(url):
            return "Invalid PostgreSQL URL '\(url)'. Expected postgres://user:password@host:port/database"
        case let .invalidPort(variable, value):
            return "Invalid \(variable) '\(value)'. Expected a port number from 1 to 65535"
        }
    }

    public var exitCode: Int32 { ExitStatus.usage }
}
