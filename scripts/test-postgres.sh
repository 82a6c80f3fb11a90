#!/usr/bin/env bash
# Runs a throwaway PostgreSQL cluster for the test suite.
#
#   scripts/test-postgres.sh start    initdb a cluster in a temporary folder, start it on 127.0.0.1
#                                     at a free port (or CREDEAU_TEST_PG_PORT), create the role and the databases
#                                     api_insights_db and sync_db, and print `export` lines
#   scripts/test-postgres.sh restart  restart the running cluster (tests use it to check reconnects)
#   scripts/test-postgres.sh stop     shut the cluster down and remove its folder
#
# The role may create databases, so tests can work in a fresh database each.
# The cluster's folder and port are kept in .build/test-postgres.env (or CREDEAU_TEST_PG_STATE, so a
# test can run a private cluster it may restart) so that restart and stop find them. initdb refuses to run as root, so as root every server command runs as the
# `postgres` user. Only stdout carries the export lines; progress goes to stderr.
set -euo pipefail
cd "$(dirname "$0")/.."

state_file="${CREDEAU_TEST_PG_STATE:-$PWD/.build/test-postgres.env}"
role=credeau
password=credeau-test-password

find_bin() {
    local dir
    dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
    if [[ -n "${PG_BIN:-}" ]]; then dir=$PG_BIN; fi
    if [[ -z "$dir" || ! -x "$dir/initdb" ]]; then
        echo "test-postgres: PostgreSQL server binaries not found; install the 'postgresql' package or set PG_BIN" >&2
        exit 1
    fi
    echo "$dir"
}

# Runs a server command as the cluster owner.
as_owner() {
    if [[ $(id -u) -eq 0 ]]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

print_exports() {
    echo "export CREDEAU_TEST_PG_URL=postgres://$role:$password@127.0.0.1:$PG_PORT/api_insights_db"
    echo "export CREDEAU_TEST_PG_SYNC_URL=postgres://$role:$password@127.0.0.1:$PG_PORT/sync_db"
}

start() {
    if [[ -f "$state_file" ]]; then
        # shellcheck disable=SC1090
        source "$state_file"
        if as_owner "$PG_BIN/pg_ctl" -D "$PG_DIR/data" status >/dev/null 2>&1; then
            echo "test-postgres: reusing the cluster already running on port $PG_PORT" >&2
            print_exports
            return
        fi
        rm -rf "$PG_DIR"
    fi

    PG_BIN=$(find_bin)
    PG_DIR=$(mktemp -d /tmp/credeau-test-pg.XXXXXX)
    PG_PORT=${CREDEAU_TEST_PG_PORT:-$(free_port)}
    if [[ $(id -u) -eq 0 ]]; then chown postgres: "$PG_DIR"; fi

    as_owner "$PG_BIN/initdb" -D "$PG_DIR/data" -U postgres --auth-local=trust --auth-host=scram-sha-256 \
        --encoding=UTF8 --locale=C >"$PG_DIR/initdb.log" 2>&1 || {
        echo "test-postgres: initdb failed; see $PG_DIR/initdb.log" >&2
        cat "$PG_DIR/initdb.log" >&2
        exit 1
    }
    as_owner "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 30 \
        -o "-c listen_addresses=127.0.0.1 -c port=$PG_PORT -c unix_socket_directories=$PG_DIR -c fsync=off" \
        start >&2
    mkdir -p "$(dirname "$state_file")"
    printf 'PG_BIN=%q\nPG_DIR=%q\nPG_PORT=%q\n' "$PG_BIN" "$PG_DIR" "$PG_PORT" >"$state_file"

    local psql=("$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$PG_DIR" -p "$PG_PORT" -U postgres -d postgres)
    as_owner "${psql[@]}" -c "CREATE ROLE $role LOGIN CREATEDB PASSWORD '$password'" >&2
    as_owner "${psql[@]}" -c "CREATE DATABASE api_insights_db OWNER $role" >&2
    as_owner "${psql[@]}" -c "CREATE DATABASE sync_db OWNER $role" >&2
    echo "test-postgres: PostgreSQL running on 127.0.0.1:$PG_PORT in $PG_DIR" >&2
    print_exports
}

load_state() {
    if [[ ! -f "$state_file" ]]; then
        echo "test-postgres: no cluster recorded in $state_file; run '$0 start' first" >&2
        return 1
    fi
    # shellcheck disable=SC1090
    source "$state_file"
}

restart() {
    load_state
    as_owner "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 30 -m fast restart >&2
}

stop() {
    load_state || return 0
    as_owner "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -w -t 30 -m fast stop >&2 || true
    rm -rf "$PG_DIR" "$state_file"
    echo "test-postgres: stopped and removed $PG_DIR" >&2
}

case "${1:-}" in
    start) start ;;
    restart) restart ;;
    stop) stop ;;
    *)
        echo "usage: $0 start|restart|stop" >&2
        exit 2
        ;;
esac
