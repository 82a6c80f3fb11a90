#!/bin/sh
# The official postgres image creates only POSTGRES_DB (api_insights_db) on first start.
# credeau also keeps synced data in a second database (DI_POSTGRES_SYNC_DATABASE, sync_db by
# default), which 'credeau migrate' then fills with tables. The image runs this file once,
# when the data volume is empty.
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
    -v sync_db="${CREDEAU_SYNC_DATABASE:-sync_db}" <<'SQL'
SELECT format('CREATE DATABASE %I', :'sync_db')
WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = :'sync_db') \gexec
SQL
