/// A sync document or record that cannot be read.
public enum SyncDataError: CredeauError, Equatable {
    /// A required field is absent; `names` lists the accepted spellings, canonical first.
    case missingField(source: SyncSource, names: [String])
    /// A field holds a value of the wrong type or format.
    case invalidField(source: SyncSource, field: String, value: String, expected: String)
    /// The document or a record is not a JSON object.
    case notAnObject(source: SyncSource, what: String)

    public var description: String {
        switch self {
        case let .missingField(source, names):
            let variants = names.dropFirst().map { "'\($0)'" }.joined(separator: ", ")
            let accepted = variants.isEmpty ? "" : " (also accepted: \(variants))"
            return "Missing field '\(names.first ?? "")'\(accepted) in a \(source.rawValue) sync document"
        case let .invalidField(source, field, value, expected):
            return "Invalid \(source.rawValue) field '\(field)': '\(value)' is not \(expected)"
        case let .notAnObject(source, what):
            return "Invalid \(source.rawValue) sync data: the \(what) is not a JSON object"
        }
    }

    public var exitCode: Int32 { ExitStatus.failure }
    public var httpStatus: Int { 422 }
}
