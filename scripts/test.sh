#!/usr/bin/env bash
# Runs every test (unit, integration with real SQLite files, a real PostgreSQL server and subprocesses,
# tmux end to end).
# Tests that need ../shared/runbooks skip with a printed notice when it is absent.
set -euo pipefail
cd "$(dirname "$0")/.."

# The sources as swift-format leaves them, no line over 120 columns (seconds; `make format` fixes most).
bash scripts/check-format.sh
swift build --build-tests
mkdir -p .build

# A real Prometheus on 127.0.0.1 for the LiveMetrics tests (they skip when WARROOM_TEST_PROMETHEUS is unset).
source scripts/test-prometheus.sh
start_test_prometheus
# A real Alertmanager fed by a Prometheus rule that fires, for the alert end-to-end tests.
source scripts/test-alertmanager.sh
start_test_alertmanager
# A real PostgreSQL on 127.0.0.1 for the journal's server engine (WARROOM_TEST_POSTGRES).
source scripts/test-postgres.sh
start_test_postgres
trap 'stop_test_prometheus; stop_test_alertmanager; stop_test_postgres' EXIT
set +e
# Swift Testing only: the package has no XCTest cases, and XCTest's "Executed 0 tests" would
# otherwise be the last word of the run. Serial: on 2 cores a parallel run is slower (the
# suites contend) and starves the timing-sensitive tests (journal watch latency, tmux).
swift test --skip-build --disable-xctest --no-parallel 2>&1 | tee .build/test-output.txt
status=${PIPESTATUS[0]}
set -e

total=$(grep -Eo 'Test run with [0-9]+ tests?' .build/test-output.txt | tail -1 | grep -Eo '[0-9]+' || echo 0)
failed=$(grep -Ec '^✘ Test .* failed after' .build/test-output.txt || true)
skipped=$(grep -Ec '^➜ Test .* skipped' .build/test-output.txt || true)
echo "tests: $((total - failed)) passed, ${failed} failed, ${skipped} skipped"
if [ "$total" -eq 0 ] && [ "$status" -eq 0 ]; then
    echo "no tests ran" >&2
    exit 1
fi
exit "$status"
