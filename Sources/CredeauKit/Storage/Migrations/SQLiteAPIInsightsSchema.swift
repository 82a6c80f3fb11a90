/// SQLite migrations of the `api_insights_db` tables, for the embedded default engine.
///
/// Same table and column names as PostgreSQL, without partitioning. Types follow SQLite usage:
/// timestamps are UTC text `YYYY-MM-DD HH:MM:SS`, JSON is text, and identity columns are
/// `INTEGER PRIMARY KEY` (SQLite's rowid), so those tables key on `id` alone.
enum SQLiteAPIInsightsSchema {
    static let migrations: [Migration] = [
        Migration(version: 1, name: "create api_insights_db tables", sql: apiTables),
        // PostgreSQL's version 2 installs partition functions; SQLite has no partitions, so the
        // version is recorded with nothing to run, which keeps version numbers equal across engines.
        Migration(version: 2, name: "create partition maintenance functions (none in SQLite)", sql: ""),
        Migration(version: 3, name: "create extracted_sms and insights_jobs", sql: credeauTables),
        // No query filters extracted_sms by request_id, and the index was a third B-tree that every
        // stored SMS wrote to (3% of the instructions of a 1,000-SMS serve-sms request, callgrind).
        // PostgreSQL's version 4 drops it too.
        Migration(version: 4, name: "drop the unused request_id index of extracted_sms",
                  sql: "DROP INDEX IF EXISTS ix_extracted_sms_request_id;"),
        // As PostgreSQL's version 5. The text keeps milliseconds: `YYYY-MM-DD HH:MM:SS.SSS`.
        Migration(version: 5, name: "add the lease end of insights_jobs",
                  sql: "ALTER TABLE insights_jobs ADD COLUMN lease_until TEXT;"),
        // As PostgreSQL's version 6, with milliseconds as in `lease_until`.
        Migration(version: 6, name: "add the retry time of insights_jobs",
                  sql: "ALTER TABLE insights_jobs ADD COLUMN retry_at TEXT;"),
    ]

    private static func requestDump(_ table: String) -> String {
        """
        CREATE TABLE IF NOT EXISTS \(table) (
            request_id TEXT NOT NULL,
            user_id TEXT,
            client_id TEXT,
            created_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP,
            cutoff_date TEXT,
            PRIMARY KEY (request_id, created_at)
        );
        """
    }

    private static func responseDump(_ table: String, groupings: Bool) -> String {
        """
        CREATE TABLE IF NOT EXISTS \(table) (
            request_id TEXT NOT NULL,
            user_id TEXT,
            client_id TEXT,
            created_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP,
            response_dump TEXT,
            time_to_featurize REAL,
            time_json TEXT,\(groupings ? "\n    groupings TEXT DEFAULT '[]'," : "")
            PRIMARY KEY (request_id, created_at)
        );
        """
    }

    private static let apiTables = """
        CREATE TABLE IF NOT EXISTS api_request_dump (
            request_id TEXT PRIMARY KEY,
            created_at TEXT DEFAULT CURRENT_TIMESTAMP,
            user_id TEXT,
            client_id TEXT,
            request_dump TEXT NOT NULL,
            api_name TEXT
        );
        CREATE INDEX IF NOT EXISTS ix_api_request_dump_api_name ON api_request_dump (api_name);
        CREATE INDEX IF NOT EXISTS ix_api_request_dump_client_id ON api_request_dump (client_id);
        CREATE INDEX IF NOT EXISTS ix_api_request_dump_created_at ON api_request_dump (created_at);
        CREATE INDEX IF NOT EXISTS ix_api_request_dump_user_id ON api_request_dump (user_id);

        CREATE TABLE IF NOT EXISTS api_response_dump (
            request_id TEXT PRIMARY KEY,
            created_at TEXT DEFAULT CURRENT_TIMESTAMP,
            user_id TEXT,
            client_id TEXT,
            response_dump TEXT,
            time_to_featurize REAL,
            time_json TEXT,
            api_name TEXT
        );

        CREATE TABLE IF NOT EXISTS clients (
            id INTEGER PRIMARY KEY,
            client_id TEXT NOT NULL,
            email TEXT NULL,
            auth_token TEXT NOT NULL,
            created_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP,
            updated_at TEXT DEFAULT CURRENT_TIMESTAMP,
            geography TEXT DEFAULT 'india'
        );
        CREATE INDEX IF NOT EXISTS ix_clients_client_id ON clients (client_id);

        \(requestDump("insights_request_dump"))
        \(responseDump("insights_response_dump", groupings: true))
        \(requestDump("fetch_extracted_request_dump"))
        \(responseDump("fetch_extracted_response_dump", groupings: false))

        CREATE TABLE IF NOT EXISTS sync_events_log (
            id INTEGER PRIMARY KEY,
            event_type TEXT,
            event_value TEXT,
            sync_request_id TEXT,
            client_id TEXT,
            user_id TEXT,
            created_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP
        );

        CREATE TABLE IF NOT EXISTS unauthorized_requests (
            id INTEGER PRIMARY KEY,
            client_id TEXT,
            request_id TEXT,
            auth_token TEXT,
            req_body TEXT,
            created_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP
        );

        CREATE TABLE IF NOT EXISTS usage (
            id INTEGER PRIMARY KEY,
            request_id TEXT,
            client_id TEXT,
            api_name TEXT,
            response_code INTEGER,
            created_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP
        );
        """

    private static let credeauTables = """
        CREATE TABLE IF NOT EXISTS extracted_sms (
            sms_id TEXT NOT NULL,
            user_id TEXT NOT NULL,
            client_id TEXT NOT NULL,
            request_id TEXT,
            sms_sender TEXT,
            sms_inbox_date TEXT,
            sms_body TEXT,
            created_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP,
            created_date TEXT,
            template_hash TEXT,
            is_classified INTEGER NOT NULL DEFAULT 0,
            is_extracted INTEGER NOT NULL DEFAULT 0,
            is_transactional INTEGER NOT NULL DEFAULT 0,
            sender_name TEXT,
            sender_type TEXT,
            sms_type TEXT,
            sms_sub_type TEXT,
            sms_nlp_tag TEXT,
            transaction_type TEXT,
            "transaction" REAL,
            account_last_digits TEXT,
            transaction_party TEXT,
            unique_pan TEXT,
            available_balance REAL,
            outstanding_amount REAL,
            reference_number TEXT,
            transaction_channel TEXT,
            due_amount REAL,
            due_date TEXT,
            account_type TEXT,
            PRIMARY KEY (client_id, user_id, sms_id)
        );
        CREATE INDEX IF NOT EXISTS ix_extracted_sms_request_id ON extracted_sms (request_id);

        CREATE TABLE IF NOT EXISTS insights_jobs (
            id INTEGER PRIMARY KEY,
            request_key TEXT NOT NULL UNIQUE,
            client_id TEXT NOT NULL,
            user_id TEXT NOT NULL,
            body TEXT NOT NULL,
            status TEXT NOT NULL DEFAULT 'pending',
            claimed_by TEXT,
            claimed_at TEXT,
            attempts INTEGER NOT NULL DEFAULT 0,
            result TEXT,
            created_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP,
            finished_at TEXT
        );
        CREATE INDEX IF NOT EXISTS ix_insights_jobs_status_created_at ON insights_jobs (status, created_at);
        """
}
