#if canImport(Glibc)
import Glibc
#endif

/// A regular file opened for reading, with sequential and positioned reads.
final class InputFile {
    private let descriptor: Int32
    /// The path shown in messages (`<stdin>` for spooled standard input).
    let displayName: String
    let path: String
    let size: Int64

    init(path: String, displayName: String) throws {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            let code = errno
            if code == ENOENT { throw SMSInputError.notFound(path: displayName) }
            throw SMSInputError.unreadable(path: displayName, reason: Self.errorText(code))
        }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            let code = errno
            close(descriptor)
            throw SMSInputError.unreadable(path: displayName, reason: Self.errorText(code))
        }
        guard (status.st_mode & S_IFMT) == S_IFREG else {
            close(descriptor)
            throw SMSInputError.unreadable(path: displayName, reason: "not a regular file")
        }
        self.descriptor = descriptor
        self.displayName = displayName
        self.path = path
        self.size = Int64(status.st_size)
    }

    deinit {
        close(descriptor)
    }

    /// Reads up to `buffer.count` bytes at `offset`; returns how many were read (0 at end of file).
    func read(into buffer: UnsafeMutableRawBufferPointer, at offset: Int64) throws -> Int {
        guard let base = buffer.baseAddress else { return 0 }
        var total = 0
        while total < buffer.count {
            let count = pread(descriptor, base + total, buffer.count - total, off_t(offset) + off_t(total))
            if count < 0 {
                if errno == EINTR { continue }
                throw SMSInputError.readFailed(path: displayName, reason: Self.errorText(errno))
            }
            if count == 0 { break }
            total += count
        }
        return total
    }

    /// Reads exactly `length` bytes at `offset` into a new array, or fewer at end of file.
    func readBytes(at offset: Int64, length: Int) throws -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: length)
        let count = try bytes.withUnsafeMutableBytes { try read(into: $0, at: offset) }
        if count < length { bytes.removeLast(length - count) }
        return bytes
    }

    static func errorText(_ code: Int32) -> String {
        String(cString: strerror(code))
    }
}

@available(*, unavailable, message: "An input file is read by one thread at a time")
extension InputFile: Sendable {}
