import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A blocking HTTP/1.1 keep-alive client over one loopback socket: the load generator of the
/// serve-sms benchmark. It reads only `Content-Length` responses, which is all the service sends.
final class BenchHTTPClient {
    enum Failure: Error { case connectFailed, closed, malformed }

    private let socketDescriptor: Int32
    private var buffer: [UInt8] = []

    init(port: Int) throws {
        socketDescriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var noDelay: Int32 = 1
        setsockopt(socketDescriptor, Int32(IPPROTO_TCP), TCP_NODELAY, &noDelay, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        inet_pton(AF_INET, "127.0.0.1", &address.sin_addr)
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(socketDescriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else {
            close(socketDescriptor)
            throw Failure.connectFailed
        }
    }

    deinit { close(socketDescriptor) }

    /// Sends a request and returns the status and body length of its response.
    func post(_ path: String, body: [UInt8]) throws -> (status: Int, bodyBytes: Int) {
        let head = "POST \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
            + "Content-Length: \(body.count)\r\n\r\n"
        try send(Array(head.utf8))
        try send(body)
        return try readResponse()
    }

    func get(_ path: String) throws -> (status: Int, body: String) {
        try send(Array("GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".utf8))
        let (status, length) = try readResponse(keepBody: true)
        return (status, String(decoding: lastBody.prefix(length), as: UTF8.self))
    }

    private var lastBody: [UInt8] = []

    private func send(_ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes {
                Glibc.send(socketDescriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL))
            }
            guard written > 0 else { throw Failure.closed }
            offset += written
        }
    }

    private func readResponse(keepBody: Bool = false) throws -> (status: Int, bodyBytes: Int) {
        var headerEnd: Int?
        while headerEnd == nil {
            headerEnd = Self.findHeaderEnd(buffer)
            if headerEnd == nil { try fill() }
        }
        guard let headerEnd else { throw Failure.malformed }
        let head = String(decoding: buffer[0..<headerEnd], as: UTF8.self).lowercased()
        let lines = head.split(separator: "\r\n")
        guard let statusText = lines.first?.split(separator: " ").dropFirst().first, let status = Int(statusText),
              let lengthLine = lines.first(where: { $0.hasPrefix("content-length:") }),
              let length = Int(lengthLine.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces))
        else { throw Failure.malformed }
        buffer.removeFirst(headerEnd + 4)
        while buffer.count < length { try fill() }
        if keepBody { lastBody = Array(buffer[0..<length]) }
        buffer.removeFirst(length)
        return (status, length)
    }

    private static func findHeaderEnd(_ bytes: [UInt8]) -> Int? {
        guard bytes.count >= 4 else { return nil }
        for index in 0...(bytes.count - 4)
        where bytes[index] == 13 && bytes[index + 1] == 10 && bytes[index + 2] == 13 && bytes[index + 3] == 10 {
            return index
        }
        return nil
    }

    private func fill() throws {
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        let received = recv(socketDescriptor, &chunk, chunk.count, 0)
        guard received > 0 else { throw Failure.closed }
        buffer.append(contentsOf: chunk[0..<received])
    }
}
