/// A sync document or record that cannot be read.
public enum SyncDataError: CredeauError, Equatable {
    /// A required field is absent; `names` lists the accepted spellings, canonical first.
    case missingField(source: SyncSource, names: [String])
    /// A field contains a value of the wrong type or format.
    case invalidField(source: SyncSource, field: String, value: String, expected: String)
    /// A field contains a well-formed value that cannot be true, such as an SMS date before 2000.
    case implausibleField(source: SyncSource, field: String, reason: String)
    /// A field, or a record when `field` is nil, contains a value of a type the readers reject;
    /// `reason` is worded as `extract --sms` words it.
    case invalidValue(source: SyncSource, field: String?, reason: String)
    /// The document or a record is not a JSON object.
    case notAnObject(source: SyncSource, what: String)
    /// A problem of one SMS in a document's SMS list; `index` is 1-based.
    indirect case inSMS(index: Int, problem: SyncDataError)
    /// A document of another client or user was added to a user's data.
    case otherUser(source: SyncSource, clientID: String, userID: String)

    public var description: String {
        switch self {
        case let .missingField(source, names):
            let variants = names.dropFirst().map { "'\($0)'" }.joined(separator: ", ")
            let accepted = variants.isEmpty ? "" : " (also accepted: \(variants))"
            return "Missing field '\(names.first ?? "")'\(accepted) in a sync document of source '\(source.rawValue)'"
        case let .invalidField(source, field, value, expected):
            return "Invalid \(source.rawValue) field '\(field)': '\(value)' is not \(expected)"
        case let .implausibleField(source, field, reason):
            return "Invalid \(source.rawValue) field '\(field)': \(reason)"
        case let .invalidValue(source, field, reason):
            return "Invalid \(source.rawValue) \(field.map { "field '\($0)'" } ?? "record"): \(reason)"
        case let .inSMS(index, problem):
            return "sms \(index): \(problem.description)"
        case let .notAnObject(source, what):
            return "Invalid \(source.rawValue) sync data: the \(what) is not a JSON object"
        case let .otherUser(source, clientID, userID):
            return "Invalid \(source.rawValue) sync document: it belongs to client '\(clientID)' and user '\(userID)', "
                + "not to the user being read; filter documents by client_id and user_id first"
        }
    }

    public var exitCode: Int32 { ExitStatus.failure }
    public var httpStatus: Int { 422 }
}
