#!/usr/bin/env bash
# Regenerate docs/features.md from the feature catalogue: runs the docs test with
# CREDEAU_UPDATE_DOCS=1, which makes it overwrite the file instead of comparing.
set -euo pipefail
cd "$(dirname "$0")/.."
CREDEAU_UPDATE_DOCS=1 swift test --filter 'FeatureCatalogTests/committedDocsMatchCatalogue'
git --no-pager diff --stat -- docs/features.md || true
