import Dispatch
import Foundation
import Synchronization

/// Writes request records on a background thread, so a slow or failing database never delays
/// or fails an answer.
///
/// A record that fails to insert is tried again up to `maxAttempts` times with a growing pause,
/// then dropped with an error log naming its request id. Past `capacity` queued records, new
/// ones are dropped and counted, with one error log per 1,000 drops.
public final class RecordWriter: Sendable {
    public let capacity: Int
    public let maxAttempts: Int
    private let database: InsightsDatabase
    private let logger: Logger
    private let queue = Mutex<(records: [InsightsRecord], stopping: Bool)>(([], false))
    private let available = DispatchSemaphore(value: 0)
    private let finished = DispatchSemaphore(value: 0)
    private let dropped = Atomic<Int>(0)
    private let pending = Atomic<Int>(0)

    public init(database: InsightsDatabase, logger: Logger, capacity: Int = 50_000, maxAttempts: Int = 5) {
        self.database = database
        self.logger = logger
        self.capacity = capacity
        self.maxAttempts = maxAttempts
        let thread = Thread { [self] in run() }
        thread.name = "credeau-record-writer"
        thread.start()
    }

    /// Records queued or being written.
    public var backlog: Int { pending.load(ordering: .relaxed) }

    /// Queues `record` for writing; never blocks.
    public func enqueue(_ record: InsightsRecord) {
        let accepted = queue.withLock { state -> Bool in
            guard !state.stopping, state.records.count < capacity else { return false }
            state.records.append(record)
            return true
        }
        guard accepted else {
            let count = dropped.add(1, ordering: .relaxed).newValue
            if count % 1000 == 1 {
                logger.error("request record dropped: the writer queue is full",
                             [(LogKey.requestID, record.requestID), (LogKey.count, String(count))])
            }
            return
        }
        pending.add(1, ordering: .relaxed)
        available.signal()
    }

    /// Stops taking records and waits up to `timeoutSeconds` for the queued ones to be written.
    public func drain(timeoutSeconds: Double) {
        queue.withLock { $0.stopping = true }
        available.signal()
        if finished.wait(timeout: .now() + timeoutSeconds) == .timedOut {
            logger.error("request records not written before shutdown", [(LogKey.count, String(backlog))])
        }
    }

    private func run() {
        while true {
            available.wait()
            let (batch, stopping) = queue.withLock { state -> ([InsightsRecord], Bool) in
                defer { state.records.removeAll(keepingCapacity: true) }
                return (state.records, state.stopping)
            }
            for record in batch {
                write(record)
                pending.subtract(1, ordering: .relaxed)
            }
            if stopping && queue.withLock({ $0.records.isEmpty }) {
                finished.signal()
                return
            }
        }
    }

    private func write(_ record: InsightsRecord) {
        for attempt in 1...maxAttempts {
            do {
                try record.insert(into: database)
                return
            } catch {
                guard attempt < maxAttempts else {
                    logger.error("request record not written", [
                        (LogKey.requestID, record.requestID), (LogKey.error, "\(error)"),
                        ("attempts", String(attempt)),
                    ])
                    return
                }
                logger.info("request record write failed, retrying", [
                    (LogKey.requestID, record.requestID), (LogKey.error, "\(error)"), ("attempt", String(attempt)),
                ])
                Thread.sleep(forTimeInterval: min(0.1 * Double(1 << (attempt - 1)), 2))
            }
        }
    }
}
