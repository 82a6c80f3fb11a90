import Foundation

/// Loads a `sync_db` dump folder into a store: one `<collection>.json`, `.jsonl` or `.bson` file
/// per collection, in the folder itself or in its `sync_db/` subfolder (as mongodump writes it).
/// Loading the same dump twice adds nothing the second time.
public struct DumpLoader {
    public let directory: String
    private let logger: Logger

    public init(directory: String, logger: Logger = .discarding) {
        self.directory = directory
        self.logger = logger
    }

    /// The dump files found, as (collection, path) pairs sorted by path.
    public func files() throws -> [(collection: SyncDBCollection, path: String)] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) else {
            throw DumpLoadError.folderNotFound(directory)
        }
        guard isDirectory.boolValue else { throw DumpLoadError.notAFolder(directory) }
        var folders = [directory]
        let nested = (directory as NSString).appendingPathComponent("sync_db")
        if FileManager.default.fileExists(atPath: nested, isDirectory: &isDirectory), isDirectory.boolValue {
            folders.append(nested)
        }
        var found: [(collection: SyncDBCollection, path: String)] = []
        for folder in folders {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
            for name in names.sorted() where Self.extensions.contains((name as NSString).pathExtension) {
                let path = (folder as NSString).appendingPathComponent(name)
                let collectionName = (name as NSString).deletingPathExtension
                guard let collection = SyncDBCollection.named(collectionName) else {
                    if !name.hasSuffix(".metadata.json") {
                        logger.warning("Skipping a dump file that names no sync_db collection", [(LogKey.file, path)])
                    }
                    continue
                }
                found.append((collection, path))
            }
        }
        guard !found.isEmpty else {
            throw DumpLoadError.noDumpFiles(directory, gzipped: Self.gzippedDumpFile(in: folders))
        }
        return found
    }

    /// The first gzip-compressed dump file (`<collection>.json.gz` …) in `folders`, which the
    /// readers do not unpack, for a message that shows how to read it.
    static func gzippedDumpFile(in folders: [String]) -> String? {
        for folder in folders {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
            for name in names.sorted() where name.hasSuffix(".gz") {
                let unpacked = String(name.dropLast(3))
                guard extensions.contains((unpacked as NSString).pathExtension),
                      SyncDBCollection.named((unpacked as NSString).deletingPathExtension) != nil else { continue }
                return (folder as NSString).appendingPathComponent(name)
            }
        }
        return nil
    }

    /// The file extensions of dump files, in the order a folder's files of one collection are
    /// preferred: a JSON export (one document per line or an array) wins over a BSON dump.
    static let extensions = ["json", "jsonl", "bson"]

    /// Returns the one file each collection is read from, as `extract --sms` picks its SMS file:
    /// a file in the folder itself wins over one in its `sync_db/` subfolder, then the extension
    /// listed first in `extensions` wins.
    public func selectedFiles() throws -> [(collection: SyncDBCollection, path: String)] {
        let found = try files()
        let nested = (directory as NSString).appendingPathComponent("sync_db")
        func rank(_ path: String) -> Int {
            let isNested = (path as NSString).deletingLastPathComponent == nested
            return (isNested ? Self.extensions.count : 0)
                + (Self.extensions.firstIndex(of: (path as NSString).pathExtension) ?? 0)
        }
        return found.filter { file in
            let rivals = found.filter { $0.collection.name == file.collection.name }
            return rivals.min { rank($0.path) < rank($1.path) }?.path == file.path
        }
    }

    /// Inserts every document of the dump files whose collection passes `accepts` into `store`,
    /// skipping duplicates.
    ///
    /// Every file is checked before the first insert, so an invalid document (one that `extract`
    /// would reject for its ids or `created_at`) leaves the store as it was. Files are read twice
    /// for that, one at a time, rather than held in memory together.
    public func load(into store: any SyncDBStore, accepting accepts: (SyncDBCollection) -> Bool = { _ in true }) throws
        -> DumpLoadSummary
    {
        // Each collection is loaded from the one file that `extract` reads it from.
        let selected = try selectedFiles().filter { accepts($0.collection) }
        for (collection, path) in selected { _ = try Self.documents(in: path, collection: collection) }

        var summary = DumpLoadSummary()
        for (collection, path) in selected {
            let documents = try Self.documents(in: path, collection: collection)
            var inserted = 0
            for document in documents where try store.insertIfAbsent(document, into: collection) { inserted += 1 }
            summary.add(collection: collection.name, inserted: inserted, skipped: documents.count - inserted)
            logger.info("Loaded dump file", [(LogKey.file, path), (LogKey.count, String(inserted)),
                                             ("skipped", String(documents.count - inserted))])
        }
        return summary
    }

    /// Reads and checks the documents of one dump file.
    ///
    /// - Throws: `DumpLoadError.invalidDocument` naming the document and the field at fault.
    private static func documents(in path: String, collection: SyncDBCollection) throws -> [SyncDBDocument] {
        try DumpReader.documents(atPath: path).enumerated().map { offset, bson in
            func invalid(_ message: String) -> DumpLoadError {
                .invalidDocument(path: path, index: offset + 1, message: message)
            }
            if let problem = bson.structureProblem { throw invalid(problem) }
            // The synced sources' headers must read as `extract` reads them: both ids and a valid
            // created_at, else the stored row would have no owner or a sync time no reader accepts.
            if collection.source != nil, case let .failure(problem) = bson.bytes.withUnsafeBytes({
                DumpUserIndex.user(of: $0, format: .bson)
            }) {
                throw invalid(problem.field.map { "field '\($0)': \(problem.reason)" } ?? problem.reason)
            }
            do {
                return try SyncDBDocument(bson: bson, collection: collection)
            } catch {
                throw invalid("\(error)")
            }
        }
    }
}

/// Documents inserted and skipped per collection by one load.
public struct DumpLoadSummary: Sendable, Equatable, CustomStringConvertible {
    public private(set) var inserted: [String: Int] = [:]
    public private(set) var skipped: [String: Int] = [:]

    mutating func add(collection: String, inserted count: Int, skipped duplicates: Int) {
        inserted[collection, default: 0] += count
        skipped[collection, default: 0] += duplicates
    }

    public var totalInserted: Int { inserted.values.reduce(0, +) }
    public var totalSkipped: Int { skipped.values.reduce(0, +) }

    public var description: String {
        // With MongoDB, each collection goes to one database only, so the other may get none.
        guard !inserted.isEmpty else { return "loaded no documents, as no collection of the dump is kept in this database" }
        let perCollection = inserted.keys.sorted().map { "\($0) +\(inserted[$0] ?? 0)" }.joined(separator: ", ")
        return "loaded \(totalInserted) documents, skipped \(totalSkipped) already present (\(perCollection))"
    }
}

/// A dump folder or file that cannot be loaded.
public enum DumpLoadError: CredeauError {
    case folderNotFound(String)
    case notAFolder(String)
    /// `gzipped` names a compressed dump file found instead, if any.
    case noDumpFiles(String, gzipped: String? = nil)
    case unreadable(path: String, message: String)
    case invalidDocument(path: String, index: Int, message: String)
    /// `smsIndex` is the 1-based position of the SMS holding the value in its document's SMS list.
    case invalidValue(path: String, line: Int, field: String?, message: String, smsIndex: Int? = nil)

    public var description: String {
        switch self {
        case let .folderNotFound(path):
            return "Dump folder '\(path)' not found. Pass the folder that holds the <collection>.json, .jsonl or .bson files"
        case let .notAFolder(path):
            return "'\(path)' is a file, not a folder. Pass the dump folder that holds the <collection>.json, "
                + ".jsonl or .bson files"
        case let .noDumpFiles(path, gzipped?):
            let isSMS = (gzipped as NSString).lastPathComponent.hasPrefix(SyncCollection.sms + ".")
            return "No sync_db dump files in '\(path)' or '\(path)/sync_db', only gzip files such as '\(gzipped)', "
                + "which are not unpacked. Unpack them with gunzip"
                + (isSMS ? ", or read the SMS file from a pipe: credeau extract --sms -i <(zcat \(gzipped))" : "")
        case let .noDumpFiles(path, nil):
            return "No sync_db dump files in '\(path)' or '\(path)/sync_db'. Expected files such as "
                + "sms_sync_request_sms_data.json, sms_sync_request_sms_data.jsonl or sms_sync_request_sms_data.bson"
        case let .unreadable(path, message):
            return "Cannot read dump file '\(path)': \(message)"
        case let .invalidDocument(path, index, message):
            // libbson quotes the character it stopped at, which may be a raw line break.
            return "Invalid document \(index) in dump file '\(path)': \(InputProblem.escapingControls(message))"
        case let .invalidValue(path, line, field, message, smsIndex):
            let place = (smsIndex.map { ", sms \($0)" } ?? "") + (field.map { ", field '\($0)'" } ?? "")
            return "Invalid value in dump file '\(path)' line \(line)\(place): \(message)"
        }
    }

    public var exitCode: Int32 {
        switch self {
        case .invalidDocument, .invalidValue: return ExitStatus.failure
        case .folderNotFound, .notAFolder, .noDumpFiles, .unreadable: return ExitStatus.usage
        }
    }
}
