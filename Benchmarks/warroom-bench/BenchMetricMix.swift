import Foundation
import LiveMetrics

/// The mixed set of 200 metrics the metrics and console benchmarks sample at a 1 s interval:
/// 80 host, 80 Prometheus (when one is running) and 40 shell commands. Shared so that the CPU
/// figures and the console's sampling-on latency measure the same load.
enum BenchMetricMix {
    static let hostCount = 80
    static let prometheusCount = 80
    static let commandCount = 40
    static var total: Int { hostCount + prometheusCount + commandCount }

    static let hostKinds = ["cpu", "memory", "disk:/", "load1", "fds"]
    /// Single- and multi-series queries against Prometheus' own metrics.
    static let queries = [
        "up", "prometheus_http_requests_total", "count by (handler) (prometheus_http_requests_total)",
        "sum(rate(prometheus_http_requests_total[1m]))", "process_resident_memory_bytes / 1024 / 1024"
    ]
    static let commands = ["echo 42", "printf '%s ms' 12", "cat /proc/loadavg"]

    /// A source per metric, in the order: host, Prometheus, command.
    enum Kind { case host, prometheus, command }

    static func kind(_ index: Int) -> Kind {
        if index < hostCount { return .host }
        if index < hostCount + prometheusCount { return .prometheus }
        return .command
    }

    /// The `warroom.yaml` binding lines of metric `index` (named `name`).
    static func yamlBinding(_ index: Int, name: String) -> String {
        let source: String =
            switch kind(index) {
            case .host: "host: \(hostKinds[index % hostKinds.count])"
            case .prometheus: "prometheus: \(queries[index % queries.count])"
            case .command: "command: \(commands[index % commands.count])"
            }
        return "  - name: \(name)\n    \(source)\n    every: 1s\n"
    }

    static func source(_ index: Int, prometheus: String, fetcher: any HTTPFetcher = HTTPFetchers.standard)
        -> any MetricSource
    {
        switch kind(index) {
        case .host: HostSource(hostKinds[index % hostKinds.count])
        case .prometheus: PrometheusSource(baseURL: prometheus, query: queries[index % queries.count], fetcher: fetcher)
        case .command: CommandSource(commands[index % commands.count])
        }
    }

    /// The Prometheus `make bench` started (scripts/test-prometheus.sh), nil when none runs.
    static var prometheusURL: String? {
        ProcessInfo.processInfo.environment["WARROOM_TEST_PROMETHEUS"].flatMap { $0.isEmpty ? nil : $0 }
    }
}
