@testable import CredeauKit
import Foundation
import Synchronization
import Testing

@Suite struct RetryPolicyTests {
    @Test func serverErrorsAndRefusalsBackOff() {
        let policy = RetryPolicy(maxAttempts: 4, baseDelaySeconds: 0.1, maxDelaySeconds: 0.3)
        #expect(policy.delay(after: .status(503), attempt: 1) == 0.1)
        #expect(policy.delay(after: .connectionFailed, attempt: 2) == 0.2)
        #expect(policy.delay(after: .status(500), attempt: 3) == 0.3)
        #expect(policy.delay(after: .status(500), attempt: 4) == nil)
        #expect(policy.delay(after: .status(500), attempt: 1, jitter: 0) == 0.05)
    }

    @Test func clientErrorsAndTimeoutsStop() {
        let policy = RetryPolicy()
        #expect(policy.delay(after: .status(422), attempt: 1) == nil)
        #expect(policy.delay(after: .timedOut, attempt: 1) == nil)
    }
}

@Suite struct RateLimitWindowsTests {
    @Test func limitResetsWithTheWindow() {
        var windows = RateLimitWindows(limit: 2)
        #expect(windows.admit("a", nowSeconds: 120) == .allowed)
        #expect(windows.admit("a", nowSeconds: 130) == .allowed)
        #expect(windows.admit("a", nowSeconds: 135) == .limited(retryAfterSeconds: 45))
        #expect(windows.admit("b", nowSeconds: 135) == .allowed)
        #expect(windows.admit("a", nowSeconds: 180) == .allowed)
    }

    @Test func forwardedForOnlyFromTrustedProxies() throws {
        let limiter = RateLimiter(limitPerMinute: 10, trustedProxies: try TrustedProxies.parse("10.0.0.1").get())
        let viaProxy = HTTPRequest(method: "POST", path: "/", headers: ["x-forwarded-for": "203.0.113.9, 10.0.0.1"],
                                   clientAddress: "10.0.0.1")
        #expect(limiter.clientAddress(of: viaProxy) == "203.0.113.9")
        let direct = HTTPRequest(method: "POST", path: "/", headers: ["x-forwarded-for": "203.0.113.9"],
                                 clientAddress: "198.51.100.7")
        #expect(limiter.clientAddress(of: direct) == "198.51.100.7")
    }

    /// A forwarded entry that is no IP address counts as the proxy, so made-up values share one window.
    @Test func forwardedJunkCountsAsProxy() throws {
        let limiter = RateLimiter(limitPerMinute: 10, trustedProxies: try TrustedProxies.parse("127.0.0.1").get())
        for hop in ["junk0", "junk1", "7.7.7.07", "007.7.7.7", "203.0.113.9, junk"] {
            let request = HTTPRequest(method: "POST", path: "/", headers: ["x-forwarded-for": hop], clientAddress: "127.0.0.1")
            #expect(limiter.clientAddress(of: request) == "127.0.0.1", "\(hop)")
        }
    }

    @Test func trustedNetworksMatchByPrefix() throws {
        let proxies = try TrustedProxies.parse(" 10.0.0.0/8, 192.168.1.7 ,fd00::/8, 172.16.0.0/12").get()
        #expect(proxies.contains("10.200.3.4"))
        #expect(proxies.contains("::ffff:10.1.2.3"))
        #expect(proxies.contains("192.168.1.7"))
        #expect(!proxies.contains("192.168.1.8"))
        #expect(proxies.contains("fd12:3456::1"))
        #expect(!proxies.contains("fe80::1"))
        #expect(proxies.contains("172.31.255.255"))
        #expect(!proxies.contains("172.32.0.1"))
        #expect(!proxies.contains("11.0.0.1"))
        #expect(!proxies.contains("not an address"))
        #expect(try TrustedProxies.parse("0.0.0.0/0").get().contains("203.0.113.9"))
        #expect(try TrustedProxies.parse("").get() == .none)
    }

    @Test func mappedNetworkPrefixCountsAllBits() throws {
        let proxies = try TrustedProxies.parse("::ffff:10.0.0.0/104").get()
        #expect(proxies.contains("10.9.8.7"))
        #expect(!proxies.contains("11.0.0.1"))
    }

    @Test func addressSpellingsShareOneKey() throws {
        let limiter = RateLimiter(limitPerMinute: 10, trustedProxies: try TrustedProxies.parse("127.0.0.1").get())
        let spellings = ["1.1.1.1", "1.1.1.1:80", "::ffff:1.1.1.1", "[::ffff:1.1.1.1]:443"].map { hop in
            limiter.clientAddress(of: HTTPRequest(method: "POST", path: "/", headers: ["x-forwarded-for": hop],
                                                  clientAddress: "127.0.0.1"))
        }
        #expect(Set(spellings) == ["1.1.1.1"])
        #expect(TrustedProxies.canonicalAddress("2001:DB8::0:1") == "2001:db8::1")
        #expect(TrustedProxies.canonicalAddress("not an address") == "not an address")
    }

    @Test(arguments: ["lb.internal", "300.1.1.1", "10.0.0.0/33", "10.0.0.0/", "::1/129", "10.0.0.0/8x", "10.0.0.0/-1",
                      "10.0.0.0/+8", "::ffff:10.0.0.0/95"])
    func badTrustedProxyEntryIsNamed(entry: String) {
        #expect(throws: TrustedProxies.InvalidEntry(entry: entry)) {
            try TrustedProxies.parse("10.0.0.1, \(entry)").get()
        }
    }

    @Test func badTrustedProxyStopsTheSettings() {
        #expect(throws: ServiceConfigurationError.self) {
            try InsightsServiceSettings(environment: ServiceEnvironment(variables: ["INSIGHTS_TRUSTED_PROXIES": "lb.internal"]))
        }
    }
}

@Suite struct ClientAuthenticatorTests {
    @Test func tokensAreMasked() {
        #expect(ClientAuthenticator.mask("33c90237-cad2-46c9-9f05-841b62c4bcf8") == "33c9****************************bcf8")
        #expect(ClientAuthenticator.mask("short") == "*****")
    }

    /// Client ids that differ only in Unicode normalisation are two clients: the cached tokens
    /// of one never authorise the other.
    @Test func cachedTokensKeyedByIDBytes() throws {
        let authenticator = ClientAuthenticator(cacheSeconds: 60) { clientID in
            clientID.utf8.elementsEqual("\u{E9}".utf8) ? ["token-of-composed"] : []
        }
        #expect(try authenticator.isAuthorized(clientID: "\u{E9}", token: "token-of-composed"))
        #expect(try !authenticator.isAuthorized(clientID: "e\u{301}", token: "token-of-composed"))
    }

    @Test func cacheExpiresSoRemovedTokensStopWorking() throws {
        let tokens = Mutex<[String]>(["secret-token"])
        let lookups = Atomic<Int>(0)
        let authenticator = ClientAuthenticator(cacheSeconds: 0.2) { _ in
            lookups.add(1, ordering: .relaxed)
            return tokens.withLock { $0 }
        }
        #expect(try authenticator.isAuthorized(clientID: "acme", token: "secret-token"))
        #expect(try !authenticator.isAuthorized(clientID: "acme", token: "secret-tokeN"))
        #expect(lookups.load(ordering: .relaxed) == 1)
        tokens.withLock { $0 = [] }
        #expect(try authenticator.isAuthorized(clientID: "acme", token: "secret-token"))
        Thread.sleep(forTimeInterval: 0.25)
        #expect(try !authenticator.isAuthorized(clientID: "acme", token: "secret-token"))
    }
}

@Suite struct InsightsRequestTests {
    @Test func missingGroupingsMeansEveryGrouping() throws {
        let request = try InsightsRequest.parse(Array(#"{"user_id": "u", "client_id": "c"}"#.utf8), scoresAvailable: true)
        #expect(request.groupings == Set(FeatureGrouping.allCases))
        #expect(request.wantsScores)
        #expect(request.groupingNames == ["sms", "extracted_sms", "fraud", "scores"])
    }

    @Test func scoresNeedModels() {
        let body = Array(#"{"user_id": "u", "client_id": "c", "groupings": ["scores"]}"#.utf8)
        #expect(throws: ValidationError.self) { try InsightsRequest.parse(body, scoresAvailable: false) }
    }

    @Test func jobKeyIgnoresGroupingOrder() throws {
        let first = try InsightsRequest.parse(
            Array(#"{"user_id": "u", "client_id": "c", "groupings": ["fraud", "sms"]}"#.utf8), scoresAvailable: false)
        let second = try InsightsRequest.parse(
            Array(#"{"user_id": "u", "client_id": "c", "groupings": ["sms", "fraud", "sms"]}"#.utf8), scoresAvailable: false)
        #expect(first.jobKey == second.jobKey)
    }

    /// Ids that would form the same text once joined, or that differ only in Unicode
    /// normalisation, give different job keys.
    @Test func jobKeySeparatesIDs() throws {
        func key(_ client: String, _ user: String) throws -> String {
            let body = JSONWriter.encode(.object([("user_id", .string(user)), ("client_id", .string(client))]))
            return try InsightsRequest.parse(body, scoresAvailable: false).jobKey
        }
        #expect(try key("a\u{1F}b", "c") != key("a", "b\u{1F}c"))
        #expect(try key("c", "\u{E9}") != key("c", "e\u{301}"))
    }

    @Test(arguments: ["2026-04-30", "20260430"])
    func cutoffDateMeansEndOfDayInIndia(text: String) throws {
        let request = try InsightsRequest.parse(
            Array(#"{"user_id": "u", "client_id": "c", "cutoff_date": "\#(text)"}"#.utf8), scoresAvailable: false)
        #expect(request.cutoffMillis == IndiaTime.millis(year: 2026, month: 5, day: 1, hour: 0, minute: 0, second: 0) - 1)
    }

    @Test(arguments: ["20261330", "20260230", "00000000", "20260305999999", "-1", "-0", "+1773945599", "-1773945599"])
    func cutoffDigitsThatFormNoDateRejected(text: String) throws {
        #expect(throws: ValidationError.self) {
            try InsightsRequest.parse(
                Array(#"{"user_id": "u", "client_id": "c", "cutoff_date": "\#(text)"}"#.utf8), scoresAvailable: false)
        }
    }

    @Test(arguments: [("1773945599", 1_773_945_599_000), ("177394559", 177_394_559_000),
                      ("1773945599000", 1_773_945_599_000), ("17739455990", 17_739_455_990)] as [(String, Int64)])
    func cutoffEpochSecondsAndMillis(text: String, millis: Int64) throws {
        let request = try InsightsRequest.parse(
            Array(#"{"user_id": "u", "client_id": "c", "cutoff_date": "\#(text)"}"#.utf8), scoresAvailable: false)
        #expect(request.cutoffMillis == millis)
    }

    @Test func badCutoffMessageListsForms() throws {
        let body = Array(#"{"user_id": "u", "client_id": "c", "cutoff_date": "yesterday"}"#.utf8)
        do {
            _ = try InsightsRequest.parse(body, scoresAvailable: false)
            Issue.record("the cutoff_date 'yesterday' was accepted")
        } catch {
            let message = try #require(error.issues.first?.message)
            for form in ["YYYY-MM-DD", "YYYYMMDD", "YYYY-MM-DD HH:MM:SS", "YYYYMMDDHHMMSS", "ISO 8601", "Z", "+05:30",
                         "epoch seconds or milliseconds"] {
                #expect(message.contains(form), "\(message) lacks \(form)")
            }
        }
    }

    @Test func insightsSuffixIsDroppedForData() {
        #expect(InsightsRequest.dataClientID(of: "acme_insights") == "acme")
        #expect(InsightsRequest.dataClientID(of: "acme") == "acme")
    }
}

/// The SMS Extraction API client against an in-process HTTP server that fails on demand.
@Suite struct RemoteSMSClassifierTests {
    final class FlakyExtractionServer: Sendable {
        final class Counter: Sendable {
            let value = Atomic<Int>(0)
            /// The Accept-Encoding header of each call, "" when it was missing.
            let acceptEncodings = Mutex<[String]>([])
        }

        let server: HTTPServer
        private let counter = Counter()
        var calls: Int { counter.value.load(ordering: .relaxed) }
        var acceptEncodings: [String] { counter.acceptEncodings.withLock { $0 } }

        /// Answers 503 to the first `failures` calls, then extracts like serve-sms from JSON or BSON bodies.
        init(failures: Int) throws {
            let extractor = SMSExtractor()
            let counter = self.counter
            var router = Router()
            router.post("/api/extract_sms") { request, _ in
                counter.acceptEncodings.withLock { $0.append(request.header("accept-encoding") ?? "") }
                guard counter.value.add(1, ordering: .relaxed).newValue > failures else { return .json(503, .object([])) }
                let batch = SMSExtractionRequest.isBSON(contentType: request.header("content-type"))
                    ? try SMSExtractionRequest.parse(bson: request.body, maxSMSCount: 1000)
                    : try SMSExtractionRequest.parse(request.body, maxSMSCount: 1000)
                var bytes = Array(#"{"extracted_sms_data":["#.utf8)
                for (index, raw) in batch.sms.enumerated() {
                    if index > 0 { bytes.append(UInt8(ascii: ",")) }
                    JSONLinesWriter.append(extractor.extract(raw, createdAtMillis: 0), to: &bytes)
                }
                bytes += Array("]}".utf8)
                return .json(200, bytes)
            }
            server = try HTTPServer.startedOnLoopback(router: router)
        }

        var url: String { "http://127.0.0.1:\(server.boundPort ?? 0)" }

        deinit { server.stop(gracePeriod: 1) }
    }

    private let sms = (0..<25).map { index in
        RawSMS(id: "s\(index)", sender: "VM-HDFCBK", body: "Rs \(100 + index).00 debited from A/c XX1234 on 01-03-26",
               inboxDateMillis: 1_772_000_000_000 + Int64(index) * 60_000)
    }

    @Test func batchesMatchInProcessAfterRetries() throws {
        let server = try FlakyExtractionServer(failures: 2)
        let classifier = RemoteSMSClassifier(
            baseURL: server.url, batchSize: 4, concurrency: 1, timeoutSeconds: 5,
            retry: RetryPolicy(maxAttempts: 3, baseDelaySeconds: 0.01), logger: .discarding)
        let created = sms.map { _ in Int64(1_772_100_000_000) }
        let entries = try classifier.classify(sms, createdAtMillis: created, clientID: "c", userID: "u", requestID: "r")
        let expected = InProcessSMSClassifier().classify(sms, createdAtMillis: created, clientID: "c", userID: "u",
                                                         requestID: "r")
        #expect(entries.map(\.smsID) == expected.map(\.smsID))
        #expect(entries.map(\.amount) == expected.map(\.amount))
        #expect(entries.map(\.smsType) == expected.map(\.smsType))
        #expect(entries.map(\.createdAtMillis) == created)
        // Seven batches, and the first batch needed three calls.
        #expect(server.calls == 9)
        // The responses are not compressed, which would cost CPU on both sides of a fast link.
        #expect(server.acceptEncodings == Array(repeating: "", count: 9))
    }

    @Test func smsTheEndpointRejectsAreClassifiedInProcess() throws {
        let server = try FlakyExtractionServer(failures: 0)
        let classifier = RemoteSMSClassifier(
            baseURL: server.url, batchSize: 4, concurrency: 2, timeoutSeconds: 5,
            retry: RetryPolicy(maxAttempts: 1), logger: .discarding)
        var mixed = sms
        mixed[3].id = String(repeating: "7", count: 129)
        mixed[8].sender = "VM-" + String(repeating: "ब", count: 126)
        mixed[9].id = ""
        mixed[14].inboxDateMillis = Int64.max
        // 128 characters of two bytes each are still accepted.
        mixed[20].id = String(repeating: "é", count: 128)
        let created = mixed.indices.map { 1_772_100_000_000 + Int64($0) }
        let entries = try classifier.classify(mixed, createdAtMillis: created, clientID: "c", userID: "u", requestID: "r")
        let expected = InProcessSMSClassifier().classify(mixed, createdAtMillis: created, clientID: "c", userID: "u",
                                                         requestID: "r")
        #expect(entries.map(\.smsID) == expected.map(\.smsID))
        #expect(entries.map(\.smsType) == expected.map(\.smsType))
        #expect(entries.map(\.amount) == expected.map(\.amount))
        #expect(entries.map(\.createdAtMillis) == created)
        // The 21 SMS the endpoint accepts went in six batches of at most four.
        #expect(server.calls == 6)
        #expect(RemoteSMSClassifier.endpointAccepts(mixed[20]))
        #expect(!RemoteSMSClassifier.endpointAccepts(mixed[3]))
        // The API requires a date, so an SMS without one is classified and stored here, with a
        // null date instead of the epoch 0 the API would store.
        var undated = sms[0]
        undated.inboxDateMillis = nil
        #expect(!RemoteSMSClassifier.endpointAccepts(undated))
        #expect(!classifier.storesEntry(of: undated))
        #expect(classifier.storesEntry(of: sms[0]))
    }

    @Test func curlClientCanAcceptGzip() throws {
        let server = try FlakyExtractionServer(failures: 0)
        let client = CurlHTTPClient(maxConnections: 1, timeoutSeconds: 5)
        let body = ExtractSMSWire.requestBody(sms, clientID: "c", userID: "u", requestID: "r")
        let response = try client.postJSON(url: server.url + "/api/extract_sms", body: body)

        #expect(response.status == 200)
        #expect(server.acceptEncodings.count == 1)
        #expect(server.acceptEncodings.first?.contains("gzip") == true)
        // libcurl unpacks the gzipped response, so the body is the JSON itself.
        let entries = try ExtractSMSWire.entries(from: response.body, for: sms, url: server.url)
        #expect(entries.map(\.smsID) == sms.map(\.id))
    }

    /// Batches wait on the network, so `concurrency` of them are in flight at once whatever the
    /// number of cores (a compute-bound parallel loop would allow only as many as there are cores).
    @Test func concurrencyBatchesAreInFlightAtOnce() throws {
        final class Gauge: Sendable {
            let inFlight = Atomic<Int>(0)
            let peak = Atomic<Int>(0)
        }
        let gauge = Gauge()
        var router = Router()
        router.post("/api/extract_sms") { request, _ in
            let now = gauge.inFlight.add(1, ordering: .relaxed).newValue
            _ = gauge.peak.max(now, ordering: .relaxed)
            // Hold the batch until four are in flight, or give up after two seconds.
            let deadline = Date().addingTimeInterval(2)
            while gauge.peak.load(ordering: .relaxed) < 4, Date() < deadline { usleep(1_000) }
            defer { gauge.inFlight.subtract(1, ordering: .relaxed) }
            let batch = try SMSExtractionRequest.parse(bson: request.body, maxSMSCount: 1000)
            var bytes = Array(#"{"extracted_sms_data":["#.utf8)
            for (index, raw) in batch.sms.enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                JSONLinesWriter.append(SMSExtractor().extract(raw, createdAtMillis: 0), to: &bytes)
            }
            bytes += Array("]}".utf8)
            return .json(200, bytes)
        }
        let server = try HTTPServer.startedOnLoopback(router: router, threads: 8)
        defer { server.stop(gracePeriod: 1) }
        let classifier = RemoteSMSClassifier(
            baseURL: "http://127.0.0.1:\(server.boundPort ?? 0)", batchSize: 3, concurrency: 4, timeoutSeconds: 10,
            retry: RetryPolicy(maxAttempts: 1), logger: .discarding)
        let entries = try classifier.classify(sms, createdAtMillis: sms.map { _ in 0 }, clientID: "c", userID: "u",
                                              requestID: "r")
        #expect(entries.map(\.smsID) == sms.map(\.id))
        #expect(gauge.peak.load(ordering: .relaxed) == 4)
    }

    @Test func persistentServerErrorsFailTheUser() throws {
        let server = try FlakyExtractionServer(failures: 1000)
        let classifier = RemoteSMSClassifier(
            baseURL: server.url, batchSize: 10, concurrency: 2, timeoutSeconds: 5,
            retry: RetryPolicy(maxAttempts: 2, baseDelaySeconds: 0.01), logger: .discarding)
        #expect(throws: SMSExtractionServiceError.self) {
            try classifier.classify(sms, createdAtMillis: sms.map { _ in 0 }, clientID: "c", userID: "u", requestID: "r")
        }
    }

    /// Both client-facing bodies refuse U+0000 in an id, which PostgreSQL would read as U+FFFD.
    @Test func idsWithNULRejectedByBothBodies() {
        let body = Array(#"{"user_id": "u\u0000", "client_id": "c\u0000"}"#.utf8)
        var found: [[ValidationIssue]] = []
        do { _ = try InsightsRequest.parse(body, scoresAvailable: false) } catch { found.append(error.issues) }
        do { _ = try FetchExtractedRequest.parse(body) } catch { found.append(error.issues) }

        #expect(found.count == 2)
        for issues in found {
            #expect(issues.map(\.type) == ["string_pattern_mismatch", "string_pattern_mismatch"])
        }
    }
}
