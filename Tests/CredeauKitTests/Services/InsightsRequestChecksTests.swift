import CredeauKit
import Foundation
import Testing

/// Authentication, validation, limits and request records of `credeau serve-insights`.
@Suite(.serialized) struct InsightsRequestChecksTests {
    @Test func wrongTokenIsLoggedMasked() throws {
        let database = try InsightsFixtureDatabase()
        let server = try InsightsServerProcess(environment: database.environment)
        let wrongToken = "0123abcd-ffff-ffff-ffff-0000wxyz9876"
        let wrong = InsightsCall(token: wrongToken)
        let response = try server.request("POST", "/api/insights", headers: wrong.headers, body: wrong.body())
        #expect(response.status == 401)
        let requestID = try #require(response.headers["x-request-id"])
        #expect(response.json?["error"]?.stringValue?.contains(requestID) == true)

        let count = try database.waitForCount("SELECT count(*) FROM unauthorized_requests", atLeast: 1)
        #expect(count == 1)
        let row = try #require(try database.query(
            "SELECT client_id, request_id, auth_token, req_body FROM unauthorized_requests").first)
        #expect(row[0] == .text(InsightsFixtureDatabase.clientID))
        #expect(row[1] == .text(requestID))
        #expect(row[2] == .text("0123****************************9876"))
        #expect(row[2] != .text(wrongToken))
        #expect(row[3] != .null)
    }

    @Test func missingHeadersAndForeignBodyClientGive401() throws {
        let database = try InsightsFixtureDatabase()
        let server = try InsightsServerProcess(environment: database.environment)
        let call = InsightsCall(token: database.token)
        let noHeaders = try server.request("POST", "/api/insights", body: call.body())
        #expect(noHeaders.status == 401)
        let otherClient = try server.request("POST", "/api/insights", headers: call.headers,
                                             body: call.body(clientID: "someone_else"))
        #expect(otherClient.status == 401)
        #expect(otherClient.json?["error"]?.stringValue?.contains("does not match") == true)
        #expect(try database.waitForCount("SELECT count(*) FROM unauthorized_requests", atLeast: 2) == 2)
    }

    /// A body client_id that differs from the header only in Unicode normalisation is another
    /// client: 401, so a client never reads its twin's data.
    @Test func bodyClientTwinGives401() throws {
        let database = try InsightsFixtureDatabase()
        let token = "tok-twin-0000-0000-0000-000000000001"
        try SQLiteDatabase(path: database.path).query(
            "INSERT INTO clients (client_id, auth_token) VALUES (?, ?)", [.text("caf\u{E9}_insights"), .text(token)])
        let server = try InsightsServerProcess(environment: database.environment)
        let headers = ["x-client-id": "caf\u{E9}_insights", "x-auth-token": token]
        let call = InsightsCall(token: token)

        let own = try server.request("POST", "/api/insights", headers: headers, body: call.body(clientID: "caf\u{E9}_insights"))
        #expect(own.status == 200, "\(own.text.prefix(200))")
        let twin = try server.request("POST", "/api/insights", headers: headers, body: call.body(clientID: "cafe\u{301}_insights"))
        #expect(twin.status == 401)
        #expect(twin.json?["error"]?.stringValue?.contains("does not match") == true)
    }

    @Test func spacesAroundHeaderValuesDoNotCount() throws {
        let database = try InsightsFixtureDatabase()
        let server = try InsightsServerProcess(environment: database.environment)
        let call = InsightsCall(token: database.token)
        // RFC 9110 leaves the spaces and tabs around a field value out of the value.
        let headers = ["x-client-id": "\t" + call.clientID + " ", "x-auth-token": call.token + " \t "]
        let response = try server.request("POST", "/api/insights", headers: headers, body: call.body(userID: "x"))
        #expect(response.status == 200, "\(response.text.prefix(200))")
    }

    @Test func removedClientLosesAccess() throws {
        let database = try InsightsFixtureDatabase()
        let server = try InsightsServerProcess(environment: database.environment.merging([
            "INSIGHTS_CLIENT_CACHE_SECONDS": "1",
        ]) { $1 })
        let call = InsightsCall(token: database.token)
        #expect(try server.request("POST", "/api/insights", headers: call.headers, body: call.body(userID: "x")).status == 200)
        try SQLiteDatabase(path: database.path).execute("DELETE FROM clients")
        usleep(1_200_000)
        #expect(try server.request("POST", "/api/insights", headers: call.headers, body: call.body(userID: "x")).status == 401)
    }

    struct InvalidBody: CustomTestStringConvertible, Sendable {
        var name: String
        var body: String
        var type: String
        var location: [String]
        var testDescription: String { name }
    }

    static let invalidBodies: [InvalidBody] = [
        InvalidBody(name: "empty user_id", body: #"{"user_id": "", "client_id": "C"}"#, type: "string_too_short",
                    location: ["body", "user_id"]),
        InvalidBody(name: "user_id over 64", body: #"{"user_id": "\#(String(repeating: "u", count: 65))", "client_id": "C"}"#,
                    type: "string_too_long", location: ["body", "user_id"]),
        InvalidBody(name: "missing user_id", body: #"{"client_id": "C"}"#, type: "missing", location: ["body", "user_id"]),
        InvalidBody(name: "NUL in user_id", body: #"{"user_id": "nul\u0000x", "client_id": "C"}"#,
                    type: "string_pattern_mismatch", location: ["body", "user_id"]),
        InvalidBody(name: "groupings not a list", body: #"{"user_id": "u", "client_id": "C", "groupings": "sms"}"#,
                    type: "list_type", location: ["body", "groupings"]),
        InvalidBody(name: "unknown grouping", body: #"{"user_id": "u", "client_id": "C", "groupings": ["sms", "bogus"]}"#,
                    type: "literal_error", location: ["body", "groupings", "1"]),
        InvalidBody(name: "bad cutoff", body: #"{"user_id": "u", "client_id": "C", "cutoff_date": "yesterday"}"#,
                    type: "value_error", location: ["body", "cutoff_date"]),
        InvalidBody(name: "invalid JSON", body: #"{"user_id": "#, type: "json_invalid", location: ["body", "0"]),
    ]

    @Test(arguments: invalidBodies)
    func invalidBodyGives422(_ invalid: InvalidBody) throws {
        let database = try InsightsFixtureDatabase()
        let server = try InsightsServerProcess(environment: database.environment)
        let call = InsightsCall(token: database.token)
        let body = invalid.body.replacingOccurrences(of: "\"C\"", with: "\"\(InsightsFixtureDatabase.clientID)\"")
        let response = try server.request("POST", "/api/insights", headers: call.headers, body: Array(body.utf8))
        #expect(response.status == 422, "\(response.text)")
        let issue = try #require(response.json?["detail"]?.arrayValue?.first)
        #expect(issue["type"] == .string(invalid.type))
        let location = (issue["loc"]?.arrayValue ?? []).map { $0.stringValue ?? String($0.integerValue ?? -1) }
        #expect(location == invalid.location)
    }

    @Test func overLimitGives429WithRetryAfter() throws {
        let database = try InsightsFixtureDatabase()
        let server = try InsightsServerProcess(environment: database.environment.merging([
            "INSIGHTS_RATE_LIMIT_PER_MINUTE": "3",
        ]) { $1 })
        let call = InsightsCall(token: database.token)
        var statuses: [Int] = []
        var last: RawHTTPClient.Response?
        for _ in 0..<4 {
            // X-Forwarded-For from an untrusted peer must not give a fresh allowance.
            var headers = call.headers
            headers["X-Forwarded-For"] = "10.9.\(statuses.count).1"
            last = try server.request("POST", "/api/insights", headers: headers, body: call.body(userID: "x"))
            statuses.append(last?.status ?? 0)
        }
        #expect(statuses == [200, 200, 200, 429])
        let retryAfter = try #require(last?.headers["retry-after"].flatMap(Int.init))
        #expect((1...60).contains(retryAfter))
    }

    /// Behind a trusted proxy the access log names the proxy, so the 429 names the caller.
    @Test func limitedCallerIsLoggedBehindProxy() throws {
        let database = try InsightsFixtureDatabase()
        let server = try InsightsServerProcess(environment: database.environment.merging([
            "INSIGHTS_RATE_LIMIT_PER_MINUTE": "1", "INSIGHTS_TRUSTED_PROXIES": "127.0.0.1",
        ]) { $1 })
        let call = InsightsCall(token: database.token)
        var headers = call.headers
        headers["X-Forwarded-For"] = "203.0.113.9"
        var statuses: [Int] = []
        for _ in 0..<2 {
            statuses.append(try server.request("POST", "/api/insights", headers: headers, body: call.body(userID: "x")).status)
        }
        #expect(statuses == [200, 429])
        let line = server.log.split(separator: "\n").first { $0.contains("rate limit reached") }
        #expect(line?.contains(#""client.address":"203.0.113.9""#) == true, "\(server.log.suffix(600))")
    }

    @Test func requestsWriteDumpsAndUsage() throws {
        let database = try InsightsFixtureDatabase()
        let server = try InsightsServerProcess(environment: database.environment)
        let call = InsightsCall(token: database.token)
        let ok = try server.request("POST", "/api/insights", headers: call.headers,
                                    body: call.body(groupings: ["fraud", "sms"], cutoff: "2026-04-30"))
        #expect(ok.status == 200)
        let invalid = try server.request("POST", "/api/insights", headers: call.headers, body: Array("{}".utf8))
        #expect(invalid.status == 422)
        let fetched = try server.request("POST", "/api/fetch_extracted_data", headers: call.headers,
                                         body: Array(#"{"user_id": "cu-1001", "client_id": "\#(call.clientID)"}"#.utf8))
        #expect(fetched.status == 200)

        #expect(try database.waitForCount("SELECT count(*) FROM usage", atLeast: 3) == 3)
        let codes = try database.query("SELECT api_name, response_code FROM usage ORDER BY id").map { $0 }
        #expect(codes == [[.text("insights"), .integer(200)], [.text("insights"), .integer(422)],
                          [.text("fetch_extracted_data"), .integer(200)]])
        #expect(try database.waitForCount("SELECT count(*) FROM fetch_extracted_response_dump", atLeast: 1) == 1)

        let requestID = try #require(ok.headers["x-request-id"])
        let request = try #require(try database.query(
            "SELECT user_id, client_id, cutoff_date FROM insights_request_dump WHERE request_id = '\(requestID)'").first)
        #expect(request == [.text("cu-1001"), .text(call.clientID), .text("2026-04-30")])
        let response = try #require(try database.query(
            "SELECT response_dump, time_to_featurize, time_json, groupings FROM insights_response_dump "
                + "WHERE request_id = '\(requestID)'").first)
        guard case let .text(dump) = response[0], case let .real(seconds) = response[1], case let .text(timeJSON) = response[2]
        else { Issue.record("unexpected response dump row \(response)"); return }
        #expect(try JSONParser.parse(Array(dump.utf8)) == ok.json)
        #expect(seconds > 0)
        let timings = try JSONParser.parse(Array(timeJSON.utf8))
        for stage in ["load_ms", "extract_ms", "features_ms", "total_ms"] { #expect(timings[stage] != nil, "\(stage)") }
        #expect(response[3] == .text(#"["sms","fraud"]"#))
    }

    @Test func fetchExtractedDataNewestFirstWithThreshold() throws {
        let database = try InsightsFixtureDatabase()
        let server = try InsightsServerProcess(environment: database.environment)
        let call = InsightsCall(token: database.token)
        let fetchBody = { (user: String, threshold: Int?) -> [UInt8] in
            Array((#"{"user_id": "\#(user)", "client_id": "\#(call.clientID)""#
                + (threshold.map { #", "cnt_sms_threshold": \#($0)"# } ?? "") + "}").utf8)
        }
        let before = try server.request("POST", "/api/fetch_extracted_data", headers: call.headers, body: fetchBody("cu-1001", nil))
        #expect(before.json?["extracted_sms_data"] == .array([]))

        #expect(try server.request("POST", "/api/insights", headers: call.headers, body: call.body()).status == 200)
        let all = try server.request("POST", "/api/fetch_extracted_data", headers: call.headers, body: fetchBody("cu-1001", nil))
        let entries = try #require(all.json?["extracted_sms_data"]?.arrayValue)
        #expect(entries.count > 10)
        let dates = entries.compactMap { $0["sms_inbox_date"]?.stringValue }
        #expect(dates == dates.sorted(by: >))
        let limited = try server.request("POST", "/api/fetch_extracted_data", headers: call.headers, body: fetchBody("cu-1001", 3))
        #expect(limited.json?["extracted_sms_data"]?.arrayValue?.count == 3)
        #expect(limited.json?["extracted_sms_data"]?.arrayValue?.first == entries.first)
        // As in the FastAPI service, a number in a string counts.
        let asText = Array(#"{"user_id": "cu-1001", "client_id": "\#(call.clientID)", "cnt_sms_threshold": " 2 "}"#.utf8)
        let textLimited = try server.request("POST", "/api/fetch_extracted_data", headers: call.headers, body: asText)
        #expect(textLimited.json?["extracted_sms_data"]?.arrayValue?.count == 2)
    }

    /// Bodies stored with one key are read by a service with no key or another one. The start logs
    /// the problem, and fetch returns 503 naming DB_ENCRYPTION_KEY instead of an internal 500.
    @Test func fetchWithoutTheStoredKeyGives503() throws {
        let database = try InsightsFixtureDatabase()
        let call = InsightsCall(token: database.token)
        let fetch = Array(#"{"user_id": "cu-1001", "client_id": "\#(call.clientID)"}"#.utf8)
        var keyed = database.environment
        keyed["DB_ENCRYPTION_KEY"] = try Fernet.generateKey()
        do {
            let server = try InsightsServerProcess(environment: keyed)
            #expect(try server.request("POST", "/api/insights", headers: call.headers, body: call.body()).status == 200)
            #expect(try server.request("POST", "/api/fetch_extracted_data", headers: call.headers, body: fetch).status == 200)
        }
        var otherKey = database.environment
        otherKey["DB_ENCRYPTION_KEY"] = try Fernet.generateKey()
        for environment in [database.environment, otherKey] {
            let server = try InsightsServerProcess(environment: environment)
            let response = try server.request("POST", "/api/fetch_extracted_data", headers: call.headers, body: fetch)
            #expect(response.status == 503, "\(response.text.prefix(300))")
            #expect(response.json?["error"]?.stringValue?.contains("DB_ENCRYPTION_KEY") == true, "\(response.text.prefix(300))")
            #expect(try server.request("POST", "/api/insights", headers: call.headers, body: call.body()).status == 200)
            #expect(server.log.contains("stored SMS bodies cannot be decrypted"), "\(server.log.suffix(600))")
        }
    }

    @Test func operationalRoutesAnswer() throws {
        let database = try InsightsFixtureDatabase()
        let server = try InsightsServerProcess(environment: database.environment)
        #expect(try server.request("GET", "/ready").status == 200)
        let metrics = try server.request("GET", "/metrics")
        #expect(metrics.text.contains("credeau_insights_http_requests_total"))
        let openAPI = try server.request("GET", "/openapi.json")
        let paths = try #require(openAPI.json?["paths"]?.objectValue).map(\.0)
        #expect(paths.contains("/api/insights") && paths.contains("/api/async_insights")
            && paths.contains("/api/fetch_extracted_data"))
        #expect(server.terminate() == 0)
    }
}
