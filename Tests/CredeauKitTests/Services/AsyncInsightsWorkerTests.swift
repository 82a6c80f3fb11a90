@testable import CredeauKit
import Foundation
import Synchronization
import Testing

/// Async jobs keep their lease while they run, are not run past the attempt limit, and go back
/// to pending when their replica stops.
@Suite struct AsyncInsightsWorkerTests {
    /// Returns a job store on a migrated SQLite file with a one-second lease.
    private func store() throws -> InsightsJobStore {
        try outageStore(leaseSeconds: 1).jobs
    }

    /// A job store on a migrated SQLite file, and a second connection to that file that takes
    /// the jobs table away and back, as a database outage would.
    private struct OutageStore {
        let jobs: InsightsJobStore
        let outside: SQLiteConnectionPool

        func takeTableAway() throws {
            try outside.withDatabase { _ = try $0.query("ALTER TABLE insights_jobs RENAME TO insights_jobs_away") }
        }

        func bringTableBack() throws {
            try outside.withDatabase { _ = try $0.query("ALTER TABLE insights_jobs_away RENAME TO insights_jobs") }
        }

        /// Brings the table back after `seconds`, on another thread.
        func bringTableBack(after seconds: Double) {
            DispatchQueue.global().asyncAfter(deadline: .now() + seconds) { try? bringTableBack() }
        }
    }

    private func outageStore(leaseSeconds: Int = 60) throws -> OutageStore {
        let path = try StorageTestSupport.temporaryDirectory().appendingPathComponent("credeau.db").path
        _ = try SQLiteExtractedSMSStore(path: path, fernet: nil, migrate: true)
        return OutageStore(jobs: InsightsJobStore(database: .sqlite(try SQLiteConnectionPool(path: path)),
                                                  leaseSeconds: leaseSeconds),
                           outside: try SQLiteConnectionPool(path: path))
    }

    private func submit(_ jobs: InsightsJobStore, key: String = "k1") throws -> InsightsJob {
        try jobs.submit(requestKey: key, clientID: "c", userID: "u", body: #"{"user_id": "u"}"#)
    }

    private func current(_ jobs: InsightsJobStore, key: String = "k1") throws -> InsightsJob {
        try submit(jobs, key: key)
    }

    /// Runs counted across workers.
    final class RunCount: Sendable {
        let value = Atomic<Int>(0)
    }

    /// Returns a started worker whose runs count in `runs` and return an empty body at once.
    private func countingWorker(_ id: String, jobs: InsightsJobStore, runs: RunCount) -> AsyncInsightsWorker {
        let worker = AsyncInsightsWorker(workerID: id, jobs: jobs, threads: 1, idlePollSeconds: 0.1,
                                         logger: .discarding) { _ in
            runs.value.add(1, ordering: .relaxed)
            return "{}"
        }
        worker.start()
        return worker
    }

    private func waitFor(_ condition: () throws -> Bool) rethrows {
        let deadline = Date().addingTimeInterval(15)
        while try !condition(), Date() < deadline { usleep(50_000) }
    }

    /// Starts a worker named "leaving" whose run lasts three seconds and then ends with
    /// `outcome`, and returns it once the run has started.
    private func startedSlowWorker(_ jobs: InsightsJobStore,
                                   outcome: @escaping @Sendable () throws -> String) throws -> AsyncInsightsWorker {
        let started = Atomic<Bool>(false)
        let worker = AsyncInsightsWorker(workerID: "leaving", jobs: jobs, threads: 1, idlePollSeconds: 0.1,
                                         logger: .discarding) { _ in
            started.store(true, ordering: .relaxed)
            sleep(3)
            return try outcome()
        }
        worker.start()
        try waitFor { started.load(ordering: .relaxed) }
        return worker
    }

    @Test func slowJobKeepsItsLease() throws {
        let jobs = try store()
        _ = try submit(jobs)
        let runs = RunCount()
        let slow = AsyncInsightsWorker(workerID: "slow", jobs: jobs, threads: 1, idlePollSeconds: 0.1,
                                       logger: .discarding) { _ in
            runs.value.add(1, ordering: .relaxed)
            sleep(4)
            return "{}"
        }
        slow.start()
        try waitFor { runs.value.load(ordering: .relaxed) == 1 }
        // A second replica looks for abandoned jobs while the first one's run lasts four leases.
        let other = countingWorker("other", jobs: jobs, runs: runs)
        defer { other.stop() }
        try waitFor { try current(jobs).status == .done }
        slow.stop()

        #expect(try current(jobs).status == .done)
        #expect(try current(jobs).attempts == 1)
        #expect(runs.value.load(ordering: .relaxed) == 1)
    }

    /// A claimed job carries its submission time, which the response uses as the request time.
    @Test func claimedJobKeepsSubmissionTime() throws {
        let jobs = try store()
        let submitted = try submit(jobs)
        let now = Int64(Date().timeIntervalSince1970 * 1000)
        #expect(submitted.createdAtMillis.map { abs($0 - now) < 5_000 } == true)
        guard case let .sqlite(pool) = jobs.database else { return }
        try pool.withDatabase { database in
            try database.query("UPDATE insights_jobs SET created_at = '2026-03-01 04:30:00.250'")
        }

        let claimed = try jobs.claim(worker: "w")
        #expect(claimed?.createdAtMillis == 1_772_339_400_250)
    }

    @Test(.enabled(if: StorageTestSupport.postgresURL != nil, StorageTestSupport.postgresSkipNotice))
    func postgresJobKeepsSubmissionTime() throws {
        let database = try PostgresTestDatabase()
        let connection = try database.connect()
        _ = try SchemaMigrator(target: PostgresMigrationTarget(connection: connection), schema: .apiInsights,
                               migrations: MigrationCatalog.postgres(.apiInsights)).migrate()
        let jobs = InsightsJobStore(database: .postgres(PostgresPool(configuration: database.configuration)))
        let submitted = try submit(jobs)
        let now = Int64(Date().timeIntervalSince1970 * 1000)
        #expect(submitted.createdAtMillis.map { abs($0 - now) < 5_000 } == true)
        try connection.query("UPDATE insights_jobs SET created_at = '2026-03-01 04:30:00.250'")

        let claimed = try jobs.claim(worker: "w")
        #expect(claimed?.createdAtMillis == 1_772_339_400_250)
    }

    @Test func jobPastTheAttemptLimitFails() throws {
        let jobs = try store()
        _ = try submit(jobs)
        // Three replicas claimed the job and died; the lease has run out.
        guard case let .sqlite(pool) = jobs.database else { return }
        try pool.withDatabase { database in
            try database.query("""
                UPDATE insights_jobs SET status = 'running', claimed_by = 'c', attempts = 3,
                claimed_at = datetime('now', '-10 seconds')
                """)
        }
        let runs = RunCount()
        let worker = countingWorker("d", jobs: jobs, runs: runs)
        defer { worker.stop() }
        try waitFor { try current(jobs).status == .failed }

        let job = try current(jobs)
        #expect(job.status == .failed)
        #expect(job.attempts == 3)
        #expect(job.result.flatMap(AsyncJobFailure.init(json:))?.status == 503)
        #expect(runs.value.load(ordering: .relaxed) == 0)
    }

    /// A run that fails while the database cannot be written saves its state once the database
    /// is back, so the job runs again then instead of after its lease.
    @Test func stateSavedAfterShortOutage() throws {
        let outage = try outageStore()
        let jobs = outage.jobs
        _ = try submit(jobs)
        let runs = RunCount()
        let worker = AsyncInsightsWorker(workerID: "w", jobs: jobs, threads: 1, idlePollSeconds: 0.1,
                                         logger: .discarding) { _ in
            guard runs.value.add(1, ordering: .relaxed).newValue == 1 else { return "{}" }
            // The table is gone for a second while the first run fails.
            try outage.takeTableAway()
            outage.bringTableBack(after: 1)
            throw CocoaError(.featureUnsupported)
        }
        worker.start()
        defer { worker.stop() }
        try waitFor { (try? current(jobs).status) == .done }

        let job = try current(jobs)
        #expect(job.status == .done)
        #expect(job.attempts == 2)
        #expect(runs.value.load(ordering: .relaxed) == 2)
    }

    /// A replica that stops while the database is briefly unavailable still hands its job back.
    @Test func handBackWaitsForShortOutage() throws {
        let outage = try outageStore()
        let jobs = outage.jobs
        _ = try submit(jobs)
        let worker = try startedSlowWorker(jobs) { "{}" }
        try outage.takeTableAway()
        outage.bringTableBack(after: 1)
        worker.stop()

        let job = try #require(try jobs.claim(worker: "next"))
        #expect(job.attempts == 1)
    }

    /// Polls that fail while the database is down log one error, and the recovery one notice.
    @Test func failedClaimsLogOnce() throws {
        let outage = try outageStore()
        try outage.takeTableAway()
        let sink = InMemoryLogSink()
        let worker = AsyncInsightsWorker(workerID: "w", jobs: outage.jobs, threads: 1, idlePollSeconds: 0.05,
                                         logger: Logger(label: "test", level: .info, sink: sink)) { _ in "{}" }
        worker.start()
        defer { worker.stop(releaseRetrySeconds: 0) }
        // About a dozen polls fail while the table is away.
        usleep(600_000)
        try outage.bringTableBack()
        try waitFor { sink.records.contains { $0.message == "async job claims work again" } }

        let failures = sink.records.filter { $0.message.hasPrefix("async job claim failed") }
        #expect(failures.count == 1)
        #expect(sink.records.contains { $0.message == "async job claims work again" })
    }

    @Test func stoppingHandsRunningJobsBack() throws {
        let jobs = try store()
        _ = try submit(jobs)
        let worker = try startedSlowWorker(jobs) { throw CocoaError(.featureUnsupported) }
        worker.stop()

        #expect(try current(jobs).status == .pending)
        // Another replica takes it at once, the handed-back run not counted, and the first run's
        // late failure leaves its claim alone.
        let next = try #require(try jobs.claim(worker: "next"))
        #expect(next.attempts == 1)
        sleep(4)
        #expect(try current(jobs).status == .running)
    }

    /// Each failed run puts the job back for a pause that doubles: the runs of a job whose
    /// dependency is down are spread out instead of following each other at once.
    @Test func failedRunsArePausedWithGrowingDelay() throws {
        let jobs = try outageStore(leaseSeconds: 60).jobs
        _ = try submit(jobs)
        let times = Mutex<[Date]>([])
        let worker = AsyncInsightsWorker(workerID: "w", jobs: jobs, threads: 2, idlePollSeconds: 0.05,
                                         retryDelaySeconds: 0.5, logger: .discarding) { _ in
            times.withLock { $0.append(Date()) }
            throw HTTPError(503, "extractor down")
        }
        worker.start()
        defer { worker.stop() }
        try waitFor { try current(jobs).status == .failed }

        let runs = times.withLock { $0 }
        #expect(runs.count == 3)
        guard runs.count == 3 else { return }
        let gaps = [runs[1].timeIntervalSince(runs[0]), runs[2].timeIntervalSince(runs[1])]
        // 0.5 to 0.75 s after the first run, 1 to 1.5 s after the second, plus a poll interval.
        #expect(gaps[0] >= 0.5, "\(gaps)")
        #expect(gaps[0] < 1.2, "\(gaps)")
        #expect(gaps[1] >= 1.0, "\(gaps)")
        #expect(gaps[1] < 2.0, "\(gaps)")
        #expect(try current(jobs).result.flatMap(AsyncJobFailure.init(json:))?.status == 503)
    }

    /// While a failed job waits for its next run, it stays pending, so polls get 202.
    @Test func jobWaitingForRetryStaysPending() throws {
        let jobs = try outageStore(leaseSeconds: 60).jobs
        _ = try submit(jobs)
        let runs = RunCount()
        let worker = AsyncInsightsWorker(workerID: "w", jobs: jobs, threads: 1, idlePollSeconds: 0.05,
                                         logger: .discarding) { _ in
            runs.value.add(1, ordering: .relaxed)
            throw HTTPError(503, "extractor down")
        }
        worker.start()
        defer { worker.stop() }
        try waitFor { runs.value.load(ordering: .relaxed) == 1 }
        usleep(1_000_000)

        #expect(runs.value.load(ordering: .relaxed) == 1)
        #expect(try current(jobs).status == .pending)
    }

    @Test func retryDelayDoublesWithJitterAndCap() throws {
        let worker = AsyncInsightsWorker(workerID: "w", jobs: try store(), threads: 0, logger: .discarding) { _ in "{}" }
        #expect(worker.retryDelay(afterAttempt: 1, random: 0) == 2_000)
        #expect(worker.retryDelay(afterAttempt: 1, random: 1) == 3_000)
        #expect(worker.retryDelay(afterAttempt: 2, random: 0) == 4_000)
        #expect(worker.retryDelay(afterAttempt: 2, random: 0.5) == 5_000)
        #expect(worker.retryDelay(afterAttempt: 5, random: 0) == 30_000)
        #expect(worker.retryDelay(afterAttempt: 60, random: 1) == 30_000)
    }
}
