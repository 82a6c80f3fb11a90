/// Handles one request; errors conforming to `HTTPResponseError` choose their answer, anything
/// else becomes a 500.
public typealias HTTPHandler = @Sendable (HTTPRequest, RequestContext) throws -> HTTPResponse

/// Per-request values handed to middleware and handlers.
public struct RequestContext: Sendable {
    public var requestID: String
    /// Logger tagged with `request.id`.
    public var logger: Logger
    /// The matched route pattern (`/api/extract_sms`), or `unmatched`.
    public var route: String
}

/// Maps method and exact path to a handler.
public struct Router: Sendable {
    public enum Match {
        case found(HTTPHandler, route: String)
        case methodNotAllowed(allowed: [String])
        case notFound
    }

    private var routes: [String: [String: HTTPHandler]] = [:]

    public init() {}

    public mutating func add(_ method: String, _ path: String, _ handler: @escaping HTTPHandler) {
        routes[path, default: [:]][method.uppercased()] = handler
    }

    public mutating func get(_ path: String, _ handler: @escaping HTTPHandler) { add("GET", path, handler) }
    public mutating func post(_ path: String, _ handler: @escaping HTTPHandler) { add("POST", path, handler) }

    public func match(method: String, path: String) -> Match {
        let normalised = path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
        guard let methods = routes[normalised] else { return .notFound }
        if let handler = methods[method.uppercased()] {
            return .found(handler, route: normalised)
        }
        if method.uppercased() == "HEAD", let handler = methods["GET"] {
            return .found(handler, route: normalised)
        }
        return .methodNotAllowed(allowed: methods.keys.sorted())
    }
}

/// Code that wraps every request: `handle` calls `next` to continue down the chain.
public protocol HTTPMiddleware: Sendable {
    func handle(_ request: HTTPRequest, context: RequestContext,
                next: (HTTPRequest, RequestContext) throws -> HTTPResponse) throws -> HTTPResponse
}
