/// A failure to create or write the output of `credeau extract`.
public enum ExtractOutputError: CredeauError {
    case cannotCreate(path: String, reason: String)
    case writeFailed(path: String, reason: String)
    case unknownFormat(path: String)
    case sqliteNeedsFile
    case overlapsInput(output: String, input: String)

    public var description: String {
        switch self {
        case let .cannotCreate(path, reason):
            return "Cannot create output '\(path)': \(reason)"
        case let .writeFailed(path, reason):
            return "Writing output '\(path)' failed: \(reason)"
        case let .unknownFormat(path):
            return "Cannot tell the output format from '\(path)': expected a name ending in .jsonl, .json, .ndjson, "
                + ".csv, .sqlite, .sqlite3 or .db, or pass --format jsonl, csv or sqlite"
        case .sqliteNeedsFile:
            return "SQLite output cannot go to standard output; pass a file path with --output"
        case let .overlapsInput(output, input):
            return "Output '\(output)' is the input '\(input)' or lies inside it, and writing it would destroy the input; "
                + "choose an output path outside the input"
        }
    }

    public var exitCode: Int32 {
        switch self {
        case .overlapsInput, .unknownFormat, .sqliteNeedsFile: return ExitStatus.usage
        case .cannotCreate, .writeFailed: return ExitStatus.failure
        }
    }
}
