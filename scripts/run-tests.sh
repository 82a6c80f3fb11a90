#!/usr/bin/env bash
# Runs the whole test suite. Starts the test servers this project can run itself (a throwaway
# PostgreSQL cluster, when scripts/test-postgres.sh is present) and stops them afterwards.
set -euo pipefail
cd "$(dirname "$0")/.."

cleanup() {
    if [[ -x scripts/test-postgres.sh ]]; then scripts/test-postgres.sh stop || true; fi
}
trap cleanup EXIT

if [[ -x scripts/test-postgres.sh ]]; then
    # Prints export lines such as CREDEAU_TEST_PG_URL=postgres://...
    eval "$(scripts/test-postgres.sh start)"
fi

# Python test tooling (MongoDB wire test server, cryptography and YAML cross-checks).
CREDEAU_TEST_PYTHON="$(scripts/python-test-env.sh)"
export CREDEAU_TEST_PYTHON

swift build --build-tests
# The Dockerfile test reads the libraries of the release binary, the one the image ships.
swift build -c release --product credeau
swift test --skip-build --parallel --num-workers 2
