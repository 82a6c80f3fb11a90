@testable import CredeauKit
import Foundation
import Testing

/// Replicas with different `INSIGHTS_JOB_LEASE_SECONDS` on one database: a running job is
/// abandoned when the lease its claiming replica stored has ended, whatever the reader's lease.
@Suite struct InsightsJobLeaseTests {
    enum Engine: String, CaseIterable, CustomTestStringConvertible {
        case sqlite, postgres
        var testDescription: String { rawValue }
    }

    /// SQLite always; PostgreSQL when the test script started a server.
    static let engines: [Engine] = StorageTestSupport.postgresURL == nil ? [.sqlite] : Engine.allCases

    /// One migrated database that several replicas (job stores with their own connections) share.
    final class SharedDatabase {
        let engine: Engine
        private let sqlitePath: String?
        private let postgres: PostgresTestDatabase?

        init(_ engine: Engine) throws {
            self.engine = engine
            switch engine {
            case .sqlite:
                let path = try StorageTestSupport.temporaryDirectory().appendingPathComponent("credeau.db").path
                _ = try SQLiteExtractedSMSStore(path: path, fernet: nil, migrate: true)
                sqlitePath = path
                postgres = nil
            case .postgres:
                let database = try PostgresTestDatabase()
                _ = try SchemaMigrator(target: PostgresMigrationTarget(connection: try database.connect()),
                                       schema: .apiInsights, migrations: MigrationCatalog.postgres(.apiInsights)).migrate()
                sqlitePath = nil
                postgres = database
            }
        }

        /// Returns a replica's job store, with its own connection pool.
        func replica(leaseSeconds: Int) throws -> InsightsJobStore {
            if let sqlitePath {
                return InsightsJobStore(database: .sqlite(try SQLiteConnectionPool(path: sqlitePath)),
                                        leaseSeconds: leaseSeconds)
            }
            let configuration = try #require(postgres).configuration
            return InsightsJobStore(database: .postgres(PostgresPool(configuration: configuration, maxConnections: 2)),
                                    leaseSeconds: leaseSeconds)
        }

        /// Runs the statement written for this engine on its own connection.
        func run(sqlite: String, postgres postgresSQL: String) throws {
            if let sqlitePath {
                _ = try SQLiteDatabase(path: sqlitePath).query(sqlite)
            } else {
                _ = try #require(postgres).connect().query(PostgresQuery(sql: postgresSQL))
            }
        }

        /// Returns whether the job row contains a lease end.
        func leaseEndIsStored() throws -> Bool {
            let sql = "SELECT lease_until IS NOT NULL FROM insights_jobs"
            if let sqlitePath {
                return try SQLiteDatabase(path: sqlitePath).query(sql).first?.first == .integer(1)
            }
            return try #require(postgres).connect().query(PostgresQuery(sql: sql)).scalar == "t"
        }

        /// Claims every job as a replica of the previous version does: it sets `claimed_at` and
        /// leaves the lease end alone.
        func claimAsOlderReplica() throws {
            try run(sqlite: """
                UPDATE insights_jobs SET status = 'running', claimed_by = 'older', claimed_at = CURRENT_TIMESTAMP,
                attempts = attempts + 1
                """, postgres: """
                UPDATE insights_jobs SET status = 'running', claimed_by = 'older', \
                claimed_at = (now() AT TIME ZONE 'utc'), attempts = attempts + 1
                """)
        }
    }

    private func submit(_ jobs: InsightsJobStore) throws -> InsightsJob {
        try jobs.submit(requestKey: "k1", clientID: "c", userID: "u", body: #"{"user_id": "u"}"#)
    }

    private let abandoned = AsyncJobFailure(status: 503, message: "abandoned").json

    @Test(arguments: engines) func shortLeaseReplicaLeavesLongLeaseJob(engine: Engine) throws {
        let database = try SharedDatabase(engine)
        let long = try database.replica(leaseSeconds: 60)
        let short = try database.replica(leaseSeconds: 1)
        _ = try submit(long)
        #expect(try long.claim(worker: "long")?.attempts == 1)

        usleep(1_500_000)
        #expect(try short.claim(worker: "short") == nil)
        #expect(try submit(short).status == .running)
    }

    @Test(arguments: engines) func longLeaseReplicaTakesShortLeaseJob(engine: Engine) throws {
        let database = try SharedDatabase(engine)
        let long = try database.replica(leaseSeconds: 60)
        let short = try database.replica(leaseSeconds: 1)
        _ = try submit(short)
        #expect(try short.claim(worker: "short")?.attempts == 1)
        #expect(try long.claim(worker: "long") == nil)

        usleep(1_500_000)
        #expect(try long.claim(worker: "long")?.attempts == 2)
    }

    /// Each renewal moves the stored end to the renewing replica's lease from now.
    @Test(arguments: engines) func renewalExtendsStoredEnd(engine: Engine) throws {
        let database = try SharedDatabase(engine)
        let owner = try database.replica(leaseSeconds: 3)
        let reader = try database.replica(leaseSeconds: 1)
        let job = try submit(owner)
        _ = try owner.claim(worker: "owner")

        usleep(1_500_000)
        #expect(try reader.claim(worker: "reader") == nil)
        try owner.renewLease(id: job.id, worker: "owner")
        // The claim's lease has ended, but the renewal's lasts another second.
        usleep(2_000_000)
        #expect(try reader.claim(worker: "reader") == nil)
        usleep(1_500_000)
        #expect(try reader.claim(worker: "reader")?.attempts == 2)
    }

    /// A running job without a stored end, as an older replica or a row from before migration 5
    /// leaves it, is abandoned after the reader's own lease from `claimed_at`, as before.
    @Test(arguments: engines) func jobWithoutStoredEndUsesReaderLease(engine: Engine) throws {
        let database = try SharedDatabase(engine)
        let long = try database.replica(leaseSeconds: 60)
        let short = try database.replica(leaseSeconds: 1)
        _ = try submit(long)
        try database.claimAsOlderReplica()
        try database.run(sqlite: "UPDATE insights_jobs SET lease_until = NULL",
                         postgres: "UPDATE insights_jobs SET lease_until = NULL")

        // SQLite's `claimed_at` keeps whole seconds, so the old rule may wait up to a second more.
        usleep(2_100_000)
        #expect(try long.claim(worker: "long") == nil)
        #expect(try short.claim(worker: "short")?.attempts == 2)
    }

    /// A stored end that an older replica's later claim left behind, earlier than that claim,
    /// says nothing about the new claim.
    @Test(arguments: engines) func endBeforeClaimIsIgnored(engine: Engine) throws {
        let database = try SharedDatabase(engine)
        let reader = try database.replica(leaseSeconds: 60)
        _ = try submit(reader)
        try database.run(sqlite: "UPDATE insights_jobs SET lease_until = datetime('now', '-5 seconds')",
                         postgres: "UPDATE insights_jobs SET lease_until = (now() AT TIME ZONE 'utc') - interval '5 seconds'")
        try database.claimAsOlderReplica()

        #expect(try reader.claim(worker: "reader") == nil)
    }

    /// A job handed back (a stopping replica) or put back after a failed run loses its lease
    /// end, so an older replica that claims it next is judged by `claimed_at`.
    @Test(arguments: engines, [true, false]) func jobPutBackLosesStoredEnd(engine: Engine, release: Bool) throws {
        let database = try SharedDatabase(engine)
        let short = try database.replica(leaseSeconds: 1)
        let long = try database.replica(leaseSeconds: 60)
        let job = try submit(short)
        _ = try short.claim(worker: "short")
        #expect(try database.leaseEndIsStored())
        if release {
            #expect(try short.release(worker: "short") == 1)
        } else {
            try short.finish(id: job.id, status: .pending, result: nil, worker: "short")
        }
        #expect(try !database.leaseEndIsStored())
        try database.claimAsOlderReplica()

        usleep(1_500_000)
        #expect(try long.claim(worker: "long") == nil)
    }

    /// The attempt limit fails a job only once its stored lease has ended.
    @Test(arguments: engines) func attemptLimitUsesStoredEnd(engine: Engine) throws {
        let database = try SharedDatabase(engine)
        let long = try database.replica(leaseSeconds: 60)
        let short = try database.replica(leaseSeconds: 1)
        _ = try submit(long)
        _ = try long.claim(worker: "long", maxAttempts: 1, abandonedResult: abandoned)

        usleep(1_500_000)
        #expect(try short.claim(worker: "short", maxAttempts: 1, abandonedResult: abandoned) == nil)
        #expect(try submit(short).status == .running)

        // A job claimed under a one-second lease has been abandoned for the long-lease replica.
        try database.run(sqlite: "DELETE FROM insights_jobs", postgres: "DELETE FROM insights_jobs")
        _ = try submit(short)
        _ = try short.claim(worker: "short", maxAttempts: 1, abandonedResult: abandoned)
        usleep(1_500_000)
        #expect(try long.claim(worker: "long", maxAttempts: 1, abandonedResult: abandoned) == nil)
        let failed = try submit(long)
        #expect(failed.status == .failed)
        #expect(failed.result.flatMap(AsyncJobFailure.init(json:))?.message == "abandoned")
    }
}
