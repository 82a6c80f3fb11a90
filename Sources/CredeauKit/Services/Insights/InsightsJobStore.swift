/// One stored `/api/async_insights` job.
public struct InsightsJob: Sendable, Equatable {
    public var id: Int64
    public var requestKey: String
    public var clientID: String
    public var userID: String
    /// The request body as JSON text.
    public var body: String
    public var status: Status
    public var attempts: Int
    /// The response as JSON text once the job is done or failed.
    public var result: String?
    /// When the first call submitted the job (epoch milliseconds); the answer's
    /// `data_requested_time` and the default cutoff.
    public var createdAtMillis: Int64?

    public enum Status: String, Sendable {
        case pending, running, done, failed
    }
}

/// The `insights_jobs` table: async requests that any replica can run and respond to.
///
/// A job is keyed by its request (client, user, groupings, cutoff), so polls with the same body
/// find it. A replica claims a pending job, or a running one whose lease has ended (its replica
/// died), runs it and stores the response. Finished jobs are deleted after the retention, and a
/// later poll starts a new job.
///
/// The replica that claims or renews a job stores when its lease ends (`lease_until`, from its own
/// `leaseSeconds`), and every replica reads that end, so replicas with different leases leave
/// each other's running jobs alone. A row without a usable end falls back to `claimed_at` plus
/// the reader's lease: one written before migration 5, or claimed by such a version after a
/// newer replica had stored an end, which then lies before `claimed_at`.
///
/// NOTE: an older replica whose lease is shorter can claim a job before the stored end has
/// passed, and it leaves that end in place. Once the end passes, newer replicas may take the job
/// until the older replica's next renewal moves `claimed_at` past the end. On SQLite, where
/// `claimed_at` keeps whole seconds, an older claim in the second the end passes does the same.
public struct InsightsJobStore: Sendable {
    public let database: InsightsDatabase
    /// How long this replica's claims and renewals hold a job.
    public let leaseSeconds: Int
    public let retentionSeconds: Int

    public init(database: InsightsDatabase, leaseSeconds: Int = 60, retentionSeconds: Int = 3600) {
        self.database = database
        self.leaseSeconds = leaseSeconds
        self.retentionSeconds = retentionSeconds
    }

    /// Returns the job of `requestKey`, creating a pending one when none exists or the existing
    /// one finished longer ago than the retention.
    public func submit(requestKey: String, clientID: String, userID: String, body: String) throws -> InsightsJob {
        switch database {
        case let .postgres(pool):
            return try pool.withConnection { connection in
                try connection.query("""
                    DELETE FROM insights_jobs WHERE request_key = \(requestKey) AND status IN ('done', 'failed')
                    AND finished_at < (now() AT TIME ZONE 'utc') - make_interval(secs => \(retentionSeconds))
                    """)
                try connection.query("""
                    INSERT INTO insights_jobs (request_key, client_id, user_id, body) VALUES (\(requestKey), \(clientID), \
                    \(userID), \(body)::json) ON CONFLICT (request_key) DO NOTHING
                    """)
                let rows = try connection.query("""
                    SELECT id, request_key, client_id, user_id, body, status, attempts, result,
                    (extract(epoch FROM created_at) * 1000)::bigint AS created_ms
                    FROM insights_jobs WHERE request_key = \(requestKey)
                    """)
                return try Self.job(fromPostgres: rows, index: 0)
            }
        case let .sqlite(pool):
            return try pool.withDatabase { database in
                try database.transaction {
                    try database.query("""
                        DELETE FROM insights_jobs WHERE request_key = ? AND status IN ('done', 'failed')
                        AND finished_at < datetime('now', ?)
                        """, [.text(requestKey), .text("-\(retentionSeconds) seconds")])
                    // Milliseconds, because the column's default keeps whole seconds. An async response
                    // is as of this time, so an SMS received earlier in the same second must count.
                    try database.query("""
                        INSERT INTO insights_jobs (request_key, client_id, user_id, body, created_at)
                        VALUES (?, ?, ?, ?, strftime('%Y-%m-%d %H:%M:%f', 'now'))
                        ON CONFLICT (request_key) DO NOTHING
                        """, [.text(requestKey), .text(clientID), .text(userID), .text(body)])
                    let rows = try database.query(
                        "SELECT \(Self.columns) FROM insights_jobs WHERE request_key = ?", [.text(requestKey)])
                    return try Self.job(fromSQLite: rows)
                }
            }
        }
    }

    /// Claims the oldest job that is pending and due (its `retry_at` unset or passed), or running
    /// under an expired lease, for `worker`.
    ///
    /// Stores a running job whose lease expired after `maxAttempts` claims as failed, with
    /// `abandonedResult`, instead of running it again, so a poll reports the error.
    public func claim(worker: String, maxAttempts: Int = .max, abandonedResult: String? = nil) throws -> InsightsJob? {
        // attempts is an int4 column, so the limit is cut to its range (`.max` means none).
        let maxAttempts = min(maxAttempts, Int(Int32.max))
        switch database {
        case let .postgres(pool):
            if let abandonedResult {
                try pool.query("""
                    UPDATE insights_jobs SET status = 'failed', result = \(abandonedResult)::json, \
                    finished_at = (now() AT TIME ZONE 'utc')
                    WHERE status = 'running' AND attempts >= \(maxAttempts) AND CASE WHEN lease_until > claimed_at
                    THEN lease_until < (now() AT TIME ZONE 'utc')
                    ELSE claimed_at < (now() AT TIME ZONE 'utc') - make_interval(secs => \(leaseSeconds)) END
                    """)
            }
            let rows = try pool.query("""
                UPDATE insights_jobs SET status = 'running', claimed_by = \(worker), \
                claimed_at = (now() AT TIME ZONE 'utc'), \
                lease_until = (now() AT TIME ZONE 'utc') + make_interval(secs => \(leaseSeconds)), attempts = attempts + 1
                WHERE id = (
                    SELECT id FROM insights_jobs
                    WHERE (status = 'pending' AND (retry_at IS NULL OR retry_at <= (now() AT TIME ZONE 'utc')))
                        OR (status = 'running' AND attempts < \(maxAttempts)
                        AND CASE WHEN lease_until > claimed_at THEN lease_until < (now() AT TIME ZONE 'utc')
                        ELSE claimed_at < (now() AT TIME ZONE 'utc') - make_interval(secs => \(leaseSeconds)) END)
                    ORDER BY created_at, id LIMIT 1 FOR UPDATE SKIP LOCKED)
                RETURNING id, request_key, client_id, user_id, body, status, attempts, result,
                (extract(epoch FROM created_at) * 1000)::bigint AS created_ms
                """)
            return rows.isEmpty ? nil : try Self.job(fromPostgres: rows, index: 0)
        case let .sqlite(pool):
            return try pool.withDatabase { database in
                // BEGIN IMMEDIATE takes the write lock first, so two processes cannot claim one job.
                try database.transaction {
                    if let abandonedResult {
                        try database.query("""
                            UPDATE insights_jobs SET status = 'failed', result = ?, finished_at = CURRENT_TIMESTAMP
                            WHERE status = 'running' AND attempts >= ? AND \(Self.sqliteLeaseEnded)
                            """, [.text(abandonedResult), .integer(Int64(min(maxAttempts, Int(Int64.max)))),
                                  .text("-\(leaseSeconds) seconds")])
                    }
                    let rows = try database.query("""
                        SELECT \(Self.columns) FROM insights_jobs
                        WHERE (status = 'pending' AND \(Self.sqliteRetryDue))
                        OR (status = 'running' AND attempts < ? AND \(Self.sqliteLeaseEnded))
                        ORDER BY created_at, id LIMIT 1
                        """, [.integer(Int64(min(maxAttempts, Int(Int64.max)))), .text("-\(leaseSeconds) seconds")])
                    guard var job = try Self.job(fromSQLite: rows, allowEmpty: true) else { return nil }
                    try database.query("""
                        UPDATE insights_jobs SET status = 'running', claimed_by = ?, claimed_at = CURRENT_TIMESTAMP,
                        lease_until = \(Self.sqliteLeaseEnd), attempts = attempts + 1 WHERE id = ?
                        """, [.text(worker), .text("+\(leaseSeconds) seconds"), .integer(job.id)])
                    job.status = .running
                    job.attempts += 1
                    return job
                }
            }
        }
    }

    /// Renews the lease of job `id` while `worker` still runs it, so that no other thread or
    /// replica takes a job that is slow rather than abandoned. The lease then ends `leaseSeconds`
    /// from now. `claimed_at` moves too, because replicas of earlier versions read only that.
    public func renewLease(id: Int64, worker: String) throws {
        switch database {
        case let .postgres(pool):
            try pool.query("""
                UPDATE insights_jobs SET claimed_at = (now() AT TIME ZONE 'utc'), \
                lease_until = (now() AT TIME ZONE 'utc') + make_interval(secs => \(leaseSeconds))
                WHERE id = \(id) AND claimed_by = \(worker) AND status = 'running'
                """)
        case let .sqlite(pool):
            try pool.withDatabase { database in
                try database.query("""
                    UPDATE insights_jobs SET claimed_at = CURRENT_TIMESTAMP, lease_until = \(Self.sqliteLeaseEnd)
                    WHERE id = ? AND claimed_by = ? AND status = 'running'
                    """, [.text("+\(leaseSeconds) seconds"), .integer(id), .text(worker)])
            }
        }
    }

    /// Puts the jobs `worker` is running back to pending, for a replica that stops, so that
    /// another takes them at once instead of after the lease. The interrupted run does not count
    /// among the job's attempts. Returns how many went back.
    ///
    /// A job put back, here or by `finish`, loses its lease end, so that a replica of a version
    /// without `lease_until` that claims it next is judged by `claimed_at`, not by this lease.
    @discardableResult
    public func release(worker: String) throws -> Int {
        switch database {
        case let .postgres(pool):
            return try pool.query("""
                UPDATE insights_jobs SET status = 'pending', claimed_by = NULL, lease_until = NULL, \
                attempts = GREATEST(attempts - 1, 0) WHERE claimed_by = \(worker) AND status = 'running'
                """).affectedRows
        case let .sqlite(pool):
            return try pool.withDatabase { database in
                try database.query("""
                    UPDATE insights_jobs SET status = 'pending', claimed_by = NULL, lease_until = NULL,
                    attempts = max(attempts - 1, 0) WHERE claimed_by = ? AND status = 'running'
                    """, [.text(worker)])
                return database.changes
            }
        }
    }

    /// Stores the response of job `id` with `status` done or failed, or puts it back to pending.
    /// With `worker`, only while that worker has the job or no worker does, so a run that ends late
    /// after its job was released and claimed again does not overwrite the new run's state.
    ///
    /// A job put back to pending with `retryAfterMilliseconds` is not claimed again before that
    /// time has passed (`retry_at`), while polls still find it pending.
    public func finish(id: Int64, status: InsightsJob.Status, result: String?, worker: String? = nil,
                       retryAfterMilliseconds: Int? = nil) throws {
        let delay = status == .pending ? retryAfterMilliseconds.map { max($0, 0) } : nil
        switch database {
        case let .postgres(pool):
            try pool.query("""
                UPDATE insights_jobs SET status = \(status.rawValue), result = \(result)::json, lease_until = NULL, \
                finished_at = CASE WHEN \(status.rawValue) = 'pending' THEN NULL ELSE (now() AT TIME ZONE 'utc') END, \
                retry_at = (now() AT TIME ZONE 'utc') + make_interval(secs => \(delay)::float8 / 1000)
                WHERE id = \(id) AND (\(worker)::text IS NULL OR claimed_by IS NULL OR claimed_by = \(worker))
                """)
        case let .sqlite(pool):
            try pool.withDatabase { database in
                try database.query("""
                    UPDATE insights_jobs SET status = ?, result = ?, lease_until = NULL,
                    finished_at = CASE WHEN ? = 'pending' THEN NULL ELSE CURRENT_TIMESTAMP END,
                    retry_at = strftime('%Y-%m-%d %H:%M:%f', 'now', ?)
                    WHERE id = ? AND (? IS NULL OR claimed_by IS NULL OR claimed_by = ?)
                    """, [.text(status.rawValue), result.map(SQLiteValue.text) ?? .null, .text(status.rawValue),
                          delay.map { .text(Self.sqliteModifier(milliseconds: $0)) } ?? .null,
                          .integer(id), worker.map(SQLiteValue.text) ?? .null, worker.map(SQLiteValue.text) ?? .null])
            }
        }
    }

    /// Deletes a job, so the next poll with the same body starts again.
    public func delete(id: Int64) throws {
        switch database {
        case let .postgres(pool): try pool.query("DELETE FROM insights_jobs WHERE id = \(id)")
        case let .sqlite(pool): try pool.withDatabase { try $0.query("DELETE FROM insights_jobs WHERE id = ?", [.integer(id)]) }
        }
    }

    /// Deletes finished jobs older than the retention; returns how many went.
    @discardableResult
    public func purgeExpired() throws -> Int {
        switch database {
        case let .postgres(pool):
            return try pool.query("""
                DELETE FROM insights_jobs WHERE status IN ('done', 'failed')
                AND finished_at < (now() AT TIME ZONE 'utc') - make_interval(secs => \(retentionSeconds))
                """).affectedRows
        case let .sqlite(pool):
            return try pool.withDatabase { database in
                try database.query("""
                    DELETE FROM insights_jobs WHERE status IN ('done', 'failed') AND finished_at < datetime('now', ?)
                    """, [.text("-\(retentionSeconds) seconds")])
                return database.changes
            }
        }
    }

    // MARK: - Leases

    /// SQLite condition that a running job's lease has ended, with the reader's lease bound as
    /// `-N seconds`. `lease_until` keeps milliseconds, and `claimed_at` whole seconds as earlier
    /// versions wrote it, so the two are compared as Julian days.
    private static let sqliteLeaseEnded = "CASE WHEN julianday(lease_until) > julianday(claimed_at) "
        + "THEN lease_until < strftime('%Y-%m-%d %H:%M:%f', 'now') ELSE claimed_at < datetime('now', ?) END"

    /// SQLite condition that a pending job may be claimed: it has no retry time, or that time has
    /// passed. `retry_at` keeps milliseconds, as `lease_until` does.
    private static let sqliteRetryDue = "(retry_at IS NULL OR retry_at <= strftime('%Y-%m-%d %H:%M:%f', 'now'))"

    /// Returns the SQLite date modifier that adds `milliseconds`, such as `+2.050 seconds`.
    static func sqliteModifier(milliseconds: Int) -> String {
        let fraction = String(milliseconds % 1000)
        return "+\(milliseconds / 1000).\(String(repeating: "0", count: 3 - fraction.count))\(fraction) seconds"
    }

    /// SQLite expression for the end of a lease that starts now and lasts the bound `+N seconds`.
    private static let sqliteLeaseEnd = "strftime('%Y-%m-%d %H:%M:%f', 'now', ?)"

    // MARK: - Rows

    /// The SQLite columns of a job. The PostgreSQL statements spell theirs out, because their
    /// interpolations bind values and never insert SQL text.
    private static let columns = "id, request_key, client_id, user_id, body, status, attempts, result, "
        + "CAST(ROUND((julianday(created_at) - 2440587.5) * 86400000.0) AS INTEGER)"

    private static func job(fromPostgres rows: PostgresRows, index: Int) throws -> InsightsJob {
        guard index < rows.count, let id = rows.value("id", row: index).flatMap(Int64.init) else {
            throw InsightsJobError.missingRow
        }
        return InsightsJob(
            id: id, requestKey: rows.value("request_key", row: index) ?? "",
            clientID: rows.value("client_id", row: index) ?? "", userID: rows.value("user_id", row: index) ?? "",
            body: rows.value("body", row: index) ?? "{}",
            status: InsightsJob.Status(rawValue: rows.value("status", row: index) ?? "") ?? .pending,
            attempts: rows.value("attempts", row: index).flatMap(Int.init) ?? 0, result: rows.value("result", row: index),
            createdAtMillis: rows.value("created_ms", row: index).flatMap(Int64.init))
    }

    private static func job(fromSQLite rows: [[SQLiteValue]], allowEmpty: Bool = false) throws -> InsightsJob? {
        guard let row = rows.first, row.count == 9, case let .integer(id) = row[0] else {
            if allowEmpty && rows.isEmpty { return nil }
            throw InsightsJobError.missingRow
        }
        func text(_ value: SQLiteValue) -> String? {
            if case let .text(text) = value { return text }
            return nil
        }
        var attempts = 0
        if case let .integer(count) = row[6] { attempts = Int(count) }
        return InsightsJob(
            id: id, requestKey: text(row[1]) ?? "", clientID: text(row[2]) ?? "", userID: text(row[3]) ?? "",
            body: text(row[4]) ?? "{}", status: InsightsJob.Status(rawValue: text(row[5]) ?? "") ?? .pending,
            attempts: attempts, result: text(row[7]), createdAtMillis: { if case let .integer(millis) = row[8] { millis } else { nil } }())
    }

    private static func job(fromSQLite rows: [[SQLiteValue]]) throws -> InsightsJob {
        guard let job = try job(fromSQLite: rows, allowEmpty: false) else { throw InsightsJobError.missingRow }
        return job
    }
}

/// A job row that should exist was not found.
public enum InsightsJobError: CredeauError {
    case missingRow

    public var description: String { "The insights_jobs row of this request vanished while it was read; retry" }
    public var httpStatus: Int { 503 }
}
