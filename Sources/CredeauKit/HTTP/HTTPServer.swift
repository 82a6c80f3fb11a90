import CMicroHTTPD
import Dispatch
import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

private let mhdYes = credeau_mhd_yes()
private let mhdNo = credeau_mhd_no()
private let mhdHeaderKind = credeau_mhd_header_kind()

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
    /// a worker.
    public var connectionTimeoutSeconds: Int = 30
    /// GET paths handled on the I/O thread that read the request instead of a worker, so that a
    /// liveness probe or a metrics scrape gets its response while every worker waits on a slow call.
    /// Their handlers must be quick and must not block.
    public var inlinePaths: Set<String> = ["/health", "/metrics"]

    public init() {}

    /// Returns whether `host` is an IPv4 address in dotted-quad form, the only kind the server binds to.
    public static func isValidHost(_ host: String) -> Bool {
        var address = in_addr()
        return inet_pton(AF_INET, host, &address) == 1
    }
}

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
    /// The handler threads, set in `start` and stopped in `stop`.
    private let workers = Mutex<HTTPWorkerPool?>(nil)
    /// Set when `stop` begins: every response from then on closes its connection.
    private let stopping = Atomic<Bool>(false)
    /// libmicrohttpd's messages while `start` runs, reported in `startFailed`; nil once started,
    /// when its messages go to the application's logger instead.
    private let startMessages = Mutex<[String]?>(nil)
    /// The logger libmicrohttpd calls, allocated here because the daemon keeps a pointer to it.
    private nonisolated(unsafe) let libraryLogger = UnsafeMutablePointer<credeau_mhd_logger>.allocate(capacity: 1)

    public init(configuration: HTTPServerConfiguration, application: HTTPApplication) {
        self.configuration = configuration
        self.application = application
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

    public func start() throws {
        let context = Unmanaged.passUnretained(self).toOpaque()
        libraryLogger.pointee.context = context
        let pool = HTTPWorkerPool(threads: configuration.threads)
        workers.withLock { $0 = pool }
        startMessages.withLock { $0 = [] }
        let handle = configuration.host.withCString { host in
            credeau_mhd_start(
                host, UInt16(clamping: configuration.port), UInt32(configuration.threads),
                UInt32(configuration.connectionTimeoutSeconds), 64 * 1024,
                HTTPServer.accessHandler, context, HTTPServer.completedHandler, context, libraryLogger)
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
    }

    /// Stops accepting connections and waits up to `gracePeriod` seconds for requests in flight,
    /// then shuts the daemon down. Returns the number of requests still in flight at the end of
    /// the grace period.
    ///
    /// From the start, every response closes its connection, so kept-alive clients go elsewhere.
    /// After the grace period, requests that finish arriving get 503 at once. libmicrohttpd must
    /// not stop while a connection is suspended, so when a handler is still running at the
    /// deadline the daemon is left as it is, and the caller's process is expected to exit.
    @discardableResult
    public func stop(gracePeriod: Double = 10) -> Int {
        guard let raw = daemon.withLock({ handle -> UInt? in
            defer { handle = nil }
            return handle
        }), let handle = OpaquePointer(bitPattern: raw) else { return 0 }

        stopping.store(true, ordering: .relaxed)
        let listener = MHD_quiesce_daemon(handle)
        if listener >= 0 { close(listener) }
        let deadline = DispatchTime.now().uptimeNanoseconds + UInt64(max(0, gracePeriod) * 1e9)
        // Between two requests of one connection the count is zero for a moment while requests
        // remain, so it must stay zero over three checks 20 ms apart.
        var idleChecks = 0
        while idleChecks < 3 && DispatchTime.now().uptimeNanoseconds < deadline {
            idleChecks = inFlight.load(ordering: .relaxed) == 0 ? idleChecks + 1 : 0
            usleep(20_000)
        }
        let unfinished = inFlight.load(ordering: .relaxed)

        let pool = workers.withLock { $0 }
        pool?.close()
        // Each suspended connection has a job in the pool that resumes it.
        guard pool?.drain(until: deadline) ?? true else {
            application.logger.warning("handlers still running after the grace period; the process exits without waiting", [
                (LogKey.count, String(unfinished)),
            ])
            return unfinished
        }
        workers.withLock { $0 = nil }
        MHD_stop_daemon(handle)
        pool?.stop()
        return unfinished
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
            server.application.logger.warning("libmicrohttpd reported a problem", [(LogKey.error, text)])
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
        Unmanaged<PendingRequest>.fromOpaque(pending).release()
        connectionState.pointee = nil
        server.inFlight.subtract(1, ordering: .relaxed)
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
                path: url.map { String(cString: $0) } ?? "/",
                connection: connection, maxBodyBytes: configuration.maxBodyBytes)
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

        // Called again after `resume`: the worker has left the response.
        if let response = pending.response {
            // The box made in `queue` keeps the body until libmicrohttpd has sent it.
            pending.response = nil
            return queue(response, on: connection)
        }
        let request = pending.makeRequest(), tooLarge = pending.isBodyTooLarge
        let application = self.application, maxBodyBytes = configuration.maxBodyBytes
        if request.method == "GET" && configuration.inlinePaths.contains(request.path) {
            return queue(application.respond(to: request, bodyTooLarge: tooLarge, maxBodyBytes: maxBodyBytes),
                         on: connection)
        }
        guard let pool = workers.withLock({ $0 }) else {
            return queue(application.respond(to: request, bodyTooLarge: tooLarge, maxBodyBytes: maxBodyBytes,
                                             shuttingDown: true), on: connection)
        }
        let handoff = SuspendedConnection(connection: connection, pending: pending)
        MHD_suspend_connection(connection)
        let submitted = pool.submit {
            let response = application.respond(to: request, bodyTooLarge: tooLarge, maxBodyBytes: maxBodyBytes)
            handoff.pending.response = response
            MHD_resume_connection(handoff.connection)
        }
        if !submitted {
            // The server is stopping and its grace period is over.
            pending.response = application.respond(to: request, bodyTooLarge: tooLarge, maxBodyBytes: maxBodyBytes,
                                                   shuttingDown: true)
            MHD_resume_connection(connection)
        }
        return mhdYes
    }

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
            // libmicrohttpd closes the connection after a response that says so.
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

/// State of one request while libmicrohttpd delivers its body in chunks.
final class PendingRequest {
    let method: String
    let path: String
    let headers: [String: String]
    let clientAddress: String
    private let maxBodyBytes: Int
    private var body: [UInt8] = []
    private(set) var isBodyTooLarge = false
    /// The handler's response, left by the worker before it resumes the connection.
    var response: HTTPResponse?

    init(method: String, path: String, connection: OpaquePointer, maxBodyBytes: Int) {
        self.method = method
        self.path = path
        self.maxBodyBytes = maxBodyBytes
        self.headers = PendingRequest.readHeaders(connection)
        var address = [CChar](repeating: 0, count: 64)
        credeau_mhd_client_address(connection, &address, address.count)
        self.clientAddress = String(decoding: address.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        if let length = headers["content-length"].flatMap(Int.init), length > maxBodyBytes {
            isBodyTooLarge = true
        } else if let length = headers["content-length"].flatMap(Int.init), length > 0 {
            body.reserveCapacity(length)
        }
    }

    func append(_ chunk: UnsafeRawBufferPointer) {
        guard !isBodyTooLarge else { return }
        if body.count + chunk.count > maxBodyBytes {
            isBodyTooLarge = true
            body = []
            return
        }
        body.append(contentsOf: chunk)
    }

    /// Returns the request and gives it the body, which this object then no longer holds.
    func makeRequest() -> HTTPRequest {
        defer { body = [] }
        return HTTPRequest(method: method, path: path, headers: headers, body: body, clientAddress: clientAddress)
    }

    private static func readHeaders(_ connection: OpaquePointer) -> [String: String] {
        final class Collector { var headers: [String: String] = [:] }
        let collector = Collector()
        let iterator: MHD_KeyValueIterator = { context, _, key, value in
            guard let context, let key else { return mhdYes }
            let collector = Unmanaged<Collector>.fromOpaque(context).takeUnretainedValue()
            let name = String(cString: key).lowercased()
            let text = value.map { String(cString: $0) } ?? ""
            if let earlier = collector.headers[name] {
                collector.headers[name] = earlier + ", " + text
            } else {
                collector.headers[name] = text
            }
            return mhdYes
        }
        withExtendedLifetime(collector) {
            _ = MHD_get_connection_values(connection, mhdHeaderKind, iterator,
                                          Unmanaged.passUnretained(collector).toOpaque())
        }
        return collector.headers
    }
}
