import Dispatch
import Synchronization

/// Extracts and writes batches of SMS on one background thread while the caller reads the next
/// batch, so that reading the input and extracting overlap.
///
/// Batches are extracted and written in the order they are submitted, so the output is the same
/// as extracting each batch on the calling thread. At most two batches wait or run at once.
///
/// `@unchecked Sendable` is safe: `extract` and the writing calls run only on the serial queue,
/// one batch after another (`extract` may call the thread-safe `encode` of an encoding writer
/// on other threads), and the caller touches the writer again only after `finish` has drained
/// that queue.
final class ExtractWritePipeline: @unchecked Sendable {
    private let queue = DispatchQueue(label: "credeau.extract-sms.write")
    private let slots = DispatchSemaphore(value: 2)
    private let failure = Mutex<(any Error)?>(nil)
    private let written = Atomic<Int>(0)
    private let extract: ([SyncedSMS]) -> ExtractedBatch
    private let writer: any ExtractedSMSWriter

    /// A batch's entries, or their bytes when the writer encodes on other threads.
    enum ExtractedBatch {
        case entries([ExtractedSMS])
        /// Chunks that `encoder.encode` returned, in output order, for `encoder` to write.
        case encoded([[UInt8]], encoder: any ExtractedSMSEncodingWriter)
    }

    init(writer: any ExtractedSMSWriter, extract: @escaping ([SyncedSMS]) -> ExtractedBatch) {
        self.writer = writer
        self.extract = extract
    }

    /// SMS extracted and written so far.
    var extractedCount: Int { written.load(ordering: .relaxed) }

    /// Queues `batch`, waiting while two batches are ahead of it. Throws the first write error.
    func submit(_ batch: [SyncedSMS]) throws {
        try rethrowFailure()
        slots.wait()
        queue.async { [self] in
            defer { slots.signal() }
            guard failure.withLock({ $0 == nil }) else { return }
            do {
                switch extract(batch) {
                case let .entries(entries):
                    for entry in entries { try writer.write(entry) }
                case let .encoded(chunks, encoder):
                    for chunk in chunks { try encoder.writeEncoded(chunk) }
                }
                written.add(batch.count, ordering: .relaxed)
            } catch {
                failure.withLock { $0 = error }
            }
        }
    }

    /// Waits for every queued batch and returns the number of SMS written. Throws the first
    /// write error.
    func finish() throws -> Int {
        queue.sync {}
        try rethrowFailure()
        return extractedCount
    }

    /// Waits for every queued batch, as `finish` does, without reporting errors, for a caller
    /// that is leaving because of an error of its own.
    func drain() {
        queue.sync {}
    }

    private func rethrowFailure() throws {
        if let error = failure.withLock({ $0 }) { throw error }
    }
}
