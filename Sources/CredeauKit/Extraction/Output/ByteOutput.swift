#if canImport(Glibc)
import Glibc
#endif

/// A buffered byte sink on a file descriptor: standard output, or a file at a path.
///
/// A regular file (or a path with no file yet) is written beside its target, as a hidden
/// temporary file in the same directory, and renamed over the target by `finish()`. A run that
/// fails before then leaves an existing file as it was, and the temporary file is removed.
/// Other files (`/dev/null`, a pipe, a terminal) are written in place.
public final class ByteOutput {
    private let descriptor: Int32
    private let ownsDescriptor: Bool
    public let displayName: String
    private var buffer: [UInt8] = []
    private let flushThreshold = 256 * 1024
    /// The temporary file and the path it replaces, until `finish()` renames it.
    private var pending: (temporary: String, target: String)?

    /// Opens `path` for writing, or standard output for `-`.
    public init(path: String) throws {
        if path == "-" {
            descriptor = 1
            ownsDescriptor = false
            displayName = "<stdout>"
        } else {
            displayName = path
            ownsDescriptor = true
            if let target = Self.replaceableTarget(path), let temporary = Self.openTemporary(beside: target) {
                descriptor = temporary.descriptor
                pending = (temporary.path, target)
                // A signal that ends the run removes the partial output too.
                TemporaryFileCleanup.register(temporary.path)
            } else {
                let opened = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
                guard opened >= 0 else {
                    throw ExtractOutputError.cannotCreate(path: path, reason: String(cString: strerror(errno)))
                }
                descriptor = opened
            }
        }
        buffer.reserveCapacity(flushThreshold + 64 * 1024)
    }

    deinit {
        if ownsDescriptor { close(descriptor) }
        if let pending {
            unlink(pending.temporary)
            TemporaryFileCleanup.unregister(pending.temporary)
        }
    }

    /// Appends bytes through `body`, flushing when the buffer is full.
    public func append(_ body: (inout [UInt8]) -> Void) throws {
        body(&buffer)
        if buffer.count >= flushThreshold { try flush() }
    }

    public func flush() throws {
        var offset = 0
        try buffer.withUnsafeBytes { bytes in
            while offset < bytes.count {
                let written = write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                if written < 0 && errno == EINTR { continue }
                guard written > 0 else {
                    throw ExtractOutputError.writeFailed(path: displayName, reason: String(cString: strerror(errno)))
                }
                offset += written
            }
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Flushes and, for a file written beside its target, renames it over the target. Nothing
    /// may be appended afterwards.
    public func finish() throws {
        try flush()
        guard let pending else { return }
        guard rename(pending.temporary, pending.target) == 0 else {
            throw ExtractOutputError.writeFailed(path: displayName, reason: String(cString: strerror(errno)))
        }
        TemporaryFileCleanup.unregister(pending.temporary)
        self.pending = nil
    }

    /// Returns the file a temporary file should replace: `path` itself when it is a regular file
    /// or does not exist, the file a symbolic link points to when that is a regular file, and nil
    /// for anything else.
    private static func replaceableTarget(_ path: String) -> String? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return errno == ENOENT ? path : nil }
        if info.st_mode & S_IFMT == S_IFREG { return path }
        guard info.st_mode & S_IFMT == S_IFLNK, let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        let target = String(cString: resolved)
        guard stat(target, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        return target
    }

    /// Creates a hidden file in `target`'s directory with `target`'s permissions (0644 less the
    /// umask for a new file). Returns nil when it cannot, and the caller then opens `target`.
    private static func openTemporary(beside target: String) -> (path: String, descriptor: Int32)? {
        let slash = target.lastIndex(of: "/")
        let directory = slash.map { String(target[...$0]) } ?? ""
        let name = slash.map { String(target[target.index(after: $0)...]) } ?? target
        var existing = stat()
        let mode = stat(target, &existing) == 0 ? existing.st_mode & 0o7777 : 0o644
        for attempt in 0..<8 {
            let path = "\(directory).\(name).\(getpid())-\(attempt).tmp"
            let opened = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
            if opened >= 0 {
                // The mode given to open is reduced by the umask; an existing target keeps its own.
                if stat(target, &existing) == 0 { fchmod(opened, mode) }
                return (path, opened)
            }
            guard errno == EEXIST else { return nil }
        }
        return nil
    }
}

@available(*, unavailable, message: "An output is written by one thread at a time")
extension ByteOutput: Sendable {}
