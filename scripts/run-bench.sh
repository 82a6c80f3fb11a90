#!/usr/bin/env bash
# Runs every benchmark (`credeau-bench all`) on the release build. The serve-sms and insights
# benchmarks run on SQLite and then on PostgreSQL: on the server CREDEAU_BENCH_PG_URL names,
# or else on a throwaway cluster started here through scripts/test-postgres.sh and stopped at
# the end. CREDEAU_BENCH_PG_URL=none skips PostgreSQL. Extra arguments go to `credeau-bench all`.
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ "${CREDEAU_BENCH_PG_URL:-}" == "none" ]]; then
    unset CREDEAU_BENCH_PG_URL
elif [[ -z "${CREDEAU_BENCH_PG_URL:-}" ]]; then
    # A state file of its own, so a test cluster that may be running is left alone.
    export CREDEAU_TEST_PG_STATE="$PWD/.build/bench-postgres.env"
    trap 'scripts/test-postgres.sh stop || true' EXIT
    eval "$(scripts/test-postgres.sh start)"
    export CREDEAU_BENCH_PG_URL="$CREDEAU_TEST_PG_URL"
fi

.build/release/credeau-bench all "$@"
