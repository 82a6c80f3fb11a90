import Foundation
import Dispatch
import Synchronization

/// The request path shared by both services: request ids, gzip in and out, the body limit,
/// routing, middleware, error mapping, access logs and metrics.
public final class HTTPApplication: Sendable {
    private let router: Router
    private let middleware: [any HTTPMiddleware]
    /// Also receives libmicrohttpd's own messages, through `HTTPServer`.
    let logger: Logger
    public let metrics: HTTPMetrics
    private let requestCounter = Atomic<UInt64>(0)
    private let requestIDPrefix: String

    /// Bodies at least this large are gzipped when the client accepts gzip.
    public let minimumCompressedBytes = 1024

    public init(router: Router, middleware: [any HTTPMiddleware] = [], logger: Logger, metrics: HTTPMetrics) {
        self.router = router
        self.middleware = middleware
        self.logger = logger
        self.metrics = metrics
        var generator = SystemRandomNumberGenerator()
        self.requestIDPrefix = String(UInt32.random(in: 0...UInt32.max, using: &generator), radix: 16)
    }

    /// Makes a request id from a random 32-bit per-process prefix and a counter, so ids from
    /// different replicas rarely collide.
    public func makeRequestID() -> String {
        let sequence = requestCounter.add(1, ordering: .relaxed).newValue
        return "\(requestIDPrefix)-\(String(sequence, radix: 16))"
    }

    /// Produces the response for one fully read request. With `rejection`, the response is that
    /// error instead of the handler's, logged and counted like any other. The server rejects
    /// requests this way while it stops and when it buffers too many bodies.
    public func respond(to request: HTTPRequest, bodyTooLarge: Bool, maxBodyBytes: Int,
                        rejection: HTTPError? = nil) -> HTTPResponse {
        let started = DispatchTime.now().uptimeNanoseconds
        metrics.requestStarted()
        let requestID = Self.acceptedRequestID(request.header("x-request-id")) ?? makeRequestID()
        var context = RequestContext(requestID: requestID, logger: logger.with(LogKey.requestID, requestID),
                                     route: "unmatched")

        var response = rejection.map { $0.response(requestID: requestID) }
            ?? produce(request, bodyTooLarge: bodyTooLarge, maxBodyBytes: maxBodyBytes, context: &context)
        // A 422 body builder sets the header too; one copy is kept.
        response.headers.removeAll { $0.0.lowercased() == "x-request-id" }
        response.headers.append(("X-Request-ID", requestID))
        if response.body.count >= minimumCompressedBytes, response.header("content-encoding") == nil,
           AcceptEncoding.acceptsGzip(request.header("accept-encoding")) {
            let compressed = Gzip.compress(response.body)
            if !compressed.isEmpty && compressed.count < response.body.count {
                response.body = compressed
                response.headers.append(("Content-Encoding", "gzip"))
                response.headers.append(("Vary", "Accept-Encoding"))
            }
        }

        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        metrics.requestFinished(route: context.route, method: request.method, status: response.status, seconds: seconds)
        logger.info("request", [
            (LogKey.requestID, requestID), (LogKey.httpMethod, request.method), (LogKey.httpPath, request.path),
            (LogKey.httpStatus, String(response.status)), (LogKey.durationMs, String(Int((seconds * 1000).rounded()))),
            ("http.response_bytes", String(response.body.count)), ("client.ip", request.clientAddress),
        ])
        return response
    }

    private func produce(_ request: HTTPRequest, bodyTooLarge: Bool, maxBodyBytes: Int,
                         context: inout RequestContext) -> HTTPResponse {
        if bodyTooLarge {
            return HTTPError(413, "Request body is larger than the limit of \(maxBodyBytes) bytes")
                .response(requestID: context.requestID)
        }
        var request = request
        if let header = request.header("content-encoding") {
            // The codings in the order they were applied (RFC 9110 section 8.4), so `gzip, gzip` is
            // undone twice. x-gzip is an older name of the gzip coding, which HTTP recipients treat
            // as gzip, and identity changes nothing.
            let codings = header.lowercased().split(separator: ",")
                .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty && $0 != "identity" }
            if let other = codings.first(where: { $0 != "gzip" && $0 != "x-gzip" }) {
                return HTTPError(415, "Unsupported Content-Encoding '\(other)'; send gzip or no encoding")
                    .response(requestID: context.requestID)
            }
            // Each layer may inflate up to the limit, so the layers are few.
            guard codings.count <= Self.maxGzipLayers else {
                return HTTPError(415, "Content-Encoding lists gzip \(codings.count) times; send it at most "
                                 + "\(Self.maxGzipLayers) times").response(requestID: context.requestID)
            }
            do {
                for _ in codings { request.body = try Gzip.decompress(request.body, maxBytes: maxBodyBytes) }
            } catch .tooLarge {
                return HTTPError(413, "Decompressed request body is larger than the limit of \(maxBodyBytes) bytes")
                    .response(requestID: context.requestID)
            } catch {
                return HTTPError(400, "Request body is not valid gzip").response(requestID: context.requestID)
            }
        }

        let handler: HTTPHandler
        switch router.match(method: request.method, path: request.path) {
        case let .found(found, route):
            handler = found
            context.route = route
        case let .methodNotAllowed(allowed):
            return HTTPError(405, "Method \(request.method) is not allowed on \(request.path)",
                             headers: [("Allow", allowed.joined(separator: ", "))]).response(requestID: context.requestID)
        case .notFound:
            return HTTPError(404, "Not found: \(request.path)").response(requestID: context.requestID)
        }

        let chain = middleware.reversed().reduce(handler) { next, layer in
            { request, context in try layer.handle(request, context: context, next: next) }
        }
        do {
            return try chain(request, context)
        } catch let error as any HTTPResponseError {
            if error.status >= 500 {
                context.logger.error("request failed", [(LogKey.httpStatus, String(error.status)), (LogKey.error, "\(error)")])
            }
            return error.response(requestID: context.requestID)
        } catch let error as any CredeauError where error.httpStatus == 503 {
            // A database or upstream service is down: the client may retry, and the body does
            // not leak connection details.
            context.logger.error("service unavailable", [(LogKey.error, error.description)])
            return HTTPError(503, "A backing service is unavailable; retry later", headers: [("Retry-After", "5")])
                .response(requestID: context.requestID)
        } catch {
            context.logger.error("unexpected error", [(LogKey.error, "\(error)")])
            return HTTPError(500, "Internal server error; quote request_id \(context.requestID) when reporting it")
                .response(requestID: context.requestID)
        }
    }

    /// The maximum number of gzip layers of a request body (`Content-Encoding: gzip, gzip`).
    static let maxGzipLayers = 2

    /// Keeps a client-supplied request id only when it is short and plain, so it cannot
    /// inject text into logs.
    static func acceptedRequestID(_ value: String?) -> String? {
        guard let value, !value.isEmpty, value.utf8.count <= 128,
              value.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "\"") })
        else { return nil }
        return value
    }
}
