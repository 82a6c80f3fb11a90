import CredeauKit
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Times `POST /api/insights` end to end against a local `serve-insights` that sends SMS to a
/// local `serve-sms`, both started from the `credeau` binary beside this one. With `--in-process`
/// no serve-sms runs: serve-insights extracts in its own process, as it does when
/// `SMS_EXTRACTOR_SERVICE_URL` is unset (the laptop default).
///
/// Each synthetic user has `--sms` SMS (default 5,000) received over the 180 days before the
/// cutoff. Every user is requested twice, one request at a time: the cold pass sends all SMS to
/// serve-sms, the warm pass finds them stored. Storage is a fresh SQLite file, or PostgreSQL
/// when `CREDEAU_BENCH_PG_URL` is set (a fresh client id keeps runs apart). Returns the requests
/// one core of serve-insights serves per second in the cold pass, from its CPU time.
struct InsightsServiceBenchmark {
    var users = 20
    var smsPerUser = 5_000
    var seed: UInt64 = 42
    /// CPU numbers that serve-insights and serve-sms are pinned to (`taskset`), or nil for none.
    var pinning: (insights: Int, sms: Int)?
    /// True to run serve-insights alone, extracting SMS in its own process.
    var inProcess = false
    /// The PostgreSQL server to run on, or nil for a fresh SQLite file.
    var postgresURL: String?

    /// The server that `CREDEAU_BENCH_PG_URL` names, or nil when it is unset or empty.
    static var environmentPostgresURL: String? {
        ProcessInfo.processInfo.environment["CREDEAU_BENCH_PG_URL"].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// Reads the options. `postgresURL` nil runs on SQLite.
    init(arguments: [String], postgresURL: String? = environmentPostgresURL) throws {
        self.postgresURL = postgresURL
        var index = 0
        while index < arguments.count {
            if arguments[index] == "--in-process" {
                inProcess = true
                index += 1
                continue
            }
            if arguments[index] == "--pin" {
                // "--pin 0,1": serve-insights on CPU 0 and serve-sms on CPU 1; "--pin 0,0" or "--pin 0":
                // both on CPU 0.
                let parts = index + 1 < arguments.count ? arguments[index + 1].split(separator: ",", omittingEmptySubsequences: false)
                    .map { Int($0) ?? -1 } : []
                let cpus = ProcessInfo.processInfo.activeProcessorCount
                guard (1...2).contains(parts.count), parts.allSatisfy({ (0..<cpus).contains($0) }) else {
                    throw BenchmarkOptionError.invalid("--pin (expected one or two CPU numbers from 0 to \(cpus - 1), such as 0,1)")
                }
                pinning = (parts[0], parts[parts.count - 1])
                index += 2
                continue
            }
            guard index + 1 < arguments.count, let number = Int(arguments[index + 1]), number > 0 else {
                throw BenchmarkOptionError.invalid(arguments[index])
            }
            switch arguments[index] {
            case "--users": users = number
            case "--sms": smsPerUser = number
            case "--seed": seed = UInt64(number)
            default: throw BenchmarkOptionError.invalid(arguments[index])
            }
            index += 2
        }
    }

    nonisolated(unsafe) private static var sharedKey: String?

    /// Returns the Fernet key of this process's runs, made by the first run (runs are sequential).
    private static func encryptionKey() throws -> String {
        if let sharedKey { return sharedKey }
        let key = try Fernet.generateKey()
        sharedKey = key
        return key
    }

    @discardableResult
    func run() throws -> Double {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("credeau-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let client = "bench\(UInt32.random(in: 0...UInt32.max))"
        let cutoff: Int64 = 1_773_599_399_000  // 2026-03-15 23:59:59 IST
        try writeDump(to: directory, client: client, cutoff: cutoff)

        var environment = ProcessInfo.processInfo.environment
        // CREDEAU_BENCH_LOG_LEVEL=info shows both services' access logs on standard error.
        environment["LOG_LEVEL"] = ProcessInfo.processInfo.environment["CREDEAU_BENCH_LOG_LEVEL"] ?? "warning"
        // serve-sms encrypts each stored body, as production requires. One key serves every run
        // of the process, because runs on PostgreSQL share one database and each service checks
        // at start that it can read the bodies stored before.
        environment["DB_ENCRYPTION_KEY"] = try Self.encryptionKey()
        let engine: String
        if let url = postgresURL {
            let login = try PostgresConfiguration(url: url)
            environment.merge([
                "DI_POSTGRES_HOST": login.host, "DI_POSTGRES_PORT": String(login.port), "DI_POSTGRES_USERNAME": login.user,
                "DI_POSTGRES_PASSWORD": login.password, "DI_POSTGRES_DATABASE": login.database,
                "DI_POSTGRES_SYNC_DATABASE": login.database, "DB_HOST": login.host, "DB_PORT": String(login.port),
                "DB_USER": login.user, "DB_PASSWORD": login.password, "DB_NAME": login.database,
            ]) { $1 }
            engine = "PostgreSQL \(login.endpoint)"
        } else {
            environment["CREDEAU_SQLITE_PATH"] = directory.appendingPathComponent("credeau.db").path
            engine = "SQLite"
        }
        let token = try BenchProcess.migrate(dump: directory.path, client: client + "_insights", environment: environment)

        let smsPort = BenchProcess.freePortPair()
        let sms: BenchProcess?
        if inProcess {
            sms = nil
            environment["SMS_EXTRACTOR_SERVICE_URL"] = nil
        } else {
            sms = try BenchProcess(["serve-sms", "--host", "127.0.0.1", "--port", String(smsPort)],
                                   environment: environment, cpu: pinning?.sms)
            environment["SMS_EXTRACTOR_SERVICE_URL"] = "http://127.0.0.1:\(smsPort)"
        }
        defer { sms?.stop() }
        let insightsPort = smsPort + 1
        let insights = try BenchProcess(["serve-insights", "--host", "127.0.0.1", "--port", String(insightsPort)],
                                        environment: environment, cpu: pinning?.insights)
        defer { insights.stop() }
        let http = CurlHTTPClient(maxConnections: 1, timeoutSeconds: 60)
        if sms != nil { try BenchProcess.waitForHealth(http, port: smsPort) }
        try BenchProcess.waitForHealth(http, port: insightsPort)

        let url = "http://127.0.0.1:\(insightsPort)/api/insights"
        let headers = ["x-client-id: \(client)_insights", "x-auth-token: \(token)"]
        var passes: [(name: String, samples: [Double], insightsCPU: Double, smsCPU: Double)] = []
        for name in ["cold", "warm"] {
            let insightsCPU = insights.cpuSeconds, smsCPU = sms?.cpuSeconds ?? 0
            var samples: [Double] = []
            for user in 0..<users {
                let body = Array(#"{"user_id": "u\#(user)", "client_id": "\#(client)_insights", "cutoff_date": "2026-03-15"}"#.utf8)
                let start = DispatchTime.now().uptimeNanoseconds
                let response = try http.postJSON(url: url, body: body, headers: headers)
                samples.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
                guard response.status == 200 else {
                    throw BenchmarkOptionError.failed("HTTP \(response.status): \(String(decoding: response.body.prefix(300), as: UTF8.self))")
                }
            }
            passes.append((name, samples.sorted(), insights.cpuSeconds - insightsCPU, (sms?.cpuSeconds ?? 0) - smsCPU))
        }

        let placement = pinning.map {
            inProcess ? ", on CPU \($0.insights)"
                : $0.insights == $0.sms ? ", both services on CPU \($0.sms)"
                : ", serve-insights on CPU \($0.insights), serve-sms on CPU \($0.sms)"
        } ?? ""
        let extraction = inProcess ? "extraction in process" : "serve-sms batches of 1,000"
        print("insights service: \(users) users of \(smsPerUser) SMS, one request at a time, \(engine), \(extraction)"
              + placement)
        for pass in passes {
            let p50 = pass.samples[pass.samples.count / 2]
            let p99 = pass.samples[min(pass.samples.count - 1, Int((Double(pass.samples.count) * 0.99).rounded(.up)) - 1)]
            let smsCPU = sms == nil ? "" : ", serve-sms \(format(pass.smsCPU * 1000 / Double(users))) ms"
            print("  \(pass.name): p50 \(format(p50)) ms, p99 \(format(p99)) ms; CPU per user: serve-insights "
                  + "\(format(pass.insightsCPU * 1000 / Double(users))) ms" + smsCPU)
        }
        if engine == "SQLite" {
            let stages = try Self.stageMillis(databasePath: directory.appendingPathComponent("credeau.db").path,
                                              expected: 2 * users)
            if stages.count == 2 * users {
                // Medians of each stage of time_json, cold pass first.
                let text = ["load_ms", "extract_ms", "features_ms", "total_ms"].map { name in
                    let cold = stages.prefix(users).compactMap { $0[name] }.sorted()
                    let warm = stages.suffix(users).compactMap { $0[name] }.sorted()
                    guard !cold.isEmpty, !warm.isEmpty else { return "\(name) missing" }
                    return "\(name) \(format(cold[cold.count / 2])) / \(format(warm[warm.count / 2]))"
                }
                // Only a first request that extracted in process waits for its background store.
                let waits = stages.prefix(users).compactMap { $0["store_wait_ms"] }.sorted()
                let wait = waits.isEmpty ? "" : ", store_wait_ms \(format(waits[waits.count / 2])) (cold)"
                print("  time_json p50, cold / warm: " + text.joined(separator: ", ") + wait)
                // The slowest first request by its own total, to tell a slow stage from a wait outside it.
                if let slowest = stages.prefix(users).max(by: { ($0["total_ms"] ?? 0) < ($1["total_ms"] ?? 0) }) {
                    let parts = ["load_ms", "extract_ms", "features_ms", "total_ms"].map { "\($0) \(format(slowest[$0] ?? 0))" }
                    print("  slowest cold request: " + parts.joined(separator: ", ")
                          + "; slowest as the client timed it \(format(passes[0].samples.last ?? 0)) ms")
                }
            } else {
                print("  time_json: \(stages.count) of \(2 * users) requests recorded, not reported")
            }
        }
        print("  peak RSS: serve-insights \(insights.peakRSSMegabytes) MB"
              + (sms.map { ", serve-sms \($0.peakRSSMegabytes) MB" } ?? ""))
        let rate = Double(users) / max(passes[0].insightsCPU, 1e-6)
        print("  serve-insights throughput (cold, CPU-bound): \(format(rate)) requests per core-second")
        return rate
    }

    /// Reads the stage times of each /api/insights request's stored time_json, oldest first. The
    /// records are written after the responses, so it waits up to 5 s for `expected` of them.
    private static func stageMillis(databasePath: String, expected: Int) throws -> [[String: Double]] {
        let database = try SQLiteDatabase(path: databasePath)
        var stages: [[String: Double]] = []
        for _ in 0..<100 {
            stages = try database.query("SELECT time_json FROM insights_response_dump ORDER BY rowid").compactMap { row in
                guard case let .text(text) = row.first, let value = try? JSONParser.parse(text) else { return nil }
                return Dictionary((value.objectValue ?? []).compactMap { name, time in time.doubleValue.map { (name, $0) } },
                                  uniquingKeysWith: { first, _ in first })
            }
            if stages.count >= expected { break }
            usleep(50_000)
        }
        return stages
    }

    /// Writes one `sms_sync_request_sms_data.json` line per user, with SMS spread over 180 days.
    private func writeDump(to directory: URL, client: String, cutoff: Int64) throws {
        var generator = SyntheticSMSGenerator(seed: seed)
        var random = SplitMix64(seed: seed &+ 1)
        var text: [UInt8] = []
        for user in 0..<users {
            text += Array(#"{"client_id":"\#(client)","user_id":"u\#(user)","request_id":"r\#(user)","#.utf8)
            text += Array(#""created_at":{"$date":{"$numberLong":"\#(cutoff - 3_600_000)"}},"sms":["#.utf8)
            for index in 0..<smsPerUser {
                let sms = generator.next(id: user * smsPerUser + index)
                let received = cutoff - Int64(random.next() % (180 * 86_400_000))
                if index > 0 { text.append(UInt8(ascii: ",")) }
                text += Array(#"{"sms_id":"#.utf8)
                JSONText.appendString(sms.id, to: &text)
                text += Array(#","sms_sender":"#.utf8)
                JSONText.appendString(sms.sender ?? "", to: &text)
                text += Array(#","sms_body":"#.utf8)
                JSONText.appendString(sms.body, to: &text)
                text += Array(#","sms_inbox_date":\#(received)}"#.utf8)
            }
            text += Array("]}\n".utf8)
        }
        try Data(text).write(to: directory.appendingPathComponent("sms_sync_request_sms_data.json"))
    }

    private func format(_ value: Double) -> String { String(format: "%.2f", value) }
}

enum BenchmarkOptionError: Error, CustomStringConvertible {
    case invalid(String)
    case failed(String)

    var description: String {
        switch self {
        case let .invalid(option): return "Invalid or incomplete option '\(option)'"
        case let .failed(reason): return "Benchmark failed: \(reason)"
        }
    }
}

/// A `credeau` service process started by the benchmark.
final class BenchProcess {
    private let process = Process()
    static let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        .appendingPathComponent("credeau")

    /// Starts `credeau` with `arguments`. With `cpu`, it starts through `taskset`, so every thread
    /// of the service runs on that CPU only. taskset replaces itself with the service, so the pid
    /// read for CPU time and RSS is the service's.
    init(_ arguments: [String], environment: [String: String], cpu: Int? = nil) throws {
        if let cpu {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/taskset")
            process.arguments = ["-c", String(cpu), Self.binary.path] + arguments
        } else {
            process.executableURL = Self.binary
            process.arguments = arguments
        }
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        try process.run()
    }

    func stop() {
        guard process.isRunning else { return }
        process.terminate()
        process.waitUntilExit()
    }

    /// User plus system CPU seconds so far, from `/proc/<pid>/stat` (fields 14 and 15, in clock ticks).
    var cpuSeconds: Double {
        guard let stat = try? String(contentsOfFile: "/proc/\(process.processIdentifier)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")")
        else { return 0 }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        guard fields.count > 13, let user = Double(fields[11]), let system = Double(fields[12]) else { return 0 }
        return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
    }

    /// `VmHWM` of `/proc/<pid>/status`: the peak resident set, in MB.
    var peakRSSMegabytes: Int {
        guard let status = try? String(contentsOfFile: "/proc/\(process.processIdentifier)/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
              let kilobytes = Int(line.split(separator: " ").dropFirst().first ?? "")
        else { return 0 }
        return kilobytes / 1024
    }

    static func migrate(dump: String, client: String, environment: [String: String]) throws -> String {
        let process = Process()
        process.executableURL = binary
        process.arguments = ["migrate", "--load", dump, "--add-client", client]
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        guard process.terminationStatus == 0,
              let line = text.split(separator: "\n").first(where: { $0.hasPrefix("auth_token: ") })
        else { throw BenchmarkOptionError.failed("credeau migrate failed: \(text)") }
        return String(line.dropFirst("auth_token: ".count))
    }

    /// Returns a port that, with the next one, can be bound on 127.0.0.1 now. It lies below the
    /// kernel's range for outgoing connections (32768 and up), where a random port in use by one
    /// of them once made a service fail to start.
    static func freePortPair() -> Int {
        for _ in 0..<100 {
            let port = Int.random(in: 20_000...32_000)
            if canBind(port), canBind(port + 1) { return port }
        }
        return Int.random(in: 20_000...32_000)
    }

    private static func canBind(_ port: Int) -> Bool {
        let socketFD = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socketFD >= 0 else { return false }
        defer { close(socketFD) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(socketFD, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
            }
        }
    }

    static func waitForHealth(_ http: CurlHTTPClient, port: Int) throws {
        for _ in 0..<500 {
            if let response = try? http.get(url: "http://127.0.0.1:\(port)/health"), response.status == 200 { return }
            usleep(20_000)
        }
        throw BenchmarkOptionError.failed("no service responded to /health on port \(port)")
    }
}
