import CSQLite
import Foundation

/// Copies a write-ahead log back into its database file on a thread of its own, so that the
/// request whose commit fills the log does not do it.
///
/// With SQLite's automatic checkpoint, the commit that takes the log past its limit copies every
/// logged page into the database file before it returns: about 4 MB read and written, once in
/// every five or six 1,000-SMS requests of serve-sms. Connections given to `attach` instead wake
/// this thread, which runs a passive checkpoint on its own connection. A
/// passive checkpoint copies what it can without waiting for readers or writers (SQLite's
/// documentation of `SQLITE_CHECKPOINT_PASSIVE`). Should the log still reach
/// `inlinePages`, because this thread cannot keep up, the committing connection checkpoints
/// itself, as SQLite would, which keeps the log near that size while checkpoints can finish.
public final class SQLiteBackgroundCheckpointer: Sendable {
    private let worker: CheckpointWorker

    /// Starts the thread, which opens its own connection to `path`.
    ///
    /// - Parameter startPages: pages of log that wake the thread (SQLite's automatic checkpoint
    ///   would run at this size). The committing connection checkpoints itself at four times that.
    public init(path: String, startPages: Int32) throws {
        // The journal mode is the file's own (WAL, set by the writers), so this connection sets none.
        let database = try SQLiteDatabase(path: path, walMode: false)
        let worker = CheckpointWorker(startPages: max(1, startPages), database: database)
        self.worker = worker
        let thread = Thread { worker.run() }
        thread.name = "sqlite-checkpoint"
        thread.start()
    }

    /// Ends the thread after the checkpoint it may be running, and waits for it.
    deinit {
        worker.stop()
    }

    /// Checkpoints run so far: by the thread, and by committing connections that found the log at
    /// four times `startPages` or more.
    public var checkpointCounts: (background: Int, inline: Int) {
        worker.counts
    }

    /// Makes the connection `handle` wake the thread when a commit leaves `startPages` or more in
    /// the log, in place of SQLite's automatic checkpoint. The owner of `handle` must keep this
    /// object alive until it closes `handle`.
    func attach(to handle: OpaquePointer) {
        sqlite3_wal_hook(handle, { context, connection, name, pages in
            guard let context else { return SQLITE_OK }
            let worker = Unmanaged<CheckpointWorker>.fromOpaque(context).takeUnretainedValue()
            if pages >= worker.inlinePages {
                // The result is ignored, as SQLite's automatic checkpoint ignores it: a checkpoint
                // that finds the database busy is tried again after a later commit.
                sqlite3_wal_checkpoint_v2(connection, name, SQLITE_CHECKPOINT_PASSIVE, nil, nil)
                worker.count(inline: true)
            } else if pages >= worker.startPages {
                worker.wake()
            }
            return SQLITE_OK
        }, Unmanaged.passUnretained(worker).toOpaque())
    }
}

/// The thread's side: a flag that commits raise, and the loop that checkpoints when it is raised.
private final class CheckpointWorker: @unchecked Sendable {
    // @unchecked: the variables are read and written under `condition` only, and `database` is
    // used by the worker's thread only.
    let startPages: Int32
    let inlinePages: Int32
    private let database: SQLiteDatabase
    private let condition = NSCondition()
    private var pending = false, stopping = false, finished = false
    private var background = 0, inline = 0

    init(startPages: Int32, database: SQLiteDatabase) {
        self.database = database
        self.startPages = startPages
        inlinePages = startPages * 4
    }

    var counts: (background: Int, inline: Int) {
        condition.lock()
        defer { condition.unlock() }
        return (background, inline)
    }

    func wake() {
        condition.lock()
        pending = true
        condition.signal()
        condition.unlock()
    }

    func count(inline isInline: Bool) {
        condition.lock()
        if isInline { inline += 1 } else { background += 1 }
        condition.unlock()
    }

    func stop() {
        condition.lock()
        stopping = true
        condition.broadcast()
        while !finished { condition.wait() }
        condition.unlock()
    }

    /// Checkpoints each time a commit wakes the thread, until `stop`.
    func run() {
        // The thread keeps the default priority. At nice 10 it fell behind under full load, and
        // committing connections copied the log five times as often (362 against 69 inline
        // checkpoints in 12 s of `credeau-bench serve-sms`; 4-connection p99 52 against 40 ms).
        while true {
            condition.lock()
            while !pending && !stopping { condition.wait() }
            let stop = stopping
            pending = false
            condition.unlock()
            if stop { break }
            database.checkpointPassively()
            count(inline: false)
        }
        condition.lock()
        finished = true
        condition.broadcast()
        condition.unlock()
    }
}
