# credeau build, demo, test and benchmark entry points. Every target installs the Debian
# packages it needs when they are missing (scripts/install-deps.sh).

SWIFT ?= swift
OUT ?= out
RELEASE_BIN = .build/release/credeau

.PHONY: all deps build release demo test bench clean

all: build

deps:
	@scripts/install-deps.sh build

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release --product credeau

# The main job on the shipped fixtures: extract every SMS of the sample sync_db dump.
demo: release
	@mkdir -p $(OUT)
	$(RELEASE_BIN) extract --sms --input fixtures/sync_db --output $(OUT)/extracted-sms.jsonl
	@echo "Wrote $(OUT)/extracted-sms.jsonl"

# The whole test suite, with a throwaway PostgreSQL server and the Python test tools.
test:
	@scripts/install-deps.sh test
	@scripts/run-tests.sh

bench: deps
	$(SWIFT) build -c release --product credeau-bench --product credeau
	.build/release/credeau-bench all

clean:
	rm -rf .build $(OUT)
