import CMicroHTTPD
import Dispatch
import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

let mhdYes = credeau_mhd_yes()
let mhdNo = credeau_mhd_no()
let mhdHeaderKind = credeau_mhd_header_kind()
let mhdArgumentKind = credeau_mhd_argument_kind()

/// An HTTP/1.1 server on libmicrohttpd: epoll with a thread pool, keep-alive, request bodies read
/// whole before the handler runs on a worker of `HTTPWorkerPool` while the connection is suspended.
///
/// libmicrohttpd calls back on its own threads; the server object outlives every callback
/// because `stop()` waits for `MHD_stop_daemon`, which joins those threads.
public final class HTTPServer: Sendable {
    public let configuration: HTTPServerConfiguration
    private let application: HTTPApplication
    /// The daemon handle, owned by this object: set in `start`, cleared in `stop`.
    private let daemon = Mutex<UInt?>(nil)
    private let inFlight = Atomic<Int>(0)
    /// Requests finished since the start, from which the memory trimmer learns that work happened.
    private let finished = Atomic<Int>(0)
    /// Gives freed memory back once the server is idle; set in `start`, stopped in `stop`.
    private let trimmer = Mutex<IdleMemoryTrimmer?>(nil)
    /// The handler threads, set in `start` and stopped in `stop`.
    private let workers = Mutex<HTTPWorkerPool?>(nil)
    /// Set when `stop` begins: every response from then on closes its connection.
    private let stopping = Atomic<Bool>(false)
    /// Connections suspended and not yet called back after their resume. libmicrohttpd moves a
    /// resumed connection out of its suspended list only on its next pass, so `stop` waits for
    /// this count, not only for the workers, before `MHD_stop_daemon`.
    private let suspended = Atomic<Int>(0)
    /// The cap on request-body bytes buffered across connections, with the bytes reserved now.
    private let bodyBudget: BodyBudget
    /// libmicrohttpd's messages while `start` runs, reported in `startFailed`; nil once started,
    /// when its messages go to the application's logger instead.
    private let startMessages = Mutex<[String]?>(nil)
    /// The logger libmicrohttpd calls, allocated here because the daemon keeps a pointer to it.
    private nonisolated(unsafe) let libraryLogger = UnsafeMutablePointer<credeau_mhd_logger>.allocate(capacity: 1)
    /// Client connections open now, counted from libmicrohttpd's connection notifications.
    private let openConnections = Atomic<Int>(0)
    /// Open connections by client address (`credeau_ipv4_key`), for the per-client limit.
    private let connectionsPerClient = Mutex<[UInt64: Int]>([:])
    /// The connection limit in force: `configuration.maxConnections`, or less when the open file
    /// limit is lower. Set in `start`.
    private let maxConnections = Atomic<Int>(0)
    /// For each message of libmicrohttpd's, when it was last logged and how often it came since.
    /// Some come once per connection, such as a client that closes in the middle of a request.
    private let libraryMessages = Mutex<[String: (lastNanoseconds: UInt64, repeats: Int)]>([:])
    /// When the last warning about rejected connections was logged, and the rejections since.
    private let rejectionWarnings = Mutex<(lastNanoseconds: UInt64?, count: Int)>((nil, 0))

    public init(configuration: HTTPServerConfiguration, application: HTTPApplication) {
        self.configuration = configuration
        self.application = application
        // One body of the largest allowed size must fit, or it would get 503 on every retry.
        bodyBudget = BodyBudget(limit: max(configuration.maxBufferedBodyBytes, configuration.maxBodyBytes))
        libraryLogger.initialize(to: credeau_mhd_logger(handler: HTTPServer.messageHandler, context: nil))
    }

    deinit {
        libraryLogger.deallocate()
    }

    /// The port actually bound (useful with port 0), or nil before `start`.
    public var boundPort: Int? {
        daemon.withLock { handle in
            handle.flatMap { OpaquePointer(bitPattern: $0) }.map { Int(credeau_mhd_bound_port($0)) }
        }
    }

    public var requestsInFlight: Int { inFlight.load(ordering: .relaxed) }

    /// Request-body bytes buffered now across connections.
    var bufferedBodyBytes: Int { bodyBudget.reservedBytes }

    /// Client connections open now.
    public var connectionsOpen: Int { openConnections.load(ordering: .relaxed) }

    /// The connection limit in force once started.
    public var connectionLimit: Int { maxConnections.load(ordering: .relaxed) }

    public func start() throws {
        let context = Unmanaged.passUnretained(self).toOpaque()
        libraryLogger.pointee.context = context
        let limit = raiseOpenFileLimit()
        maxConnections.store(limit, ordering: .relaxed)
        application.metrics.setConnectionLimit(limit)
        let pool = HTTPWorkerPool(threads: configuration.threads)
        workers.withLock { $0 = pool }
        startMessages.withLock { $0 = [] }
        // libmicrohttpd gives each I/O thread an equal share of its own limit and a thread at its
        // share stops accepting, which leaves new connections waiting unseen in the backlog. Its
        // limit is therefore set so that no thread reaches it, and `admit` applies the real one.
        let libraryLimit = UInt32(clamping: (limit + 1) * max(configuration.threads, 1))
        let callbacks = credeau_mhd_connection_callbacks(
            accept: HTTPServer.acceptPolicy, notify: HTTPServer.connectionNotifier, context: context)
        let handle = configuration.host.withCString { host in
            credeau_mhd_start(
                host, UInt16(clamping: configuration.port), UInt32(configuration.threads),
                UInt32(configuration.connectionTimeoutSeconds), HTTPServer.connectionMemoryBytes, libraryLimit,
                HTTPServer.accessHandler, context, HTTPServer.completedHandler, context, callbacks, libraryLogger)
        }
        let messages = startMessages.withLock { messages in
            defer { messages = nil }
            return messages ?? []
        }
        guard let handle else {
            workers.withLock { $0 = nil }
            pool.stop()
            guard HTTPServerConfiguration.isValidHost(configuration.host) else {
                throw HTTPServerError.invalidHost(configuration.host)
            }
            throw HTTPServerError.startFailed(host: configuration.host, port: configuration.port,
                                              reason: messages.last)
        }
        for message in messages {
            application.logger.warning("libmicrohttpd reported a problem", [(LogKey.error, message)])
        }
        daemon.withLock { $0 = UInt(bitPattern: Int(bitPattern: UnsafeRawPointer(handle))) }
        if configuration.memoryTrimIntervalSeconds > 0 {
            let trimmer = IdleMemoryTrimmer(
                interval: configuration.memoryTrimIntervalSeconds, logger: application.logger,
                // Weak: the trimmer's thread may wake once more after the server is gone.
                requestsInFlight: { [weak self] in self?.inFlight.load(ordering: .relaxed) ?? 0 },
                finishedRequests: { [weak self] in self?.finished.load(ordering: .relaxed) ?? 0 })
            trimmer.start()
            self.trimmer.withLock { $0 = trimmer }
        }
    }

    /// Raises the open file limit so that `configuration.maxConnections` connections fit beside
    /// the descriptors the rest of the process uses, and logs the result. Returns the connection
    /// limit to apply, which is lower than the configured one when the open file limit is.
    private func raiseOpenFileLimit() -> Int {
        let reserved = HTTPConnectionLimits.reservedDescriptors
        let wanted = max(configuration.maxConnections, 1)
        let files = OpenFileLimit.raise(toAtLeast: UInt64(wanted + reserved))
        let limit = files.soft >= UInt64(wanted + reserved) ? wanted : max(Int(files.soft) - reserved, 1)
        var fields: [(String, String)] = [
            ("http.max_connections", String(limit)),
            ("http.max_connections_per_client", String(configuration.maxConnectionsPerClient)),
            ("http.idle_timeout_s", String(configuration.connectionTimeoutSeconds)),
            ("open_files.soft", OpenFileLimit.text(files.soft)), ("open_files.hard", OpenFileLimit.text(files.hard)),
        ]
        if files.soft != files.previousSoft {
            fields.append(("open_files.soft_before", OpenFileLimit.text(files.previousSoft)))
        }
        if limit < wanted {
            fields.append(("http.max_connections_configured", String(wanted)))
            application.logger.warning("the open file limit leaves room for fewer connections than HTTP_MAX_CONNECTIONS; "
                                       + "raise the hard nofile limit of the container or service", fields)
        } else {
            application.logger.info("connection limits", fields)
        }
        return limit
    }

    /// Returns whether a connection just accepted from `clientKey` (`credeau_ipv4_key`, 0 when
    /// unknown) may stay open, and counts and logs a rejection.
    ///
    /// NOTE: I/O threads accept in parallel and a connection counts once libmicrohttpd reports it
    /// started, so the limits may be passed by up to one connection per I/O thread.
    private func admit(clientKey: UInt64) -> Bool {
        let open = openConnections.load(ordering: .relaxed)
        if open >= maxConnections.load(ordering: .relaxed) {
            reject(.maxConnections, clientKey: clientKey, open: open)
            return false
        }
        let perClient = configuration.maxConnectionsPerClient
        if perClient > 0, clientKey != 0, connectionsPerClient.withLock({ $0[clientKey] ?? 0 }) >= perClient {
            reject(.maxConnectionsPerClient, clientKey: clientKey, open: open)
            return false
        }
        return true
    }

    /// Counts a rejected connection in the metrics and logs a warning, at most one a minute.
    private func reject(_ reason: ConnectionRejection, clientKey: UInt64, open: Int) {
        application.metrics.connectionRejected(reason)
        let now = DispatchTime.now().uptimeNanoseconds
        let count: Int? = rejectionWarnings.withLock { state in
            state.count += 1
            if let last = state.lastNanoseconds, now - last < 60_000_000_000 { return nil }
            defer { state = (now, 0) }
            return state.count
        }
        guard let count else { return }
        application.logger.warning("new connections closed at a connection limit; logged again each minute while it lasts", [
            ("reason", reason.rawValue), ("client.ip", Self.addressText(clientKey: clientKey)),
            ("http.connections_open", String(open)), ("http.max_connections", String(maxConnections.load(ordering: .relaxed))),
            ("http.max_connections_per_client", String(configuration.maxConnectionsPerClient)),
            ("http.connections_rejected", String(count)),
        ])
    }

    /// Returns the dotted quad of a `credeau_ipv4_key`, or `unknown` for 0.
    static func addressText(clientKey: UInt64) -> String {
        guard clientKey != 0 else { return "unknown" }
        let address = UInt32(truncatingIfNeeded: clientKey - 1)
        return [24, 16, 8, 0].map { String((address >> $0) & 0xff) }.joined(separator: ".")
    }

    private func connectionStarted(clientKey: UInt64) {
        openConnections.add(1, ordering: .relaxed)
        application.metrics.connectionOpened()
        if clientKey != 0 {
            connectionsPerClient.withLock { $0[clientKey, default: 0] += 1 }
        }
    }

    private func connectionClosed(clientKey: UInt64) {
        openConnections.subtract(1, ordering: .relaxed)
        application.metrics.connectionClosed()
        guard clientKey != 0 else { return }
        connectionsPerClient.withLock { counts in
            let remaining = (counts[clientKey] ?? 1) - 1
            counts[clientKey] = remaining > 0 ? remaining : nil
        }
    }

    /// Memory trims done since `start`, for tests.
    var memoryTrimCount: Int { trimmer.withLock { $0?.trimCount ?? 0 } }

    /// Stops accepting connections and waits up to `gracePeriod` seconds for requests in flight,
    /// then shuts the daemon down. Returns the number of requests still in flight at the end of
    /// the grace period.
    ///
    /// From the start, every response closes its connection, so kept-alive clients go elsewhere.
    /// In the last second of the grace period (its last fifth when shorter), requests still
    /// waiting for a worker and requests that finish arriving get 503. libmicrohttpd must not stop
    /// while a connection is suspended, so when a handler is still running at the deadline the
    /// daemon is left as it is, and the caller's process is expected to exit.
    @discardableResult
    public func stop(gracePeriod: Double = 10) -> Int {
        guard let raw = daemon.withLock({ handle -> UInt? in
            defer { handle = nil }
            return handle
        }), let handle = OpaquePointer(bitPattern: raw) else { return 0 }

        stopping.store(true, ordering: .relaxed)
        trimmer.withLock { $0?.stop() }
        // libmicrohttpd's threads may still have the listening socket in their epoll sets, so it
        // must stay open until MHD_stop_daemon. Closing it here made one of them abort with
        // "Failed to remove listen FD from epoll set". shutdown() stops it listening at once, so
        // new connections are refused instead of waiting in the backlog.
        let listener = MHD_quiesce_daemon(handle)
        if listener >= 0 { _ = shutdown(listener, Int32(SHUT_RD)) }
        let grace = UInt64(max(0, gracePeriod) * 1e9)
        let deadline = DispatchTime.now().uptimeNanoseconds + grace
        // The pool closes a little before the deadline, so that the requests it rejects then
        // (queued, or arriving later on open connections) still get their 503 out.
        waitUntilIdle(before: deadline - min(grace / 5, 1_000_000_000))
        let pool = workers.withLock { $0 }
        pool?.close()
        waitUntilIdle(before: deadline)
        let unfinished = inFlight.load(ordering: .relaxed)

        // Each suspended connection has a running job in the pool that resumes it.
        let drained = pool?.drain(until: deadline) ?? true
        // After its resume, a connection leaves the suspended list when libmicrohttpd next calls
        // back for it, one pass of its loop later. The 200 ms past the deadline is an estimate
        // with a wide margin.
        let settleBy = max(deadline, DispatchTime.now().uptimeNanoseconds) + 200_000_000
        while drained, suspended.load(ordering: .relaxed) > 0, DispatchTime.now().uptimeNanoseconds < settleBy {
            usleep(1_000)
        }
        guard drained, suspended.load(ordering: .relaxed) == 0 else {
            // The caller logs the requests still in flight; they include these handlers.
            // The daemon keeps calling back with a pointer to this object, so the object must
            // outlive it: it is retained once more and never released.
            _ = Unmanaged.passRetained(self)
            return unfinished
        }
        workers.withLock { $0 = nil }
        MHD_stop_daemon(handle)
        if listener >= 0 { close(listener) }
        pool?.stop()
        return unfinished
    }

    /// Counts the suspension of `request`'s connection as over, once.
    private func endSuspension(of request: PendingRequest) {
        guard request.isSuspended else { return }
        request.isSuspended = false
        suspended.subtract(1, ordering: .relaxed)
    }

    /// Waits until no request is in flight or `deadline` (uptime nanoseconds) passes. Between two
    /// requests of one connection the count is zero for a moment while requests remain, so it
    /// must stay zero over three checks 20 ms apart.
    private func waitUntilIdle(before deadline: UInt64) {
        var idleChecks = 0
        while idleChecks < 3 && DispatchTime.now().uptimeNanoseconds < deadline {
            idleChecks = inFlight.load(ordering: .relaxed) == 0 ? idleChecks + 1 : 0
            usleep(20_000)
        }
    }

    // MARK: - libmicrohttpd callbacks

    private static let messageHandler: credeau_mhd_message_handler = { context, message in
        guard let context, let message else { return }
        let server = Unmanaged<HTTPServer>.fromOpaque(context).takeUnretainedValue()
        let text = String(cString: message)
        let duringStart = server.startMessages.withLock { messages in
            messages?.append(text)
            return messages != nil
        }
        if !duringStart {
            server.logLibraryMessage(text)
        }
    }

    /// Logs each distinct message of libmicrohttpd at most once a minute, with the number of repeats
    /// left out since the last time.
    private func logLibraryMessage(_ text: String) {
        let now = DispatchTime.now().uptimeNanoseconds
        let repeats: Int? = libraryMessages.withLock { messages in
            if let entry = messages[text], now - entry.lastNanoseconds < 60_000_000_000 {
                messages[text]?.repeats += 1
                return nil
            }
            // Messages may carry numbers, so old entries go rather than grow the table without end.
            if messages.count >= 64 {
                messages = messages.filter { now - $0.value.lastNanoseconds < 60_000_000_000 }
            }
            defer { messages[text] = (now, 0) }
            return messages[text]?.repeats ?? 0
        }
        guard let repeats else { return }
        var fields = [(LogKey.error, text)]
        if repeats > 0 { fields.append(("repeats", String(repeats))) }
        application.logger.warning("libmicrohttpd reported a problem; the same message is logged again at most once a minute",
                                   fields)
    }

    private static let acceptPolicy: MHD_AcceptPolicyCallback = { context, address, _ in
        guard let context else { return mhdYes }
        let server = Unmanaged<HTTPServer>.fromOpaque(context).takeUnretainedValue()
        return server.admit(clientKey: credeau_ipv4_key(address)) ? mhdYes : mhdNo
    }

    /// Counts connections as they start and close. The client's key stays in the connection's
    /// socket context between the two, so the close needs no address lookup.
    private static let connectionNotifier: MHD_NotifyConnectionCallback = { context, connection, socketContext, code in
        guard let context, let connection, let socketContext else { return }
        let server = Unmanaged<HTTPServer>.fromOpaque(context).takeUnretainedValue()
        if credeau_mhd_notify_is_start(code) != 0 {
            let key = credeau_mhd_client_ipv4_key(connection)
            socketContext.pointee = UnsafeMutableRawPointer(bitPattern: UInt(key))
            server.connectionStarted(clientKey: key)
        } else {
            server.connectionClosed(clientKey: UInt64(UInt(bitPattern: socketContext.pointee)))
        }
    }

    private static let accessHandler: MHD_AccessHandlerCallback = {
        context, connection, url, method, _, uploadData, uploadDataSize, connectionState in
        guard let context, let connection, let uploadDataSize, let connectionState else { return mhdNo }
        let server = Unmanaged<HTTPServer>.fromOpaque(context).takeUnretainedValue()
        return server.handle(connection: connection, url: url, method: method, uploadData: uploadData,
                             uploadDataSize: uploadDataSize, state: connectionState)
    }

    private static let completedHandler: MHD_RequestCompletedCallback = { context, _, connectionState, _ in
        guard let context, let connectionState, let pending = connectionState.pointee else { return }
        let server = Unmanaged<HTTPServer>.fromOpaque(context).takeUnretainedValue()
        let request = Unmanaged<PendingRequest>.fromOpaque(pending).takeUnretainedValue()
        server.endSuspension(of: request)
        request.releaseBudget()
        Unmanaged<PendingRequest>.fromOpaque(pending).release()
        connectionState.pointee = nil
        server.inFlight.subtract(1, ordering: .relaxed)
        server.finished.add(1, ordering: .relaxed)
    }

    private func handle(
        connection: OpaquePointer, url: UnsafePointer<CChar>?, method: UnsafePointer<CChar>?,
        uploadData: UnsafePointer<CChar>?, uploadDataSize: UnsafeMutablePointer<Int>,
        state: UnsafeMutablePointer<UnsafeMutableRawPointer?>
    ) -> MHD_Result {
        // First call for a request: headers only. Keep per-request state until the completed callback.
        guard let existing = state.pointee else {
            let pending = PendingRequest(
                method: method.map { String(cString: $0) } ?? "GET",
                path: url.map { String(cString: $0) } ?? "/", pathBytes: url.map { strlen($0) } ?? 1,
                connection: connection, maxBodyBytes: configuration.maxBodyBytes, budget: bodyBudget)
            state.pointee = Unmanaged.passRetained(pending).toOpaque()
            inFlight.add(1, ordering: .relaxed)
            return mhdYes
        }
        let pending = Unmanaged<PendingRequest>.fromOpaque(existing).takeUnretainedValue()

        // Body chunks: append until the limit, then keep consuming and discarding.
        if uploadDataSize.pointee > 0 {
            if let uploadData {
                pending.append(UnsafeRawBufferPointer(start: uploadData, count: uploadDataSize.pointee))
            }
            uploadDataSize.pointee = 0
            return mhdYes
        }

        endSuspension(of: pending)
        // Called again after `resume`: the worker has left the response.
        if let response = pending.response {
            // The box made in `queue` keeps the body until libmicrohttpd has sent it.
            pending.response = nil
            return queue(response, on: connection)
        }
        let request = pending.makeRequest(), tooLarge = pending.isBodyTooLarge
        let application = self.application, maxBodyBytes = configuration.maxBodyBytes
        // The handler's response, or `rejection` in its place.
        let respond: @Sendable (HTTPError?) -> HTTPResponse = { rejection in
            application.respond(to: request, bodyTooLarge: tooLarge, maxBodyBytes: maxBodyBytes, rejection: rejection)
        }
        if let tooLong = Self.oversizedHead(pathBytes: pending.pathBytes, headBytes: pending.headBytes) {
            return queue(respond(tooLong), on: connection)
        }
        if request.method == "GET" || request.method == "HEAD", configuration.inlinePaths.contains(request.path) {
            return queue(respond(nil), on: connection)
        }
        if pending.isOverBudget {
            return queue(respond(Self.overBudget), on: connection)
        }
        guard let pool = workers.withLock({ $0 }) else {
            return queue(respond(Self.shuttingDown), on: connection)
        }
        let handoff = SuspendedConnection(connection: connection, pending: pending)
        let submitted = pool.submit(accept: {
            MHD_suspend_connection(connection)
            pending.isSuspended = true
            suspended.add(1, ordering: .relaxed)
        }, run: {
            let response = respond(nil)
            // The handler is done with the body, so its bytes go back to the budget now rather
            // than when libmicrohttpd has sent the response.
            handoff.pending.releaseBudget()
            handoff.pending.response = response
            MHD_resume_connection(handoff.connection)
        }, reject: {
            handoff.pending.response = respond(Self.shuttingDown)
            MHD_resume_connection(handoff.connection)
        })
        guard submitted else {
            // The server is stopping and the pool has closed, so the connection was not suspended.
            return queue(respond(Self.shuttingDown), on: connection)
        }
        return mhdYes
    }

    /// The largest request head credeau serves: path, query, headers, and what libmicrohttpd
    /// keeps for each header and argument. libmicrohttpd keeps all of it and the response's
    /// headers in one buffer of `connectionMemoryBytes`, so a head within this limit leaves room.
    static let maxHeadBytes = 64 * 1024
    static let connectionMemoryBytes = 2 * maxHeadBytes + 16 * 1024
    /// The bytes libmicrohttpd keeps for each header and query argument besides its text, for a
    /// list entry of pointers and lengths. An estimate with some margin.
    static let bytesPerHeadItem = 64

    /// Returns the 414 for a path over `maxHeadBytes`, or the 431 for a head over it, or nil
    /// when the head fits.
    static func oversizedHead(pathBytes: Int, headBytes: Int) -> HTTPError? {
        if pathBytes > maxHeadBytes {
            return HTTPError(414, "The URL is longer than \(maxHeadBytes / 1024) KiB")
        }
        if headBytes > maxHeadBytes {
            return HTTPError(431, "The request's URL and headers take more than \(maxHeadBytes / 1024) KiB; "
                                 + "send fewer or shorter headers")
        }
        return nil
    }

    private static let overBudget = HTTPError(
        503, "The service is receiving too many large request bodies at once; retry the request",
        headers: [("Retry-After", "1")])

    private static let shuttingDown = HTTPError(503, "The service is shutting down; retry the request",
                                                headers: [("Retry-After", "1")])

    private func queue(_ response: HTTPResponse, on connection: OpaquePointer) -> MHD_Result {
        // libmicrohttpd sends the body from the array's own storage, kept alive by a retained box
        // until it calls `releaseBody`, so a large body is not copied again.
        let box = ResponseBody(bytes: response.body)
        let bytes = box.bytes.withUnsafeBytes { UnsafeMutableRawPointer(mutating: $0.baseAddress) }
        let mhdResponse: OpaquePointer?
        if let bytes {
            let retained = Unmanaged.passRetained(box).toOpaque()
            mhdResponse = MHD_create_response_from_buffer_with_free_callback_cls(
                box.bytes.count, bytes, releaseBody, retained)
            if mhdResponse == nil { Unmanaged<ResponseBody>.fromOpaque(retained).release() }
        } else {
            mhdResponse = MHD_create_response_from_buffer(0, nil, credeau_mhd_must_copy())
        }
        guard let mhdResponse else { return mhdNo }
        defer { MHD_destroy_response(mhdResponse) }
        for (name, value) in response.headers {
            _ = MHD_add_response_header(mhdResponse, name, value)
        }
        if stopping.load(ordering: .relaxed) {
            // libmicrohttpd closes the connection after a response with this header.
            _ = MHD_add_response_header(mhdResponse, "Connection", "close")
        }
        return MHD_queue_response(connection, UInt32(response.status), mhdResponse)
    }
}

/// A response body that libmicrohttpd reads in place. The array is never mutated, so its storage
/// stays at one address while the box lives.
private final class ResponseBody {
    let bytes: [UInt8]

    init(bytes: [UInt8]) { self.bytes = bytes }
}

/// libmicrohttpd's free callback for a `ResponseBody` passed retained as its argument.
private let releaseBody: MHD_ContentReaderFreeCallback = { context in
    guard let context else { return }
    Unmanaged<ResponseBody>.fromOpaque(context).release()
}

/// A suspended connection and its request, handed to a worker.
///
/// `@unchecked Sendable` is safe: the worker writes `pending.response` before
/// `MHD_resume_connection`, and libmicrohttpd reads it on its own thread only after the resume,
/// which takes libmicrohttpd's lock, so the write happens before the read.
private struct SuspendedConnection: @unchecked Sendable {
    let connection: OpaquePointer
    let pending: PendingRequest
}
