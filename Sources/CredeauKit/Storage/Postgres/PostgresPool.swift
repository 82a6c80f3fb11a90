import Dispatch
import Synchronization

/// A small pool of `PostgresConnection`s to one database, safe to share between threads.
///
/// At most `maxConnections` connections exist; a borrower waits up to `waitTimeoutSeconds` for
/// one. Idle connections are kept in a `Mutex`-guarded list, and a connection that broke is
/// closed instead of returned.
public final class PostgresPool: Sendable {
    public let configuration: PostgresConfiguration
    public let maxConnections: Int
    public let waitTimeoutSeconds: Double
    private let idle = Mutex<[PostgresConnection]>([])
    private let slots: DispatchSemaphore
    private let logger: Logger

    public init(configuration: PostgresConfiguration, maxConnections: Int = 10, waitTimeoutSeconds: Double = 30,
                logger: Logger = .discarding) {
        self.configuration = configuration
        self.maxConnections = max(1, maxConnections)
        self.waitTimeoutSeconds = waitTimeoutSeconds
        self.slots = DispatchSemaphore(value: max(1, maxConnections))
        self.logger = logger
    }

    /// Lends a connection to `body` and takes it back afterwards.
    public func withConnection<T>(_ body: (PostgresConnection) throws -> T) throws -> T {
        guard slots.wait(timeout: .now() + waitTimeoutSeconds) == .success else {
            throw PostgresPoolError.timedOut(endpoint: configuration.endpoint, seconds: waitTimeoutSeconds,
                                             maxConnections: maxConnections)
        }
        defer { slots.signal() }
        let connection = try idle.withLock { $0.popLast() }
            ?? PostgresConnection(configuration: configuration, logger: logger)
        defer {
            if connection.isHealthy && !connection.isInTransaction {
                idle.withLock { $0.append(connection) }
            }
        }
        return try body(connection)
    }

    /// Runs one statement on a pooled connection.
    @discardableResult
    public func query(_ query: PostgresQuery) throws -> PostgresRows {
        try withConnection { try $0.query(query) }
    }

    /// Closes every idle connection; borrowed ones close when they come back broken or the pool goes away.
    public func closeIdleConnections() {
        idle.withLock { $0.removeAll() }
    }
}

/// No pooled connection became free in time.
public enum PostgresPoolError: CredeauError {
    case timedOut(endpoint: String, seconds: Double, maxConnections: Int)

    public var description: String {
        switch self {
        case let .timedOut(endpoint, seconds, maxConnections):
            return "Timed out after \(seconds) s waiting for one of \(maxConnections) PostgreSQL connections to "
                + "'\(endpoint)'. Raise the pool size or lower the load"
        }
    }

    public var httpStatus: Int { 503 }
}
