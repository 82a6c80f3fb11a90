#if canImport(Glibc)
import Glibc
#endif

/// Unbuffered writes to the process's standard streams through `write(2)`, which Swift 6 allows
/// from any thread (unlike the C `stderr` global).
public enum StandardStreams {
    public static func writeError(_ text: String) {
        write(fileDescriptor: 2, text)
    }

    public static func writeOutput(_ text: String) {
        write(fileDescriptor: 1, text)
    }

    /// True when the descriptor is a terminal, so progress bars are worth drawing.
    public static func isTerminal(_ fileDescriptor: Int32) -> Bool {
        isatty(fileDescriptor) == 1
    }

    private static func write(fileDescriptor: Int32, _ text: String) {
        var text = text
        text.withUTF8 { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = Glibc.write(fileDescriptor, bytes.baseAddress! + offset, bytes.count - offset)
                if written <= 0 {
                    if written < 0 && errno == EINTR { continue }
                    return
                }
                offset += written
            }
        }
    }
}
