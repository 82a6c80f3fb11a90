@testable import CredeauKit
import Testing

@Suite struct PostgresConfigurationTests {
    @Test func urlParsed() throws {
        let configuration = try PostgresConfiguration(url: "postgres://mobileforge_user:p%40ss%3Aword@db.internal:6432/api_insights_db?sslmode=require")
        #expect(configuration.host == "db.internal")
        #expect(configuration.port == 6432)
        #expect(configuration.user == "mobileforge_user")
        #expect(configuration.password == "p@ss:word")
        #expect(configuration.database == "api_insights_db")
        #expect(configuration.sslMode == "require")
    }

    @Test(arguments: ["mysql://u@h/db", "postgres:///db", "not a url"])
    func invalidURLRejected(url: String) {
        #expect(throws: PostgresConfigurationError.self) { try PostgresConfiguration(url: url) }
    }

    @Test func invalidURLMessageHidesPassword() {
        do {
            _ = try PostgresConfiguration(url: "mysql://user:secret@h/db")
            Issue.record("expected an error")
        } catch {
            #expect(!"\(error)".contains("secret"))
        }
    }

    @Test func insightsVariablesRead() throws {
        let environment = [
            "DI_POSTGRES_HOST": "db", "DI_POSTGRES_PORT": "5433", "DI_POSTGRES_USERNAME": "insights",
            "DI_POSTGRES_PASSWORD": "pw", "DI_POSTGRES_DATABASE": "api_db", "DI_POSTGRES_SYNC_DATABASE": "sync",
        ]
        let api = try #require(try PostgresConfiguration.insightsAPI(environment: environment))
        let sync = try #require(try PostgresConfiguration.insightsAPI(environment: environment, syncDatabase: true))
        #expect(api.endpoint == "insights@db:5433/api_db")
        #expect(sync.database == "sync")
        #expect(api.password == "pw")
    }

    @Test func extractionVariablesRead() throws {
        let environment = ["DB_HOST": "pg", "DB_USER": "sms", "DB_PASSWORD": "x", "DB_NAME": "api_insights_db"]
        let configuration = try #require(try PostgresConfiguration.extractionAPI(environment: environment))
        #expect(configuration.endpoint == "sms@pg:5432/api_insights_db")
    }

    @Test func unsetHostGivesNil() throws {
        #expect(try PostgresConfiguration.insightsAPI(environment: ["DI_POSTGRES_USERNAME": "u"]) == nil)
        #expect(try PostgresConfiguration.extractionAPI(environment: [:]) == nil)
    }

    @Test(arguments: ["0", "70000", "five"])
    func invalidPortRejected(port: String) {
        #expect(throws: PostgresConfigurationError.self) {
            try PostgresConfiguration.insightsAPI(environment: ["DI_POSTGRES_HOST": "db", "DI_POSTGRES_PORT": port])
        }
    }

    @Test func endpointNeverContainsPassword() {
        let configuration = PostgresConfiguration(host: "h", user: "u", password: "hunter2", database: "d")
        #expect(!configuration.endpoint.contains("hunter2"))
        #expect(configuration.connectionParameters.contains { $0 == ("password", "hunter2") })
    }

    @Test func queryInterpolationBecomesParameters() {
        let clientID = "acme'; DROP TABLE clients; --"
        let limit = 5
        let email: String? = nil
        let query: PostgresQuery = "SELECT * FROM \(identifier: "clients") WHERE client_id = \(clientID) AND email = \(email) LIMIT \(limit)"
        #expect(query.sql == "SELECT * FROM \"clients\" WHERE client_id = $1 AND email = $2 LIMIT $3")
        #expect(query.parameters == [clientID, nil, "5"])
    }

    @Test func identifierQuotesDoubled() {
        #expect(PostgresQuery.quoteIdentifier("we\"ird") == "\"we\"\"ird\"")
    }

    @Test(arguments: [
        ("connection to server at \"127.0.0.1\", port 5432 failed: FATAL:  password authentication failed for user \"u\"",
         PostgresError.ConnectionFailure.authentication),
        ("connection to server at \"127.0.0.1\", port 1 failed: Connection refused\n\tIs the server running?",
         .unreachable),
        ("connection to server at \"127.0.0.1\", port 5432 failed: FATAL:  database \"nope\" does not exist",
         .databaseNotFound),
        ("something else entirely", .other),
    ])
    func loginFailureClassified(message: String, expected: PostgresError.ConnectionFailure) {
        #expect(PostgresError.classify(loginMessage: message) == expected)
    }

    @Test func loginMessageCondensedToCause() {
        let message = "connection to server at \"127.0.0.1\", port 1 failed: Connection refused\n\tIs the server running on that host?\n"
        #expect(PostgresError.condense(message) == "Connection refused")
        let fatal = "connection to server at \"h\", port 5 failed: FATAL:  database \"x\" does not exist\n"
        #expect(PostgresError.condense(fatal) == "database \"x\" does not exist")
    }
}
