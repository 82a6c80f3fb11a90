import Dispatch
import Foundation
import Synchronization

/// Runs `/api/async_insights` jobs from `insights_jobs` on background threads.
///
/// Each thread claims a job (pending, or running under an expired lease because its replica
/// died), runs the pipeline and stores the response. While a job runs, its lease is renewed
/// every third of the lease, so a slow job is not taken for an abandoned one. A failed run goes
/// back to pending until it has been tried `maxAttempts` times. It may be claimed again only after
/// a pause that doubles with each failed run (`retryDelay`), so that the runs of a job are spread
/// over a short outage of the SMS Extraction API or a database. Then it is stored as failed, so
/// that a poll reports the error, as is a job whose replica died `maxAttempts` times. A state that
/// cannot be stored (the database is down) is tried again for up to one lease.
public final class AsyncInsightsWorker: Sendable {
    public let workerID: String
    public let maxAttempts = 3
    private let jobs: InsightsJobStore
    private let run: @Sendable (InsightsJob) throws -> String
    private let logger: Logger
    private let wake = DispatchSemaphore(value: 0)
    private let stopping = Atomic<Bool>(false)
    private let running = Atomic<Int>(0)
    /// Seconds an idle thread waits before looking for abandoned or due jobs again.
    private let idlePollSeconds: Double
    /// The pause after a job's first failed run, in seconds; it doubles after each further one.
    public let retryDelaySeconds: Double
    /// The maximum pause between two runs of a job, in seconds.
    public let maxRetryDelaySeconds: Double

    /// - Parameter run: computes a job's response body (JSON text); throws when it cannot.
    public init(workerID: String, jobs: InsightsJobStore, threads: Int, idlePollSeconds: Double = 1,
                retryDelaySeconds: Double = 2, maxRetryDelaySeconds: Double = 30, logger: Logger,
                run: @escaping @Sendable (InsightsJob) throws -> String) {
        self.workerID = workerID
        self.jobs = jobs
        self.run = run
        self.logger = logger
        self.idlePollSeconds = idlePollSeconds
        self.retryDelaySeconds = retryDelaySeconds
        self.maxRetryDelaySeconds = maxRetryDelaySeconds
        self.threads = threads
    }

    /// Returns the pause in milliseconds before a job whose run number `attempt` failed may run
    /// again. It is `retryDelaySeconds` doubled for each earlier failed run, then up to half again
    /// at random so that jobs which failed together do not run again together, and at most
    /// `maxRetryDelaySeconds`. With the defaults: 2 to 3 s after the first run, 4 to 6 s after the
    /// second.
    func retryDelay(afterAttempt attempt: Int, random: Double = Double.random(in: 0...1)) -> Int {
        let doubled = retryDelaySeconds * Double(1 << min(max(attempt - 1, 0), 20))
        let seconds = min(doubled * (1 + 0.5 * min(max(random, 0), 1)), maxRetryDelaySeconds)
        return Int((seconds * 1000).rounded())
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

    /// Stops claiming jobs and puts the jobs this replica still runs back to pending, so another
    /// replica takes them at once. A run that ends afterwards still stores its response.
    ///
    /// While the database cannot be written, the hand-back is tried again for up to
    /// `releaseRetrySeconds`, which keeps a shutdown within the 30 s that Kubernetes allows by
    /// default after the 25 s given to requests in flight.
    public func stop(releaseRetrySeconds: Double = 4) {
        stopping.store(true, ordering: .relaxed)
        for _ in 0..<64 { wake.signal() }
        do {
            let (released, _) = try retrying(for: releaseRetrySeconds, maxPause: 1, untilStopped: false) {
                try jobs.release(worker: workerID)
            }
            if released > 0 {
                logger.notice("running async jobs handed back for another replica", [(LogKey.count, String(released))])
            }
        } catch {
            logger.error("running async jobs not handed back, so they run again after the lease",
                         [("worker.id", workerID), (LogKey.error, "\(error)")])
        }
    }

    /// The stored response of a job whose replica stopped `maxAttempts` times while running it.
    private var abandonedResult: String {
        AsyncJobFailure(status: 503, message: "The job was started \(maxAttempts) times and its replica stopped "
                        + "each time; send the request again").json
    }

    private func loop() {
        var lastPurge = DispatchTime.now().uptimeNanoseconds
        // While the database is down every poll fails, so the error is logged once a minute.
        var lastClaimError: UInt64?
        while !stopping.load(ordering: .relaxed) {
            let job: InsightsJob?
            do {
                job = try jobs.claim(worker: workerID, maxAttempts: maxAttempts, abandonedResult: abandonedResult)
                if lastClaimError != nil {
                    logger.notice("async job claims work again")
                    lastClaimError = nil
                }
            } catch {
                let now = DispatchTime.now().uptimeNanoseconds
                if lastClaimError.map({ now - $0 >= 60_000_000_000 }) ?? true {
                    logger.error("async job claim failed; logged again each minute while it fails", [(LogKey.error, "\(error)")])
                    lastClaimError = now
                }
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
        let heartbeat = leaseHeartbeat(for: job, logger: jobLogger)
        defer { heartbeat.cancel() }
        let result: String
        do {
            result = try run(job)
        } catch {
            heartbeat.cancel()
            let retry = job.attempts < maxAttempts
            let delay = retry ? retryDelay(afterAttempt: job.attempts) : nil
            var fields: [(String, String)] = [(LogKey.error, "\(error)"), ("will_retry", String(retry))]
            if let delay { fields.append(("retry_in_ms", String(delay))) }
            jobLogger.error("async job failed", fields)
            let failure = AsyncJobFailure(error: error)
            // An idle thread claims the job once its pause has passed, at its next look for work.
            _ = save(job, status: retry ? .pending : .failed, result: retry ? nil : failure.json,
                     retryAfterMilliseconds: delay, logger: jobLogger)
            return
        }
        heartbeat.cancel()
        _ = save(job, status: .done, result: result, logger: jobLogger)
    }

    /// Stores a job's state, trying again with a growing pause while the database cannot be
    /// written, for up to one lease, so a short outage does not leave the job waiting out its
    /// lease. Returns false when the state was not saved, and the job runs again after the lease.
    private func save(_ job: InsightsJob, status: InsightsJob.Status, result: String?,
                      retryAfterMilliseconds: Int? = nil, logger: Logger) -> Bool {
        do {
            let (_, attempts) = try retrying(for: Double(jobs.leaseSeconds), maxPause: 5, untilStopped: true,
                                             onFirstFailure: { error in
                logger.warning("async job state not saved; trying again", [(LogKey.error, "\(error)")])
            }) {
                try jobs.finish(id: job.id, status: status, result: result, worker: workerID,
                                retryAfterMilliseconds: retryAfterMilliseconds)
            }
            if attempts > 1 { logger.notice("async job state saved", [("attempt", String(attempts))]) }
            return true
        } catch {
            logger.error("async job state not saved; it runs again after the lease", [(LogKey.error, "\(error)")])
            return false
        }
    }

    /// Runs `operation` until it succeeds and returns its value and the number of attempts. The
    /// pause between attempts starts at 0.2 s and doubles up to `maxPause`. It throws the last
    /// error once the next pause would end past `seconds` or, with `untilStopped`, once the
    /// worker stops.
    private func retrying<T>(for seconds: Double, maxPause: Double, untilStopped: Bool,
                             onFirstFailure: (any Error) -> Void = { _ in },
                             _ operation: () throws -> T) throws -> (value: T, attempts: Int) {
        let deadline = DispatchTime.now() + seconds
        var pause = 0.2
        var attempt = 1
        while true {
            do {
                return (try operation(), attempt)
            } catch {
                if untilStopped && stopping.load(ordering: .relaxed) || DispatchTime.now() + pause >= deadline {
                    throw error
                }
                if attempt == 1 { onFirstFailure(error) }
                usleep(UInt32(pause * 1_000_000))
                pause = min(pause * 2, maxPause)
                attempt += 1
            }
        }
    }

    /// Renews `job`'s lease every third of the lease until cancelled.
    private func leaseHeartbeat(for job: InsightsJob, logger: Logger) -> any DispatchSourceTimer {
        let period = max(Double(jobs.leaseSeconds) / 3, 0.2)
        let timer = DispatchSource.makeTimerSource(queue: .global(qos: .utility))
        let jobs = self.jobs, workerID = self.workerID
        timer.schedule(deadline: .now() + period, repeating: period)
        timer.setEventHandler {
            do {
                try jobs.renewLease(id: job.id, worker: workerID)
            } catch {
                logger.warning("async job lease not renewed", [(LogKey.error, "\(error)")])
            }
        }
        timer.resume()
        return timer
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

    init(status: Int, message: String) {
        self.status = status
        self.message = message
    }

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
