import Dispatch
import Foundation

/// Computes one row of features per user of a dump folder or a `sync_db` database.
///
/// Users are taken in batches. The worker threads read, classify and featurise the users of a
/// batch, each into its own slot, and the calling thread writes the slots in order. So the
/// output order is the input order whatever the number of workers, and memory holds one batch.
public final class FeatureBatchJob {
    public struct Options: Sendable {
        public var input: BatchInput
        public var filter: BatchUserFilter
        public var columns: FeatureColumns
        public var cutoffMillis: Int64
        /// Threads that read and featurise users; 1 works on the calling thread only.
        public var workers: Int
        /// Skip users and documents that cannot be read (reporting each) instead of stopping.
        public var keepGoing: Bool

        public init(input: BatchInput, filter: BatchUserFilter = BatchUserFilter(), columns: FeatureColumns,
                    cutoffMillis: Int64, workers: Int = 1, keepGoing: Bool = false) {
            self.input = input
            self.filter = filter
            self.columns = columns
            self.cutoffMillis = cutoffMillis
            self.workers = workers
            self.keepGoing = keepGoing
        }
    }

    private let options: Options
    private let engine: FeatureEngine
    private let extractor: SMSExtractor

    public init(options: Options, engine: FeatureEngine = .standard, extractor: SMSExtractor = SMSExtractor()) {
        self.options = options
        self.engine = engine
        self.extractor = extractor
    }

    /// Runs the job to the end and returns what happened.
    ///
    /// - Parameters:
    ///   - progress: called after each batch with the users done and the users in total.
    ///   - problem: called with each skipped document or user, as one line naming where.
    /// - Throws: the first problem when `keepGoing` is off; input, database and output failures always.
    public func run(
        writer: any FeatureRowWriter, progress: (_ done: Int, _ total: Int) -> Void = { _, _ in },
        problem: (String) -> Void = { _ in }
    ) throws -> FeatureBatchSummary {
        let started = DispatchTime.now().uptimeNanoseconds
        var summary = FeatureBatchSummary()
        let keepGoing = options.keepGoing
        let source = try BatchUserSource(input: options.input, filter: options.filter, workers: options.workers) { found in
            guard keepGoing else { throw FeatureBatchError.unreadableDocument(found) }
            summary.skippedDocuments += 1
            problem(found.description)
        }
        let users = source.users
        summary.unlistedDocuments = source.unlisted
        // With --shard, a requested user may belong to another shard, so absence means nothing.
        if let requested = options.filter.userIDs, options.filter.shard == nil {
            summary.missingUserIDs = requested.subtracting(users.map { ExactText($0.userID) }).map(\.text).sorted()
        }
        // With --users the warning above names the ids, and with --shard the client may lie in another shard.
        if let clientID = options.filter.clientID, users.isEmpty, options.filter.userIDs == nil, options.filter.shard == nil {
            summary.missingClientID = clientID
        }
        let workers = max(1, min(options.workers, users.count))
        let readers = try (0..<workers).map { _ in try source.reader() }
        let batchSize = workers * 16
        progress(0, users.count)

        var start = 0
        while start < users.count {
            let batch = Array(users[start..<min(start + batchSize, users.count)])
            let outcomes = process(batch, readers: readers)
            for outcome in outcomes {
                switch outcome {
                case let .row(user, values):
                    try writer.write(clientID: user.clientID, userID: user.userID, values: values)
                    summary.written += 1
                case .empty:
                    break
                case let .skipped(found):
                    guard keepGoing else { throw FeatureBatchError.unreadableUser(found) }
                    summary.skippedUsers.append(found.user)
                    problem(found.description)
                case let .failed(error):
                    throw error
                }
            }
            start += batch.count
            progress(start, users.count)
        }
        try writer.finish()
        summary.elapsedSeconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        return summary
    }

    /// Featurises a batch on the worker threads; each worker takes the next user not yet taken.
    private func process(_ batch: [SyncDBUser], readers: [any BatchUserReader]) -> [Outcome] {
        let featuriser = Featuriser(engine: engine, extractor: extractor, columns: options.columns,
                                    cutoffMillis: options.cutoffMillis)
        if readers.count == 1 { return batch.map { featuriser.outcome(of: $0, reader: readers[0]) } }
        let slots = OutcomeSlots(count: batch.count)
        let next = NextIndex()
        let shared = SharedReaders(readers: readers)
        DispatchQueue.concurrentPerform(iterations: readers.count) { worker in
            while let index = next.take(below: batch.count) {
                slots.store(featuriser.outcome(of: batch[index], reader: shared.readers[worker]), at: index)
            }
        }
        return slots.outcomes
    }
}

/// Reads, classifies and featurises one user; shared by the worker threads.
private struct Featuriser: Sendable {
    let engine: FeatureEngine
    let extractor: SMSExtractor
    let columns: FeatureColumns
    let cutoffMillis: Int64

    func outcome(of user: SyncDBUser, reader: any BatchUserReader) -> Outcome {
        do {
            guard let builder = try reader.builder(for: user) else { return .empty }
            let data = builder.build(extractor: extractor)
            return .row(user, try columns.values(of: data, engine: engine, cutoffMillis: cutoffMillis))
        } catch let problem as BatchUserProblem {
            return .skipped(problem)
        } catch {
            return .failed(error)
        }
    }
}

@available(*, unavailable, message: "A job runs on one thread and starts its own workers")
extension FeatureBatchJob: Sendable {}

/// The outcome for one user: a row, no data, or the reason it was skipped.
private enum Outcome {
    case row(SyncDBUser, [FeatureValue])
    case empty
    case skipped(BatchUserProblem)
    case failed(any Error)
}

/// The result slots of one batch. `@unchecked Sendable` is safe: every access holds the lock, and
/// the slots are read only after `concurrentPerform` returns.
private final class OutcomeSlots: @unchecked Sendable {
    private var slots: [Outcome?]
    private let lock = NSLock()

    init(count: Int) {
        slots = Array(repeating: nil, count: count)
    }

    func store(_ outcome: Outcome, at index: Int) {
        lock.withLock { slots[index] = outcome }
    }

    var outcomes: [Outcome] {
        lock.withLock { slots.map { $0 ?? .empty } }
    }
}

/// Hands out batch indices to the workers, each index once.
private final class NextIndex: @unchecked Sendable {
    private var next = 0
    private let lock = NSLock()

    func take(below count: Int) -> Int? {
        lock.withLock {
            guard next < count else { return nil }
            defer { next += 1 }
            return next
        }
    }
}

/// The workers' readers. `@unchecked Sendable` is safe: worker `i` of `concurrentPerform` is the
/// only thread that uses `readers[i]` while the batch runs.
private struct SharedReaders: @unchecked Sendable {
    let readers: [any BatchUserReader]
}

/// A failure that stops a run without `--keep-going`.
public enum FeatureBatchError: CredeauError {
    case unreadableDocument(InputProblem)
    case unreadableUser(BatchUserProblem)

    public var description: String {
        switch self {
        case let .unreadableDocument(problem):
            return "Cannot read \(problem); pass --keep-going to skip it and continue"
        case let .unreadableUser(problem):
            return "Cannot read user '\(problem.user.userID)' of client '\(problem.user.clientID)': \(problem.reason); "
                + "pass --keep-going to skip the user and continue"
        }
    }
}

/// Counts of a batch run, for the final line on standard error.
public struct FeatureBatchSummary: Sendable {
    public var written = 0
    public var skippedUsers: [SyncDBUser] = []
    /// Documents that named no user or could not be parsed, so no user could be skipped for them.
    public var skippedDocuments = 0
    public var elapsedSeconds = 0.0
    /// Requested `--users` ids that the input has no document of, sorted; empty with `--shard`.
    public var missingUserIDs: [String] = []
    /// The `--client-id` value when it was given without `--users` or `--shard` and no user of it was found.
    public var missingClientID: String?
    /// Per MongoDB collection, the number of documents that name no readable client or user,
    /// and so belong to no row.
    public var unlistedDocuments: [(collection: String, count: Int)] = []

    public init() {}

    public var usersPerSecond: Double { elapsedSeconds > 0 ? Double(written) / elapsedSeconds : 0 }

    /// `Wrote 5 users, skipped 1 user and 0 documents in 0.41 s (12.2 users/s)`.
    public var line: String {
        let wrote = ExtractSMSSummary.counted(written, "user")
        let users = ExtractSMSSummary.counted(skippedUsers.count, "user")
        let documents = ExtractSMSSummary.counted(skippedDocuments, "document")
        return "Wrote \(wrote), skipped \(users) and \(documents) in "
            + String(format: "%.2f s (%.1f users/s)", elapsedSeconds, usersPerSecond)
    }
}
