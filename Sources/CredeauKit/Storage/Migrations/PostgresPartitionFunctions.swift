/// PL/pgSQL functions that keep daily partitions of the partitioned `api_insights_db` tables.
///
/// Daily partitions are named `<table>_pYYYYMMDD` and cover one UTC day of `created_at`. Every
/// table also gets `<table>_default`, so an insert for a day without a partition lands there
/// instead of failing. When a day's partition is created later while the DEFAULT partition
/// already holds rows of that day, those rows are moved into the new partition first, because
/// PostgreSQL refuses to attach a range that the DEFAULT partition still contains.
enum PostgresPartitionFunctions {
    static let sql = """
        CREATE OR REPLACE FUNCTION credeau_create_daily_partitions(parent text, days_ahead integer DEFAULT 10)
        RETURNS integer LANGUAGE plpgsql AS $fn$
        DECLARE
            today date := (now() AT TIME ZONE 'utc')::date;
            day date;
            child text;
            default_child text := parent || '_default';
            created integer := 0;
        BEGIN
            EXECUTE format('CREATE TABLE IF NOT EXISTS %I PARTITION OF %I DEFAULT', default_child, parent);
            FOR step IN 0..days_ahead LOOP
                day := today + step;
                child := parent || '_p' || to_char(day, 'YYYYMMDD');
                CONTINUE WHEN to_regclass(quote_ident(child)) IS NOT NULL;
                EXECUTE format('CREATE TABLE %I (LIKE %I INCLUDING DEFAULTS INCLUDING CONSTRAINTS)', child, parent);
                EXECUTE format(
                    'WITH moved AS (DELETE FROM %I WHERE created_at >= %L AND created_at < %L RETURNING *) '
                    'INSERT INTO %I SELECT * FROM moved', default_child, day, day + 1, child);
                EXECUTE format('ALTER TABLE %I ATTACH PARTITION %I FOR VALUES FROM (%L) TO (%L)',
                               parent, child, day, day + 1);
                created := created + 1;
            END LOOP;
            RETURN created;
        END
        $fn$;

        CREATE OR REPLACE FUNCTION credeau_drop_old_partitions(parent text, retention_days integer DEFAULT 90)
        RETURNS integer LANGUAGE plpgsql AS $fn$
        DECLARE
            cutoff date := (now() AT TIME ZONE 'utc')::date - retention_days;
            child record;
            dropped integer := 0;
        BEGIN
            FOR child IN
                SELECT c.relname
                FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
                WHERE i.inhparent = to_regclass(quote_ident(parent))
                  AND c.relname ~ ('^' || parent || '_p[0-9]{8}$')
            LOOP
                IF to_date(right(child.relname, 8), 'YYYYMMDD') < cutoff THEN
                    EXECUTE format('DROP TABLE %I', child.relname);
                    dropped := dropped + 1;
                END IF;
            END LOOP;
            RETURN dropped;
        END
        $fn$;

        CREATE OR REPLACE FUNCTION credeau_maintain_partitions(days_ahead integer DEFAULT 10,
                                                               retention_days integer DEFAULT 90)
        RETURNS TABLE (parent_table text, created integer, dropped integer) LANGUAGE plpgsql AS $fn$
        DECLARE
            parent text;
        BEGIN
            FOREACH parent IN ARRAY ARRAY[\(PostgresAPIInsightsSchema.partitionedTables.map { "'\($0)'" }
                .joined(separator: ", "))] LOOP
                parent_table := parent;
                created := credeau_create_daily_partitions(parent, days_ahead);
                dropped := credeau_drop_old_partitions(parent, retention_days);
                RETURN NEXT;
            END LOOP;
        END
        $fn$;
        """
}
