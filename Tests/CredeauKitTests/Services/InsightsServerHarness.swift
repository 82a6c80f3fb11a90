import CredeauKit
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// A `credeau serve-insights` (or `serve-sms`) process started from the built binary for one
/// test, on a free 127.0.0.1 port, stopped (SIGKILL) when the harness goes away.
final class InsightsServerProcess {
    let port: Int
    let pid: pid_t
    let logPath: String
    private var isRunning = true

    static let binary = StorageTestSupport.packageRoot.appendingPathComponent(".build/debug/credeau").path

    init(command: String = "serve-insights", environment: [String: String]) throws {
        port = try Self.freePort()
        logPath = ScriptRunner.temporaryOutputPath()
        // The shell joins standard error (logs and the startup error) to the captured output, then
        // replaces itself with credeau, so `pid` is the service's own.
        pid = try ScriptRunner.spawn(
            "/bin/sh", ["-c", #"exec "$0" "$@" 2>&1"#, Self.binary, command, "--host", "127.0.0.1", "--port", String(port)],
            environment: environment, outputPath: logPath)
        // Wait for /health; the log shows why when the process exits early.
        for _ in 0..<300 {
            if let response = try? request("GET", "/health"), response.status == 200 { return }
            var status: Int32 = 0
            if waitpid(pid, &status, WNOHANG) == pid {
                isRunning = false
                throw InsightsServerError.exited(log: log)
            }
            usleep(20_000)
        }
        kill(pid, SIGKILL)
        _ = ScriptRunner.wait(for: pid)
        isRunning = false
        throw InsightsServerError.notHealthy(log: log)
    }

    var log: String { (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? "" }

    func request(_ method: String, _ path: String, headers: [String: String] = [:], body: [UInt8] = [])
        throws -> RawHTTPClient.Response
    {
        let client = try RawHTTPClient(port: port, timeoutSeconds: 30)
        var headers = headers
        headers["Connection"] = "close"
        if !body.isEmpty { headers["Content-Type"] = "application/json" }
        return try client.request(method, path, headers: headers, body: body)
    }

    /// Ends the process with SIGKILL, as a crashed replica ends.
    func killHard() {
        guard isRunning else { return }
        kill(pid, SIGKILL)
        _ = ScriptRunner.wait(for: pid)
        isRunning = false
    }

    /// Sends SIGTERM and returns the exit status.
    func terminate() -> Int32 {
        guard isRunning else { return -1 }
        kill(pid, SIGTERM)
        isRunning = false
        return ScriptRunner.wait(for: pid)
    }

    deinit {
        killHard()
        try? FileManager.default.removeItem(atPath: logPath)
    }

    /// Returns a port that was free a moment ago: bound to 0, read back and released. A failed
    /// bind is tried again a few times, because one full test run saw it fail once.
    static func freePort() throws -> Int {
        var lastError: Int32 = 0
        for attempt in 0..<5 {
            if attempt > 0 { usleep(50_000) }
            if let port = boundPort() { return port }
            lastError = errno
        }
        throw InsightsServerError.noFreePort(errno: lastError)
    }

    /// Binds a socket to port 0 on 127.0.0.1 and returns the port it got, or nil (see `errno`).
    private static func boundPort() -> Int? {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        inet_pton(AF_INET, "127.0.0.1", &address.sin_addr)
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(descriptor, $0, length) == 0 && getsockname(descriptor, $0, &length) == 0
            }
        }
        guard bound else { return nil }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}

enum InsightsServerError: Error {
    case exited(log: String)
    case notHealthy(log: String)
    /// No port could be bound; `errno` is the last failure's.
    case noFreePort(errno: Int32)
    case migrateFailed(String)
}

/// A listening socket that accepts connections and never responds: an SMS Extraction API that
/// hangs.
final class SilentListener {
    let port: Int
    private let descriptor: Int32

    init() throws {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        self.descriptor = descriptor
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        inet_pton(AF_INET, "127.0.0.1", &address.sin_addr)
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let ready = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(descriptor, $0, length) == 0 && getsockname(descriptor, $0, &length) == 0
            }
        }
        guard ready, listen(descriptor, 16) == 0 else {
            let failure = errno
            close(descriptor)
            throw InsightsServerError.noFreePort(errno: failure)
        }
        port = Int(UInt16(bigEndian: address.sin_port))
    }

    deinit { close(descriptor) }
}

/// A SQLite database migrated and loaded with the shipped fixtures, with one client.
struct InsightsFixtureDatabase {
    static let clientID = "lendwise_demo_insights"
    /// The user of the fixtures with the most SMS.
    static let userID = "cu-1001"

    let directory: URL
    let path: String
    let token: String

    init() throws {
        directory = try StorageTestSupport.temporaryDirectory()
        path = directory.appendingPathComponent("credeau.db").path
        token = try Self.migrate(["--sqlite", path], environment: [:])
    }

    /// Runs `credeau migrate --load fixtures/sync_db --add-client` and returns the new token.
    static func migrate(_ arguments: [String], environment: [String: String]) throws -> String {
        let fixtures = StorageTestSupport.packageRoot.appendingPathComponent("fixtures/sync_db").path
        let result = try ScriptRunner.run(
            InsightsServerProcess.binary,
            ["migrate", "--load", fixtures, "--add-client", clientID] + arguments, environment: environment)
        guard result.status == 0,
              let line = result.output.split(separator: "\n").first(where: { $0.hasPrefix("auth_token: ") })
        else { throw InsightsServerError.migrateFailed(result.output) }
        return String(line.dropFirst("auth_token: ".count))
    }

    /// The environment of a server on this database with nothing else configured.
    var environment: [String: String] {
        ["CREDEAU_SQLITE_PATH": path, "LOG_LEVEL": "info"]
    }

    func query(_ sql: String) throws -> [[SQLiteValue]] {
        try SQLiteDatabase(path: path).query(sql)
    }

    /// Polls `sql` (a count) until it reaches `minimum` or two seconds pass, since records are
    /// written in the background; returns the last count.
    func waitForCount(_ sql: String, atLeast minimum: Int64) throws -> Int64 {
        var count: Int64 = 0
        for _ in 0..<100 {
            if case let .integer(value)? = try query(sql).first?.first { count = value }
            if count >= minimum { return count }
            usleep(20_000)
        }
        return count
    }
}

extension RawHTTPClient.Response {
    var json: JSONValue? { try? JSONParser.parse(body) }

    /// Feature keys: every key after the five header keys of an insights answer.
    var featureNames: [String] {
        let header: Set<String> = ["user_id", "request_id", "data_requested_time", "data_processed_time", "message"]
        return (json?.objectValue ?? []).map(\.0).filter { !header.contains($0) }
    }
}

extension InsightsFixtureDatabase {
    /// Starts serve-insights with `settings` added to the fixture environment, sends the default
    /// insights request for the fixture user and returns the response.
    func insightsResponse(with settings: [String: String]) throws -> RawHTTPClient.Response {
        let server = try InsightsServerProcess(environment: environment.merging(settings) { $1 })
        let call = InsightsCall(token: token)
        return try server.request("POST", "/api/insights", headers: call.headers, body: call.body())
    }
}

/// Builds insights request bodies and headers for the fixture client.
struct InsightsCall {
    var token: String
    var clientID = InsightsFixtureDatabase.clientID

    var headers: [String: String] { ["x-client-id": clientID, "x-auth-token": token] }

    func body(userID: String = InsightsFixtureDatabase.userID, groupings: [String]? = nil, cutoff: String? = nil,
              clientID bodyClientID: String? = nil) -> [UInt8] {
        var members: [(String, JSONValue)] = [
            ("user_id", .string(userID)), ("client_id", .string(bodyClientID ?? clientID)),
        ]
        if let groupings { members.append(("groupings", .array(groupings.map(JSONValue.string)))) }
        if let cutoff { members.append(("cutoff_date", .string(cutoff))) }
        return JSONWriter.encode(.object(members))
    }
}

/// The features of a replica that extracts in process, to compare with a replica that uses an
/// SMS Extraction API.
enum InProcessInsightsReference {
    /// Returns the features whose values in `answer` differ from those a replica extracting in
    /// process computes on a fresh copy of the fixtures, or `["feature names"]` when the lists differ.
    static func differingFeatures(_ answer: RawHTTPClient.Response, groupings: [String], cutoff: String) throws -> [String] {
        let local = try InsightsFixtureDatabase()
        let inProcess = try InsightsServerProcess(environment: local.environment)
        let call = InsightsCall(token: local.token)
        let expected = try inProcess.request("POST", "/api/insights", headers: call.headers,
                                             body: call.body(groupings: groupings, cutoff: cutoff))
        guard answer.featureNames == expected.featureNames else { return ["feature names"] }
        let values = try #require(answer.json), expectedValues = try #require(expected.json)
        return expected.featureNames.filter { values[$0] != expectedValues[$0] }
    }
}

extension HTTPServer {
    /// Starts an in-process server for `router` on a free loopback port, for mock services.
    static func startedOnLoopback(router: Router, threads: Int? = nil) throws -> HTTPServer {
        var configuration = HTTPServerConfiguration()
        configuration.host = "127.0.0.1"
        configuration.port = 0
        if let threads { configuration.threads = threads }
        let server = HTTPServer(configuration: configuration, application: HTTPApplication(
            router: router, logger: .discarding, metrics: HTTPMetrics(namespace: "test")))
        try server.start()
        return server
    }
}
