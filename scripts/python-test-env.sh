#!/usr/bin/env bash
# Creates (once) a Python virtual environment with the test tooling of Tests/requirements.txt
# under .build/test-venv and prints the path of its python interpreter.
set -euo pipefail
cd "$(dirname "$0")/.."

venv=.build/test-venv
stamp="$venv/.requirements"
if [[ ! -x "$venv/bin/python" ]]; then
    mkdir -p .build
    python3 -m venv "$venv" >&2
fi
if ! cmp -s Tests/requirements.txt "$stamp" 2>/dev/null; then
    "$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r Tests/requirements.txt >&2
    cp Tests/requirements.txt "$stamp"
fi
echo "$PWD/$venv/bin/python"
