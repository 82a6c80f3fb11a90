import CSQLite
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Copies most of a write-ahead log back into its database file on a thread of its own, so that
/// the request whose commit fills the log does not do the whole copy.
///
/// With SQLite's automatic checkpoint, the commit that takes the log past its limit copies every
/// logged page into the database file before it returns. At SQLite's default limit of 4 MB that
/// was once in every five or six 1,000-SMS requests of serve-sms; the limit is now 16 MB
/// (`SQLiteDatabase.walCheckpointBytes`). Connections given to `attach` instead wake
/// this thread, which runs a passive checkpoint on its own connection while writers go on
/// appending. The first commit after that pass copies the little they appended meanwhile, so
/// the whole log is copied and the next writer starts it again from the beginning. A log that
/// a thread alone copies is seldom wholly copied while writers append, and grew past 180 MB
/// under load. Should the log reach eight times the start size all the same, the committing
/// connection waits for a running pass and copies the rest itself, as SQLite would copy it all.
/// The wait started at 8 MB before, twice the former 4 MB start, and waiting for a pass (and its
/// sync) then held serve-sms's requests for 200 to 270 ms now and then.
public final class SQLiteBackgroundCheckpointer: Sendable {
    private let worker: CheckpointWorker

    /// Starts the thread, which opens its own connection to `path`.
    ///
    /// - Parameter startPages: pages of log that wake the thread (SQLite's automatic checkpoint
    ///   would run at this size).
    public init(path: String, startPages: Int32) throws {
        // The journal mode is the file's own (WAL, set by the writers), so this connection sets none.
        let database = try SQLiteDatabase(path: path, walMode: false)
        let worker = CheckpointWorker(startPages: max(1, startPages), database: database, path: path)
        self.worker = worker
        let thread = Thread { worker.run() }
        thread.name = "sqlite-checkpoint"
        thread.start()
    }

    /// Starts a checkpointer for the file of `database`, woken at the size of SQLite's automatic
    /// checkpoint, and hands it the checkpoints of `database`. Returns nil for an in-memory
    /// database, which has no log to copy.
    static func start(for database: SQLiteDatabase) throws -> SQLiteBackgroundCheckpointer? {
        guard database.path != ":memory:" else { return nil }
        let checkpointer = try SQLiteBackgroundCheckpointer(path: database.path, startPages: database.autocheckpointPages)
        database.checkpointInBackground(checkpointer)
        return checkpointer
    }

    /// Ends the thread after the checkpoint it may be running, and waits for it.
    deinit {
        worker.stop()
    }

    /// Checkpoints run so far: passes of the thread, the copies of the remainder that commits
    /// ran after a pass, and the copies that commits ran at `inlinePages`.
    public var checkpointCounts: (background: Int, finishing: Int, inline: Int) {
        worker.counts
    }

    /// Makes the connection `handle` hand its checkpoints to this object in place of SQLite's
    /// automatic checkpoint. The owner of `handle` must keep this object alive until it closes
    /// `handle`.
    func attach(to handle: OpaquePointer) {
        sqlite3_wal_hook(handle, { context, connection, name, pages in
            guard let context else { return SQLITE_OK }
            let worker = Unmanaged<CheckpointWorker>.fromOpaque(context).takeUnretainedValue()
            guard pages >= worker.startPages else { return SQLITE_OK }
            let step: CheckpointWorker.Step
            if pages >= worker.inlinePages {
                // A pass still running holds SQLite's checkpoint lock, and a passive checkpoint
                // would give up at once, so the commit waits for the pass. This keeps the log near
                // `inlinePages` when commits outpace the thread.
                worker.waitForPass()
                step = .copyAll
            } else {
                step = worker.nextStep(logFrames: pages)
            }
            if step != .none {
                // The result is ignored, as SQLite's automatic checkpoint ignores it: a checkpoint
                // that finds the database busy is tried again after a later commit.
                sqlite3_wal_checkpoint_v2(connection, name, SQLITE_CHECKPOINT_PASSIVE, nil, nil)
                worker.count(step)
            }
            return SQLITE_OK
        }, Unmanaged.passUnretained(worker).toOpaque())
    }
}

/// The thread's side: the state of the current pass, and the loop that runs passes.
private final class CheckpointWorker: @unchecked Sendable {
    // @unchecked: the variables are read and written under `condition` only, and `database` is
    // used by the worker's thread only.

    /// The checkpoint work that a commit finding `startPages` or more of log does itself.
    enum Step {
        /// Nothing: the thread was woken or is still copying.
        case none
        /// Copy what writers appended during the thread's pass.
        case finish
        /// Copy what is left of a log that has reached `inlinePages`.
        case copyAll
    }

    private enum State {
        case idle, copying, copied
    }

    let startPages: Int32
    let inlinePages: Int32
    private let database: SQLiteDatabase
    private let path: String
    private let condition = NSCondition()
    private var state = State.idle
    /// Frames of the log when the last pass ran.
    private var passLogFrames: Int32 = 0
    private var stopping = false, finished = false
    private var background = 0, finishing = 0, inline = 0

    init(startPages: Int32, database: SQLiteDatabase, path: String) {
        self.database = database
        self.path = path
        self.startPages = startPages
        inlinePages = startPages * 8
    }

    var counts: (background: Int, finishing: Int, inline: Int) {
        condition.lock()
        defer { condition.unlock() }
        return (background, finishing, inline)
    }

    /// Returns `.finish` when the thread's pass is done and the log it copied has grown since,
    /// and otherwise wakes the thread unless it is copying. `logFrames` is the log's size after
    /// the commit.
    func nextStep(logFrames: Int32) -> Step {
        condition.lock()
        defer { condition.unlock() }
        switch state {
        case .copying:
            return .none
        case .copied where logFrames > passLogFrames:
            state = .idle
            return .finish
        case .idle, .copied:
            // A log smaller than the pass saw was started again (the pass had copied it all), so
            // this one needs a pass of its own.
            state = .copying
            condition.signal()
            return .none
        }
    }

    /// Waits up to a second for a running pass to end.
    func waitForPass() {
        let deadline = Date().addingTimeInterval(1)
        condition.lock()
        while state == .copying && !stopping && condition.wait(until: deadline) {}
        condition.unlock()
    }

    func count(_ step: Step) {
        condition.lock()
        switch step {
        case .finish: finishing += 1
        case .copyAll:
            inline += 1
            // The commit copied what the last pass left, so that pass needs no finishing copy.
            if state == .copied { state = .idle }
        case .none: break
        }
        condition.unlock()
    }

    func stop() {
        condition.lock()
        stopping = true
        condition.broadcast()
        while !finished { condition.wait() }
        condition.unlock()
    }

    /// Writes the pages the pass copied to disk. A pass that writers overtake ends without a
    /// sync, and the commit that finishes the checkpoint then synced every page of the pass
    /// itself: stalls of 100 to 280 ms with serve-sms on one core. After this sync it has only
    /// the remainder to write.
    ///
    /// The sync goes through this thread's own SQLite connection, because closing any other
    /// descriptor of the file releases every POSIX lock this process holds on it, SQLite's
    /// included. Another process closing its connection then deleted the log as its last user,
    /// and rows serve-sms had acknowledged were lost.
    private func flushDatabaseFile() {
        database.syncDatabaseFile()
    }

    /// Runs a pass each time a commit wakes the thread, until `stop`.
    func run() {
        // The thread keeps the default priority. At nice 10 it fell behind under full load, and
        // committing connections copied the whole log five times as often (4-connection p99 of
        // `credeau-bench serve-sms` 52 against 40 ms).
        while true {
            condition.lock()
            while state != .copying && !stopping { condition.wait() }
            let stop = stopping
            condition.unlock()
            if stop { break }
            let frames = database.checkpointPassively()
            flushDatabaseFile()
            condition.lock()
            background += 1
            passLogFrames = frames
            state = .copied
            condition.broadcast()
            condition.unlock()
        }
        condition.lock()
        finished = true
        condition.broadcast()
        condition.unlock()
    }
}
