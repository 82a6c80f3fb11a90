#!/usr/bin/env bash
# Installs the Debian packages credeau builds and tests against, skipping those already present.
# Usage: scripts/install-deps.sh [build|test|bench]
# test adds the PostgreSQL server, Python tooling, and what the packaging tests run: groff to
# render the man pages, zsh to load the completion script, make for 'make install'. bench adds
# the PostgreSQL server and python3 (which finds a free port for it).
set -euo pipefail

mode="${1:-build}"
packages=(pkg-config libpcre2-dev libsqlite3-dev libbson-dev libmongoc-dev libpq-dev libmicrohttpd-dev
          zlib1g-dev libssl-dev libcurl4-openssl-dev libsimdjson-dev)
if [[ "$mode" == "test" ]]; then
    # libgomp1: the lightgbm wheel links the system OpenMP runtime.
    packages+=(postgresql postgresql-client python3-venv libgomp1 groff-base zsh make)
elif [[ "$mode" == "bench" ]]; then
    packages+=(postgresql postgresql-client python3)
fi

missing=()
for package in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$package")
    fi
done

if (( ${#missing[@]} > 0 )); then
    sudo=""
    if [[ "$(id -u)" != "0" ]]; then sudo="sudo"; fi
    echo "Installing Debian packages: ${missing[*]}" >&2
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if ! command -v swift >/dev/null; then
    echo "Error: the Swift 6 toolchain is not on PATH; install it from swift.org (Debian has no package)" >&2
    exit 1
fi
