#!/usr/bin/env bash
# Runs the release benchmarks with a real Prometheus on 127.0.0.1 (as the tests start it), for the
# metrics benchmarks' Prometheus sources. Without Prometheus they say so and measure the rest.
# Arguments pick suites (`bash scripts/bench.sh metrics sampling`); none runs them all.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=$(swift build -c release --show-bin-path)
source scripts/test-prometheus.sh
start_test_prometheus
"$bin/warroom-bench" "$@"
