/// The routes every service shares: liveness, readiness, Prometheus metrics and the OpenAPI
/// document.
public enum OperationalRoutes {
    /// Adds `GET /health`, `GET /ready` and `GET /metrics`.
    ///
    /// - Parameters:
    ///   - dependency: what `checkReady` reaches, named in the 503 answer (`database`).
    ///   - checkReady: throws when the service cannot do its work, such as when the database is
    ///     unreachable; `/ready` then answers 503 with `Retry-After`.
    public static func add(to router: inout Router, metrics: HTTPMetrics, dependency: String,
                           checkReady: @escaping @Sendable () throws -> Void) {
        // Liveness only: the process answers. A database outage must not make the orchestrator
        // restart every replica.
        router.get("/health") { _, _ in
            .json(200, .object([("status", .string("ok"))]))
        }
        router.get("/ready") { _, context in
            do {
                try checkReady()
                return .json(200, .object([("status", .string("ready"))]))
            } catch {
                context.logger.warning("readiness check failed", [("dependency", dependency), (LogKey.error, "\(error)")])
                return .json(503, .object([
                    ("status", .string("unavailable")), ("error", .string("\(dependency) is unreachable")),
                    ("request_id", .string(context.requestID)),
                ]), headers: [("Retry-After", "5")])
            }
        }
        router.get("/metrics") { _, _ in
            .text(200, metrics.render(), contentType: "text/plain; version=0.0.4; charset=utf-8")
        }
    }

    /// Adds `GET /openapi.json`, answering `document` (OpenAPI 3 JSON) as it is.
    public static func addOpenAPI(to router: inout Router, document: String) {
        let body = Array(document.utf8)
        router.get("/openapi.json") { _, _ in
            .json(200, body)
        }
    }
}
