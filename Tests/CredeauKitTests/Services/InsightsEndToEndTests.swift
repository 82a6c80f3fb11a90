import CredeauKit
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `credeau serve-insights` run as a process on the SQLite default with the shipped fixtures.
@Suite(.serialized) struct InsightsEndToEndTests {
    /// Expected answer values computed in this process from the same database and cutoff.
    private func expectedFeatures(_ database: InsightsFixtureDatabase, groupings: Set<FeatureGrouping>,
                                  cutoffMillis: Int64) throws -> [(String, JSONValue)] {
        let sqlite = try SQLiteDatabase(path: database.path)
        let loader = UserDataLoader(store: SQLiteSyncDBStore(database: sqlite))
        let builder = try #require(try loader.builder(clientID: "lendwise_demo", userID: InsightsFixtureDatabase.userID))
        let vector = FeatureEngine.standard.compute(user: builder.build(), cutoffMillis: cutoffMillis, groupings: groupings)
        return zip(vector.names, vector.values).map { name, value in
            switch value {
            case .null: return (name, .null)
            case let .integer(number): return (name, .integer(number))
            case let .double(number): return (name, .number(number))
            case let .string(text): return (name, .string(text))
            }
        }
    }

    private func assertSameValues(_ answer: JSONValue, _ expected: [(String, JSONValue)]) {
        var mismatches: [String] = []
        for (name, value) in expected {
            let actual = answer[name] ?? .null
            switch (actual, value) {
            case let (.number(a), .number(b)) where abs(a - b) <= 1e-9 * max(1, abs(b)):
                continue
            case let (.integer(a), .number(b)) where Double(a) == b:
                continue
            default:
                if actual != value { mismatches.append("\(name): \(actual) != \(value)") }
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(5))")
    }

    @Test func userNotFoundAnswersMessageOnly() throws {
        let database = try InsightsFixtureDatabase()
        let server = try InsightsServerProcess(environment: database.environment)
        let call = InsightsCall(token: database.token)
        let response = try server.request("POST", "/api/insights", headers: call.headers, body: call.body(userID: "nobody"))
        #expect(response.status == 200)
        #expect(response.json?["message"] == .string("user not found"))
        #expect(response.json?["user_id"] == .string("nobody"))
        #expect(response.featureNames.isEmpty)
    }

    @Test(arguments: [["sms"], ["fraud"], ["extracted_sms"], ["sms", "extracted_sms", "fraud"]])
    func fullUserGroupingsMatchEngine(groupings: [String]) throws {
        let database = try InsightsFixtureDatabase()
        let server = try InsightsServerProcess(environment: database.environment)
        let call = InsightsCall(token: database.token)
        let response = try server.request("POST", "/api/insights", headers: call.headers,
                                          body: call.body(groupings: groupings, cutoff: "2026-04-30"))
        #expect(response.status == 200, "\(response.text.prefix(300))")
        #expect(response.json?["message"] == .string("featurization completed"))
        let set = Set(groupings.compactMap(FeatureGrouping.init(rawValue:)))
        #expect(response.featureNames == FeatureCatalog.standard.names(of: set))
        let cutoff = IndiaTime.millis(year: 2026, month: 4, day: 30, hour: 23, minute: 59, second: 59) + 999
        assertSameValues(try #require(response.json), try expectedFeatures(database, groupings: set, cutoffMillis: cutoff))
    }

    @Test func cutoffDateLimitsTheData() throws {
        let database = try InsightsFixtureDatabase()
        let server = try InsightsServerProcess(environment: database.environment)
        let call = InsightsCall(token: database.token)
        var counts: [Int64] = []
        for cutoff in ["2026-03-01", "2026-04-30"] {
            let response = try server.request("POST", "/api/insights", headers: call.headers,
                                              body: call.body(groupings: ["extracted_sms"], cutoff: cutoff))
            #expect(response.status == 200)
            counts.append(try #require(response.json?["all_sms_count_all_nlp"]?.integerValue))
        }
        #expect(counts[0] < counts[1])
        let early = IndiaTime.millis(year: 2026, month: 3, day: 1, hour: 23, minute: 59, second: 59) + 999
        let expected = try expectedFeatures(database, groupings: [.extractedSMS], cutoffMillis: early)
        #expect(expected.first { $0.0 == "all_sms_count_all_nlp" }?.1 == .integer(counts[0]))
    }

    @Test func asyncAnswers202Then200LikeSync() throws {
        let database = try InsightsFixtureDatabase()
        let server = try InsightsServerProcess(environment: database.environment)
        let call = InsightsCall(token: database.token)
        let body = call.body(groupings: ["sms", "fraud"], cutoff: "2026-04-30")
        let first = try server.request("POST", "/api/async_insights", headers: call.headers, body: body)
        #expect(first.status == 202)
        #expect(first.json?["message"] == .string("featurization in progress"))

        var final = first
        for _ in 0..<200 where final.status == 202 {
            usleep(25_000)
            final = try server.request("POST", "/api/async_insights", headers: call.headers, body: body)
        }
        #expect(final.status == 200)
        let sync = try server.request("POST", "/api/insights", headers: call.headers, body: body)
        #expect(final.featureNames == sync.featureNames)
        let finalValues = try #require(final.json), syncValues = try #require(sync.json)
        let differing = sync.featureNames.filter { finalValues[$0] != syncValues[$0] }
        #expect(differing.isEmpty, "\(differing.prefix(5))")
    }

    @Test func asyncJobSurvivesKilledReplica() throws {
        let database = try InsightsFixtureDatabase()
        let hanging = try SilentListener()
        // The first replica claims the job and hangs on an SMS Extraction API that never responds.
        var first: InsightsServerProcess? = try InsightsServerProcess(environment: database.environment.merging([
            "SMS_EXTRACTOR_SERVICE_URL": "http://127.0.0.1:\(hanging.port)", "SMS_EXTRACTOR_TIMEOUT_SECONDS": "60",
            "INSIGHTS_JOB_LEASE_SECONDS": "1",
        ]) { $1 })
        let call = InsightsCall(token: database.token)
        let body = call.body(groupings: ["extracted_sms"], cutoff: "2026-04-30")
        let accepted = try #require(first).request("POST", "/api/async_insights", headers: call.headers, body: body)
        #expect(accepted.status == 202)
        let running = try database.waitForCount("SELECT count(*) FROM insights_jobs WHERE status = 'running'", atLeast: 1)
        #expect(running == 1)
        first?.killHard()
        first = nil

        let second = try InsightsServerProcess(environment: database.environment.merging([
            "INSIGHTS_JOB_LEASE_SECONDS": "1",
        ]) { $1 })
        var answer = try second.request("POST", "/api/async_insights", headers: call.headers, body: body)
        for _ in 0..<200 where answer.status == 202 {
            usleep(25_000)
            answer = try second.request("POST", "/api/async_insights", headers: call.headers, body: body)
        }
        #expect(answer.status == 200)
        #expect(answer.json?["message"] == .string("featurization completed"))
        let attempts = try database.query("SELECT attempts FROM insights_jobs").first?.first
        #expect(attempts == .integer(2))
    }

    @Test func extractorDownGives503WithoutFeatures() throws {
        let database = try InsightsFixtureDatabase()
        let closedPort = try InsightsServerProcess.freePort()
        let response = try database.insightsResponse(with: [
            "SMS_EXTRACTOR_SERVICE_URL": "http://127.0.0.1:\(closedPort)", "SMS_EXTRACTOR_MAX_ATTEMPTS": "2",
        ])
        #expect(response.status == 503)
        #expect(response.headers["retry-after"] != nil)
        let message = response.json?["error"]?.stringValue ?? ""
        #expect(message.contains("SMS Extraction API"), "\(message)")
        #expect(message.contains("after 2 attempts"), "\(message)")
        #expect(response.json?["all_sms_count_all_nlp"] == nil)
    }

    /// With the SMS Extraction API down, an async job's three runs are spread over about six
    /// seconds (pauses of 2 to 3 s and 4 to 6 s), so an extractor restart shorter than that does
    /// not use them all up. Polls answer 202 meanwhile, then the error.
    @Test func asyncRunsOfFailingJobArePaused() throws {
        let database = try InsightsFixtureDatabase()
        let closedPort = try InsightsServerProcess.freePort()
        let server = try InsightsServerProcess(environment: database.environment.merging([
            "SMS_EXTRACTOR_SERVICE_URL": "http://127.0.0.1:\(closedPort)", "SMS_EXTRACTOR_MAX_ATTEMPTS": "1",
        ]) { $1 })
        let call = InsightsCall(token: database.token)
        let body = call.body(groupings: ["extracted_sms"], cutoff: "2026-04-30")
        let started = Date()
        var answer = try server.request("POST", "/api/async_insights", headers: call.headers, body: body)
        var polls = 0
        while answer.status == 202, Date().timeIntervalSince(started) < 20 {
            polls += 1
            usleep(200_000)
            answer = try server.request("POST", "/api/async_insights", headers: call.headers, body: body)
        }
        let elapsed = Date().timeIntervalSince(started)

        #expect(answer.status == 503)
        #expect(elapsed >= 6, "the job failed for good after \(elapsed) s")
        #expect(polls >= 20)
        let failures = server.log.split(separator: "\n").filter { $0.contains("async job failed") }
        #expect(failures.count == 3, "\(failures)")
        #expect(failures.filter { $0.contains("retry_in_ms") }.count == 2, "\(failures)")
    }

    /// serve-insights reads the connection settings as serve-sms does, and closes connections
    /// past its limit at once.
    @Test func connectionLimitApplies() throws {
        let database = try InsightsFixtureDatabase()
        let server = try InsightsServerProcess(environment: database.environment.merging([
            "HTTP_MAX_CONNECTIONS": "20", "HTTP_MAX_CONNECTIONS_PER_CLIENT": "0",
        ]) { $1 })
        var idle: [RawHTTPClient] = []
        for _ in 0..<30 { idle.append(try RawHTTPClient(port: server.port)) }
        usleep(300_000)
        let closed = idle.filter { $0.isClosedNow() }.count
        #expect(closed >= 8, "\(closed) connections closed")
        #expect(closed <= 12, "\(closed) connections closed")
        idle.removeAll()
        usleep(300_000)

        let metrics = try server.request("GET", "/metrics").text
        let rejected = ServeSMSTestSupport.metric(
            #"credeau_insights_http_connections_rejected_total{reason="max_connections"}"#, in: metrics)
        #expect(rejected == Double(closed), "\(metrics)")
        #expect(ServeSMSTestSupport.metric("credeau_insights_http_connections_max", in: metrics) == 20)
        #expect(server.log.contains(#""http.max_connections":"20","http.max_connections_per_client":"0""#))
    }

    @Test func extractorTimeoutGives503() throws {
        let database = try InsightsFixtureDatabase()
        let hanging = try SilentListener()
        let server = try InsightsServerProcess(environment: database.environment.merging([
            "SMS_EXTRACTOR_SERVICE_URL": "http://127.0.0.1:\(hanging.port)", "SMS_EXTRACTOR_TIMEOUT_SECONDS": "1",
        ]) { $1 })
        let call = InsightsCall(token: database.token)
        let started = Date()
        let response = try server.request("POST", "/api/insights", headers: call.headers, body: call.body())
        #expect(response.status == 503)
        #expect(response.json?["error"]?.stringValue?.contains("did not answer within 1.0 s") == true)
        #expect(Date().timeIntervalSince(started) < 10)
    }
}
