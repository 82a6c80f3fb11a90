#if canImport(Glibc)
import Glibc
#endif

/// How many client connections the HTTP server keeps open, and for how long an idle one.
public struct HTTPConnectionLimits: Sendable, Equatable {
    /// Open connections at most; past it a new connection is closed as soon as it is accepted.
    public var maxConnections = 10_000
    /// Open connections from one client address at most (0: no such limit), so that one client
    /// cannot take every connection and a liveness probe from another address still gets one.
    public var maxConnectionsPerClient = 5_000
    /// Seconds without a byte received or sent after which a connection is closed, whether it
    /// waits between requests or stopped in the middle of one. A running handler does not count.
    public var idleTimeoutSeconds = 15

    public init() {}

    /// Descriptors kept free for everything else the process opens: database and MongoDB
    /// connections, SMS Extraction API calls, SQLite files, libmicrohttpd's epoll and wake-up
    /// descriptors. An estimate with a margin for the default pool sizes.
    public static let reservedDescriptors = 256
}

/// The process's limit on open file descriptors (`RLIMIT_NOFILE`), which bounds its connections.
public struct OpenFileLimit: Sendable, Equatable {
    /// The limit in force: opening more descriptors fails with EMFILE.
    public var soft: UInt64
    /// The maximum an unprivileged process may raise `soft` to.
    public var hard: UInt64
    /// `soft` before `raise(toAtLeast:)` changed it.
    public var previousSoft: UInt64

    /// Returns the current limits.
    public static func current() -> OpenFileLimit {
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0 else {
            return OpenFileLimit(soft: 1024, hard: 1024, previousSoft: 1024)
        }
        return OpenFileLimit(soft: UInt64(limit.rlim_cur), hard: UInt64(limit.rlim_max),
                             previousSoft: UInt64(limit.rlim_cur))
    }

    /// Raises the soft limit to `needed`, or to the hard limit when that is lower, and returns the
    /// limits then in force. A soft limit already at or above `needed` stays as it is.
    public static func raise(toAtLeast needed: UInt64) -> OpenFileLimit {
        var result = current()
        guard result.soft < needed else { return result }
        var limit = rlimit()
        limit.rlim_cur = rlim_t(min(needed, result.hard))
        limit.rlim_max = rlim_t(result.hard)
        if setrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0 {
            result.soft = UInt64(limit.rlim_cur)
        }
        return result
    }

    /// Returns a limit as log text, `unlimited` for RLIM_INFINITY (all bits set on Linux).
    static func text(_ value: UInt64) -> String {
        value == UInt64.max ? "unlimited" : String(value)
    }
}
