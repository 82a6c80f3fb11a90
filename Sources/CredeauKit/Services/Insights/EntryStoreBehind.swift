import Dispatch
import Synchronization

/// Stores the entries that one insights request extracted in process, a chunk at a time, on a
/// background thread, while the request extracts the next chunk and computes features.
///
/// On PostgreSQL the server inserts a chunk while this process extracts the next one, so the
/// request no longer waits for extraction and storage one after the other (docs/benchmarks.md,
/// "Storing behind extraction"). Each chunk is one `store` call, so one transaction: a failure
/// keeps the chunks stored before it, which a later request finds and does not extract again.
/// The request calls `finish` before it responds, so a response still means its entries are stored.
final class EntryStoreBehind: Sendable {
    /// SMS per chunk: small enough that the last chunk's insert, which nothing overlaps but
    /// feature computation, stays short, and large enough that one COPY's round trip is cheap.
    static let chunkSize = 1_000

    private let queue = DispatchQueue(label: "credeau.insights.store-behind")
    private let failure = Mutex<(any Error)?>(nil)
    private let stored = Atomic<Int>(0)
    private let store: any ExtractedSMSStore
    private let clientID: String
    private let userID: String
    private let requestID: String

    init(store: any ExtractedSMSStore, clientID: String, userID: String, requestID: String) {
        self.store = store
        self.clientID = clientID
        self.userID = userID
        self.requestID = requestID
    }

    /// Queues `entries` for storing. After a failure, later chunks are dropped and `finish` throws.
    func submit(_ entries: [ExtractedSMS]) {
        queue.async { [self] in
            guard failure.withLock({ $0 == nil }) else { return }
            do {
                let count = try store.store(entries, clientID: clientID, userID: userID, requestID: requestID)
                stored.add(count, ordering: .relaxed)
            } catch {
                failure.withLock { $0 = error }
            }
        }
    }

    /// Waits until every queued chunk is stored and returns how many rows went in. Throws the
    /// first store error.
    @discardableResult
    func finish() throws -> Int {
        queue.sync {}
        if let error = failure.withLock({ $0 }) { throw error }
        return stored.load(ordering: .relaxed)
    }
}
