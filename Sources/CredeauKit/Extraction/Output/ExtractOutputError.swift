/// A failure to create or write the output of `credeau extract`.
public enum ExtractOutputError: CredeauError {
    case cannotCreate(path: String, reason: String)
    case writeFailed(path: String, reason: String)
    case unknownFormat(path: String)
    case sqliteNeedsFile

    public var description: String {
        switch self {
        case let .cannotCreate(path, reason):
            return "Cannot create output '\(path)': \(reason)"
        case let .writeFailed(path, reason):
            return "Writing output '\(path)' failed: \(reason)"
        case let .unknownFormat(path):
            return "Cannot tell the output format from '\(path)'; use a .jsonl, .csv or .sqlite name or pass --format"
        case .sqliteNeedsFile:
            return "SQLite output cannot go to standard output; pass a file path with --output"
        }
    }
}
