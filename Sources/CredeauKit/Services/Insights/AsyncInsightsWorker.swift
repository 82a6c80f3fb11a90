import Dispatch
import Foundation
import Synchronization

/// Runs `/api/async_insights` jobs from `insights_jobs` on background threads.
///
/// Each thread claims a job (pending, or running under an expired lease because its replica
/// died), runs the pipeline and stores the response. A failed run goes back to pending until it
/// has been tried `maxAttempts` times, then is stored as failed so a poll reports the error.
public final class AsyncInsightsWorker: Sendable {
    public let workerID: String
    public let maxAttempts = 3
    private let jobs: InsightsJobStore
    private let run: @Sendable (InsightsJob) throws -> String
    private let logger: Logger
    private let wake = DispatchSemaphore(value: 0)
    private let stopping = Atomic<Bool>(false)
    private let running = Atomic<Int>(0)
    /// Seconds an idle thread waits before looking for abandoned jobs again.
    private let idlePollSeconds: Double

    /// - Parameter run: computes a job's response body (JSON text); throws when it cannot.
    public init(workerID: String, jobs: InsightsJobStore, threads: Int, idlePollSeconds: Double = 1, logger: Logger,
                run: @escaping @Sendable (InsightsJob) throws -> String) {
        self.workerID = workerID
        self.jobs = jobs
        self.run = run
        self.logger = logger
        self.idlePollSeconds = idlePollSeconds
        self.threads = threads
    }

    private let threads: Int

    /// Starts the threads; call once, after everything `run` uses exists.
    public func start() {
        for index in 0..<threads {
            let thread = Thread { [self] in loop() }
            thread.name = "credeau-async-\(index)"
            thread.start()
        }
    }

    /// Wakes one idle thread after a job was submitted.
    public func notify() { wake.signal() }

    /// Stops claiming jobs; jobs already running finish, or are picked up again after the lease.
    public func stop() {
        stopping.store(true, ordering: .relaxed)
        for _ in 0..<64 { wake.signal() }
    }

    private func loop() {
        var lastPurge = DispatchTime.now().uptimeNanoseconds
        while !stopping.load(ordering: .relaxed) {
            let job: InsightsJob?
            do {
                job = try jobs.claim(worker: workerID)
            } catch {
                logger.error("async job claim failed", [(LogKey.error, "\(error)")])
                job = nil
            }
            guard let job else {
                _ = wake.wait(timeout: .now() + idlePollSeconds)
                if DispatchTime.now().uptimeNanoseconds - lastPurge > 60_000_000_000 {
                    lastPurge = DispatchTime.now().uptimeNanoseconds
                    purge()
                }
                continue
            }
            execute(job)
        }
    }

    private func execute(_ job: InsightsJob) {
        let jobLogger = logger.with("job.id", String(job.id))
        jobLogger.debug("async job claimed", [("attempt", String(job.attempts))])
        do {
            let result = try run(job)
            try jobs.finish(id: job.id, status: .done, result: result)
        } catch {
            let retry = job.attempts < maxAttempts
            jobLogger.error("async job failed", [(LogKey.error, "\(error)"), ("will_retry", String(retry))])
            let failure = AsyncJobFailure(error: error)
            do {
                try jobs.finish(id: job.id, status: retry ? .pending : .failed, result: retry ? nil : failure.json)
            } catch {
                jobLogger.error("async job state not saved; it runs again after the lease", [(LogKey.error, "\(error)")])
            }
        }
    }

    private func purge() {
        do {
            let count = try jobs.purgeExpired()
            if count > 0 { logger.debug("expired async jobs deleted", [(LogKey.count, String(count))]) }
        } catch {
            logger.error("expired async job purge failed", [(LogKey.error, "\(error)")])
        }
    }
}

/// The stored response of a job that failed for good: its status and message.
struct AsyncJobFailure {
    var status: Int
    var message: String

    init(error: any Error) {
        if let error = error as? any HTTPResponseError {
            status = error.status
        } else if let error = error as? any CredeauError {
            status = error.httpStatus
        } else {
            status = 500
        }
        message = "\(error)"
        if status == 500 { message = "Internal server error while computing the features" }
    }

    init?(json: String) {
        guard let value = try? JSONParser.parse(Array(json.utf8)), let status = value["status"]?.integerValue,
              let message = value["error"]?.stringValue, value["failed"] == .bool(true)
        else { return nil }
        self.status = Int(status)
        self.message = message
    }

    var json: String {
        String(decoding: JSONWriter.encode(.object([
            ("failed", .bool(true)), ("status", .integer(Int64(status))), ("error", .string(message)),
        ])), as: UTF8.self)
    }
}
