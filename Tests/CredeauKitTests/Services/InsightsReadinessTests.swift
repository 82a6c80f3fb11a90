import Foundation
import Testing

/// `GET /ready` of `credeau serve-insights` when MongoDB serves `sync_db` sources.
@Suite struct InsightsReadinessTests {
    @Test func unreachableMongoIsNotReady() throws {
        let database = try InsightsFixtureDatabase()
        let closedPort = try InsightsServerProcess.freePort()
        let server = try InsightsServerProcess(environment: database.environment.merging([
            "DI_MONGODB_HOST": "127.0.0.1", "DI_MONGODB_PORT": String(closedPort),
        ]) { $1 })
        let started = Date()
        let ready = try server.request("GET", "/ready")
        #expect(ready.status == 503)
        #expect(ready.json?["error"] == .string("database is unreachable"))
        #expect(Date().timeIntervalSince(started) < 4.5, "a readiness probe gives up after 5 seconds")
        let line = server.log.split(separator: "\n").first { $0.contains("readiness check failed") }
        #expect(line?.contains(#""dependency":"MongoDB sync_db""#) == true, "\(server.log)")
        #expect(line?.contains("127.0.0.1:\(closedPort)") == true)
    }

    @Test(.enabled(if: StorageTestSupport.testPython != nil, StorageTestSupport.mongoSkipNotice))
    func answeringMongoIsReady() throws {
        let mongo = try MongoTestServer()
        let database = try InsightsFixtureDatabase()
        let server = try InsightsServerProcess(environment: database.environment.merging([
            "DI_MONGODB_HOST": "127.0.0.1", "DI_MONGODB_PORT": String(mongo.port),
        ]) { $1 })
        #expect(try server.request("GET", "/ready").status == 200)
    }
}
