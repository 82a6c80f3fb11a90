@testable import CredeauKit
import Testing

@Suite struct MongoConfigurationTests {
    private let base = [
        "DI_MONGODB_HOST": "mongo", "DI_MONGODB_PORT": "27018", "DI_MONGODB_USERNAME": "sync user",
        "DI_MONGODB_PASSWORD": "p@ss/word", "DI_MONGODB_DATABASE": "sync_db",
    ]

    @Test func everyOptionVariableMapped() throws {
        var environment = base
        environment["DI_MONGODB_MAX_POOL_SIZE"] = "100"
        environment["DI_MONGODB_MIN_POOL_SIZE"] = "10"
        environment["DI_MONGODB_SERVER_SELECTION_TIMEOUT_MS"] = "15000"
        environment["DI_MONGODB_CONNECT_TIMEOUT_MS"] = "10000"
        environment["DI_MONGODB_SOCKET_TIMEOUT_MS"] = "10000"
        environment["DI_MONGODB_RETRY_WRITES"] = "True"
        environment["DI_MONGODB_WAIT_QUEUE_TIMEOUT_MS"] = "2000"
        let configuration = try #require(try MongoConfiguration.insightsAPI(environment: environment))
        let options = Dictionary(uniqueKeysWithValues: configuration.uriOptions.map { ($0.name, $0.value) })
        #expect(options == [
            "maxPoolSize": "100", "serverSelectionTimeoutMS": "15000", "connectTimeoutMS": "10000",
            "socketTimeoutMS": "10000", "retryWrites": "true", "waitQueueTimeoutMS": "2000",
        ])
        #expect(configuration.ignoredVariables.map(\.variable) == ["DI_MONGODB_MIN_POOL_SIZE"])
    }

    @Test func credentialsPercentEncoded() throws {
        let configuration = try #require(try MongoConfiguration.insightsAPI(environment: base))
        #expect(configuration.baseURI == "mongodb://sync%20user:p%40ss%2Fword@mongo:27018/")
        #expect(configuration.endpoint == "mongo:27018")
        #expect(configuration.database == "sync_db")
    }

    @Test func uriHostAccepted() throws {
        let environment = ["DI_MONGODB_HOST": "mongodb://u:secret@a:27017,b:27017/?replicaSet=rs0"]
        let configuration = try #require(try MongoConfiguration.insightsAPI(environment: environment))
        #expect(configuration.endpoint == "a:27017,b:27017")
        #expect(!configuration.endpoint.contains("secret"))
    }

    @Test(arguments: [("DI_MONGODB_RETRY_WRITES", "yes"), ("DI_MONGODB_MAX_POOL_SIZE", "-1"), ("DI_MONGODB_PORT", "x")])
    func invalidValueRejected(variable: String, value: String) {
        var environment = base
        environment[variable] = value
        #expect(throws: MongoError.self) { try MongoConfiguration.insightsAPI(environment: environment) }
    }

    @Test func unsetHostGivesNil() throws {
        #expect(try MongoConfiguration.insightsAPI(environment: ["DI_MONGODB_PORT": "27017"]) == nil)
    }

    @Test(arguments: [
        ("*", Set(SyncDBSource.allCases)),
        ("sms,apps, device", [.sms, .apps, .device]),
        ("call_logs,ios_device", [.callLogs, .iosDevice]),
    ] as [(String, Set<SyncDBSource>)])
    func enabledSourcesParsed(text: String, expected: Set<SyncDBSource>) throws {
        let sources = try MongoEnabledSources(environment: ["DI_MONGODB_ENABLED_SOURCES": text])
        #expect(sources.sources == expected)
    }

    @Test func enabledSourcesDefaultFollowsHost() throws {
        #expect(try MongoEnabledSources(environment: ["DI_MONGODB_HOST": "m"]).sources == Set(SyncDBSource.allCases))
        #expect(try MongoEnabledSources(environment: [:]).sources.isEmpty)
    }

    @Test func unknownSourceRejected() {
        #expect(throws: MongoError.self) {
            try MongoEnabledSources(environment: ["DI_MONGODB_ENABLED_SOURCES": "sms,photos"])
        }
    }

    @Test func createIndexesCommandNamesIndexes() throws {
        let command = MongoClientPool.createIndexesCommand("device_sync_request_device_data",
                                                           keys: [["client_id", "user_id"], ["request_id"]])
        let document = try BSONBytes(json: command)
        #expect(document.string("createIndexes") == "device_sync_request_device_data")
        #expect(command.contains("\"name\": \"client_id_1_user_id_1\""))
        #expect(command.contains("\"name\": \"request_id_1\""))
    }
}
