import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The resolved input of an extraction: one regular file and its format.
///
/// A dump folder resolves to its SMS collection file. Standard input (`-`) and other streams
/// (a named pipe, `<(zcat dump.json.gz)`) are copied to a temporary file first, because grouping
/// SMS by user reads the input twice.
final class SMSInputSource {
    let file: InputFile
    let format: SMSInputFormat
    private let temporaryPath: String?

    /// Opens `path`: a file, a dump folder, a stream, or `-` for standard input.
    init(path: String) throws {
        var resolved = path
        var displayName = path
        var temporaryPath: String?
        if path == "-" {
            temporaryPath = try Self.spool(descriptor: 0, displayName: "<stdin>")
            displayName = "<stdin>"
        } else {
            var status = stat()
            guard stat(path, &status) == 0 else {
                if errno == ENOENT || errno == ENOTDIR { throw SMSInputError.notFound(path: path) }
                throw SMSInputError.unreadable(path: path, reason: InputFile.errorText(errno))
            }
            switch status.st_mode & S_IFMT {
            case S_IFDIR:
                resolved = try Self.collectionFile(inFolder: path)
                displayName = resolved
            case S_IFREG:
                break
            default:
                temporaryPath = try Self.spoolStream(at: path)
            }
        }
        if let temporaryPath { resolved = temporaryPath }
        do {
            file = try InputFile(path: resolved, displayName: displayName)
            format = try SMSInputFormat.detect(file: file, path: temporaryPath == nil ? resolved : "")
        } catch {
            if let temporaryPath {
                unlink(temporaryPath)
                TemporaryFileCleanup.unregister(temporaryPath)
            }
            throw error
        }
        self.temporaryPath = temporaryPath
    }

    deinit {
        if let temporaryPath {
            unlink(temporaryPath)
            TemporaryFileCleanup.unregister(temporaryPath)
        }
    }

    /// Finds the SMS collection file of a `mongoexport` or `mongodump` folder.
    ///
    /// `mongodump` writes `<out>/sync_db/<collection>.bson`, so the `sync_db` subfolder is searched too.
    /// JSON wins over BSON when a folder contains both.
    static func collectionFile(inFolder folder: String) throws -> String {
        let base = folder.hasSuffix("/") ? String(folder.dropLast()) : folder
        var gzipped: String?
        for directory in [base, base + "/sync_db"] {
            for fileExtension in ["json", "jsonl", "bson"] {
                let candidate = "\(directory)/\(SyncCollection.sms).\(fileExtension)"
                var isFolder: ObjCBool = false
                if FileManager.default.fileExists(atPath: candidate, isDirectory: &isFolder), !isFolder.boolValue {
                    return candidate
                }
                if gzipped == nil, FileManager.default.fileExists(atPath: candidate + ".gz") { gzipped = candidate + ".gz" }
            }
        }
        throw SMSInputError.noSMSCollection(folder: folder, gzipped: gzipped)
    }

    private static func spoolStream(at path: String) throws -> String {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw SMSInputError.unreadable(path: path, reason: InputFile.errorText(errno)) }
        defer { close(descriptor) }
        return try spool(descriptor: descriptor, displayName: path)
    }

    /// Copies a stream to a new temporary file and returns the file's path; the caller removes it
    /// and calls `TemporaryFileCleanup.unregister(_:)`. A signal during the run removes it too.
    private static func spool(descriptor input: Int32, displayName: String) throws -> String {
        let folder = ProcessInfo.processInfo.environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        // The process id keeps another run's file out of reach of this run's signal handler.
        let created = TemporaryFileCleanup.createTracked({ _ in
            "\(folder)/credeau-input-\(getpid())-\(String(UInt32.random(in: 0...UInt32.max), radix: 36))"
        }, flags: O_RDWR, mode: 0o600)
        let path: String, descriptor: Int32
        switch created {
        case let .success(file):
            (path, descriptor) = (file.path, file.descriptor)
        case let .failure(failure):
            throw SMSInputError.spoolFailed(reason: InputFile.errorText(failure.code))
        }
        defer { close(descriptor) }

        let chunkSize = 1 << 20
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: chunkSize, alignment: 16)
        defer { buffer.deallocate() }
        while true {
            let count = Glibc.read(input, buffer, chunkSize)
            if count < 0 && errno == EINTR { continue }
            if count < 0 {
                let reason = InputFile.errorText(errno)
                unlink(path)
                TemporaryFileCleanup.unregister(path)
                throw SMSInputError.readFailed(path: displayName, reason: reason)
            }
            if count == 0 { break }
            var written = 0
            while written < count {
                let result = write(descriptor, buffer + written, count - written)
                if result < 0 && errno == EINTR { continue }
                if result <= 0 {
                    let reason = InputFile.errorText(errno)
                    unlink(path)
                    TemporaryFileCleanup.unregister(path)
                    throw SMSInputError.spoolFailed(reason: reason)
                }
                written += result
            }
        }
        return path
    }
}

@available(*, unavailable, message: "An input source is read by one thread at a time")
extension SMSInputSource: Sendable {}
