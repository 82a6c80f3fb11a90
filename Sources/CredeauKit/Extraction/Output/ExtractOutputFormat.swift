/// The file formats `credeau extract --sms` writes.
public enum ExtractOutputFormat: String, Sendable, CaseIterable {
    case jsonl, csv, sqlite

    /// The format named by `--format`, accepting `json` and `ndjson` for JSON Lines.
    public init?(name: String) {
        switch name.lowercased() {
        case "jsonl", "json", "ndjson": self = .jsonl
        case "csv": self = .csv
        case "sqlite", "sqlite3", "db": self = .sqlite
        default: return nil
        }
    }

    /// Returns the format implied by an output path: JSON Lines for standard output (`-`) and for
    /// `/dev/null`, otherwise the format named by the extension.
    public static func inferred(fromPath path: String) throws -> ExtractOutputFormat {
        if path == "-" || path == ExtractOutput.discardPath { return .jsonl }
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else {
            throw ExtractOutputError.unknownFormat(path: path)
        }
        guard let format = ExtractOutputFormat(name: String(name[name.index(after: dot)...])) else {
            throw ExtractOutputError.unknownFormat(path: path)
        }
        return format
    }
}

/// Receives extracted entries in output order and writes them somewhere.
public protocol ExtractedSMSWriter: AnyObject {
    func write(_ entry: ExtractedSMS) throws
    /// Flushes and closes the output; no writes may follow.
    func finish() throws
}

/// A writer whose entries can be turned into bytes on the extraction threads and then written
/// in order, so that one thread only copies bytes.
public protocol ExtractedSMSEncodingWriter: ExtractedSMSWriter {
    /// Returns the bytes `write` would add for `entries`, in order. Safe to call from several
    /// threads at once, while `write` is not.
    func encode(_ entries: ArraySlice<ExtractedSMS>) -> [UInt8]
    /// Writes bytes that `encode` returned.
    func writeEncoded(_ bytes: [UInt8]) throws
}

/// Builds the writer for an output path and format.
public enum ExtractOutput {
    /// The output path that discards everything; any format writes JSON Lines to it, since SQLite
    /// cannot open a database there.
    public static let discardPath = "/dev/null"

    /// Opens `path` (`-` for standard output) and returns a writer; an existing file is replaced.
    public static func makeWriter(path: String, format: ExtractOutputFormat) throws -> any ExtractedSMSWriter {
        if path == discardPath { return JSONLinesWriter(output: try ByteOutput(path: path)) }
        switch format {
        case .jsonl:
            return JSONLinesWriter(output: try ByteOutput(path: path))
        case .csv:
            return try CSVWriter(output: try ByteOutput(path: path))
        case .sqlite:
            guard path != "-" else { throw ExtractOutputError.sqliteNeedsFile }
            return try SQLiteSMSWriter(path: path)
        }
    }
}
