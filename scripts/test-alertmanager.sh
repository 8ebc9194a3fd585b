# Sourced by scripts/test.sh: starts a real Alertmanager and a Prometheus whose rule fires at once
# (`vector(1) > 0`, severity critical, namespace payments, a runbook_url), both on free 127.0.0.1
# ports, for the alert end-to-end tests. Alertmanager's webhook points at a port the test's
# `warroom alerts serve` listens on. Exports WARROOM_TEST_ALERTMANAGER (its URL),
# WARROOM_TEST_ALERT_RECEIVER_PORT and WARROOM_TEST_ALERT_TOKEN (the bearer Alertmanager sends).
# Stopped by PID (stop_test_alertmanager).
start_test_alertmanager() {
    if ! command -v prometheus-alertmanager >/dev/null 2>&1 || ! command -v prometheus >/dev/null 2>&1; then
        echo "prometheus-alertmanager or prometheus not installed: alert end-to-end tests will skip"
        return 0
    fi
    local dir free am_port prom_port receiver_port token=e2e-token-$$
    dir=$(mktemp -d "${TMPDIR:-/tmp}/warroom-am.XXXXXX")
    free() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
    am_port=$(free); prom_port=$(free); receiver_port=$(free)
    cat >"$dir/alertmanager.yml" <<YAML
route:
  receiver: warroom
  group_by: [alertname]
  group_wait: 1s
  group_interval: 2s
  repeat_interval: 5s
receivers:
  - name: warroom
    webhook_configs:
      - url: http://127.0.0.1:$receiver_port/alerts
        send_resolved: true
        http_config:
          authorization: {credentials: $token}
YAML
    cat >"$dir/rules.yml" <<'YAML'
groups:
  - name: warroom-e2e
    interval: 1s
    rules:
      - alert: PaymentsHighErrorRate
        expr: vector(1) > 0
        labels: {severity: critical, namespace: payments}
        annotations:
          summary: Payments error rate above 5%
          runbook_url: https://example.invalid/runbooks/payments.md#high-error-rate
YAML
    cat >"$dir/prometheus.yml" <<YAML
global:
  evaluation_interval: 1s
rule_files: ["$dir/rules.yml"]
alerting:
  alertmanagers:
    - static_configs:
        - targets: ["127.0.0.1:$am_port"]
YAML
    # No cluster listener: it would bind every interface and a fixed port.
    prometheus-alertmanager --config.file="$dir/alertmanager.yml" --storage.path="$dir/am" \
        --web.listen-address="127.0.0.1:$am_port" --cluster.listen-address= >"$dir/alertmanager.log" 2>&1 &
    TEST_ALERTMANAGER_PID=$!
    prometheus --config.file="$dir/prometheus.yml" --storage.tsdb.path="$dir/prom" \
        --web.listen-address="127.0.0.1:$prom_port" --rules.alert.resend-delay=1s >"$dir/prometheus.log" 2>&1 &
    TEST_ALERT_PROMETHEUS_PID=$!
    TEST_ALERTMANAGER_DIR=$dir
    local url="http://127.0.0.1:$am_port" i
    for i in $(seq 1 60); do
        if curl -fsS "$url/-/ready" >/dev/null 2>&1 && curl -fsS "http://127.0.0.1:$prom_port/-/ready" >/dev/null 2>&1; then
            export WARROOM_TEST_ALERTMANAGER=$url WARROOM_TEST_ALERT_RECEIVER_PORT=$receiver_port \
                WARROOM_TEST_ALERT_TOKEN=$token
            echo "test Alertmanager ready at $url (pid $TEST_ALERTMANAGER_PID), webhook to port $receiver_port"
            return 0
        fi
        sleep 0.5
    done
    echo "test Alertmanager did not become ready; see $dir/*.log. Alert end-to-end tests will skip"
}

stop_test_alertmanager() {
    local pid
    for pid in ${TEST_ALERTMANAGER_PID:-} ${TEST_ALERT_PROMETHEUS_PID:-}; do
        kill "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
    done
    [ -n "${TEST_ALERTMANAGER_DIR:-}" ] && rm -rf "$TEST_ALERTMANAGER_DIR"
    return 0
}
