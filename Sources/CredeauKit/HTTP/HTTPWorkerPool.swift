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
    private var jobs: [() -> Void] = []
    private var running = 0
    private var stopping = false
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

    /// Queues `job` to run on a free worker.
    func submit(_ job: @escaping @Sendable () -> Void) {
        condition.lock()
        jobs.append(job)
        condition.signal()
        condition.unlock()
    }

    /// Waits until every queued job has run and no job is running.
    func drain() {
        condition.lock()
        while !jobs.isEmpty || running > 0 { condition.wait() }
        condition.unlock()
    }

    /// Runs the queued jobs, then ends the workers and waits for them to exit.
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
                var job: (() -> Void)? = jobs.removeFirst()
                running += 1
                condition.unlock()
                job?()
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
