-- The official postgres image creates only POSTGRES_DB (api_insights_db); credeau also reads
-- synced data from sync_db, which `credeau migrate` then fills with tables.
CREATE DATABASE sync_db;
