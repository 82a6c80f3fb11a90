import Foundation
import Synchronization
import Testing
@testable import CredeauKit

/// The handler pool of `HTTPServer`: probes that get responses while every worker waits, and stopping.
@Suite struct HTTPServerPoolTests {
    /// A route that blocks each request until the test opens the gate, counting those waiting.
    final class Gate: Sendable {
        private let semaphore = DispatchSemaphore(value: 0)
        let waiting = Atomic<Int>(0)
        let opened = Atomic<Bool>(false)

        /// Blocks until `open`, or 10 seconds so that a failed test cannot hang the run.
        func pass() {
            waiting.add(1, ordering: .relaxed)
            _ = semaphore.wait(timeout: .now() + 10)
        }

        func open(_ count: Int) {
            opened.store(true, ordering: .relaxed)
            for _ in 0..<count { semaphore.signal() }
        }

        /// Waits until `count` requests are blocked in `pass`, for at most five seconds.
        func awaitWaiting(_ count: Int) -> Bool {
            for _ in 0..<500 where waiting.load(ordering: .relaxed) < count { usleep(10_000) }
            return waiting.load(ordering: .relaxed) >= count
        }
    }

    /// A value shared with the client threads.
    final class Shared<Value: Sendable>: Sendable {
        let value: Mutex<Value>

        init(_ value: Value) { self.value = Mutex(value) }

        func read() -> Value { value.withLock { $0 } }
    }

    private func startServer(gate: Gate, threads: Int) throws -> HTTPServer {
        var router = Router()
        router.get("/health") { _, _ in .json(200, .object([("status", .string("ok"))])) }
        router.get("/hold") { _, _ in
            gate.pass()
            return .text(200, "released")
        }
        router.get("/quick") { _, _ in .text(200, "quick") }
        let application = HTTPApplication(router: router, logger: .discarding, metrics: HTTPMetrics(namespace: "t"))
        var configuration = HTTPServerConfiguration()
        configuration.host = "127.0.0.1"
        configuration.port = 0
        configuration.threads = threads
        let server = HTTPServer(configuration: configuration, application: application)
        try server.start()
        return server
    }

    /// Sends `GET /hold` on its own connection from a new thread; `done` is signalled with the status.
    private func holdInBackground(port: Int, statuses: Shared<[Int]>, done: DispatchSemaphore) {
        Thread.detachNewThread {
            let status = (try? RawHTTPClient(port: port).request("GET", "/hold"))?.status ?? 0
            statuses.value.withLock { $0.append(status) }
            done.signal()
        }
    }

    @Test func healthAnswersWhileEveryWorkerWaits() throws {
        let gate = Gate()
        let server = try startServer(gate: gate, threads: 2)
        defer { server.stop(gracePeriod: 5) }
        let port = try #require(server.boundPort)
        let statuses = Shared<[Int]>([])
        let done = DispatchSemaphore(value: 0)
        // Two requests take both workers and a third waits in the queue.
        for _ in 0..<3 { holdInBackground(port: port, statuses: statuses, done: done) }
        #expect(gate.awaitWaiting(2))

        let health = try RawHTTPClient(port: port, timeoutSeconds: 5).request("GET", "/health")
        let answeredBeforeRelease = !gate.opened.load(ordering: .relaxed)
        gate.open(3)
        for _ in 0..<3 { done.wait() }

        #expect(health.status == 200)
        #expect(answeredBeforeRelease)
        #expect(statuses.read() == [200, 200, 200])
    }

    @Test func responsesCloseConnectionsOnceStopping() throws {
        let gate = Gate()
        let server = try startServer(gate: gate, threads: 2)
        let port = try #require(server.boundPort)
        let keptAlive = try RawHTTPClient(port: port)
        #expect(try keptAlive.request("GET", "/quick").headers["connection"] == nil)
        let statuses = Shared<[Int]>([])
        let done = DispatchSemaphore(value: 0)
        holdInBackground(port: port, statuses: statuses, done: done)
        #expect(gate.awaitWaiting(1))

        let stopped = DispatchSemaphore(value: 0)
        let unfinished = Shared(-1)
        Thread.detachNewThread {
            let count = server.stop(gracePeriod: 5)
            unfinished.value.withLock { $0 = count }
            stopped.signal()
        }
        // The listener closes first, so a refused connection shows that stopping has begun.
        for _ in 0..<500 where (try? RawHTTPClient(port: port)) != nil { usleep(10_000) }
        let during = try keptAlive.request("GET", "/quick")
        gate.open(1)
        done.wait()
        stopped.wait()

        #expect(during.status == 200)
        #expect(during.headers["connection"]?.lowercased() == "close")
        #expect(keptAlive.isClosedByServer())
        #expect(statuses.read() == [200])
        #expect(unfinished.read() == 0)
    }

    @Test func requestAfterGracePeriodGets503() throws {
        let gate = Gate()
        let server = try startServer(gate: gate, threads: 2)
        let port = try #require(server.boundPort)
        let keptAlive = try RawHTTPClient(port: port)
        #expect(try keptAlive.request("GET", "/quick").status == 200)
        let statuses = Shared<[Int]>([])
        let done = DispatchSemaphore(value: 0)
        holdInBackground(port: port, statuses: statuses, done: done)
        #expect(gate.awaitWaiting(1))

        // The handler outlives the grace period: stop returns without waiting for it.
        let unfinished = server.stop(gracePeriod: 0.2)
        let late = try keptAlive.request("GET", "/quick")
        gate.open(1)
        done.wait()

        #expect(unfinished == 1)
        #expect(late.status == 503)
        #expect(late.headers["retry-after"] == "1")
        #expect(late.headers["x-request-id"] != nil)
        #expect(late.headers["connection"]?.lowercased() == "close")
        #expect(statuses.read() == [200])
    }

    private func startEchoServer(bufferedBodyBytes: Int) throws -> HTTPServer {
        var router = Router()
        router.post("/echo") { request, _ in HTTPResponse(status: 200, body: request.body) }
        let application = HTTPApplication(router: router, logger: .discarding, metrics: HTTPMetrics(namespace: "t"))
        var configuration = HTTPServerConfiguration()
        configuration.host = "127.0.0.1"
        configuration.port = 0
        configuration.threads = 2
        configuration.maxBodyBytes = 1_000_000
        configuration.maxBufferedBodyBytes = bufferedBodyBytes
        let server = HTTPServer(configuration: configuration, application: application)
        try server.start()
        return server
    }

    @Test func bodiesPastTheBudgetGet503() throws {
        let server = try startEchoServer(bufferedBodyBytes: 1_200_000)
        defer { server.stop(gracePeriod: 5) }
        let port = try #require(server.boundPort)
        let body = [UInt8](repeating: UInt8(ascii: "a"), count: 900_000)
        let head = Array("POST /echo HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: \(body.count)\r\n\r\n".utf8)

        // The first body is half sent, so the bytes it has buffered stay reserved.
        let first = try RawHTTPClient(port: port)
        first.sendRaw(head + body[..<450_000])
        // Once 400,000 bytes are in, at least 400,000 are reserved, which leaves no room for 900,000 more.
        for _ in 0..<500 where server.bufferedBodyBytes < 400_000 { usleep(10_000) }
        #expect(server.bufferedBodyBytes >= 400_000)
        let rejected = try RawHTTPClient(port: port).request("POST", "/echo", body: body)
        first.sendRaw(Array(body[450_000...]))
        let firstResponse = try first.readResponse()
        // The first request has ended, so its bytes are free again.
        let later = try RawHTTPClient(port: port).request("POST", "/echo", body: body)

        #expect(rejected.status == 503)
        #expect(rejected.headers["retry-after"] == "1")
        #expect(rejected.text.contains("too many large request bodies"))
        #expect(firstResponse.status == 200)
        #expect(firstResponse.body == body)
        #expect(later.status == 200)
        #expect(later.body.count == body.count)
    }

    @Test func announcedLengthsTakeNoBudget() throws {
        let server = try startEchoServer(bufferedBodyBytes: 1_200_000)
        defer { server.stop(gracePeriod: 1) }
        let port = try #require(server.boundPort)
        // Four connections announce large bodies and send none of their bytes.
        let idle = try (0..<4).map { _ in try RawHTTPClient(port: port) }
        for client in idle {
            client.sendRaw(Array("POST /echo HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 1000000\r\n\r\n".utf8))
        }
        for _ in 0..<500 where server.requestsInFlight < 4 { usleep(10_000) }
        #expect(server.bufferedBodyBytes == 0)

        let small = try RawHTTPClient(port: port).request("POST", "/echo", body: Array("{}".utf8))

        #expect(server.requestsInFlight >= 4)
        #expect(small.status == 200)
        #expect(small.text == "{}")
    }

    @Test func oneBodyOfTheLargestSizeAlwaysFits() throws {
        // The cap is lower than the largest body; such a body alone must still be served.
        let server = try startEchoServer(bufferedBodyBytes: 300_000)
        defer { server.stop(gracePeriod: 1) }
        let port = try #require(server.boundPort)
        let body = [UInt8](repeating: UInt8(ascii: "b"), count: 1_000_000)

        let response = try RawHTTPClient(port: port).request("POST", "/echo", body: body)

        #expect(response.status == 200)
        #expect(response.body == body)
    }

    @Test func queuedRequestsGet503WhenGraceEnds() throws {
        let gate = Gate()
        let server = try startServer(gate: gate, threads: 1)
        let port = try #require(server.boundPort)
        let statuses = Shared<[Int]>([])
        let done = DispatchSemaphore(value: 0)
        // One request takes the only worker; the second waits in the queue.
        holdInBackground(port: port, statuses: statuses, done: done)
        #expect(gate.awaitWaiting(1))
        holdInBackground(port: port, statuses: statuses, done: done)
        for _ in 0..<500 where server.requestsInFlight < 2 { usleep(10_000) }

        let unfinished = server.stop(gracePeriod: 0.5)
        done.wait()
        let rejectedFirst = statuses.read()
        gate.open(1)
        done.wait()

        #expect(unfinished == 1)
        #expect(rejectedFirst == [503])
        #expect(statuses.read() == [503, 200])
    }
}
