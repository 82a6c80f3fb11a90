import Foundation

/// Runs workers that spend most of their time waiting on I/O, each on its own thread.
///
/// `DispatchQueue.concurrentPerform` runs at most as many iterations at once as the machine has
/// cores, because it is meant for computation. A worker that waits for an HTTP response keeps its
/// slot while idle, so on a 2-core machine only two requests would be in flight. These workers
/// get one thread each: the caller runs worker 0, and `count - 1` new threads run the others.
enum BlockingWorkers {
    /// Calls `body(index)` for every index in `0..<count`, all at once, and returns when every
    /// call has returned.
    static func run(count: Int, _ body: @escaping @Sendable (Int) -> Void) {
        let finished = DispatchGroup()
        for index in 1..<max(1, count) {
            finished.enter()
            Thread {
                body(index)
                finished.leave()
            }.start()
        }
        if count >= 1 { body(0) }
        finished.wait()
    }
}
