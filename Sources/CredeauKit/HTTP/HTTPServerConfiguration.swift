import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Failure to start or run the HTTP server.
public enum HTTPServerError: CredeauError {
    /// `reason` is libmicrohttpd's message, such as "Failed to bind to port 8082: Address already in use".
    case startFailed(host: String, port: Int, reason: String?)
    case invalidHost(String)

    public var description: String {
        switch self {
        case let .startFailed(host, port, reason):
            let cause = reason ?? "the port is in use or not permitted"
            return "Cannot listen on \(host):\(port): \(cause). Choose another port with --port"
        case let .invalidHost(host):
            return "Invalid listen address '\(host)': expected an IPv4 address such as 0.0.0.0 or 127.0.0.1"
        }
    }
}

/// Settings of the HTTP server.
public struct HTTPServerConfiguration: Sendable {
    public var host: String = "0.0.0.0"
    public var port: Int = 8000
    /// Threads that run request handlers, and as many libmicrohttpd I/O threads.
    public var threads: Int = max(2, ProcessInfo.processInfo.activeProcessorCount * 2)
    /// Largest request body accepted, after gunzip; larger bodies get 413.
    public var maxBodyBytes: Int = 16 * 1024 * 1024
    /// Seconds of inactivity after which a connection is closed, so a slow client cannot hold
    /// a worker: `HTTPConnectionLimits.idleTimeoutSeconds`.
    public var connectionTimeoutSeconds: Int = HTTPConnectionLimits().idleTimeoutSeconds
    /// Open client connections at most (`HTTPConnectionLimits.maxConnections`). The server lowers
    /// it when the open file limit cannot be raised far enough.
    public var maxConnections: Int = HTTPConnectionLimits().maxConnections
    /// Open connections from one client address at most; 0 sets no such limit.
    public var maxConnectionsPerClient: Int = HTTPConnectionLimits().maxConnectionsPerClient
    /// Largest total of request-body bytes buffered at once across connections, counted as the
    /// bytes arrive. A request whose body would pass it gets 503 with `Retry-After`, which bounds
    /// memory when many clients send large bodies together. The server raises it to
    /// `maxBodyBytes` when lower, so that one body of the largest allowed size always fits.
    public var maxBufferedBodyBytes: Int = 64 * 1024 * 1024
    /// Paths whose GET and HEAD requests run on the I/O thread that read them instead of a
    /// worker, so that a liveness probe or a metrics scrape gets its response while every worker
    /// waits on a slow call.
    /// Their handlers must be quick and must not block.
    public var inlinePaths: Set<String> = ["/health", "/metrics"]
    /// Seconds between the idle checks after which freed memory goes back to the kernel
    /// (`IdleMemoryTrimmer`); 0 turns the trims off.
    public var memoryTrimIntervalSeconds: Double = 1

    public init() {}

    /// Applies the connection settings that the services read from the environment.
    public mutating func apply(_ limits: HTTPConnectionLimits) {
        maxConnections = limits.maxConnections
        maxConnectionsPerClient = limits.maxConnectionsPerClient
        connectionTimeoutSeconds = limits.idleTimeoutSeconds
    }

    /// Returns whether `host` is an IPv4 address in dotted-quad form, the only kind the server binds to.
    public static func isValidHost(_ host: String) -> Bool {
        var address = in_addr()
        return inet_pton(AF_INET, host, &address) == 1
    }
}
