import Foundation

/// A fixed set of threads that run request handlers, fed by libmicrohttpd's I/O threads.
///
/// libmicrohttpd's thread pool gives each connection to the thread that accepted it, and one
/// thread may accept several connections that arrive together (a test saw four connections
/// opened at once land on two or three threads). Had those threads run the handlers, requests on
/// two connections of one thread would wait for each other while another thread sat idle. So an I/O thread reads a request, suspends its connection and hands the
/// handler to this pool, which runs jobs in arrival order on whichever worker is free.
final class HTTPWorkerPool: @unchecked Sendable {
    // Every stored property below is guarded by `condition`.
    private let condition = NSCondition()
    /// Jobs not yet started, oldest first. The queue has at most one job per connection, so
    /// taking from the front is cheap. A started job leaves the queue, so its request and
    /// response are freed as soon as it ends.
    private var jobs: [Job] = []
    private var running = 0
    private var stopping = false
    /// Set by `close`: `submit` then rejects new jobs.
    private var closed = false
    private var threads: [Thread] = []
    private var exited = 0

    /// Starts `count` worker threads.
    init(threads count: Int) {
        for index in 0..<max(1, count) {
            // The threads keep the pool alive until `stop` ends them.
            let thread = Thread { self.work() }
            thread.name = "credeau-http-\(index)"
            threads.append(thread)
        }
        for thread in threads { thread.start() }
    }

    /// A handler to run, and what to do instead when the pool closes before it starts.
    private struct Job {
        let run: () -> Void
        let reject: () -> Void
    }

    /// Calls `accept` and queues `run` for a free worker, both under the pool's lock, and
    /// returns true; or, after `close`, does neither and returns false. When the pool closes
    /// before `run` starts, `reject` is called instead.
    ///
    /// The server suspends the connection in `accept`, so a connection is suspended exactly when
    /// its job is queued, and `close` and `drain` account for every suspended connection.
    func submit(accept: () -> Void, run: @escaping @Sendable () -> Void,
                reject: @escaping @Sendable () -> Void) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        guard !closed else { return false }
        accept()
        jobs.append(Job(run: run, reject: reject))
        condition.signal()
        return true
    }

    /// Rejects jobs from now on, and calls `reject` of those queued but not started.
    func close() {
        condition.lock()
        closed = true
        let queued = jobs
        jobs.removeAll()
        condition.broadcast()
        condition.unlock()
        for job in queued { job.reject() }
    }

    /// Jobs running now.
    var runningCount: Int {
        condition.lock()
        defer { condition.unlock() }
        return running
    }

    /// Waits until every queued job has run and no job is running, or until `deadline` (a
    /// `DispatchTime` uptime in nanoseconds) passes. Returns true when the pool became idle.
    func drain(until deadline: UInt64) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while !jobs.isEmpty || running > 0 {
            let now = DispatchTime.now().uptimeNanoseconds
            guard now < deadline else { return false }
            _ = condition.wait(until: Date(timeIntervalSinceNow: Double(deadline - now) / 1e9))
        }
        return true
    }

    /// Runs the queued jobs, then ends the workers and waits for them to exit. Call it only after
    /// `drain` returned true, so that no job keeps it waiting.
    func stop() {
        condition.lock()
        stopping = true
        condition.broadcast()
        while exited < threads.count { condition.wait() }
        condition.unlock()
    }

    private func work() {
        condition.lock()
        while true {
            if !jobs.isEmpty {
                var job: Job? = jobs.removeFirst()
                running += 1
                condition.unlock()
                job?.run()
                job = nil
                condition.lock()
                running -= 1
                // Only `drain` waits for idleness; idle workers wait for `submit`'s signal.
                if running == 0, jobs.isEmpty { condition.broadcast() }
            } else if stopping {
                exited += 1
                condition.broadcast()
                condition.unlock()
                return
            } else {
                condition.wait()
            }
        }
    }
}
