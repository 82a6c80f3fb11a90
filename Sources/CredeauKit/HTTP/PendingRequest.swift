import CMicroHTTPD
import Synchronization

/// The request-body bytes that all connections of one server may buffer at once.
final class BodyBudget: Sendable {
    private let used = Atomic<Int>(0)
    let limit: Int

    init(limit: Int) { self.limit = limit }

    /// Takes `count` bytes and returns true, or returns false and takes nothing when the total
    /// would pass the limit.
    func reserve(_ count: Int) -> Bool {
        var current = used.load(ordering: .relaxed)
        while true {
            guard current + count <= limit else { return false }
            let (exchanged, original) = used.compareExchange(expected: current, desired: current + count,
                                                             ordering: .relaxed)
            if exchanged { return true }
            current = original
        }
    }

    /// Bytes reserved now.
    var reservedBytes: Int { used.load(ordering: .relaxed) }

    func release(_ count: Int) {
        if count > 0 { used.subtract(count, ordering: .relaxed) }
    }
}

/// State of one request while libmicrohttpd delivers its body in chunks.
final class PendingRequest {
    let method: String
    let path: String
    let headers: [String: String]
    /// Bytes of the path as sent, before libmicrohttpd's decoding repairs anything.
    let pathBytes: Int
    /// Bytes of the request head as libmicrohttpd keeps it: the path, each query argument and
    /// header with its separators, and `HTTPServer.bytesPerHeadItem` for each of those.
    let headBytes: Int
    let clientAddress: String
    private let maxBodyBytes: Int
    private var body: [UInt8] = []
    private(set) var isBodyTooLarge = false
    /// The handler's response, left by the worker before it resumes the connection.
    var response: HTTPResponse?
    /// True from the suspension of the connection until libmicrohttpd calls back for it again
    /// (to send the response, or to end the request). Only libmicrohttpd's thread of the
    /// connection reads or writes it.
    var isSuspended = false

    private let budget: BodyBudget
    /// Bytes of `budget` this request has taken: the capacity of `body`, which grows with the
    /// bytes received, never with the length the headers announce.
    private var reserved = 0
    /// The announced `Content-Length`, so the body's capacity does not grow past it.
    private let announcedLength: Int?
    /// True when buffering the body would pass the server's budget; the body is then discarded.
    private(set) var isOverBudget = false

    init(method: String, path: String, pathBytes: Int, connection: OpaquePointer, maxBodyBytes: Int,
         budget: BodyBudget) {
        self.method = method
        self.path = path
        self.pathBytes = pathBytes
        self.maxBodyBytes = maxBodyBytes
        self.budget = budget
        let (headers, headerBytes) = PendingRequest.readHeaders(connection)
        self.headers = headers
        headBytes = pathBytes + headerBytes + PendingRequest.argumentBytes(connection)
        var address = [CChar](repeating: 0, count: 64)
        credeau_mhd_client_address(connection, &address, address.count)
        self.clientAddress = String(decoding: address.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        announcedLength = headers["content-length"].flatMap(Int.init)
        if let announcedLength, announcedLength > maxBodyBytes {
            isBodyTooLarge = true
        }
    }

    func append(_ chunk: UnsafeRawBufferPointer) {
        guard !isBodyTooLarge, !isOverBudget else { return }
        let needed = body.count + chunk.count
        if needed > maxBodyBytes {
            isBodyTooLarge = true
            body = []
            releaseBudget()
            return
        }
        if needed > reserved {
            // Grow by a quarter, not by doubling as an array would, so a half-sent body reserves
            // little more than it has received. The bytes are reserved before the buffer grows,
            // and growth stops at the announced length.
            let target = min(max(needed, reserved + reserved / 4, 64 * 1024),
                             announcedLength.map { max($0, needed) } ?? maxBodyBytes)
            guard budget.reserve(target - reserved) else {
                isOverBudget = true
                body = []
                releaseBudget()
                return
            }
            reserved = target
            body.reserveCapacity(target)
        }
        body.append(contentsOf: chunk)
    }

    /// Returns this request's bytes to the budget: when its handler has finished, and again when
    /// the request ends, which then finds nothing left to return.
    func releaseBudget() {
        budget.release(reserved)
        reserved = 0
    }

    /// Returns the request and gives it the body, which this object then no longer holds.
    func makeRequest() -> HTTPRequest {
        defer { body = [] }
        return HTTPRequest(method: method, path: path, headers: headers, body: body, clientAddress: clientAddress)
    }

    /// Returns the bytes libmicrohttpd keeps for the query arguments: each name and value with
    /// "=" and "&", and `HTTPServer.bytesPerHeadItem`.
    private static func argumentBytes(_ connection: OpaquePointer) -> Int {
        final class Counter { var bytes = 0 }
        let counter = Counter()
        let iterator: MHD_KeyValueIterator = { context, _, key, value in
            guard let context else { return mhdYes }
            let counter = Unmanaged<Counter>.fromOpaque(context).takeUnretainedValue()
            counter.bytes += (key.map { strlen($0) } ?? 0) + (value.map { strlen($0) } ?? 0) + 2
                + HTTPServer.bytesPerHeadItem
            return mhdYes
        }
        withExtendedLifetime(counter) {
            _ = MHD_get_connection_values(connection, mhdArgumentKind, iterator,
                                          Unmanaged.passUnretained(counter).toOpaque())
        }
        return counter.bytes
    }

    /// Returns `value` without the spaces and horizontal tabs at its ends.
    static func trimmingFieldWhitespace(_ value: String) -> String {
        let utf8 = value.utf8
        guard let last = utf8.last, let first = utf8.first,
              last == 0x20 || last == 0x09 || first == 0x20 || first == 0x09 else { return value }
        let trimmed = utf8.drop { $0 == 0x20 || $0 == 0x09 }.reversed().drop { $0 == 0x20 || $0 == 0x09 }.reversed()
        return String(decoding: Array(trimmed), as: UTF8.self)
    }

    /// Returns the headers by lower-case name, and the bytes libmicrohttpd keeps for them: each
    /// name and value as sent with ": " and CRLF, and `HTTPServer.bytesPerHeadItem`.
    private static func readHeaders(_ connection: OpaquePointer) -> ([String: String], Int) {
        final class Collector {
            var headers: [String: String] = [:]
            var bytes = 0
        }
        let collector = Collector()
        let iterator: MHD_KeyValueIterator = { context, _, key, value in
            guard let context, let key else { return mhdYes }
            let collector = Unmanaged<Collector>.fromOpaque(context).takeUnretainedValue()
            let name = String(cString: key).lowercased()
            // A field value excludes the spaces and tabs around it (RFC 9110, 5.5). libmicrohttpd
            // drops those before it but keeps those after, so a token with a trailing space failed.
            let text = value.map { PendingRequest.trimmingFieldWhitespace(String(cString: $0)) } ?? ""
            collector.bytes += strlen(key) + (value.map { strlen($0) } ?? 0) + 4 + HTTPServer.bytesPerHeadItem
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
        return (collector.headers, collector.bytes)
    }
}
