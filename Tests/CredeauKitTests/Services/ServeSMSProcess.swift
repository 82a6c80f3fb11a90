import CredeauKit
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A `credeau serve-sms` process started from the debug build on a free loopback port.
///
/// It is spawned with an empty signal mask (through `ScriptRunner.spawn`), so SIGTERM reaches it.
final class ServeSMSProcess {
    let pid: pid_t
    let port: Int
    let startupLine: String
    let errorPath: String
    private let outputPath: String
    private var exitStatus: Int32?

    static var binary: String {
        StorageTestSupport.packageRoot.appendingPathComponent(".build/debug/credeau").path
    }

    /// The variables every test sets, so that settings of the shell running the tests do not leak in.
    static func baseEnvironment(sqlitePath: String) -> [String: String] {
        ["DB_HOST": "", "DB_ENCRYPTION_KEY": "", "MAX_SMS_COUNT": "", "LAUNCH_ENVIRONMENT": "dev", "LOG_LEVEL": "info",
         "CREDEAU_SQLITE_PATH": sqlitePath]
    }

    /// Starts the service and waits until it prints its startup line and `/health` returns 200.
    /// `shellSetup`, such as `ulimit -Sn 300`, runs in a shell that then replaces itself with
    /// the service, so `pid` is still the service's own.
    init(environment: [String: String], shellSetup: String? = nil) throws {
        outputPath = ScriptRunner.temporaryOutputPath()
        errorPath = ScriptRunner.temporaryOutputPath()
        let arguments = ["serve-sms", "--host", "127.0.0.1", "--port", "0"]
        if let shellSetup {
            pid = try ScriptRunner.spawn("/bin/sh", ["-c", shellSetup + #"; exec "$0" "$@""#, Self.binary] + arguments,
                                         environment: environment, outputPath: outputPath, errorPath: errorPath)
        } else {
            pid = try ScriptRunner.spawn(Self.binary, arguments, environment: environment, outputPath: outputPath,
                                         errorPath: errorPath)
        }
        var line: String?
        for _ in 0..<400 {
            let text = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
            if let found = text.split(separator: "\n").first(where: { $0.contains("listening on http://") }) {
                line = String(found)
                break
            }
            var status: Int32 = 0
            if waitpid(pid, &status, WNOHANG) == pid {
                exitStatus = status
                throw ServeSMSProcessError.exited(stderr: (try? String(contentsOfFile: errorPath, encoding: .utf8)) ?? "")
            }
            usleep(50_000)
        }
        guard let line, let portText = line.split(separator: " ").first(where: { $0.hasPrefix("http://") })?
            .split(separator: ":").last, let port = Int(portText)
        else {
            kill(pid, SIGKILL)
            _ = ScriptRunner.wait(for: pid)
            exitStatus = 0
            throw ServeSMSProcessError.noStartupLine
        }
        self.port = port
        startupLine = line
        for _ in 0..<100 {
            if let client = try? RawHTTPClient(port: port), (try? client.request("GET", "/health"))?.status == 200 { return }
            usleep(50_000)
        }
        throw ServeSMSProcessError.noHealth
    }

    /// Runs `credeau serve-sms` expecting it to exit during start; returns the status and standard error.
    static func failedStart(environment: [String: String]) throws -> (status: Int32, stderr: String) {
        let outputPath = ScriptRunner.temporaryOutputPath()
        let errorPath = ScriptRunner.temporaryOutputPath()
        defer {
            try? FileManager.default.removeItem(atPath: outputPath)
            try? FileManager.default.removeItem(atPath: errorPath)
        }
        let pid = try ScriptRunner.spawn(binary, ["serve-sms", "--host", "127.0.0.1", "--port", "0"],
                                         environment: environment, outputPath: outputPath, errorPath: errorPath)
        var status: Int32 = 0
        for _ in 0..<200 {
            if waitpid(pid, &status, WNOHANG) == pid {
                return ((status >> 8) & 0xff, (try? String(contentsOfFile: errorPath, encoding: .utf8)) ?? "")
            }
            usleep(50_000)
        }
        kill(pid, SIGKILL)
        _ = ScriptRunner.wait(for: pid)
        throw ServeSMSProcessError.didNotExit
    }

    func client() throws -> RawHTTPClient {
        try RawHTTPClient(port: port, timeoutSeconds: 30)
    }

    /// Standard error so far: the JSON log lines.
    var logText: String {
        (try? String(contentsOfFile: errorPath, encoding: .utf8)) ?? ""
    }

    /// Sends `signal` and waits for the process to end; returns its exit status.
    func stop(signal: Int32 = SIGTERM) -> Int32 {
        if let exitStatus { return exitStatus }
        kill(pid, signal)
        let status = ScriptRunner.wait(for: pid)
        exitStatus = status
        return status
    }

    deinit {
        if exitStatus == nil {
            kill(pid, SIGKILL)
            _ = ScriptRunner.wait(for: pid)
        }
        try? FileManager.default.removeItem(atPath: outputPath)
        try? FileManager.default.removeItem(atPath: errorPath)
    }
}

enum ServeSMSProcessError: Error {
    case exited(stderr: String)
    case noStartupLine
    case noHealth
    case didNotExit
}

/// Request bodies and response readers shared by the serve-sms tests.
enum ServeSMSTestSupport {
    static let casesPath = StorageTestSupport.packageRoot
        .appendingPathComponent("Tests/CredeauKitTests/Fixtures/extraction-cases.jsonl").path

    /// Epoch milliseconds of the first case's `sms_inbox_date`; later cases are a minute apart.
    static let firstInboxMillis: Int64 = 1_772_541_341_000

    /// One case of a JSON Lines case file: id, sender, body and the expected values.
    struct Case {
        var id: String
        var sender: String?
        var body: String
        var expect: [String: Any]
    }

    static func loadCases(_ path: String = casesPath) throws -> [Case] {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        return text.split(separator: "\n").compactMap { line in
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                  let id = object["id"] as? String, let body = object["body"] as? String
            else { return nil }
            return Case(id: id, sender: object["sender"] as? String, body: body,
                        expect: object["expect"] as? [String: Any] ?? [:])
        }
    }

    /// The raw SMS the tests send for `cases`, with dates a minute apart.
    static func rawSMS(_ cases: [Case]) -> [RawSMS] {
        cases.enumerated().map { index, item in
            RawSMS(id: item.id, sender: item.sender, body: item.body,
                   inboxDateMillis: firstInboxMillis + Int64(index) * 60_000)
        }
    }

    /// A `/api/extract_sms` body for `sms`.
    static func body(clientID: String = "acme", userID: String = "user-1", requestID: String? = nil,
                     sms: [RawSMS]) -> [UInt8] {
        var members: [(String, JSONValue)] = [("client_id", .string(clientID)), ("user_id", .string(userID))]
        if let requestID { members.append(("request_id", .string(requestID))) }
        let items: [JSONValue] = sms.map { item in
            .object([
                ("sms_id", .string(item.id)), ("sms_sender", item.sender.map(JSONValue.string) ?? .null),
                ("sms_body", .string(item.body)), ("sms_inbox_date", item.inboxDateMillis.map(JSONValue.integer) ?? .null),
            ])
        }
        members.append(("sms", .array(items)))
        return JSONWriter.encode(.object(members))
    }

    /// A batch of `count` simple debit SMS with ids `prefix-0`, `prefix-1` ….
    static func debitSMS(count: Int, prefix: String = "sms") -> [RawSMS] {
        (0..<count).map { index in
            RawSMS(id: "\(prefix)-\(index)", sender: "VM-HDFCBK-S",
                   body: "Rs.\(100 + index).00 debited from A/c XX4821 on 12-03-26 to VPA shop\(index)@okaxis (UPI Ref No 6077123\(index)).",
                   inboxDateMillis: firstInboxMillis + Int64(index) * 1000)
        }
    }

    /// The entries of a 200 response.
    static func entries(_ response: RawHTTPClient.Response) throws -> [JSONValue] {
        let value = try JSONParser.parse(response.body)
        return value["extracted_sms_data"]?.arrayValue ?? []
    }

    /// The value of an unlabelled Prometheus sample such as `credeau_sms_extracted_total 3`.
    static func metric(_ name: String, in text: String) -> Double? {
        for line in text.split(separator: "\n") where line.hasPrefix(name + " ") {
            return Double(line.dropFirst(name.count + 1))
        }
        return nil
    }

    /// Decrypts a Fernet token with Python's `cryptography` package.
    static func decryptWithPython(_ python: String, key: String, token: String) throws -> ScriptRunner.Result {
        let script = "import sys; from cryptography.fernet import Fernet; "
            + "sys.stdout.write(Fernet(sys.argv[1].encode()).decrypt(sys.argv[2].encode()).decode())"
        return try ScriptRunner.run(python, ["-c", script, key, token])
    }
}
