import Synchronization

/// Request counters, a latency histogram and service counters, rendered in the Prometheus text
/// exposition format (version 0.0.4).
public final class HTTPMetrics: Sendable {
    /// Upper bounds of the latency histogram buckets, in seconds.
    public static let latencyBuckets: [Double] = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]

    private struct State {
        var requests: [String: Int] = [:]
        var bucketCounts = [Int](repeating: 0, count: HTTPMetrics.latencyBuckets.count)
        var latencyCount = 0
        var latencySum = 0.0
        var counters: [String: (help: String, value: Int)] = [:]
    }

    private let state = Mutex(State())
    private let inFlight = Atomic<Int>(0)
    /// Client connections open now, as `HTTPServer` counts them.
    private let openConnections = Atomic<Int>(0)
    /// The connection limit in force, set by `HTTPServer.start`; 0 before.
    private let connectionLimit = Atomic<Int>(0)
    /// Connections closed as soon as they were accepted because `maxConnections` was reached.
    private let rejectedAtLimit = Atomic<Int>(0)
    /// The same, because the client's address had `maxConnectionsPerClient` connections open.
    private let rejectedPerClient = Atomic<Int>(0)
    /// Prefix of every metric name (`credeau_sms`).
    public let namespace: String

    public init(namespace: String) {
        self.namespace = namespace
    }

    public func requestStarted() { inFlight.add(1, ordering: .relaxed) }

    public func requestFinished(route: String, method: String, status: Int, seconds: Double) {
        inFlight.subtract(1, ordering: .relaxed)
        let key = "path=\"\(route)\",method=\"\(Self.methodLabel(method))\",status=\"\(status)\""
        state.withLock { state in
            state.requests[key, default: 0] += 1
            state.latencyCount += 1
            state.latencySum += seconds
            for (index, bound) in Self.latencyBuckets.enumerated() where seconds <= bound {
                state.bucketCounts[index] += 1
            }
        }
    }

    /// Returns the method's label: its name for the methods of RFC 9110 and PATCH, else `OTHER`,
    /// so a client that invents methods cannot add series without end.
    static func methodLabel(_ method: String) -> String {
        switch method {
        case "GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS", "TRACE", "PATCH": return method
        default: return "OTHER"
        }
    }

    func connectionOpened() { openConnections.add(1, ordering: .relaxed) }

    func connectionClosed() { openConnections.subtract(1, ordering: .relaxed) }

    func setConnectionLimit(_ limit: Int) { connectionLimit.store(limit, ordering: .relaxed) }

    func connectionRejected(_ reason: ConnectionRejection) {
        switch reason {
        case .maxConnections: rejectedAtLimit.add(1, ordering: .relaxed)
        case .maxConnectionsPerClient: rejectedPerClient.add(1, ordering: .relaxed)
        }
    }

    /// Adds `amount` to a service counter such as `sms_extracted_total`.
    public func increment(_ name: String, by amount: Int = 1, help: String) {
        state.withLock { state in
            let current = state.counters[name]?.value ?? 0
            state.counters[name] = (help, current + amount)
        }
    }

    public func render() -> String {
        let snapshot = state.withLock { $0 }
        let prefix = namespace
        var text = "# HELP \(prefix)_http_requests_total HTTP requests by route, method and status.\n"
        text += "# TYPE \(prefix)_http_requests_total counter\n"
        for key in snapshot.requests.keys.sorted() {
            text += "\(prefix)_http_requests_total{\(key)} \(snapshot.requests[key] ?? 0)\n"
        }
        text += "# HELP \(prefix)_http_request_duration_seconds Time from the last body byte to the response.\n"
        text += "# TYPE \(prefix)_http_request_duration_seconds histogram\n"
        for (index, bound) in Self.latencyBuckets.enumerated() {
            text += "\(prefix)_http_request_duration_seconds_bucket{le=\"\(bound)\"} \(snapshot.bucketCounts[index])\n"
        }
        text += "\(prefix)_http_request_duration_seconds_bucket{le=\"+Inf\"} \(snapshot.latencyCount)\n"
        text += "\(prefix)_http_request_duration_seconds_sum \(snapshot.latencySum)\n"
        text += "\(prefix)_http_request_duration_seconds_count \(snapshot.latencyCount)\n"
        text += "# HELP \(prefix)_http_requests_in_flight Requests being handled now.\n"
        text += "# TYPE \(prefix)_http_requests_in_flight gauge\n"
        text += "\(prefix)_http_requests_in_flight \(inFlight.load(ordering: .relaxed))\n"
        text += "# HELP \(prefix)_http_connections_open Client connections open now.\n"
        text += "# TYPE \(prefix)_http_connections_open gauge\n"
        text += "\(prefix)_http_connections_open \(openConnections.load(ordering: .relaxed))\n"
        text += "# HELP \(prefix)_http_connections_max Client connections allowed at once (HTTP_MAX_CONNECTIONS).\n"
        text += "# TYPE \(prefix)_http_connections_max gauge\n"
        text += "\(prefix)_http_connections_max \(connectionLimit.load(ordering: .relaxed))\n"
        text += "# HELP \(prefix)_http_connections_rejected_total Connections closed on accept because a limit was reached.\n"
        text += "# TYPE \(prefix)_http_connections_rejected_total counter\n"
        let rejected = [(ConnectionRejection.maxConnections, rejectedAtLimit.load(ordering: .relaxed)),
                        (.maxConnectionsPerClient, rejectedPerClient.load(ordering: .relaxed))]
        for (reason, count) in rejected {
            text += "\(prefix)_http_connections_rejected_total{reason=\"\(reason.rawValue)\"} \(count)\n"
        }
        for name in snapshot.counters.keys.sorted() {
            guard let counter = snapshot.counters[name] else { continue }
            text += "# HELP \(prefix)_\(name) \(counter.help)\n# TYPE \(prefix)_\(name) counter\n"
            text += "\(prefix)_\(name) \(counter.value)\n"
        }
        return text
    }
}

/// The reason `HTTPServer` closed a connection as soon as it accepted it.
enum ConnectionRejection: String, Sendable {
    /// `HTTPConnectionLimits.maxConnections` connections were open.
    case maxConnections = "max_connections"
    /// The client's address had `HTTPConnectionLimits.maxConnectionsPerClient` connections open.
    case maxConnectionsPerClient = "max_connections_per_client"
}
