# Sourced by scripts/test.sh and scripts/bench.sh: starts Prometheus on a free 127.0.0.1 port, scraping itself every
# second, and exports WARROOM_TEST_PROMETHEUS (and its PID, WARROOM_TEST_PROMETHEUS_PID) once it
# answers queries. Stopped by PID on exit.
start_test_prometheus() {
    if ! command -v prometheus >/dev/null 2>&1; then
        echo "prometheus not installed: Prometheus tests will skip"
        return 0
    fi
    local dir port
    dir=$(mktemp -d "${TMPDIR:-/tmp}/warroom-prom.XXXXXX")
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
    cat >"$dir/prometheus.yml" <<YAML
global:
  scrape_interval: 1s
  evaluation_interval: 1s
scrape_configs:
  - job_name: self
    static_configs:
      - targets: ["127.0.0.1:$port"]
YAML
    prometheus --config.file="$dir/prometheus.yml" --storage.tsdb.path="$dir/data" \
        --web.listen-address="127.0.0.1:$port" >"$dir/prometheus.log" 2>&1 &
    TEST_PROMETHEUS_PID=$!
    TEST_PROMETHEUS_DIR=$dir
    trap stop_test_prometheus EXIT
    local url="http://127.0.0.1:$port" i
    for i in $(seq 1 60); do
        if curl -fsS "$url/-/ready" >/dev/null 2>&1 &&
            curl -fsS "$url/api/v1/query?query=up" 2>/dev/null | grep -q '"value"'; then
            export WARROOM_TEST_PROMETHEUS=$url WARROOM_TEST_PROMETHEUS_PID=$TEST_PROMETHEUS_PID
            echo "test Prometheus ready at $url (pid $TEST_PROMETHEUS_PID)"
            return 0
        fi
        sleep 0.5
    done
    echo "test Prometheus did not become ready; see $dir/prometheus.log. Prometheus tests will skip"
}

stop_test_prometheus() {
    if [ -n "${TEST_PROMETHEUS_PID:-}" ]; then
        kill "$TEST_PROMETHEUS_PID" 2>/dev/null || true
        wait "$TEST_PROMETHEUS_PID" 2>/dev/null || true
    fi
    [ -n "${TEST_PROMETHEUS_DIR:-}" ] && rm -rf "$TEST_PROMETHEUS_DIR"
    return 0
}
