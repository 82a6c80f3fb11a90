import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Where `credeau extract` reads users from: a dump folder or a `sync_db` database.
public enum BatchInput: Sendable, Equatable {
    /// A mongoexport or mongodump folder with one file per collection.
    case dumpFolder(String)
    /// A SQLite file with the `sync_db` tables that `credeau migrate --load` creates.
    case sqlite(String)
    /// A `postgres://` URL of a PostgreSQL `sync_db`.
    case postgres(PostgresConfiguration)
    /// A `mongodb://` URL of a MongoDB `sync_db`; the database is the URL's path, else `sync_db`.
    case mongo(MongoConfiguration)

    /// Reads the `--input` text: a URL by its scheme, else a folder or a SQLite file on disk.
    public init(text: String) throws {
        let lowered = text.lowercased()
        if lowered.hasPrefix("postgres://") || lowered.hasPrefix("postgresql://") {
            self = .postgres(try PostgresConfiguration(url: text))
            return
        }
        if lowered.hasPrefix("mongodb://") || lowered.hasPrefix("mongodb+srv://") {
            self = .mongo(Self.mongoConfiguration(url: text))
            return
        }
        var status = stat()
        guard stat(text, &status) == 0 else { throw BatchInputError.notFound(text) }
        if status.st_mode & S_IFMT == S_IFDIR {
            self = .dumpFolder(text)
            return
        }
        guard status.st_mode & S_IFMT == S_IFREG, Self.isSQLiteFile(text) else { throw BatchInputError.unknownKind(text) }
        self = .sqlite(text)
    }

    /// Text for the summary line, without passwords.
    public var displayName: String {
        switch self {
        case let .dumpFolder(path), let .sqlite(path): return path
        case let .postgres(configuration): return "PostgreSQL \(configuration.endpoint)"
        case let .mongo(configuration): return "MongoDB \(configuration.endpoint)/\(configuration.database)"
        }
    }

    /// Splits the database name off the URL path: `mongodb://h:27017/sync_db?x=1` reads `sync_db`.
    static func mongoConfiguration(url: String) -> MongoConfiguration {
        let schemeEnd = url.range(of: "://").map(\.upperBound) ?? url.startIndex
        let rest = url[schemeEnd...]
        guard let slash = rest.firstIndex(of: "/") else { return MongoConfiguration(uri: url, database: "sync_db") }
        let afterSlash = rest[rest.index(after: slash)...]
        let name = afterSlash.prefix { $0 != "?" }
        let options = afterSlash.dropFirst(name.count)
        let base = String(url[..<slash]) + "/" + options
        return MongoConfiguration(uri: base, database: name.isEmpty ? "sync_db" : String(name))
    }

    static func isSQLiteFile(_ path: String) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        let head = (try? handle.read(upToCount: 16)) ?? Data()
        return head.starts(with: Array("SQLite format 3".utf8))
    }
}

/// An `--input` that names nothing `credeau extract` can read.
public enum BatchInputError: CredeauError {
    case notFound(String)
    case unknownKind(String)
    case standardInput
    /// A database that contains none of the `sync_db` tables or collections.
    case noSyncData(String)
    /// A MongoDB failure whose usual hint names the `DI_MONGODB_*` variables, which `--input` does not use.
    case mongoURL(MongoError)

    public var description: String {
        switch self {
        case let .notFound(path):
            return "Input '\(path)' not found. Pass a dump folder, a SQLite file, a postgres:// URL or a mongodb:// URL"
        case let .unknownKind(path):
            return "Input '\(path)' is neither a dump folder nor a SQLite file. Pass a dump folder, a SQLite file, "
                + "a postgres:// URL or a mongodb:// URL (single collection files are read with --sms)"
        case .standardInput:
            return "Features are read from a dump folder or a database, not from standard input; use --sms for '-'"
        case let .noSyncData(input):
            return "\(input) has none of the sync_db tables or collections (\(SyncDBCollection.all[0].name) …). "
                + "Check that --input names the sync_db database, or load dump files into it with 'credeau migrate --load'"
        case let .mongoURL(error):
            return error.descriptionForURL
        }
    }

    public var exitCode: Int32 {
        if case let .mongoURL(error) = self { return error.exitCode }
        return ExitStatus.usage
    }
}
