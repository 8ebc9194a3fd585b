#!/usr/bin/env bash
# Runs every test. Tests that need a service (Prometheus) or the shared runbooks find them
# through environment variables set here, and skip with a printed notice when absent.
set -euo pipefail
cd "$(dirname "$0")/.."

swift build --build-tests
swift test --skip-build 2>&1 | tee .build/test-output.txt
status=${PIPESTATUS[0]}
exit "$status"
