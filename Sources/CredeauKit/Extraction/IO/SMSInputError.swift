/// A failure that stops `credeau extract` before or while it reads its input.
public enum SMSInputError: CredeauError, Equatable {
    case notFound(path: String)
    case unreadable(path: String, reason: String)
    case unknownFormat(path: String, detail: String)
    /// `gzipped` names a compressed SMS collection file found instead, if any.
    case noSMSCollection(folder: String, gzipped: String? = nil)
    case readFailed(path: String, reason: String)
    case spoolFailed(reason: String)

    public var description: String {
        switch self {
        case let .notFound(path):
            if path.contains("://") {
                return "Input '\(path)' not found: extract --sms reads a dump file or folder, or - for standard "
                    + "input; drop --sms to read a database URL"
            }
            return "Input '\(path)' not found; check the path"
        case let .unreadable(path, reason):
            return "Cannot read input '\(path)': \(reason)"
        case let .unknownFormat(path, detail):
            return "Unknown input format of '\(path)': \(detail); expected JSON Lines, a JSON array or a mongodump .bson file"
        case let .noSMSCollection(folder, gzipped?):
            return "No '\(SyncCollection.sms).json', '.jsonl' or '.bson' file in folder '\(folder)' or its "
                + "'sync_db' subfolder, only '\(gzipped)'. A gzip file is read from a pipe: -i <(zcat \(gzipped))"
        case let .noSMSCollection(folder, nil):
            return "No '\(SyncCollection.sms).json', '.jsonl' or '.bson' file in folder '\(folder)' or its "
                + "'sync_db' subfolder; pass the folder that holds the SMS collection file, or the file itself"
        case let .readFailed(path, reason):
            return "Reading '\(path)' failed: \(reason)"
        case let .spoolFailed(reason):
            return "Cannot copy the input stream to a temporary file: \(reason); set TMPDIR to a writable folder"
        }
    }
}

/// Collection names of the `sync_db` layout that the readers look for.
public enum SyncCollection {
    public static let sms = "sms_sync_request_sms_data"
}
