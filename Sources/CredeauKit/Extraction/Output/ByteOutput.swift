#if canImport(Glibc)
import Glibc
#endif

/// A buffered byte sink on a file descriptor: standard output, or a file at a path.
///
/// A regular file (or a path with no file yet, or a symbolic link to either) is written beside
/// its target, as a hidden temporary file in the same directory, and renamed over the target by
/// `finish()`. A run that fails before then leaves an existing file as it was, and the temporary
/// file is removed. Other files (`/dev/null`, a pipe, a terminal, anything under /dev or /proc)
/// are written in place, and so is a file whose directory takes no new file, with a warning.
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
        } else if let inherited = Self.inheritedDescriptor(path) {
            // The process's own stream, as the shell set it up (appending included).
            descriptor = inherited
            ownsDescriptor = false
            displayName = path
        } else {
            displayName = path
            ownsDescriptor = true
            let target = Self.replaceableTarget(path)
            let temporary = target.map { Self.openTemporary(beside: $0) }
            if let target, case let .success(file) = temporary {
                descriptor = file.descriptor
                // openTemporary tracked the file, so a signal that ends the run removes the partial output too.
                pending = (file.path, target)
            } else {
                // Only a regular file is emptied first, not a device, a pipe or a terminal.
                var info = stat()
                let isRegular = stat(path, &info) != 0 || info.st_mode & S_IFMT == S_IFREG
                let opened = open(path, O_WRONLY | O_CREAT | O_CLOEXEC | (isRegular ? O_TRUNC : 0), 0o644)
                guard opened >= 0 else {
                    throw ExtractOutputError.cannotCreate(path: path, reason: String(cString: strerror(errno)))
                }
                if case let .failure(failure) = temporary {
                    StandardStreams.writeError("Warning: cannot create a temporary file beside '\(path)' ("
                        + String(cString: strerror(failure.code)) + "); writing it in place, so a run that "
                        + "fails leaves it partly written\n")
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

    /// Returns the descriptor that `/dev/stdout`, `/dev/stderr`, `/dev/fd/N` or `/proc/self/fd/N`
    /// names in this process, when it is open. Opening those paths again would start a new file
    /// position, so output redirected with `>>` overwrote the start of the file.
    private static func inheritedDescriptor(_ path: String) -> Int32? {
        let number: Int32?
        switch path {
        case "/dev/stdout": number = 1
        case "/dev/stderr": number = 2
        default:
            let prefix = ["/dev/fd/", "/proc/self/fd/"].first { path.hasPrefix($0) }
            number = prefix.flatMap { Int32(path.dropFirst($0.count)) }
        }
        guard let number, number >= 0, fcntl(number, F_GETFD) != -1 else { return nil }
        return number
    }

    /// Returns the file a temporary file should replace, or nil for a file written in place.
    ///
    /// `path` itself qualifies when it is a regular file or does not exist. A symbolic link is
    /// followed, link by link, to a regular file or a name with no file yet. Anything under /dev
    /// or /proc is written in place: `/dev/stdout` leads through `/proc/self/fd/1` to whatever
    /// file the shell redirected to, and replacing that file lost what the shell wrote around it.
    private static func replaceableTarget(_ path: String) -> String? {
        var current = path
        for _ in 0..<16 {
            guard !current.hasPrefix("/dev/"), !current.hasPrefix("/proc/") else { return nil }
            var info = stat()
            guard lstat(current, &info) == 0 else { return errno == ENOENT ? current : nil }
            switch info.st_mode & S_IFMT {
            case S_IFREG:
                return current
            case S_IFLNK:
                guard let next = linkTarget(current) else { return nil }
                current = next
            default:
                return nil
            }
        }
        return nil
    }

    /// Returns where the symbolic link `path` points, relative targets taken from its directory.
    private static func linkTarget(_ path: String) -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink(path, &buffer, buffer.count - 1)
        guard count > 0 else { return nil }
        let target = String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        if target.hasPrefix("/") { return target }
        guard let slash = path.lastIndex(of: "/") else { return target }
        return String(path[...slash]) + target
    }

    /// Creates a hidden file in `target`'s directory with `target`'s permission bits (0644 less
    /// the umask for a new file), and with its owner when that can be set. The name is short, so
    /// a target name near the file-name limit still gets one. Returns the error number when no
    /// file can be made there.
    private static func openTemporary(beside target: String) -> Result<(path: String, descriptor: Int32), TemporaryFileError> {
        let slash = target.lastIndex(of: "/")
        let directory = slash.map { String(target[...$0]) } ?? ""
        var existing = stat()
        let targetExists = stat(target, &existing) == 0
        // Permission bits only: a set-user-id bit is not handed to a new file.
        let mode = targetExists ? existing.st_mode & 0o777 : 0o644
        let created = TemporaryFileCleanup.createTracked({ "\(directory).credeau-\(getpid())-\($0).tmp" },
                                                        flags: O_WRONLY, mode: mode)
        if case let .success(file) = created, targetExists {
            // The mode given to open is reduced by the umask, so the target's own is set
            // again. Its owner is kept too when this process may set it (as root).
            fchmod(file.descriptor, mode)
            if getuid() == 0 { _ = fchown(file.descriptor, existing.st_uid, existing.st_gid) }
        }
        return created
    }
}

@available(*, unavailable, message: "An output is written by one thread at a time")
extension ByteOutput: Sendable {}
