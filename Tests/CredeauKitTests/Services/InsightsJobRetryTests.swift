@testable import CredeauKit
import Foundation
import Testing

/// A job put back after a failed run waits for its retry time (`retry_at`) before any replica
/// claims it again, while polls still find it pending.
@Suite struct InsightsJobRetryTests {
    typealias Engine = InsightsJobLeaseTests.Engine

    private func submit(_ jobs: InsightsJobStore) throws -> InsightsJob {
        try jobs.submit(requestKey: "k1", clientID: "c", userID: "u", body: #"{"user_id": "u"}"#)
    }

    @Test(arguments: InsightsJobLeaseTests.engines) func failedRunWaitsForRetryTime(engine: Engine) throws {
        let database = try InsightsJobLeaseTests.SharedDatabase(engine)
        let owner = try database.replica(leaseSeconds: 60)
        let other = try database.replica(leaseSeconds: 60)
        let job = try submit(owner)
        #expect(try owner.claim(worker: "owner")?.attempts == 1)
        try owner.finish(id: job.id, status: .pending, result: nil, worker: "owner", retryAfterMilliseconds: 1_500)

        #expect(try other.claim(worker: "other") == nil)
        #expect(try owner.claim(worker: "owner") == nil)
        #expect(try submit(other).status == .pending)
        usleep(700_000)
        #expect(try other.claim(worker: "other") == nil)
        usleep(1_000_000)
        let again = try other.claim(worker: "other")
        #expect(again?.attempts == 2)
        #expect(again?.status == .running)
    }

    /// A job put back without a pause, or handed back by a stopping replica, is claimed at once.
    @Test(arguments: InsightsJobLeaseTests.engines) func putBackWithoutPauseIsClaimedAtOnce(engine: Engine) throws {
        let database = try InsightsJobLeaseTests.SharedDatabase(engine)
        let jobs = try database.replica(leaseSeconds: 60)
        let job = try submit(jobs)
        _ = try jobs.claim(worker: "a")
        try jobs.finish(id: job.id, status: .pending, result: nil, worker: "a")
        #expect(try jobs.claim(worker: "b")?.attempts == 2)
        #expect(try jobs.release(worker: "b") == 1)
        #expect(try jobs.claim(worker: "c")?.attempts == 2)
    }

    /// A waiting job does not hold back a later job that is due.
    @Test(arguments: InsightsJobLeaseTests.engines) func waitingJobLetsLaterJobsRun(engine: Engine) throws {
        let database = try InsightsJobLeaseTests.SharedDatabase(engine)
        let jobs = try database.replica(leaseSeconds: 60)
        let first = try submit(jobs)
        _ = try jobs.claim(worker: "a")
        try jobs.finish(id: first.id, status: .pending, result: nil, worker: "a", retryAfterMilliseconds: 60_000)
        let second = try jobs.submit(requestKey: "k2", clientID: "c", userID: "u2", body: #"{"user_id": "u2"}"#)

        #expect(try jobs.claim(worker: "a")?.id == second.id)
        #expect(try jobs.claim(worker: "a") == nil)
    }

    @Test func sqliteModifierKeepsMilliseconds() {
        #expect(InsightsJobStore.sqliteModifier(milliseconds: 2_050) == "+2.050 seconds")
        #expect(InsightsJobStore.sqliteModifier(milliseconds: 7) == "+0.007 seconds")
        #expect(InsightsJobStore.sqliteModifier(milliseconds: 30_000) == "+30.000 seconds")
    }
}
