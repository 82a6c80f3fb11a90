import Dispatch
#if canImport(Glibc)
import Glibc
#endif

/// Reads a dump, extracts every new inbox SMS and writes the entries, grouped by user.
///
/// Entries come out in the order users first appear in the input, and within a user in file
/// order. With `workers` above 1, extraction of a batch runs on several threads while the output
/// order stays the same.
public final class ExtractSMSJob {
    public struct Options: Sendable {
        /// A file, a dump folder, or `-` for standard input.
        public var inputPath: String
        public var selection: SMSSelection
        /// Threads that run the extractor; 1 extracts on the calling thread.
        public var workers: Int
        /// `created_at` for SMS whose input has none; nil uses the time the job starts.
        public var createdAtMillis: Int64?

        public init(inputPath: String, selection: SMSSelection = SMSSelection(), workers: Int = 1,
                    createdAtMillis: Int64? = nil) {
            self.inputPath = inputPath
            self.selection = selection
            self.workers = workers
            self.createdAtMillis = createdAtMillis
        }
    }

    /// SMS handed to the extractor at once; bounds memory when many small users come in a row.
    static let batchSize = 4_096

    private let options: Options
    private let extractor: SMSExtractor
    private let source: SMSInputSource

    /// The file read, as problems name it: the dump file that a folder resolves to, or `<stdin>`.
    public var inputFileName: String { source.file.displayName }

    /// Opens the input and detects its format, so a bad input fails before any output is created.
    ///
    /// - Throws: `SMSInputError` when the input is missing, unreadable or of an unknown format.
    public init(options: Options, extractor: SMSExtractor = SMSExtractor()) throws {
        self.options = options
        self.extractor = extractor
        source = try SMSInputSource(path: options.inputPath)
    }

    /// Runs the job to the end and returns what happened.
    ///
    /// - Parameters:
    ///   - progress: called often (the caller throttles drawing) with bytes and SMS done.
    ///   - problem: called once per skipped record, as soon as it is found.
    /// - Throws: `SMSInputError` when reading the input fails, `ExtractOutputError` when writing fails.
    ///   Bad records do not throw, because they go to `problem`.
    public func run(
        writer: any ExtractedSMSWriter, progress: (ExtractProgress) -> Void = { _ in },
        problem: (InputProblem) -> Void = { _ in }
    ) throws -> ExtractSMSSummary {
        let started = Self.nowMillis()
        let createdAt = options.createdAtMillis ?? started
        let reader = SMSDumpReader(source: source, selection: options.selection, workers: options.workers)
        var summary = ExtractSMSSummary()
        var pending: [SyncedSMS] = []
        var snapshot = ExtractProgress(bytesDone: 0, bytesTotal: max(source.file.size * 2, 1), smsDone: 0)
        // With more than one worker, the reader parses windows of documents on that many
        // threads, and batches are extracted and written on another thread while it reads on.
        // A JSON Lines or CSV writer also has its entries encoded on the extraction threads.
        let encoder = writer as? any ExtractedSMSEncodingWriter
        let pipeline = options.workers > 1
            ? ExtractWritePipeline(writer: writer) { [self] batch in
                if let encoder {
                    return .encoded(extractEncoded(batch, defaultCreatedAt: createdAt, encoder: encoder), encoder: encoder)
                }
                return .entries(extract(batch, defaultCreatedAt: createdAt))
            }
            : nil
        // The writer must be idle before the caller cleans up after an error.
        defer { pipeline?.drain() }

        func flush() throws {
            if let pipeline {
                try pipeline.submit(pending)
                snapshot.smsDone = pipeline.extractedCount
                pending = []
                return
            }
            for entry in extract(pending, defaultCreatedAt: createdAt) {
                try writer.write(entry)
            }
            summary.extracted += pending.count
            snapshot.smsDone = summary.extracted
            pending.removeAll(keepingCapacity: true)
        }

        try reader.read(
            progress: { done, total in
                snapshot.bytesDone = done
                snapshot.bytesTotal = total
                progress(snapshot)
            },
            problem: { found in
                summary.record(found)
                problem(found)
            },
            body: { _, sms in
                summary.users += 1
                pending.append(contentsOf: sms)
                if pending.count >= Self.batchSize { try flush() }
            })
        try flush()
        if let pipeline { summary.extracted = try pipeline.finish() }
        try writer.finish()

        summary.counts = reader.counts
        if let requested = options.selection.userIDs {
            summary.missingUserIDs = requested.subtracting(reader.foundUserIDs).map(\.text).sorted()
        } else if let clientID = options.selection.clientID, reader.selectedDocuments == 0 {
            summary.missingClientID = clientID
        }
        summary.elapsedSeconds = Double(Self.nowMillis() - started) / 1000
        snapshot.bytesDone = snapshot.bytesTotal
        progress(snapshot)
        return summary
    }

    private func extract(_ batch: [SyncedSMS], defaultCreatedAt: Int64) -> [ExtractedSMS] {
        let extractor = self.extractor
        let workers = min(max(options.workers, 1), max(batch.count / 64, 1))
        guard workers > 1 else {
            return extractor.withExtraction { extract in
                batch.map { extract($0.raw, $0.createdAtMillis ?? defaultCreatedAt) }
            }
        }
        // Each worker fills its own slice of the result, so output order does not depend on timing.
        var results = [ExtractedSMS?](repeating: nil, count: batch.count)
        results.withUnsafeMutableBufferPointer { buffer in
            let slotsBase = ResultSlots(buffer: buffer)
            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                let range = Self.slice(worker, of: workers, count: batch.count)
                extractor.withExtraction { extract in
                    for index in range {
                        slotsBase.buffer[index] = extract(batch[index].raw, batch[index].createdAtMillis ?? defaultCreatedAt)
                    }
                }
            }
        }
        return results.compactMap { $0 }
    }

    /// Extracts `batch` as `extract` does and returns each worker's slice already encoded by
    /// `encoder`, in output order.
    private func extractEncoded(_ batch: [SyncedSMS], defaultCreatedAt: Int64,
                                encoder: any ExtractedSMSEncodingWriter) -> [[UInt8]] {
        let extractor = self.extractor
        let workers = min(max(options.workers, 1), max(batch.count / 64, 1))
        var chunks = [[UInt8]](repeating: [], count: workers)
        chunks.withUnsafeMutableBufferPointer { buffer in
            let slots = ChunkSlots(buffer: buffer, encoder: encoder)
            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                let range = Self.slice(worker, of: workers, count: batch.count)
                let entries = extractor.withExtraction { extract in
                    range.map { extract(batch[$0].raw, batch[$0].createdAtMillis ?? defaultCreatedAt) }
                }
                slots.buffer[worker] = slots.encoder.encode(entries[...])
            }
        }
        return chunks
    }

    private static func slice(_ worker: Int, of workers: Int, count: Int) -> Range<Int> {
        let size = (count + workers - 1) / workers
        return min(worker * size, count)..<min((worker + 1) * size, count)
    }

    static func nowMillis() -> Int64 {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        return Int64(now.tv_sec) * 1000 + Int64(now.tv_nsec / 1_000_000)
    }
}

/// The encoded chunks shared by the extraction workers, and the writer that encodes them.
///
/// `@unchecked Sendable` is safe here: each worker writes only its own index, `encode` is safe to
/// call from several threads (`ExtractedSMSEncodingWriter`), and `concurrentPerform` returns only
/// after every worker has finished.
private struct ChunkSlots: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<[UInt8]>
    let encoder: any ExtractedSMSEncodingWriter
}

/// The result array shared by the extraction workers.
///
/// `@unchecked Sendable` is safe here: each worker writes only the indices of its own slice, and
/// `concurrentPerform` returns only after every worker has finished.
private struct ResultSlots: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<ExtractedSMS?>
}

@available(*, unavailable, message: "A job runs on one thread and starts its own workers")
extension ExtractSMSJob: Sendable {}

/// How far a job has come; bytes count both passes over the input.
public struct ExtractProgress: Sendable, Equatable {
    public var bytesDone: Int64
    public var bytesTotal: Int64
    public var smsDone: Int

    public var fraction: Double {
        bytesTotal > 0 ? min(Double(bytesDone) / Double(bytesTotal), 1) : 1
    }
}
