/// The routes every service shares: liveness, readiness, Prometheus metrics and the OpenAPI
/// document.
public enum OperationalRoutes {
    /// Adds `GET /health`, `GET /ready` and `GET /metrics`.
    ///
    /// - Parameters:
    ///   - dependency: what the checks reach, named in the 503 response (`database`).
    ///   - checks: the backing services `/ready` checks in order. When one throws, `/ready`
    ///     returns 503 with `Retry-After` and logs the name of that check with its error.
    public static func add(to router: inout Router, metrics: HTTPMetrics, dependency: String,
                           checks: [ReadinessCheck]) {
        // Liveness only: the process responds. A database outage must not make the orchestrator
        // restart every replica.
        router.get("/health") { _, _ in
            .json(200, .object([("status", .string("ok"))]))
        }
        router.get("/ready") { _, context in
            for check in checks {
                do {
                    try check.run()
                } catch {
                    context.logger.warning("readiness check failed", [
                        ("dependency", check.name), (LogKey.error, "\(error)"),
                    ])
                    return .json(503, .object([
                        ("status", .string("unavailable")), ("error", .string("\(dependency) is unreachable")),
                        ("request_id", .string(context.requestID)),
                    ]), headers: [("Retry-After", "5")])
                }
            }
            return .json(200, .object([("status", .string("ready"))]))
        }
        router.get("/metrics") { _, _ in
            .text(200, metrics.render(), contentType: "text/plain; version=0.0.4; charset=utf-8")
        }
    }

    /// Adds `GET /openapi.json`, returning `document` (OpenAPI 3 JSON) as it is.
    public static func addOpenAPI(to router: inout Router, document: String) {
        let body = Array(document.utf8)
        router.get("/openapi.json") { _, _ in
            .json(200, body)
        }
    }
}

/// One backing service that `/ready` checks: a name for the log line and a cheap call that
/// throws when the service does not respond.
public struct ReadinessCheck: Sendable {
    public var name: String
    public var run: @Sendable () throws -> Void

    public init(_ name: String, run: @escaping @Sendable () throws -> Void) {
        self.name = name
        self.run = run
    }
}
