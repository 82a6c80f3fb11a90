import CCurl
import Dispatch
import Synchronization

/// Failure of one HTTP call made with `CurlHTTPClient`.
public enum HTTPClientError: Error, Equatable, CustomStringConvertible {
    /// No connection could be made (refused, unreachable, name not resolved) or it broke mid-call.
    case connectionFailed(url: String, reason: String)
    /// The call took longer than the client's timeout.
    case timedOut(url: String, seconds: Double)
    /// All connection slots stayed busy for the whole timeout.
    case noFreeConnection(url: String, seconds: Double)

    public var description: String {
        switch self {
        case let .connectionFailed(url, reason):
            return "Cannot reach '\(url)': \(reason)"
        case let .timedOut(url, seconds):
            return "Request to '\(url)' timed out after \(seconds) s"
        case let .noFreeConnection(url, seconds):
            return "No free connection to '\(url)' within \(seconds) s"
        }
    }
}

/// An HTTP/1.1 client on libcurl that keeps connections alive between calls.
///
/// It owns at most `maxConnections` libcurl easy handles. Each handle keeps its own connection
/// cache, so a handle that goes back to the pool keeps its socket open for the next call, and
/// at most `maxConnections` calls run at the same time.
public final class CurlHTTPClient: Sendable {
    public let maxConnections: Int
    public let timeoutSeconds: Double
    public let connectTimeoutSeconds: Double
    /// Whether calls send `Accept-Encoding` for every encoding libcurl decodes (gzip among them).
    public let acceptsCompressedResponses: Bool
    private let idle = Mutex<[CurlEasyHandle]>([])
    private let slots: DispatchSemaphore

    public init(maxConnections: Int = 4, timeoutSeconds: Double = 10, connectTimeoutSeconds: Double = 2,
                acceptsCompressedResponses: Bool = true) {
        _ = CurlEasyHandle.globalInit
        self.maxConnections = max(1, maxConnections)
        self.timeoutSeconds = timeoutSeconds
        self.connectTimeoutSeconds = connectTimeoutSeconds
        self.acceptsCompressedResponses = acceptsCompressedResponses
        slots = DispatchSemaphore(value: max(1, maxConnections))
    }

    /// A response status, Content-Type and body.
    public struct Response: Sendable {
        public var status: Int
        /// The Content-Type header as sent, parameters included; nil when the response had none.
        public var contentType: String?
        public var body: [UInt8]

        /// The media type of `contentType` in lower case, without parameters (`application/json`).
        public var mediaType: String? {
            guard let contentType else { return nil }
            let type = contentType.split(separator: ";", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            return type.filter { $0 != " " && $0 != "\t" }.lowercased()
        }
    }

    /// Sends `body` as a JSON POST to `url` and returns the response, whatever its status.
    public func postJSON(url: String, body: [UInt8], headers: [String] = []) throws(HTTPClientError) -> Response {
        try post(url: url, body: body, contentType: "application/json", headers: headers)
    }

    /// Sends `body` as a POST of media type `contentType` to `url` and returns the response,
    /// whatever its status.
    public func post(url: String, body: [UInt8], contentType: String, headers: [String] = []) throws(HTTPClientError)
        -> Response {
        try perform(url: url, body: body, headers: ["Content-Type: \(contentType)"] + headers)
    }

    /// Sends a GET to `url` and returns the response, whatever its status.
    public func get(url: String) throws(HTTPClientError) -> Response {
        try perform(url: url, body: nil, headers: [])
    }

    private func perform(url: String, body: [UInt8]?, headers: [String]) throws(HTTPClientError) -> Response {
        guard slots.wait(timeout: .now() + timeoutSeconds) == .success else {
            throw .noFreeConnection(url: url, seconds: timeoutSeconds)
        }
        defer { slots.signal() }
        guard let handle = idle.withLock({ $0.popLast() }) ?? CurlEasyHandle() else {
            throw .connectionFailed(url: url, reason: "libcurl could not create a handle")
        }
        let result = handle.perform(url: url, body: body, headers: headers,
                                 timeoutMilliseconds: Int(timeoutSeconds * 1000),
                                 connectTimeoutMilliseconds: Int(connectTimeoutSeconds * 1000),
                                 acceptsCompressed: acceptsCompressedResponses)
        switch result {
        case let .success(response):
            idle.withLock { $0.append(handle) }
            return response
        case let .failure(code, message):
            // A handle whose call failed is dropped with its connection, which may be broken.
            if code == CURLE_OPERATION_TIMEDOUT { throw .timedOut(url: url, seconds: timeoutSeconds) }
            throw .connectionFailed(url: url, reason: message)
        }
    }
}

/// One libcurl easy handle, used by one call at a time (the pool hands it to one borrower).
final class CurlEasyHandle: @unchecked Sendable {
    // @unchecked because the handle is only touched by the borrower that took it from the pool.
    private let handle: UnsafeMutableRawPointer

    /// `curl_global_init` must run once before any thread creates a handle.
    static let globalInit: Void = {
        curl_global_init(Int(CURL_GLOBAL_DEFAULT))
    }()

    enum Outcome {
        case success(CurlHTTPClient.Response)
        case failure(CURLcode, String)
    }

    init?() {
        guard let made = curl_easy_init() else { return nil }
        handle = made
    }

    deinit {
        curl_easy_cleanup(handle)
    }

    /// Runs one call: a POST of `body`, or a GET when `body` is nil.
    func perform(url: String, body: [UInt8]?, headers: [String], timeoutMilliseconds: Int,
              connectTimeoutMilliseconds: Int, acceptsCompressed: Bool) -> Outcome {
        final class Sink { var bytes: [UInt8] = [] }
        let sink = Sink()
        var headerList: UnsafeMutablePointer<curl_slist>?
        for header in headers { headerList = curl_slist_append(headerList, header) }
        defer { curl_slist_free_all(headerList) }
        var errorBuffer = [CChar](repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)

        let code: CURLcode = withExtendedLifetime(sink) {
            (body ?? []).withUnsafeBufferPointer { bodyBytes in
                errorBuffer.withUnsafeMutableBufferPointer { errors in
                    credeau_curl_set_string(handle, CURLOPT_URL, url)
                    if body == nil {
                        credeau_curl_set_long(handle, CURLOPT_HTTPGET, 1)
                    } else {
                        credeau_curl_set_long(handle, CURLOPT_POST, 1)
                        credeau_curl_set_pointer(handle, CURLOPT_POSTFIELDS,
                                                 UnsafeMutableRawPointer(mutating: bodyBytes.baseAddress))
                        credeau_curl_set_post_size(handle, curl_off_t(bodyBytes.count))
                    }
                    credeau_curl_set_pointer(handle, CURLOPT_HTTPHEADER, UnsafeMutableRawPointer(headerList))
                    credeau_curl_set_long(handle, CURLOPT_TIMEOUT_MS, timeoutMilliseconds)
                    credeau_curl_set_long(handle, CURLOPT_CONNECTTIMEOUT_MS, connectTimeoutMilliseconds)
                    // Signals are not used for timeouts, as libcurl requires in threaded programs.
                    credeau_curl_set_long(handle, CURLOPT_NOSIGNAL, 1)
                    credeau_curl_set_long(handle, CURLOPT_TCP_KEEPALIVE, 1)
                    // "" requests every encoding libcurl supports, and nil sends no Accept-Encoding.
                    credeau_curl_set_string(handle, CURLOPT_ACCEPT_ENCODING, acceptsCompressed ? "" : nil)
                    credeau_curl_set_pointer(handle, CURLOPT_ERRORBUFFER, errors.baseAddress)
                    credeau_curl_set_write_function(handle) { data, size, count, context in
                        guard let data, let context else { return 0 }
                        let sink = Unmanaged<Sink>.fromOpaque(context).takeUnretainedValue()
                        sink.bytes.append(contentsOf: UnsafeRawBufferPointer(start: data, count: size * count))
                        return size * count
                    }
                    credeau_curl_set_pointer(handle, CURLOPT_WRITEDATA, Unmanaged.passUnretained(sink).toOpaque())
                    let code = curl_easy_perform(handle)
                    // The body, header list and error buffer die with this call, so libcurl must forget them.
                    credeau_curl_set_pointer(handle, CURLOPT_POSTFIELDS, nil)
                    credeau_curl_set_pointer(handle, CURLOPT_HTTPHEADER, nil)
                    credeau_curl_set_pointer(handle, CURLOPT_ERRORBUFFER, nil)
                    return code
                }
            }
        }
        guard code == CURLE_OK else {
            let detail = String(decoding: errorBuffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            return .failure(code, detail.isEmpty ? String(cString: curl_easy_strerror(code)) : detail)
        }
        let contentType = credeau_curl_content_type(handle).map { String(cString: $0) }
        return .success(CurlHTTPClient.Response(status: credeau_curl_response_code(handle), contentType: contentType,
                                                body: sink.bytes))
    }
}
