import Foundation
import Synchronization

/// Runs workers that spend most of their time waiting on I/O, each on its own thread.
///
/// `DispatchQueue.concurrentPerform` runs at most as many iterations at once as the machine has
/// cores, because it is meant for computation. A worker that waits for an HTTP response keeps its
/// slot while idle, so on a 2-core machine only two requests would be in flight. These workers
/// get one thread each: the caller runs worker 0, and parked threads run the others. A thread
/// parks again when its worker returns, up to `maxParked` threads, so requests do not pay for
/// starting threads (and glibc does not give each new thread's allocations fresh memory).
final class BlockingWorkers: Sendable {
    /// The workers of the process.
    static let shared = BlockingWorkers()

    /// Threads kept waiting for work. A thread that finds this many parked ends instead.
    let maxParked: Int

    private let parked = Mutex<[ParkedThread]>([])

    init(maxParked: Int = 64) {
        self.maxParked = maxParked
    }

    /// Calls `body(index)` for every index in `0..<count`, all at once, and returns when every
    /// call has returned.
    func run(count: Int, _ body: @escaping @Sendable (Int) -> Void) {
        let finished = DispatchGroup()
        for index in 1..<max(1, count) {
            finished.enter()
            let job: @Sendable () -> Void = {
                body(index)
                finished.leave()
            }
            if let thread = parked.withLock({ $0.popLast() }) {
                thread.start(job)
            } else {
                ParkedThread.spawn(for: self, with: job)
            }
        }
        if count >= 1 { body(0) }
        finished.wait()
    }

    /// Parks `thread` for the next `run`, or returns false when `maxParked` threads are parked.
    fileprivate func park(_ thread: ParkedThread) -> Bool {
        parked.withLock { threads in
            guard threads.count < maxParked else { return false }
            threads.append(thread)
            return true
        }
    }

    /// Threads parked now, for tests.
    var parkedCount: Int { parked.withLock { $0.count } }
}

/// A thread that runs one job after another, waiting between them.
private final class ParkedThread: Sendable {
    private let next = Mutex<(@Sendable () -> Void)?>(nil)
    private let wake = DispatchSemaphore(value: 0)
    private let owner: BlockingWorkers

    private init(owner: BlockingWorkers) {
        self.owner = owner
    }

    static func spawn(for owner: BlockingWorkers, with job: @escaping @Sendable () -> Void) {
        let thread = ParkedThread(owner: owner)
        thread.next.withLock { $0 = job }
        let worker = Thread { thread.loop() }
        worker.name = "credeau-batch-worker"
        worker.start()
        thread.wake.signal()
    }

    func start(_ job: @escaping @Sendable () -> Void) {
        next.withLock { $0 = job }
        wake.signal()
    }

    private func loop() {
        while true {
            wake.wait()
            guard let job = next.withLock({ slot -> (@Sendable () -> Void)? in
                defer { slot = nil }
                return slot
            }) else { continue }
            job()
            // Parked only after the job returned, so `run` never hands it a second job early.
            guard owner.park(self) else { return }
        }
    }
}
