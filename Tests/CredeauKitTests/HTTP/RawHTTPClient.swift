import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A minimal HTTP/1.1 client over a POSIX socket, so tests control the exact bytes sent
/// (gzip bodies, keep-alive, slow clients) and see the exact bytes returned.
final class RawHTTPClient {
    struct Response {
        var status: Int
        var headers: [String: String]
        var body: [UInt8]
        /// Every header name as sent, lower-cased, repeats included.
        var headerNames: [String] = []

        var text: String { String(decoding: body, as: UTF8.self) }
    }

    enum Failure: Error { case connectFailed, closed, malformed }

    private let socketDescriptor: Int32
    private var buffer: [UInt8] = []

    /// Connects to 127.0.0.1:`port`, from `sourceAddress` when given (another loopback address
    /// such as 127.0.0.2 stands for a second client machine).
    init(port: Int, timeoutSeconds: Int = 10, sourceAddress: String? = nil) throws {
        socketDescriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var timeout = timeval(tv_sec: timeoutSeconds, tv_usec: 0)
        setsockopt(socketDescriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        if let sourceAddress {
            var local = sockaddr_in()
            local.sin_family = sa_family_t(AF_INET)
            inet_pton(AF_INET, sourceAddress, &local.sin_addr)
            let bound = withUnsafePointer(to: &local) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    bind(socketDescriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
                }
            }
            guard bound == 0 else { throw Failure.connectFailed }
        }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        inet_pton(AF_INET, "127.0.0.1", &address.sin_addr)
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(socketDescriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        // No close here: every stored property is set, so a throw still runs `deinit`, which
        // closes the socket. Closing it here as well closed whatever descriptor another thread
        // had opened under the same number in between (a test's socket, a server's listening
        // socket, a SQLite file), which made other tests fail at random.
        guard result == 0 else { throw Failure.connectFailed }
    }

    deinit { close(socketDescriptor) }

    /// Returns whether the server has closed the connection (end of stream or reset), without
    /// waiting and without sending anything. Bytes waiting to be read count as open.
    func isClosedNow() -> Bool {
        var byte: UInt8 = 0
        let count = recv(socketDescriptor, &byte, 1, Int32(MSG_PEEK | MSG_DONTWAIT))
        return count == 0 || (count < 0 && errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR)
    }

    func sendRaw(_ bytes: [UInt8]) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { send(socketDescriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if written <= 0 { return }
            offset += written
        }
    }

    func request(_ method: String, _ path: String, headers: [String: String] = [:], body: [UInt8] = []) throws -> Response {
        var head = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        if !body.isEmpty || method == "POST" { head += "Content-Length: \(body.count)\r\n" }
        head += "\r\n"
        sendRaw(Array(head.utf8) + body)
        return try readResponse()
    }

    func readResponse() throws -> Response {
        let headerEnd: Int = try {
            while true {
                if let range = findHeaderEnd() { return range }
                try fill()
            }
        }()
        let headText = String(decoding: buffer[0..<headerEnd], as: UTF8.self)
        buffer.removeFirst(headerEnd + 4)
        var lines = headText.components(separatedBy: "\r\n")
        let statusLine = lines.removeFirst().split(separator: " ")
        guard statusLine.count >= 2, let status = Int(statusLine[1]) else { throw Failure.malformed }
        var headers: [String: String] = [:]
        var names: [String] = []
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { continue }
            names.append(line[..<colon].lowercased())
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        let length = Int(headers["content-length"] ?? "0") ?? 0
        while buffer.count < length { try fill() }
        let body = Array(buffer[0..<length])
        buffer.removeFirst(length)
        return Response(status: status, headers: headers, body: body, headerNames: names)
    }

    /// True when the server closed the connection (recv returns 0).
    func isClosedByServer() -> Bool {
        var byte: UInt8 = 0
        return recv(socketDescriptor, &byte, 1, 0) == 0
    }

    private func findHeaderEnd() -> Int? {
        guard buffer.count >= 4 else { return nil }
        for index in 0...(buffer.count - 4)
        where buffer[index] == 13 && buffer[index + 1] == 10 && buffer[index + 2] == 13 && buffer[index + 3] == 10 {
            return index
        }
        return nil
    }

    private func fill() throws {
        var chunk = [UInt8](repeating: 0, count: 65536)
        let received = recv(socketDescriptor, &chunk, chunk.count, 0)
        guard received > 0 else { throw Failure.closed }
        buffer.append(contentsOf: chunk[0..<received])
    }
}
