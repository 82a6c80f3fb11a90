/// Failure reported by libmongoc or a bad `DI_MONGODB_*` setting. Messages never carry the password.
public enum MongoError: CredeauError {
    case invalidSetting(variable: String, value: String, expected: String)
    case invalidURI(endpoint: String, message: String)
    /// No server answered within serverSelectionTimeoutMS.
    case unreachable(endpoint: String, message: String)
    case authenticationFailed(endpoint: String, message: String)
    case poolTimedOut(endpoint: String)
    case operationFailed(endpoint: String, operation: String, collection: String, code: UInt32, message: String)

    public var description: String {
        switch self {
        case let .invalidSetting(variable, value, expected):
            return "Invalid \(variable) '\(value)'. Expected \(expected)"
        case let .invalidURI(endpoint, message):
            return "Invalid MongoDB URI for '\(endpoint)': \(message). Check DI_MONGODB_HOST and the DI_MONGODB_* options"
        case let .unreachable(endpoint, message):
            return "Cannot reach MongoDB at '\(endpoint)': \(message). "
                + "Check DI_MONGODB_HOST and DI_MONGODB_PORT and that the server is running"
        case let .authenticationFailed(endpoint, message):
            return "MongoDB login failed at '\(endpoint)': \(message). "
                + "Check DI_MONGODB_USERNAME and DI_MONGODB_PASSWORD"
        case let .poolTimedOut(endpoint):
            return "Timed out waiting for a pooled MongoDB client for '\(endpoint)' (waitQueueTimeoutMS). "
                + "Raise DI_MONGODB_MAX_POOL_SIZE or DI_MONGODB_WAIT_QUEUE_TIMEOUT_MS"
        case let .operationFailed(endpoint, operation, collection, code, message):
            return "MongoDB \(operation) on '\(collection)' at '\(endpoint)' failed (code \(code)): \(message)"
        }
    }

    /// The description for a connection made from a `mongodb://` URL, such as `extract --input`,
    /// whose settings are the URL's rather than the `DI_MONGODB_*` variables.
    public var descriptionForURL: String {
        switch self {
        case let .invalidURI(endpoint, message):
            return "Invalid MongoDB URL for '\(endpoint)': \(message). Check the mongodb:// URL and its options"
        case let .unreachable(endpoint, message):
            return "Cannot reach MongoDB at '\(endpoint)': \(message). "
                + "Check the host and port in the mongodb:// URL and that the server is running"
        case let .authenticationFailed(endpoint, message):
            return "MongoDB login failed at '\(endpoint)': \(message). Check the user and password in the mongodb:// URL"
        default:
            return description
        }
    }

    public var exitCode: Int32 {
        if case .invalidSetting = self { return ExitStatus.usage }
        return ExitStatus.failure
    }

    public var httpStatus: Int { 503 }
}
