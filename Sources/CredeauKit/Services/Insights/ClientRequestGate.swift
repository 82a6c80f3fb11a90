/// The checks every client-facing request passes before its handler runs: the per-address
/// limit, the `x-client-id`/`x-auth-token` headers, the body schema and the body's `client_id`.
///
/// Each failure is answered here (429, 401 or 422) and recorded: a `usage` row for every
/// request, and an `unauthorized_requests` row with the token masked for every failed
/// authentication.
struct ClientRequestGate: Sendable {
    let authenticator: ClientAuthenticator
    let rateLimiter: RateLimiter
    let records: RecordWriter

    /// An authenticated request whose body passed `parse`.
    struct Admitted<Body> {
        var clientID: String
        var body: Body
    }

    /// Runs the checks and then `handle`; writes the `usage` row with the final status.
    func serve<Body>(_ request: HTTPRequest, context: RequestContext, apiName: String,
                     parse: ([UInt8]) throws(ValidationError) -> Body, bodyClientID: (Body) -> String,
                     handle: (Admitted<Body>) throws -> HTTPResponse) throws -> HTTPResponse {
        let headerClientID = request.header("x-client-id").flatMap { $0.isEmpty ? nil : $0 }
        var status = 500
        defer {
            records.enqueue(.usage(requestID: context.requestID, clientID: headerClientID, apiName: apiName,
                                   responseCode: status))
        }
        do {
            let response = try admitAndHandle(request, context: context, headerClientID: headerClientID, parse: parse,
                                              bodyClientID: bodyClientID, handle: handle)
            status = response.status
            return response
        } catch let error as any HTTPResponseError {
            status = error.status
            throw error
        } catch let error as any CredeauError {
            status = error.httpStatus
            throw error
        }
    }

    private func admitAndHandle<Body>(
        _ request: HTTPRequest, context: RequestContext, headerClientID: String?,
        parse: ([UInt8]) throws(ValidationError) -> Body, bodyClientID: (Body) -> String,
        handle: (Admitted<Body>) throws -> HTTPResponse
    ) throws -> HTTPResponse {
        if case let .limited(retryAfter) = rateLimiter.admit(request) {
            // The access log names the peer, a proxy's address behind a proxy. This line names
            // the caller whose window is full.
            context.logger.warning("rate limit reached", [
                ("client.address", rateLimiter.clientAddress(of: request)), ("retry_after_s", String(max(1, retryAfter))),
            ])
            throw HTTPError(429, "Too many requests from this address; retry after \(retryAfter) s",
                            headers: [("Retry-After", String(max(1, retryAfter)))])
        }

        let token = request.header("x-auth-token").flatMap { $0.isEmpty ? nil : $0 }
        guard let clientID = headerClientID, let token else {
            reject(request, context: context, clientID: headerClientID, token: token)
            throw HTTPError(401, "Missing x-client-id or x-auth-token header; request_id \(context.requestID)")
        }
        guard try authenticator.isAuthorized(clientID: clientID, token: token) else {
            reject(request, context: context, clientID: clientID, token: token)
            throw HTTPError(401, "Invalid x-client-id or x-auth-token; request_id \(context.requestID)")
        }

        let body = try parse(request.body)
        // Bytes, as the database compares ids: with String ==, client "e\u{301}" could name its
        // twin "\u{E9}" in the body and read that client's data.
        guard ExactText(bodyClientID(body)) == ExactText(clientID) else {
            reject(request, context: context, clientID: clientID, token: token)
            throw HTTPError(401, "Body client_id does not match the x-client-id header; request_id \(context.requestID)")
        }
        return try handle(Admitted(clientID: clientID, body: body))
    }

    private func reject(_ request: HTTPRequest, context: RequestContext, clientID: String?, token: String?) {
        context.logger.notice("unauthorized request", [("client.id", clientID ?? ""), ("http.path", request.path)])
        let bodyJSON: String?
        if let value = try? JSONParser.parse(request.body) {
            bodyJSON = String(decoding: JSONWriter.encode(value), as: UTF8.self)
        } else if request.body.isEmpty {
            bodyJSON = nil
        } else {
            // A body that is not JSON is kept as a JSON string, so the json column accepts it.
            bodyJSON = JSONText.quoted(String(decoding: request.body.prefix(4096), as: UTF8.self))
        }
        records.enqueue(.unauthorized(clientID: clientID, requestID: context.requestID,
                                      maskedToken: token.map(ClientAuthenticator.mask), bodyJSON: bodyJSON))
    }
}
