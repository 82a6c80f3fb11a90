import Foundation
import Testing
@testable import CredeauKit

@Suite struct HTTPServerTests {
    /// Starts a server on a free loopback port with an echo route and a JSON-parsing route.
    static func makeServer(maxBodyBytes: Int = 1024 * 1024, timeout: Int = 30,
                           sink: InMemoryLogSink = InMemoryLogSink(),
                           metrics: HTTPMetrics = HTTPMetrics(namespace: "credeau_test"),
                           memoryTrimInterval: Double = 1) throws -> HTTPServer {
        var router = Router()
        router.get("/health") { _, _ in .json(200, .object([("status", .string("ok"))])) }
        router.post("/echo") { request, _ in HTTPResponse(status: 200, body: request.body) }
        router.post("/json") { request, _ in
            do {
                let value = try JSONParser.parse(request.body)
                return .json(200, value)
            } catch {
                throw ValidationError([ValidationIssue(type: "json_invalid", location: [.string("body")],
                                                       message: "JSON decode error", input: .object([]))])
            }
        }
        router.get("/database-down") { _, _ in
            throw SQLiteError.statementFailed(path: "/var/lib/credeau/credeau.db", code: 1, message: "no such table",
                                              sql: "SELECT 1")
        }
        router.get("/boom") { _, _ in throw CocoaError(.featureUnsupported) }
        let logger = Logger(label: "test", level: .info, sink: sink)
        let application = HTTPApplication(router: router, logger: logger, metrics: metrics)
        var configuration = HTTPServerConfiguration()
        configuration.host = "127.0.0.1"
        configuration.port = 0
        configuration.threads = 2
        configuration.maxBodyBytes = maxBodyBytes
        configuration.connectionTimeoutSeconds = timeout
        configuration.memoryTrimIntervalSeconds = memoryTrimInterval
        // Fits any open file limit a test machine has, so the start logs no warning about it.
        configuration.maxConnections = 256
        let server = HTTPServer(configuration: configuration, application: application)
        try server.start()
        return server
    }

    @Test func startLogsNoLibraryWarning() throws {
        let sink = InMemoryLogSink()
        let server = try Self.makeServer(sink: sink)
        defer { server.stop() }

        let warnings = sink.records.filter { $0.level >= .warning }
        #expect(warnings.isEmpty, "\(warnings.map { "\($0.message) \($0.metadata)" })")
    }

    /// libmicrohttpd reports each client that closes in the middle of a request. The log gets one
    /// warning a minute for the same message, not one per connection.
    @Test func repeatedLibraryMessageLoggedOnce() throws {
        let sink = InMemoryLogSink()
        let server = try Self.makeServer(sink: sink)
        defer { server.stop() }
        let port = try #require(server.boundPort)
        for _ in 0..<5 {
            let client = try RawHTTPClient(port: port)
            client.sendRaw(Array("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\nabc".utf8))
            usleep(50_000)
        }
        let deadline = Date().addingTimeInterval(5)
        while server.connectionsOpen > 0, Date() < deadline { usleep(20_000) }

        let library = sink.records.filter { $0.message.hasPrefix("libmicrohttpd reported a problem") }
        #expect(library.count == 1, "\(library.map(\.metadata))")
        #expect(library.first?.metadata.contains { $0.0 == LogKey.error && $0.1.contains("incomplete request") } == true)
        #expect(server.connectionsOpen == 0)
    }

    @Test func healthAnswersJSON() throws {
        let server = try Self.makeServer()
        defer { server.stop() }
        let client = try RawHTTPClient(port: try #require(server.boundPort))
        let response = try client.request("GET", "/health")
        #expect(response.status == 200)
        #expect(response.text == #"{"status":"ok"}"#)
        #expect(response.headers["content-type"] == "application/json")
        #expect(response.headers["x-request-id"] != nil)
    }

    @Test func keepAliveServesSeveralRequests() throws {
        let server = try Self.makeServer()
        defer { server.stop() }
        let client = try RawHTTPClient(port: try #require(server.boundPort))
        for index in 0..<5 {
            let response = try client.request("POST", "/echo", body: Array("message \(index)".utf8))
            #expect(response.text == "message \(index)")
        }
    }

    @Test func echoReturnsLargeAndEmptyBodiesExactly() throws {
        let server = try Self.makeServer()
        defer { server.stop() }
        let client = try RawHTTPClient(port: try #require(server.boundPort))
        // Every byte value, over several of libmicrohttpd's write buffers.
        var state: UInt32 = 12_345
        let large: [UInt8] = (0..<700_001).map { _ in
            state = state &* 1_103_515_245 &+ 12_345
            return UInt8(truncatingIfNeeded: state >> 16)
        }

        let echoed = try client.request("POST", "/echo", body: large)
        let empty = try client.request("POST", "/echo", body: [])

        #expect(echoed.status == 200)
        #expect(echoed.body.count == large.count)
        #expect(echoed.body == large)
        #expect(empty.status == 200)
        #expect(empty.body.isEmpty)
    }

    @Test func unknownPathIs404AndWrongMethodIs405() throws {
        let server = try Self.makeServer()
        defer { server.stop() }
        let client = try RawHTTPClient(port: try #require(server.boundPort))
        let missing = try client.request("GET", "/nope")
        #expect(missing.status == 404)
        #expect(missing.text.contains(#""error":"Not found: /nope""#))
        let wrongMethod = try client.request("GET", "/echo")
        #expect(wrongMethod.status == 405)
        #expect(wrongMethod.headers["allow"] == "POST")
    }

    @Test func oversizedBodyIs413() throws {
        let server = try Self.makeServer(maxBodyBytes: 1000)
        defer { server.stop() }
        let client = try RawHTTPClient(port: try #require(server.boundPort))
        let response = try client.request("POST", "/echo", body: [UInt8](repeating: 65, count: 5000))
        #expect(response.status == 413)
        #expect(response.text.contains("limit of 1000 bytes"))
    }

    @Test(arguments: ["gzip", "x-gzip", "GZIP", "gzip "])
    func gzipRequestBodyIsInflated(encoding: String) throws {
        let server = try Self.makeServer()
        defer { server.stop() }
        let client = try RawHTTPClient(port: try #require(server.boundPort))
        let payload = Array(#"{"user_id":"u-1","note":"₹ 1,00,000 😀"}"#.utf8)
        let response = try client.request("POST", "/json", headers: ["Content-Encoding": encoding],
                                          body: Gzip.compress(payload))
        #expect(response.status == 200)
        #expect(response.text == #"{"user_id":"u-1","note":"₹ 1,00,000 😀"}"#)
    }

    /// A request head up to 64 KiB is served and leaves room for the response. A larger one gets
    /// credeau's JSON 431, and only a head past libmicrohttpd's buffer gets libmicrohttpd's page.
    @Test(arguments: [(60_000, 200), (64_900, 200), (66_000, 431), (120_000, 431)])
    func headerBlockLimit(size: Int, status: Int) throws {
        let server = try Self.makeServer()
        defer { server.stop() }
        let client = try RawHTTPClient(port: try #require(server.boundPort))
        // The path, Host, Content-Length and the X-Padding name count too, with 64 bytes for
        // each header, about 200 bytes beside the padding.
        let padding = String(repeating: "a", count: size - 40)
        let response = try client.request("POST", "/echo", headers: ["X-Padding": padding], body: Array("hi".utf8))
        #expect(response.status == status, "\(size) bytes of headers")
        #expect(response.headers["x-request-id"] != nil)
        if status == 200 {
            #expect(response.text == "hi")
        } else {
            #expect(response.headers["content-type"] == "application/json")
            #expect(response.text.contains("64 KiB"))
        }
    }

    /// The query and the number of headers count too: libmicrohttpd keeps both in the buffer the
    /// response needs, and a head that fitted each check alone got an empty reply.
    @Test func queryAndManyHeadersCountTowardTheHead() throws {
        let server = try Self.makeServer()
        defer { server.stop() }
        let port = try #require(server.boundPort)
        let padding = String(repeating: "a", count: 60_000)
        let withQuery = try RawHTTPClient(port: port)
            .request("POST", "/echo?x=" + String(repeating: "q", count: 30_000), headers: ["X-Padding": padding],
                     body: Array("hi".utf8))
        #expect(withQuery.status == 431)
        #expect(withQuery.headers["x-request-id"] != nil)

        // 500 short headers are 37 KB of text, and libmicrohttpd keeps an entry for each.
        var many: [String: String] = [:]
        for index in 0..<500 { many[String(format: "X-H%04d", index)] = String(repeating: "v", count: 64) }
        let manyHeaders = try RawHTTPClient(port: port).request("POST", "/echo", headers: many, body: Array("hi".utf8))
        #expect(manyHeaders.status == 431)
        #expect(manyHeaders.headers["content-type"] == "application/json")

        let path = "/" + String(repeating: "p", count: 40_000)
        let longPathAndHeaders = try RawHTTPClient(port: port).request("GET", path, headers: ["X-Padding": padding])
        #expect(longPathAndHeaders.status == 431)
    }

    @Test func inlineHealthChecksTheHeadToo() throws {
        let server = try Self.makeServer()
        defer { server.stop() }
        let client = try RawHTTPClient(port: try #require(server.boundPort))
        let response = try client.request("GET", "/health", headers: ["X-Padding": String(repeating: "a", count: 70_000)])
        #expect(response.status == 431)
    }

    /// Bytes that are not UTF-8 count once, as sent, not as the three bytes of U+FFFD.
    @Test func headerBytesCountAsSent() throws {
        let server = try Self.makeServer()
        defer { server.stop() }
        let client = try RawHTTPClient(port: try #require(server.boundPort))
        let head = Array("POST /echo HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nContent-Length: 2\r\nX-Bin: ".utf8)
            + [UInt8](repeating: 0xFF, count: 30_000) + Array("\r\n\r\nhi".utf8)
        client.sendRaw(head)
        let response = try client.readResponse()
        #expect(response.status == 200)
        #expect(response.text == "hi")
    }

    @Test func overlongPathIs414() throws {
        let server = try Self.makeServer()
        defer { server.stop() }
        let client = try RawHTTPClient(port: try #require(server.boundPort))
        let response = try client.request("GET", "/" + String(repeating: "p", count: 70_000))
        #expect(response.status == 414)
        #expect(response.headers["content-type"] == "application/json")
        #expect(response.headers["x-request-id"] != nil)
    }

    /// A list of codings is undone in reverse order, up to two gzip layers.
    @Test(arguments: ["gzip, gzip", "x-gzip,gzip", "identity, gzip, gzip", "gzip, identity, GZIP"])
    func twoGzipLayersAreInflated(encoding: String) throws {
        let server = try Self.makeServer()
        defer { server.stop() }
        let client = try RawHTTPClient(port: try #require(server.boundPort))
        let payload = Array(#"{"user_id":"u-1"}"#.utf8)
        let response = try client.request("POST", "/json", headers: ["Content-Encoding": encoding],
                                          body: Gzip.compress(Gzip.compress(payload)))
        #expect(response.status == 200)
        #expect(response.text == #"{"user_id":"u-1"}"#)
    }

    @Test(arguments: [("gzip, br", "Unsupported Content-Encoding 'br'; send gzip or no encoding"),
                      ("gzip, gzip, gzip", "Content-Encoding lists gzip 3 times; send it at most 2 times")])
    func otherCodingListsAre415(encoding: String, message: String) throws {
        let server = try Self.makeServer()
        defer { server.stop() }
        let client = try RawHTTPClient(port: try #require(server.boundPort))
        let body = Gzip.compress(Gzip.compress(Gzip.compress(Array(#"{"a": 1}"#.utf8))))
        let response = try client.request("POST", "/json", headers: ["Content-Encoding": encoding], body: body)
        #expect(response.status == 415)
        #expect(response.text.contains(message), "\(response.text)")
    }

    /// The ids that docs/api.md documents as kept: 1 to 128 characters from `!` to `~` except `"`.
    @Test func clientRequestIDRulesMatchTheDocs() {
        let printable = String((0x21...0x7E).compactMap { $0 == 0x22 ? nil : Character(Unicode.Scalar(UInt8($0))) })
        #expect(HTTPApplication.acceptedRequestID(String(printable.prefix(128))) != nil)
        #expect(HTTPApplication.acceptedRequestID(String(printable.suffix(93 - 64))) != nil)
        #expect(HTTPApplication.acceptedRequestID(String(repeating: "a", count: 128)) != nil)
        for refused in ["", String(repeating: "a", count: 129), "abc def", "a\"b", "tab\there", "é"] {
            #expect(HTTPApplication.acceptedRequestID(refused) == nil, "\(refused)")
        }
    }

    @Test func gzipBombIs413() throws {
        let server = try Self.makeServer(maxBodyBytes: 10_000)
        defer { server.stop() }
        let client = try RawHTTPClient(port: try #require(server.boundPort))
        let bomb = Gzip.compress([UInt8](repeating: 0x20, count: 1_000_000))
        #expect(bomb.count < 10_000)
        let response = try client.request("POST", "/echo", headers: ["Content-Encoding": "gzip"], body: bomb)
        #expect(response.status == 413)
    }

    @Test func invalidGzipIs400() throws {
        let server = try Self.makeServer()
        defer { server.stop() }
        let client = try RawHTTPClient(port: try #require(server.boundPort))
        let response = try client.request("POST", "/echo", headers: ["Content-Encoding": "gzip"], body: Array("plain".utf8))
        #expect(response.status == 400)
    }

    @Test func gzipWithTrailingBytesIs400() throws {
        let server = try Self.makeServer()
        defer { server.stop() }
        let client = try RawHTTPClient(port: try #require(server.boundPort))
        let body = Gzip.compress(Array(#"{"a": 1}"#.utf8)) + Array("trailing garbage".utf8)
        let response = try client.request("POST", "/echo", headers: ["Content-Encoding": "gzip"], body: body)
        #expect(response.status == 400)
    }

    @Test func responseIsGzippedWhenAccepted() throws {
        let server = try Self.makeServer()
        defer { server.stop() }
        let client = try RawHTTPClient(port: try #require(server.boundPort))
        let payload = [UInt8](String(repeating: "credeau ", count: 1000).utf8)
        let compressed = try client.request("POST", "/echo", headers: ["Accept-Encoding": "gzip, deflate"], body: payload)
        #expect(compressed.headers["content-encoding"] == "gzip")
        #expect(try Gzip.decompress(compressed.body, maxBytes: 1 << 20) == payload)
        let plain = try client.request("POST", "/echo", body: payload)
        #expect(plain.headers["content-encoding"] == nil)
        #expect(plain.body == payload)
    }

    @Test(arguments: [("*", "gzip"), ("x-gzip", "gzip"), ("gzip;q=0, *", nil), ("*;q=0", nil)] as [(String, String?)])
    func acceptEncodingChoosesGzip(header: String, encoding: String?) throws {
        let server = try Self.makeServer()
        defer { server.stop() }
        let client = try RawHTTPClient(port: try #require(server.boundPort))
        let payload = [UInt8](String(repeating: "credeau ", count: 1000).utf8)
        let response = try client.request("POST", "/echo", headers: ["Accept-Encoding": header], body: payload)

        #expect(response.headers["content-encoding"] == encoding)
        if encoding == nil {
            #expect(response.body == payload)
        } else {
            #expect(try Gzip.decompress(response.body, maxBytes: 1 << 20) == payload)
        }
    }

    @Test func invalidJSONAndInvalidUTF8Are422() throws {
        let server = try Self.makeServer()
        defer { server.stop() }
        let client = try RawHTTPClient(port: try #require(server.boundPort))
        for body in [Array("{\"a\":".utf8), [0x7B, 0x22, 0x61, 0x22, 0x3A, 0x22, 0xFF, 0xFE, 0x22, 0x7D]] {
            let response = try client.request("POST", "/json", body: body)
            #expect(response.status == 422)
            #expect(response.text.contains(#""type":"json_invalid""#))
            #expect(response.headerNames.filter { $0 == "x-request-id" }.count == 1)
        }
    }

    @Test func unexpectedErrorIs500WithRequestID() throws {
        let sink = InMemoryLogSink()
        let server = try Self.makeServer(sink: sink)
        defer { server.stop() }
        let client = try RawHTTPClient(port: try #require(server.boundPort))
        let response = try client.request("GET", "/boom")
        #expect(response.status == 500)
        let requestID = try #require(response.headers["x-request-id"])
        #expect(response.text.contains(requestID))
        #expect(sink.records.contains { $0.level == .error && $0.message == "unexpected error" })
    }

    @Test func databaseErrorIs503WithRetryAfter() throws {
        let sink = InMemoryLogSink()
        let server = try Self.makeServer(sink: sink)
        defer { server.stop() }
        let client = try RawHTTPClient(port: try #require(server.boundPort))
        let response = try client.request("GET", "/database-down")
        #expect(response.status == 503)
        #expect(response.headers["retry-after"] == "5")
        #expect(!response.text.contains("SELECT"))
        #expect(!response.text.contains("credeau.db"))
        #expect(sink.records.contains { $0.level == .error && $0.message == "service unavailable" })
    }

    @Test func accessLogHasOneRecordPerRequest() throws {
        let sink = InMemoryLogSink()
        let server = try Self.makeServer(sink: sink)
        let client = try RawHTTPClient(port: try #require(server.boundPort))
        _ = try client.request("GET", "/health")
        _ = try client.request("POST", "/echo", body: Array("secret body".utf8))
        server.stop()
        let requests = sink.records.filter { $0.message == "request" }
        #expect(requests.count == 2)
        let keys = Set(requests[0].metadata.map(\.0))
        for key in ["request.id", "http.method", "http.path", "http.status", "duration_ms", "http.response_bytes", "client.ip"] {
            #expect(keys.contains(key), "access log lacks \(key)")
        }
        #expect(!sink.records.contains { record in record.metadata.contains { $0.1.contains("secret body") } })
    }

    @Test func slowClientIsDisconnected() throws {
        let server = try Self.makeServer(timeout: 1)
        defer { server.stop() }
        let client = try RawHTTPClient(port: try #require(server.boundPort))
        client.sendRaw(Array("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\nab".utf8))
        Thread.sleep(forTimeInterval: 2.5)
        #expect(client.isClosedByServer())
    }

    /// The idle timeout restarts with every byte, so an upload that keeps sending outlasts it.
    @Test func steadyUploadOutlastsIdleTimeout() throws {
        let server = try Self.makeServer(timeout: 1)
        defer { server.stop() }
        let client = try RawHTTPClient(port: try #require(server.boundPort))
        let chunk = [UInt8](repeating: 0x61, count: 500)
        client.sendRaw(Array("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 3000\r\n\r\n".utf8))
        for _ in 0..<6 {
            usleep(500_000)
            client.sendRaw(chunk)
        }
        let response = try client.readResponse()
        #expect(response.status == 200)
        #expect(response.body.count == 3000)
    }

    /// A connection whose handler runs longer than the idle timeout still gets its response.
    @Test func slowHandlerOutlastsIdleTimeout() throws {
        var router = Router()
        router.get("/slow") { _, _ in
            Thread.sleep(forTimeInterval: 2.5)
            return .text(200, "done")
        }
        let application = HTTPApplication(router: router, logger: .discarding, metrics: HTTPMetrics(namespace: "t"))
        var configuration = HTTPServerConfiguration()
        configuration.host = "127.0.0.1"
        configuration.port = 0
        configuration.connectionTimeoutSeconds = 1
        let server = HTTPServer(configuration: configuration, application: application)
        try server.start()
        defer { server.stop() }
        let response = try RawHTTPClient(port: try #require(server.boundPort)).request("GET", "/slow")
        #expect(response.status == 200)
        #expect(response.text == "done")
    }

    @Test func stopWaitsForRequestsInFlight() throws {
        var router = Router()
        router.get("/slow") { _, _ in
            Thread.sleep(forTimeInterval: 0.5)
            return .text(200, "done")
        }
        let application = HTTPApplication(router: router, logger: .discarding, metrics: HTTPMetrics(namespace: "t"))
        var configuration = HTTPServerConfiguration()
        configuration.host = "127.0.0.1"
        configuration.port = 0
        let server = HTTPServer(configuration: configuration, application: application)
        try server.start()
        let port = try #require(server.boundPort)
        nonisolated(unsafe) var status = 0
        let finished = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            if let client = try? RawHTTPClient(port: port), let response = try? client.request("GET", "/slow") {
                status = response.status
            }
            finished.signal()
        }
        Thread.sleep(forTimeInterval: 0.15)
        server.stop(gracePeriod: 5)
        finished.wait()
        #expect(status == 200)
        #expect((try? RawHTTPClient(port: port)) == nil)
    }

    @Test func metricsCountRequestsByRouteAndStatus() throws {
        let metrics = HTTPMetrics(namespace: "credeau_test")
        let server = try Self.makeServer(metrics: metrics)
        let client = try RawHTTPClient(port: try #require(server.boundPort))
        _ = try client.request("GET", "/health")
        _ = try client.request("GET", "/health")
        _ = try client.request("GET", "/nope")
        server.stop()
        metrics.increment("sms_extracted_total", by: 7, help: "SMS extracted.")
        let text = metrics.render()
        #expect(text.contains(#"credeau_test_http_requests_total{path="/health",method="GET",status="200"} 2"#))
        #expect(text.contains(#"credeau_test_http_requests_total{path="unmatched",method="GET",status="404"} 1"#))
        #expect(text.contains(#"credeau_test_http_request_duration_seconds_count 3"#))
        #expect(text.contains("credeau_test_http_requests_in_flight 0"))
        #expect(text.contains("credeau_test_sms_extracted_total 7"))
    }

    @Test func idleServerTrimsOnceAfterWork() throws {
        let server = try Self.makeServer(memoryTrimInterval: 0.05)
        defer { server.stop() }
        // Idle from the start with no request finished: nothing to give back.
        usleep(300_000)
        #expect(server.memoryTrimCount == 0)

        let client = try RawHTTPClient(port: try #require(server.boundPort))
        _ = try client.request("POST", "/echo", body: [UInt8](repeating: 0x61, count: 512 * 1024))
        let deadline = Date().addingTimeInterval(5)
        while server.memoryTrimCount == 0, Date() < deadline { usleep(20_000) }
        #expect(server.memoryTrimCount == 1)
        // Staying idle does not trim again.
        usleep(300_000)
        #expect(server.memoryTrimCount == 1)
    }

    @Test func inventedMethodsShareOneSeries() throws {
        let metrics = HTTPMetrics(namespace: "credeau_test")
        let server = try Self.makeServer(metrics: metrics)
        let client = try RawHTTPClient(port: try #require(server.boundPort))
        for method in ["AAA", "BBB", "CCC"] { _ = try client.request(method, "/x") }
        server.stop()
        let text = metrics.render()
        #expect(!text.contains(#"method="AAA""#))
        #expect(text.contains(#"credeau_test_http_requests_total{path="unmatched",method="OTHER",status="#))
        let series = text.split(separator: "\n").filter { $0.hasPrefix("credeau_test_http_requests_total{") }
        #expect(series.count == 1)
    }
}
