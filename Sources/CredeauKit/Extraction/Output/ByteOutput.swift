#if canImport(Glibc)
import Glibc
#endif

/// A buffered byte sink on a file descriptor: standard output, or a file created (truncated) at a path.
public final class ByteOutput {
    private let descriptor: Int32
    private let ownsDescriptor: Bool
    public let displayName: String
    private var buffer: [UInt8] = []
    private let flushThreshold = 256 * 1024

    /// Opens `path` for writing, or standard output for `-`.
    public init(path: String) throws {
        if path == "-" {
            descriptor = 1
            ownsDescriptor = false
            displayName = "<stdout>"
        } else {
            let opened = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
            guard opened >= 0 else {
                throw ExtractOutputError.cannotCreate(path: path, reason: String(cString: strerror(errno)))
            }
            descriptor = opened
            ownsDescriptor = true
            displayName = path
        }
        buffer.reserveCapacity(flushThreshold + 64 * 1024)
    }

    deinit {
        if ownsDescriptor { close(descriptor) }
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
}

@available(*, unavailable, message: "An output is written by one thread at a time")
extension ByteOutput: Sendable {}
