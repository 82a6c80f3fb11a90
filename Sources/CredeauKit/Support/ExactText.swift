import Foundation

/// A text that compares and hashes by its UTF-8 bytes, for sets and dictionaries of SMS ids.
///
/// Swift's `String` equality follows Unicode canonical equivalence, so "\u{E9}" and "e\u{301}"
/// are equal strings, while SQLite and PostgreSQL compare ids byte by byte and store both. A
/// `Set<String>` of ids merged two such SMS: both were in the response, but only one was stored.
public struct ExactText: Hashable, Sendable {
    public let text: String

    public init(_ text: String) {
        self.text = text
    }

    @inline(__always)
    public static func == (lhs: ExactText, rhs: ExactText) -> Bool {
        lhs.withBytes { left in
            rhs.withBytes { right in
                left.count == right.count && (left.count == 0 || memcmp(left.baseAddress!, right.baseAddress!, left.count) == 0)
            }
        }
    }

    @inline(__always)
    public func hash(into hasher: inout Hasher) {
        withBytes { bytes in
            hasher.combine(bytes.count)
            hasher.combine(bytes: UnsafeRawBufferPointer(bytes))
        }
    }

    /// Calls `body` with the UTF-8 bytes of `text`, in place for native strings.
    @inline(__always)
    private func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let result = text.utf8.withContiguousStorageIfAvailable(body) { return result }
        return Array(text.utf8).withUnsafeBufferPointer(body)
    }
}
