import Foundation
import Testing
@testable import CredeauKit
#if canImport(Glibc)
import Glibc
#endif

/// `credeau serve-sms` under many idle or half-sent connections: the connection limits close new
/// connections at once, count and log them, and idle connections give their slots back after
/// `HTTP_IDLE_TIMEOUT_SECONDS`.
@Suite struct ServeSMSConnectionLimitTests {
    private static let warning = "new connections closed at a connection limit"

    /// A request head and the first half of its body, after which the client stops sending.
    private static let halfSentRequest = Array(
        "POST /api/extract_sms HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 100\r\n\r\n{\"client_id\":".utf8)

    private func environment(_ workspace: ServeSMSTests.Workspace, _ extra: [String: String]) -> [String: String] {
        workspace.environment(extra)
    }

    /// Opens `count` connections from `source`; every second one sends half a request.
    private func openSilentConnections(_ count: Int, port: Int, source: String = "127.0.0.1") throws -> [RawHTTPClient] {
        try (0..<count).map { index in
            let client = try RawHTTPClient(port: port, timeoutSeconds: 2, sourceAddress: source)
            if index % 2 == 1 { client.sendRaw(Self.halfSentRequest) }
            return client
        }
    }

    /// Opens idle connections from `source` until the server closes one at once, which shows that
    /// a limit is reached now, and returns them (the last one closed). The connections opened
    /// before may leave a slot or two free, because a connection closing (the startup check's)
    /// or two I/O threads accepting at once make the count differ by one for a moment.
    private func fillUp(port: Int, source: String = "127.0.0.1") throws -> [RawHTTPClient] {
        var opened: [RawHTTPClient] = []
        for _ in 0..<20 {
            let client = try RawHTTPClient(port: port, timeoutSeconds: 2, sourceAddress: source)
            opened.append(client)
            usleep(100_000)
            if client.isClosedNow() { break }
        }
        return opened
    }

    /// The connections a test opened up to a limit, and how many of them the server closed.
    private struct Flood {
        var connections: [RawHTTPClient]
        /// Closed within 0.3 s of the first `count` connections.
        var closedAtOnce: Int
        /// Closed once `fillUp` has reached the limit for certain.
        var closed: Int
    }

    /// Opens `count` silent connections from 127.0.0.1, then more until the server closes one.
    private func flood(_ count: Int, port: Int) throws -> Flood {
        var connections = try openSilentConnections(count, port: port)
        usleep(300_000)
        let closedAtOnce = connections.filter { $0.isClosedNow() }.count
        connections += try fillUp(port: port)
        #expect(connections.last?.isClosedNow() == true)
        return Flood(connections: connections, closedAtOnce: closedAtOnce,
                     closed: connections.filter { $0.isClosedNow() }.count)
    }

    private func rejected(_ reason: String, in metrics: String) -> Double? {
        ServeSMSTestSupport.metric("credeau_http_connections_rejected_total{reason=\"\(reason)\"}", in: metrics)
    }

    @Test func limitRejectsCountsAndRecovers() throws {
        let workspace = try ServeSMSTests.Workspace()
        let service = try ServeSMSProcess(environment: environment(workspace, [
            "HTTP_MAX_CONNECTIONS": "50", "HTTP_MAX_CONNECTIONS_PER_CLIENT": "0", "HTTP_IDLE_TIMEOUT_SECONDS": "3",
        ]))
        let opened = Date()
        let flood = try flood(60, port: service.port)
        let silent = flood.connections, closed = flood.closed
        #expect(flood.closedAtOnce >= 5, "\(flood.closedAtOnce) connections closed")
        #expect(flood.closedAtOnce <= 12, "\(flood.closedAtOnce) connections closed")
        #expect(throws: (any Error).self) { try RawHTTPClient(port: service.port).request("GET", "/health") }

        // The idle and half-sent connections time out after 3 s, and then /health returns 200.
        var health: RawHTTPClient.Response?
        var client: RawHTTPClient?
        var failedProbes = 0
        while health == nil, Date().timeIntervalSince(opened) < 10 {
            usleep(200_000)
            client = try? RawHTTPClient(port: service.port)
            health = try? client?.request("GET", "/health")
            if health == nil { failedProbes += 1 }
        }
        let recovery = Date().timeIntervalSince(opened)
        #expect(health?.status == 200)
        #expect(recovery >= 2.5, "/health answered after \(recovery) s")
        #expect(recovery < 6, "/health answered after \(recovery) s")
        // The connections opened to fill up the last slots time out up to a second later.
        let deadline = Date().addingTimeInterval(3)
        while !silent.allSatisfy({ $0.isClosedNow() }), Date() < deadline { usleep(100_000) }
        #expect(silent.allSatisfy { $0.isClosedNow() })

        let metrics = try #require(client).request("GET", "/metrics").text
        #expect(rejected("max_connections", in: metrics) == Double(closed + 1 + failedProbes), "\(metrics)")
        #expect(rejected("max_connections_per_client", in: metrics) == 0)
        #expect(ServeSMSTestSupport.metric("credeau_http_connections_max", in: metrics) == 50)
        #expect(ServeSMSTestSupport.metric("credeau_http_connections_open", in: metrics) == 1)

        // Eleven or more rejections, one warning: it repeats at most once a minute.
        let warnings = service.logText.split(separator: "\n").filter { $0.contains(Self.warning) }
        #expect(warnings.count == 1, "\(warnings)")
        #expect(warnings.first?.contains(#""reason":"max_connections""#) == true)
        #expect(service.logText.contains(#""msg":"connection limits","http.max_connections":"50""#))
        #expect(service.stop() == 0)
    }

    /// One client address cannot take every connection, so a probe from another address gets
    /// 200 while the first keeps its share idle.
    @Test func perClientLimitKeepsHealthReachable() throws {
        let workspace = try ServeSMSTests.Workspace()
        let service = try ServeSMSProcess(environment: environment(workspace, [
            "HTTP_MAX_CONNECTIONS": "50", "HTTP_IDLE_TIMEOUT_SECONDS": "5",
        ]))
        let flood = try flood(40, port: service.port)
        let silent = flood.connections, closed = flood.closed
        #expect(flood.closedAtOnce >= 10, "\(flood.closedAtOnce) connections closed")
        #expect(flood.closedAtOnce <= 17, "\(flood.closedAtOnce) connections closed")

        let probe = try RawHTTPClient(port: service.port, sourceAddress: "127.0.0.2")
        #expect(try probe.request("GET", "/health").status == 200)
        #expect(throws: (any Error).self) { try RawHTTPClient(port: service.port).request("GET", "/health") }

        let metrics = try probe.request("GET", "/metrics").text
        #expect(rejected("max_connections_per_client", in: metrics) == Double(closed + 1), "\(metrics)")
        #expect(rejected("max_connections", in: metrics) == 0)
        // 25 from 127.0.0.1, give or take one accepted at the same time, and the probe.
        let open = ServeSMSTestSupport.metric("credeau_http_connections_open", in: metrics) ?? 0
        #expect(open >= 25, "\(open) connections open")
        #expect(open <= 28, "\(open) connections open")
        let warnings = service.logText.split(separator: "\n").filter { $0.contains(Self.warning) }
        #expect(warnings.count == 1, "\(warnings)")
        #expect(warnings.first?.contains(#""client.ip":"127.0.0.1""#) == true)
        #expect(warnings.first?.contains(#""http.max_connections_per_client":"25""#) == true)
        #expect(service.stop() == 0)
        // The idle connections must stay open until here, or their slots would free up earlier.
        withExtendedLifetime(silent) {}
    }

    /// A low soft open file limit is raised to fit the connections and 256 other descriptors.
    @Test func lowSoftFileLimitRaised() throws {
        let workspace = try ServeSMSTests.Workspace()
        let service = try ServeSMSProcess(environment: environment(workspace, ["HTTP_MAX_CONNECTIONS": "500"]),
                                          shellSetup: "ulimit -Sn 300")
        let line = try #require(service.logText.split(separator: "\n").first { $0.contains(#""msg":"connection limits""#) })
        #expect(line.contains(#""http.max_connections":"500""#), "\(line)")
        #expect(line.contains(#""open_files.soft":"756""#), "\(line)")
        #expect(line.contains(#""open_files.soft_before":"300""#), "\(line)")
        #expect(service.stop() == 0)
    }

    /// A hard open file limit too low for the configured connections lowers the connection limit,
    /// with a warning, instead of letting accept() fail with EMFILE.
    @Test func lowHardFileLimitLowersConnectionLimit() throws {
        let workspace = try ServeSMSTests.Workspace()
        let service = try ServeSMSProcess(environment: environment(workspace, ["HTTP_MAX_CONNECTIONS": "500"]),
                                          shellSetup: "ulimit -n 300")
        let warning = try #require(service.logText.split(separator: "\n").first { $0.contains("the open file limit") })
        #expect(warning.contains(#""http.max_connections":"44""#), "\(warning)")
        #expect(warning.contains(#""http.max_connections_configured":"500""#), "\(warning)")
        #expect(warning.contains(#""open_files.hard":"300""#), "\(warning)")
        let metrics = try service.client().request("GET", "/metrics").text
        #expect(ServeSMSTestSupport.metric("credeau_http_connections_max", in: metrics) == 44)
        #expect(service.stop() == 0)
    }

    @Test func settingsFromEnvironment() throws {
        let defaults = try ServiceEnvironment(variables: [:]).httpConnectionLimits()
        #expect(defaults.maxConnections == 10_000)
        #expect(defaults.maxConnectionsPerClient == 5_000)
        #expect(defaults.idleTimeoutSeconds == 15)

        let set = try ServiceEnvironment(variables: [
            "HTTP_MAX_CONNECTIONS": "2000", "HTTP_IDLE_TIMEOUT_SECONDS": "5",
        ]).httpConnectionLimits()
        #expect(set.maxConnections == 2_000)
        #expect(set.maxConnectionsPerClient == 1_000)
        #expect(set.idleTimeoutSeconds == 5)
        #expect(try ServiceEnvironment(variables: ["HTTP_MAX_CONNECTIONS_PER_CLIENT": "0"])
            .httpConnectionLimits().maxConnectionsPerClient == 0)

        for (name, value) in [("HTTP_MAX_CONNECTIONS", "10"), ("HTTP_MAX_CONNECTIONS", "lots"),
                              ("HTTP_IDLE_TIMEOUT_SECONDS", "0"), ("HTTP_MAX_CONNECTIONS_PER_CLIENT", "-1")] {
            #expect(throws: ServiceConfigurationError.self, "\(name)=\(value)") {
                try ServiceEnvironment(variables: [name: value]).httpConnectionLimits()
            }
        }
        let failed = try ServeSMSProcess.failedStart(environment: ServeSMSProcess.baseEnvironment(sqlitePath: ":memory:")
            .merging(["HTTP_MAX_CONNECTIONS": "10"]) { $1 })
        #expect(failed.status == 2)
        #expect(failed.stderr.contains("Invalid HTTP_MAX_CONNECTIONS '10': expected a whole number from 16 to 1000000"),
                "\(failed.stderr)")
    }

    @Test func addressTextOfClientKey() {
        #expect(HTTPServer.addressText(clientKey: 0) == "unknown")
        #expect(HTTPServer.addressText(clientKey: 0x7f00_0001 + 1) == "127.0.0.1")
        #expect(HTTPServer.addressText(clientKey: 0x0a01_02ff + 1) == "10.1.2.255")
    }
}
