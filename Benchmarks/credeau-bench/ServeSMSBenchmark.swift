import CredeauKit
import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Load-tests a local `credeau serve-sms` (the release binary beside this one) with batches of
/// synthetic SMS over keep-alive connections, on SQLite and, when `CREDEAU_BENCH_PG_URL` is set,
/// on PostgreSQL. The service runs as in production: `LAUNCH_ENVIRONMENT=prod`, a Fernet key,
/// info logs. Every request uses a new user id, so every SMS is extracted, encrypted and inserted.
///
/// Two phases: one connection, for the latency of a batch without queueing, then `connections`
/// connections, for throughput. SMS per second per core divides the SMS of the second phase by
/// the service's CPU seconds (utime + stime from /proc), so the load generator's own CPU on the
/// same machine is not counted. Peak RSS is the service's VmHWM.
///
/// Options: `--seconds N` per phase (default 10), `--connections N` (default 4), `--batch N`
/// SMS per request (default 1000).
func runServeSMSBenchmark(arguments: [String]) {
    var seconds = 10.0, connections = 4, batchSize = 1000
    var index = 0
    while index + 1 < arguments.count {
        let value = arguments[index + 1]
        switch arguments[index] {
        case "--seconds": seconds = Double(value) ?? seconds
        case "--connections": connections = max(1, Int(value) ?? connections)
        case "--batch": batchSize = max(1, Int(value) ?? batchSize)
        default: print("Ignoring unknown option '\(arguments[index])'")
        }
        index += 2
    }
    let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        .appendingPathComponent("credeau").path
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("credeau-bench-sms-\(getpid())")
    try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }

    var targets: [(name: String, environment: [String: String])] = [
        ("SQLite", ["DB_HOST": "", "CREDEAU_SQLITE_PATH": directory.appendingPathComponent("bench.db").path]),
    ]
    if let url = ProcessInfo.processInfo.environment["CREDEAU_BENCH_PG_URL"], !url.isEmpty {
        do {
            let configuration = try PostgresConfiguration(url: url)
            let migrate = Process()
            migrate.executableURL = URL(fileURLWithPath: binary)
            migrate.arguments = ["migrate", "--postgres-url", url]
            migrate.standardOutput = FileHandle.nullDevice
            try migrate.run()
            migrate.waitUntilExit()
            targets.append(("PostgreSQL", [
                "DB_HOST": configuration.host, "DB_PORT": String(configuration.port), "DB_USER": configuration.user,
                "DB_PASSWORD": configuration.password, "DB_NAME": configuration.database,
            ]))
        } catch {
            print("serve-sms PostgreSQL benchmark skipped: \(error)")
        }
    }

    let smsArray = syntheticSMSArray(count: batchSize)
    print("serve-sms: \(batchSize) SMS per request (\(smsArray.count / 1024) KiB), \(connections) connections, "
          + "\(Int(seconds)) s per phase, \(ProcessInfo.processInfo.activeProcessorCount) cores")
    for target in targets {
        do {
            try benchmarkServeSMS(binary: binary, name: target.name, environment: target.environment, smsArray: smsArray,
                                  batchSize: batchSize, connections: connections, seconds: seconds, directory: directory)
        } catch {
            print("serve-sms \(target.name) benchmark failed: \(error)")
        }
    }
}

/// `[{"sms_id": …}, …]` for `count` synthetic SMS, built once and reused in every request.
func syntheticSMSArray(count: Int) -> [UInt8] {
    var generator = SyntheticSMSGenerator(seed: 42)
    let items: [JSONValue] = (0..<count).map { index in
        let sms = generator.next(id: index)
        return .object([
            ("sms_id", .string("s\(index)")), ("sms_sender", sms.sender.map(JSONValue.string) ?? .null),
            ("sms_body", .string(sms.body)), ("sms_inbox_date", .integer(1_772_541_341_000 + Int64(index) * 60_000)),
        ])
    }
    return JSONWriter.encode(.array(items))
}

private func benchmarkServeSMS(binary: String, name: String, environment: [String: String], smsArray: [UInt8],
                               batchSize: Int, connections: Int, seconds: Double, directory: URL) throws {
    let outputPath = directory.appendingPathComponent("serve-\(name).out").path
    _ = FileManager.default.createFile(atPath: outputPath, contents: nil)
    let server = Process()
    server.executableURL = URL(fileURLWithPath: binary)
    server.arguments = ["serve-sms", "--host", "127.0.0.1", "--port", "0"]
    server.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }.merging([
        "LAUNCH_ENVIRONMENT": "prod", "LOG_LEVEL": "info", "DB_ENCRYPTION_KEY": try Fernet.generateKey(),
        "MAX_SMS_COUNT": String(max(1000, batchSize)),
    ]) { _, new in new }
    server.standardOutput = FileHandle(forWritingAtPath: outputPath)
    server.standardError = FileHandle.nullDevice
    try server.run()
    defer {
        server.terminate()
        server.waitUntilExit()
    }

    var port: Int?
    for _ in 0..<200 where port == nil {
        let text = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
        port = text.split(separator: " ").first { $0.hasPrefix("http://") }?.split(separator: ":").last.flatMap { Int($0) }
        if port == nil { usleep(50_000) }
    }
    guard let port else { throw BenchHTTPClient.Failure.connectFailed }
    let pid = server.processIdentifier
    let runTag = String(UInt32.random(in: 0...UInt32.max), radix: 16)
    let counter = RequestCounter()
    let body: @Sendable () -> [UInt8] = {
        let number = counter.next()
        return Array(#"{"client_id":"bench","user_id":"u-\#(runTag)-\#(number)","sms":"#.utf8) + smsArray + [UInt8(ascii: "}")]
    }

    // Warm-up, then one connection for latency without queueing.
    let single = try BenchHTTPClient(port: port)
    for _ in 0..<10 { _ = try single.post("/api/extract_sms", body: body()) }
    let alone = try runLoad(port: port, connections: 1, seconds: seconds, makeBody: body)

    let cpuBefore = processCPUSeconds(pid)
    let loaded = try runLoad(port: port, connections: connections, seconds: seconds, makeBody: body)
    let cpuSeconds = processCPUSeconds(pid) - cpuBefore
    let peakRSS = processMemoryKiB(pid, field: "VmHWM")

    let sms = Double(loaded.requests * batchSize)
    print("""
        serve-sms \(name):
          1 connection:  \(alone.requests) requests, p50 \(format(alone.percentile(0.5))) ms, p99 \(format(alone.percentile(0.99))) ms per \(batchSize)-SMS request
          \(connections) connections: \(Int(sms / loaded.seconds)) SMS/s wall, \(Int(sms / max(cpuSeconds, 0.001))) SMS/s per core \
        (service CPU \(format(cpuSeconds)) s over \(format(loaded.seconds)) s), p50 \(format(loaded.percentile(0.5))) ms, \
        p99 \(format(loaded.percentile(0.99))) ms, errors \(loaded.errors)
          peak RSS of the service: \(peakRSS / 1024) MB
        """)
}

/// Numbers the requests, so each one carries a new user id.
private final class RequestCounter: Sendable {
    private let value = Atomic<Int>(0)

    func next() -> Int { value.add(1, ordering: .relaxed).newValue }
}

private struct LoadResult {
    var requests = 0
    var errors = 0
    var seconds = 0.0
    var latenciesMs: [Double] = []

    func percentile(_ fraction: Double) -> Double {
        guard !latenciesMs.isEmpty else { return .nan }
        let sorted = latenciesMs.sorted()
        return sorted[min(sorted.count - 1, Int(Double(sorted.count - 1) * fraction))]
    }
}

/// Sends requests on `connections` keep-alive connections, one thread each, for `seconds`.
private func runLoad(port: Int, connections: Int, seconds: Double, makeBody: @escaping @Sendable () -> [UInt8]) throws -> LoadResult {
    let results = Mutex(LoadResult())
    let group = DispatchGroup()
    let start = DispatchTime.now().uptimeNanoseconds
    let deadline = start + UInt64(seconds * 1e9)
    for _ in 0..<connections {
        let client = try BenchHTTPClient(port: port)
        nonisolated(unsafe) let ownClient = client
        group.enter()
        Thread.detachNewThread {
            var local = LoadResult()
            while DispatchTime.now().uptimeNanoseconds < deadline {
                let body = makeBody()
                let sent = DispatchTime.now().uptimeNanoseconds
                let status = (try? ownClient.post("/api/extract_sms", body: body))?.status ?? 0
                local.latenciesMs.append(Double(DispatchTime.now().uptimeNanoseconds - sent) / 1e6)
                if status == 200 { local.requests += 1 } else { local.errors += 1 }
            }
            results.withLock { total in
                total.requests += local.requests
                total.errors += local.errors
                total.latenciesMs += local.latenciesMs
            }
            group.leave()
        }
    }
    group.wait()
    var result = results.withLock { $0 }
    result.seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    return result
}

/// CPU seconds (user + system) of process `pid`, from /proc/<pid>/stat.
private func processCPUSeconds(_ pid: Int32) -> Double {
    guard let text = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
          let close = text.lastIndex(of: ")")
    else { return 0 }
    // Fields after the command name: state is field 3, utime 14 and stime 15 (1-based).
    let fields = text[text.index(after: close)...].split(separator: " ")
    guard fields.count > 12, let user = Double(fields[11]), let system = Double(fields[12]) else { return 0 }
    return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
}

/// A `kB` field of /proc/<pid>/status, such as VmHWM (peak RSS).
private func processMemoryKiB(_ pid: Int32, field: String) -> Int {
    guard let text = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return 0 }
    for line in text.split(separator: "\n") where line.hasPrefix(field + ":") {
        return Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0
    }
    return 0
}

private func format(_ value: Double) -> String {
    String(format: "%.1f", value)
}
