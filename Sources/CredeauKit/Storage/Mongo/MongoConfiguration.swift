import Foundation

/// Where and how to reach MongoDB `sync_db`, read from the Insights API's `DI_MONGODB_*` variables.
public struct MongoConfiguration: Sendable, Equatable {
    /// `mongodb://` URI without options; it carries the password, so never log it.
    public var baseURI: String
    /// `host:port` (or the URI's host list), for messages.
    public var endpoint: String
    public var database: String
    /// URI options in the order they are applied, e.g. `("maxPoolSize", "100")`.
    public var uriOptions: [URIOption]
    /// `DI_MONGODB_*` variables that were set but have no effect in libmongoc 1.23, with the reason.
    public var ignoredVariables: [IgnoredVariable]

    public struct URIOption: Sendable, Equatable {
        public var name: String
        public var value: String

        public init(name: String, value: String) {
            self.name = name
            self.value = value
        }
    }

    public struct IgnoredVariable: Sendable, Equatable {
        public var variable: String
        public var reason: String
    }

    /// How each `DI_MONGODB_*` option variable maps to a libmongoc URI option, and its value type.
    static let optionVariables: [(variable: String, option: String, isBoolean: Bool)] = [
        ("DI_MONGODB_MAX_POOL_SIZE", "maxPoolSize", false),
        ("DI_MONGODB_SERVER_SELECTION_TIMEOUT_MS", "serverSelectionTimeoutMS", false),
        ("DI_MONGODB_CONNECT_TIMEOUT_MS", "connectTimeoutMS", false),
        ("DI_MONGODB_SOCKET_TIMEOUT_MS", "socketTimeoutMS", false),
        ("DI_MONGODB_RETRY_WRITES", "retryWrites", true),
        // libmongoc honours waitQueueTimeoutMS since 1.17: mongoc_client_pool_pop returns NULL
        // when no client frees up in time.
        ("DI_MONGODB_WAIT_QUEUE_TIMEOUT_MS", "waitQueueTimeoutMS", false),
    ]

    public init(uri: String, database: String, uriOptions: [URIOption] = [], endpoint: String? = nil) {
        self.baseURI = uri
        self.database = database
        self.uriOptions = uriOptions
        self.ignoredVariables = []
        self.endpoint = endpoint ?? Self.endpoint(of: uri)
    }

    /// Reads `DI_MONGODB_*`; nil when `DI_MONGODB_HOST` is unset.
    ///
    /// `DI_MONGODB_HOST` may also hold a whole `mongodb://` or `mongodb+srv://` URI, for
    /// replica sets and DocumentDB clusters; the option variables are then added to it.
    public static func insightsAPI(environment: [String: String]) throws -> MongoConfiguration? {
        func value(_ key: String) -> String? {
            guard let text = environment[key]?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
            return text
        }
        guard let host = value("DI_MONGODB_HOST") else { return nil }
        let database = value("DI_MONGODB_DATABASE") ?? "sync_db"
        var configuration: MongoConfiguration
        if host.hasPrefix("mongodb://") || host.hasPrefix("mongodb+srv://") {
            configuration = MongoConfiguration(uri: host, database: database)
        } else {
            var port = 27017
            if let text = value("DI_MONGODB_PORT") {
                guard let number = Int(text), (1...65_535).contains(number) else {
                    throw MongoError.invalidSetting(variable: "DI_MONGODB_PORT", value: text,
                                                    expected: "a port number from 1 to 65535")
                }
                port = number
            }
            var credentials = ""
            if let user = value("DI_MONGODB_USERNAME") {
                credentials = percentEncoded(user) + ":" + percentEncoded(value("DI_MONGODB_PASSWORD") ?? "") + "@"
            }
            configuration = MongoConfiguration(uri: "mongodb://\(credentials)\(host):\(port)/", database: database,
                                               endpoint: "\(host):\(port)")
        }
        for (variable, option, isBoolean) in optionVariables {
            guard let text = value(variable) else { continue }
            let normalised = text.lowercased()
            if isBoolean {
                guard ["true", "false"].contains(normalised) else {
                    throw MongoError.invalidSetting(variable: variable, value: text, expected: "true or false")
                }
                configuration.uriOptions.append(URIOption(name: option, value: normalised))
            } else {
                guard let number = Int(text), number >= 0 else {
                    throw MongoError.invalidSetting(variable: variable, value: text, expected: "a whole number ≥ 0")
                }
                configuration.uriOptions.append(URIOption(name: option, value: String(number)))
            }
        }
        if value("DI_MONGODB_MIN_POOL_SIZE") != nil {
            configuration.ignoredVariables.append(IgnoredVariable(
                variable: "DI_MONGODB_MIN_POOL_SIZE",
                reason: "libmongoc 1.23 deprecates minPoolSize: it does not keep a minimum of open "
                    + "connections but closes idle clients above that count"))
        }
        return configuration
    }

    /// `host:port` part of a URI, without the credentials.
    static func endpoint(of uri: String) -> String {
        var rest = Substring(uri)
        if let scheme = rest.range(of: "://") { rest = rest[scheme.upperBound...] }
        if let at = rest.lastIndex(of: "@") { rest = rest[rest.index(after: at)...] }
        if let slash = rest.firstIndex(where: { $0 == "/" || $0 == "?" }) { rest = rest[..<slash] }
        return String(rest)
    }

    private static func percentEncoded(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}
