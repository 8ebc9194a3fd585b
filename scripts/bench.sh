#!/usr/bin/env bash
# Runs the release benchmarks with a real Prometheus on 127.0.0.1 (as the tests start it), for the
# metrics benchmarks' Prometheus sources, and a real PostgreSQL for the journal suite. Without Prometheus they say so and measure the rest.
# Arguments pick suites (`bash scripts/bench.sh metrics sampling`); none runs them all.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=$(swift build -c release --show-bin-path)
source scripts/test-prometheus.sh
start_test_prometheus
# The journal suite's PostgreSQL figures: a throw-away server on 127.0.0.1, fsync on as in production.
source scripts/test-postgres.sh
start_test_postgres durable
trap 'stop_test_prometheus; stop_test_postgres' EXIT
"$bin/warroom-bench" "$@"
