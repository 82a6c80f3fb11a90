import CredeauKit
import Foundation
import Testing

/// `credeau serve-insights` over a real `serve-sms`, PostgreSQL and the MongoDB wire test server.
@Suite(.serialized) struct InsightsBackendsTests {
    /// Polls the async endpoint until it stops answering 202.
    private func pollAsync(_ server: InsightsServerProcess, _ call: InsightsCall, body: [UInt8]) throws
        -> RawHTTPClient.Response
    {
        var answer = try server.request("POST", "/api/async_insights", headers: call.headers, body: body)
        for _ in 0..<200 where answer.status == 202 {
            usleep(25_000)
            answer = try server.request("POST", "/api/async_insights", headers: call.headers, body: body)
        }
        return answer
    }

    @Test func serveSMSClassifiesTheSameAsInProcess() throws {
        let database = try InsightsFixtureDatabase()
        let sms = try InsightsServerProcess(command: "serve-sms", environment: database.environment)
        let remote = try InsightsServerProcess(environment: database.environment.merging([
            "SMS_EXTRACTOR_SERVICE_URL": "http://127.0.0.1:\(sms.port)", "SMS_EXTRACTOR_BATCH_SIZE": "7",
        ]) { $1 })
        let call = InsightsCall(token: database.token)
        let body = call.body(groupings: ["sms", "extracted_sms", "fraud"], cutoff: "2026-04-30")
        let viaService = try remote.request("POST", "/api/insights", headers: call.headers, body: body)
        #expect(viaService.status == 200, "\(viaService.text.prefix(300))")
        #expect(try database.waitForCount("SELECT count(*) FROM extracted_sms", atLeast: 62) >= 62)

        // A second call finds every SMS stored and sends none to serve-sms.
        let again = try remote.request("POST", "/api/insights", headers: call.headers, body: body)
        let requestID = try #require(again.headers["x-request-id"])
        _ = try database.waitForCount(
            "SELECT count(*) FROM insights_response_dump WHERE request_id = '\(requestID)'", atLeast: 1)
        let timings = try #require(try database.query(
            "SELECT time_json FROM insights_response_dump WHERE request_id = '\(requestID)'").first?.first)
        guard case let .text(timeJSON) = timings else { Issue.record("no time_json"); return }
        let parsed = try JSONParser.parse(Array(timeJSON.utf8))
        #expect(parsed["sms_already_extracted"] == parsed["sms_count"])

        // A replica extracting in process on a fresh copy of the data gives the same features.
        let differing = try InProcessInsightsReference.differingFeatures(
            viaService, groupings: ["sms", "extracted_sms", "fraud"], cutoff: "2026-04-30")
        #expect(differing.isEmpty, "\(differing.prefix(5))")
    }

    @Test(.enabled(if: StorageTestSupport.postgresURL != nil, StorageTestSupport.postgresSkipNotice))
    func postgresDatabasesServeSyncAndAsync() throws {
        let api = try PostgresTestDatabase()
        let sync = try PostgresTestDatabase()
        let login = api.configuration
        let environment = [
            "DI_POSTGRES_HOST": login.host, "DI_POSTGRES_PORT": String(login.port), "DI_POSTGRES_USERNAME": login.user,
            "DI_POSTGRES_PASSWORD": login.password, "DI_POSTGRES_DATABASE": login.database,
            "DI_POSTGRES_SYNC_DATABASE": sync.configuration.database, "LOG_LEVEL": "info",
        ]
        let token = try InsightsFixtureDatabase.migrate([], environment: environment)
        let server = try InsightsServerProcess(environment: environment)
        let call = InsightsCall(token: token)

        let notFound = try server.request("POST", "/api/insights", headers: call.headers, body: call.body(userID: "nobody"))
        #expect(notFound.json?["message"] == .string("user not found"))
        let body = call.body(groupings: ["extracted_sms"], cutoff: "2026-04-30")
        let syncAnswer = try server.request("POST", "/api/insights", headers: call.headers, body: body)
        #expect(syncAnswer.status == 200, "\(syncAnswer.text.prefix(300))")
        #expect(syncAnswer.featureNames == FeatureCatalog.standard.names(of: [.extractedSMS]))
        let asyncAnswer = try pollAsync(server, call, body: body)
        #expect(asyncAnswer.status == 200)
        #expect(asyncAnswer.json?["all_sms_count_all_nlp"] == syncAnswer.json?["all_sms_count_all_nlp"])

        let wrong = InsightsCall(token: "not-the-token-0000")
        #expect(try server.request("POST", "/api/insights", headers: wrong.headers, body: body).status == 401)
        // A client id longer than the varchar(128) columns is cut, so the failed login is recorded.
        let long = InsightsCall(token: "abcdefgh12345", clientID: String(repeating: "c", count: 200))
        #expect(try server.request("POST", "/api/insights", headers: long.headers, body: body).status == 401)
        #expect(server.terminate() == 0)

        // SIGTERM drained the record queue, so every row is there now.
        let connection = try api.connect()
        let counts = try connection.query("""
            SELECT (SELECT count(*) FROM usage), (SELECT count(*) FROM insights_request_dump),
                   (SELECT count(*) FROM insights_response_dump), (SELECT count(*) FROM unauthorized_requests),
                   (SELECT count(*) FROM extracted_sms), (SELECT auth_token FROM unauthorized_requests ORDER BY id LIMIT 1),
                   (SELECT status FROM insights_jobs LIMIT 1),
                   (SELECT max(length(client_id)) FROM unauthorized_requests)
            """)
        let row = try #require(counts.rows.first)
        #expect(Int(row[0] ?? "") ?? 0 >= 5)
        #expect(row[1] == "3")
        #expect(row[2] == "3")
        #expect(row[3] == "2")
        #expect(Int(row[4] ?? "") ?? 0 >= 62)
        #expect(row[5] == "not-**********0000")
        #expect(row[6] == "done")
        #expect(row[7] == "128")
    }

    @Test(.enabled(if: StorageTestSupport.postgresURL != nil, StorageTestSupport.postgresSkipNotice))
    func wrongPasswordStopsTheStart() throws {
        let login = try PostgresConfiguration(url: try #require(StorageTestSupport.postgresURL))
        let environment = [
            "DI_POSTGRES_HOST": login.host, "DI_POSTGRES_PORT": String(login.port), "DI_POSTGRES_USERNAME": login.user,
            "DI_POSTGRES_PASSWORD": "definitely-wrong-password", "DI_POSTGRES_DATABASE": login.database,
        ]
        // Standard error, where the start's error line goes, is sent to the captured output; a
        // service that starts anyway is stopped after 20 seconds.
        let result = try ScriptRunner.run("/bin/sh", ["-c", #"exec timeout 20 "$0" "$@" 2>&1"#, InsightsServerProcess.binary,
                                                      "serve-insights", "--host", "127.0.0.1", "--port", "0"],
                                          environment: environment)
        #expect(result.status != 0)
        #expect(result.status != 124, "the service started despite the wrong password")
        let lines = result.output.split(separator: "\n")
        #expect(lines.count == 1, "\(result.output.prefix(400))")
        #expect(result.output.contains("password authentication failed"))
        #expect(!result.output.contains("definitely-wrong-password"))
    }

    @Test(.enabled(if: StorageTestSupport.testPython != nil, StorageTestSupport.mongoSkipNotice))
    func mongoServesTheSMSSource() throws {
        let mongo = try MongoTestServer()
        let directory = try StorageTestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("credeau.db").path
        let environment = [
            "DI_MONGODB_HOST": "127.0.0.1", "DI_MONGODB_PORT": String(mongo.port), "DI_MONGODB_ENABLED_SOURCES": "sms",
            "DI_MONGODB_SERVER_SELECTION_TIMEOUT_MS": "3000", "CREDEAU_SQLITE_PATH": path, "LOG_LEVEL": "info",
        ]
        let token = try InsightsFixtureDatabase.migrate(["--sqlite", path], environment: environment)
        // SQLite got every source too; empty its SMS table so only MongoDB can supply SMS.
        try SQLiteDatabase(path: path).execute("DELETE FROM sms_sync_request_sms_data")

        let server = try InsightsServerProcess(environment: environment)
        let call = InsightsCall(token: token)
        let answer = try server.request("POST", "/api/insights", headers: call.headers,
                                        body: call.body(groupings: ["extracted_sms"], cutoff: "2026-04-30"))
        #expect(answer.status == 200, "\(answer.text.prefix(300))")
        #expect(answer.json?["all_sms_count_all_nlp"] == .integer(62))
    }
}

/// The `scores` grouping of `credeau serve-insights` with a score model directory.
@Suite(.serialized) struct InsightsScoresTests {
    @Test func scoresGroupingAddsModelOutputs() throws {
        let database = try InsightsFixtureDatabase()
        var model = ModelTextBuilder(features: ["all_sms_count_all_nlp"])
        model.trees = [ModelTextBuilder.stump(threshold: "10", decisionType: 2, left: 0.25, right: 0.75)]
        let models = database.directory.appendingPathComponent("models")
        try FileManager.default.createDirectory(at: models, withIntermediateDirectories: true)
        try model.text.write(to: models.appendingPathComponent("risk.txt"), atomically: true, encoding: .utf8)

        let server = try InsightsServerProcess(environment: database.environment.merging([
            "SCORE_MODELS_DIR": models.path,
        ]) { $1 })
        let call = InsightsCall(token: database.token)
        let answer = try server.request("POST", "/api/insights", headers: call.headers,
                                        body: call.body(groupings: ["scores"], cutoff: "2026-04-30"))
        #expect(answer.status == 200, "\(answer.text.prefix(300))")
        // Only the scores were requested, so no feature of their input grouping is listed.
        #expect(answer.featureNames == ["score_risk", "score_risk_version"])
        #expect(answer.json?["score_risk"] == .number(0.75))
    }

    @Test func brokenModelStopsTheServiceNamingTheFile() throws {
        let database = try InsightsFixtureDatabase()
        let models = database.directory.appendingPathComponent("models")
        try FileManager.default.createDirectory(at: models, withIntermediateDirectories: true)
        let broken = models.appendingPathComponent("risk.txt")
        try "not a model".write(to: broken, atomically: true, encoding: .utf8)
        do {
            _ = try InsightsServerProcess(environment: database.environment.merging(["SCORE_MODELS_DIR": models.path]) { $1 })
            Issue.record("serve-insights started with a broken score model")
        } catch let InsightsServerError.exited(log) {
            #expect(log.contains(broken.path) || log.contains("risk.txt"), "\(log)")
        }
    }
}
