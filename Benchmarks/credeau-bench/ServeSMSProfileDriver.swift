import CredeauKit
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs the serve-sms request path in-process, without sockets, for profilers such as
/// `valgrind --tool=callgrind`, whose instruction counts repeat from run to run on a busy machine.
///
/// Each of the `--iterations N` requests (default 20) goes through `HTTPApplication.respond`
/// (routing, handler, access log, metrics) with a batch of `--batch N` synthetic SMS (default
/// 1000) and a new user id, against a temporary SQLite file with a Fernet key, so every SMS is
/// extracted, encrypted, inserted and returned. Two warm-up requests run first and are not timed.
/// `--accept TEXT` sends that Accept header, such as serve-insights' (BSON without the columns
/// it takes from its own batch). Without it the response is JSON.
func runServeSMSProfileDriver(arguments: [String]) {
    var iterations = 20, batchSize = 1000
    var accept: String?
    var index = 0
    while index + 1 < arguments.count {
        let value = arguments[index + 1]
        switch arguments[index] {
        case "--iterations": iterations = max(1, Int(value) ?? iterations)
        case "--batch": batchSize = max(1, Int(value) ?? batchSize)
        case "--accept": accept = value
        default: print("Ignoring unknown option '\(arguments[index])'")
        }
        index += 2
    }
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("credeau-bench-profile-\(getpid())")
    try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }

    do {
        let environment = ServiceEnvironment(variables: [
            "LAUNCH_ENVIRONMENT": "prod", "DB_ENCRYPTION_KEY": try Fernet.generateKey(),
            "CREDEAU_SQLITE_PATH": directory.appendingPathComponent("profile.db").path,
            "MAX_SMS_COUNT": String(max(1000, batchSize)),
        ])
        let settings = try SMSServiceSettings(environment: environment, logLevel: .info)
        let logger = Logger(label: "credeau.serve-sms", level: .info, sink: DiscardingLogSink())
        let service = try SMSService(settings: settings, logger: logger)
        let application = HTTPApplication(router: service.makeRouter(), logger: logger, metrics: service.metrics)

        let smsArray = syntheticSMSArray(count: batchSize)
        func request(_ number: Int) -> HTTPRequest {
            let body = Array(#"{"client_id":"bench","user_id":"u-\#(number)","sms":"#.utf8) + smsArray + [UInt8(ascii: "}")]
            var headers = ["content-type": "application/json"]
            if let accept { headers["accept"] = accept }
            return HTTPRequest(method: "POST", path: "/api/extract_sms", headers: headers, body: body, clientAddress: "127.0.0.1")
        }

        for number in 0..<2 {
            _ = application.respond(to: request(-1 - number), bodyTooLarge: false, maxBodyBytes: settings.maxBodyBytes)
        }
        let requests = (0..<iterations).map(request)
        let started = DispatchTime.now().uptimeNanoseconds
        var responseBytes = 0
        for item in requests {
            let response = application.respond(to: item, bodyTooLarge: false, maxBodyBytes: settings.maxBodyBytes)
            guard response.status == 200 else {
                print("serve-sms profile driver: request failed with status \(response.status): "
                      + String(decoding: response.body, as: UTF8.self))
                exit(ExitStatus.failure)
            }
            responseBytes += response.body.count
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        print("serve-sms in-process: \(iterations) requests of \(batchSize) SMS, "
              + "\(Int(Double(iterations * batchSize) / seconds)) SMS/s on one thread, "
              + "\(responseBytes / iterations) response bytes per request")
    } catch {
        print("serve-sms profile driver failed: \(error)")
        exit(ExitStatus.failure)
    }
}
