import Foundation
@_spi(Bench) import LiveMetrics
#if canImport(Glibc)
    import Glibc
#endif

/// CPU time per second of sampling 200 metrics at a 1 s interval (`BenchMetricMix`: host, Prometheus,
/// commands), beside the same process idle, in the same run. Figures are process CPU time from
/// getrusage: host + Prometheus sources alone (this process only), command sources alone (this
/// process plus the shells it spawned and waited for), then all 200 together. The Prometheus
/// server's own CPU is shown apart: it is not warroom's. Prometheus goes through async-http-client
/// (what warroom uses), and again through the URLSession fetcher it replaced, as the baseline.
enum MetricsBench {
    static let seconds = 5.0

    static func run() {
        let prometheus = BenchMetricMix.prometheusURL
        if prometheus == nil {
            print(
                "metrics: no Prometheus running (WARROOM_TEST_PROMETHEUS unset; see scripts/test-prometheus.sh): "
                    + "Prometheus sources left out, the rest measured")
        }
        let indices = (0..<BenchMetricMix.total).filter { prometheus != nil || BenchMetricMix.kind($0) != .prometheus }
        let hostAndPrometheus = indices.filter { BenchMetricMix.kind($0) != .command }
        let commands = indices.filter { BenchMetricMix.kind($0) == .command }

        let idle = measure { try? await Task.sleep(for: .seconds(seconds)) }
        let serverBefore = prometheusServerSeconds()
        let direct = measure { await sample(hostAndPrometheus, prometheus: prometheus, label: "host+Prometheus") }
        let serverAfter = prometheusServerSeconds()
        let urlSession = URLSessionFetcher()
        let directURLSession = measure {
            await sample(
                hostAndPrometheus, prometheus: prometheus,
                label: "host+Prometheus (URLSession)", fetcher: urlSession)
        }
        let serverCPU = serverBefore.flatMap { before in serverAfter.map { ($0 - before) / seconds } }
        let hostOnly = measure {
            await sample(
                hostAndPrometheus.filter { BenchMetricMix.kind($0) == .host },
                prometheus: prometheus, label: "host")
        }
        let prometheusIndices = hostAndPrometheus.filter { BenchMetricMix.kind($0) == .prometheus }
        let prometheusOnly = measure { await sample(prometheusIndices, prometheus: prometheus, label: "Prometheus") }
        let prometheusOnlyURLSession = measure {
            await sample(
                prometheusIndices, prometheus: prometheus,
                label: "Prometheus (URLSession)", fetcher: urlSession)
        }
        let spawned = measure { await sample(commands, prometheus: prometheus, label: "command") }
        let mixed = measure { await sample(indices, prometheus: prometheus, label: "mixed") }
        let perRequest = prometheus.map { url in
            measure { await sequentialQueries(url, fetcher: HTTPFetchers.standard) }
        }
        let perRequestURLSession = prometheus.map { url in measure { await sequentialQueries(url, fetcher: urlSession) }
        }

        print(String(format: "metrics: idle %.1f ms CPU per second", idle.total * 1000))
        let prometheusCount = prometheus == nil ? 0 : BenchMetricMix.prometheusCount
        print(
            String(
                format: "metrics: %d host + %d Prometheus at 1 s: %.1f ms CPU per second = %.1f%% of one core "
                    + "(aim < 3%%) with async-http-client; with URLSession %.1f%% (%.2fx)", BenchMetricMix.hostCount,
                prometheusCount, direct.total * 1000, direct.total * 100, directURLSession.total * 100,
                directURLSession.total / max(direct.total, 1e-9)))
        print(
            String(
                format: "metrics:   apart: %d host %.1f%%, %d Prometheus %.1f%% of one core "
                    + "(async-http-client; URLSession %.1f%%)", BenchMetricMix.hostCount, hostOnly.total * 100,
                prometheusCount, prometheusOnly.total * 100, prometheusOnlyURLSession.total * 100))
        if let serverCPU {
            print(
                String(
                    format: "metrics:   (the Prometheus server answering them used %.1f%% of one core, not counted)",
                    serverCPU * 100))
        }
        if let perRequest, let perRequestURLSession {
            print(
                String(
                    format: "metrics:   one Prometheus query in isolation (%d in a row): %.0f µs CPU per request "
                        + "with async-http-client, %.0f µs with URLSession", sequentialCount,
                    perRequest.own * perRequest.wall / Double(sequentialCount) * 1e6,
                    perRequestURLSession.own * perRequestURLSession.wall / Double(sequentialCount) * 1e6))
        }
        print(
            String(
                format: "metrics: %d commands at 1 s: %.1f ms CPU per second = %.1f%% of one core "
                    + "(warroom %.1f%% + spawned shells %.1f%%)", commands.count, spawned.total * 1000,
                spawned.total * 100, spawned.own * 100, spawned.children * 100))
        print(
            String(
                format: "metrics: all %d mixed at 1 s: %.1f ms CPU per second = %.1f%% of one core "
                    + "(warroom %.1f%% + spawned shells %.1f%%)", indices.count, mixed.total * 1000,
                mixed.total * 100, mixed.own * 100, mixed.children * 100))
    }

    /// Samples the given metrics of the mix for `seconds`, and says how many samples and errors came back.
    static func sample(
        _ indices: [Int], prometheus: String?, label: String,
        fetcher: any HTTPFetcher = HTTPFetchers.standard
    ) async {
        let metrics = indices.map { index in
            MetricSampler.Metric(
                name: "m\(index)",
                source: BenchMetricMix.source(
                    index, prometheus: prometheus ?? "",
                    fetcher: fetcher),
                interval: 1,
                judge: ThresholdJudge(name: "m\(index)", warning: nil, critical: nil, interval: 1))
        }
        let sampler = MetricSampler(metrics: metrics)
        let updates = await sampler.start()
        let counter = Task {
            var samples = 0, errors: [String: Int] = [:]
            for await update in updates {
                samples += 1
                if let error = update.status.error { errors[error, default: 0] += 1 }
            }
            return (samples, errors)
        }
        try? await Task.sleep(for: .seconds(seconds))
        await sampler.stop()
        let (samples, errors) = await counter.value
        let worst = errors.max { $0.value < $1.value }
        print(
            "metrics: \(label): \(samples) samples of \(indices.count) metrics in \(Int(seconds)) s"
                + (worst.map { ", \(errors.values.reduce(0, +)) errors (most: \($0.key))" } ?? ", no errors"))
    }

    static let sequentialCount = 400

    /// `sequentialCount` queries one after another, no sampler: the cost of one request, HTTP and decoding.
    static func sequentialQueries(_ url: String, fetcher: any HTTPFetcher) async {
        for index in 0..<sequentialCount {
            _ = try? await PrometheusSource(
                baseURL: url, query: BenchMetricMix.queries[index % BenchMetricMix.queries.count],
                fetcher: fetcher
            ).sample()
        }
    }

    struct CPU {
        /// This process, per wall second.
        var own: Double
        /// Waited-for children (the command sources' shells), per wall second.
        var children: Double
        /// The wall seconds measured.
        var wall: Double
        var total: Double { own + children }
    }

    /// CPU seconds (user + system) per wall second while `body` runs, this process and its children apart.
    static func measure(_ body: @escaping @Sendable () async -> Void) -> CPU {
        let ownBefore = cpuSeconds(Int32(ownUsage)), childrenBefore = cpuSeconds(Int32(childrenUsage)), start = Date()
        let done = DispatchSemaphore(value: 0)
        Task.detached {
            await body()
            done.signal()
        }
        done.wait()
        let wall = Date().timeIntervalSince(start)
        return CPU(
            own: (cpuSeconds(Int32(ownUsage)) - ownBefore) / wall,
            children: (cpuSeconds(Int32(childrenUsage)) - childrenBefore) / wall, wall: wall)
    }

    #if os(Linux)
        static let ownUsage = __rusage_who_t(RUSAGE_SELF.rawValue)
        static let childrenUsage = __rusage_who_t(RUSAGE_CHILDREN.rawValue)
    #else
        static let ownUsage = RUSAGE_SELF
        static let childrenUsage = RUSAGE_CHILDREN
    #endif

    static func cpuSeconds(_ who: Int32) -> Double {
        var usage = rusage()
        #if os(Linux)
            getrusage(__rusage_who_t(who), &usage)
        #else
            getrusage(who, &usage)
        #endif
        func s(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
        return s(usage.ru_utime) + s(usage.ru_stime)
    }

    /// The Prometheus server's CPU seconds (pid from WARROOM_TEST_PROMETHEUS_PID).
    static func prometheusServerSeconds() -> Double? {
        ProcessInfo.processInfo.environment["WARROOM_TEST_PROMETHEUS_PID"].flatMap(Int32.init).flatMap(processSeconds)
    }

    /// Another process's CPU seconds (user + system) from `/proc/<pid>/stat`; nil without `/proc`.
    static func processSeconds(_ pid: Int32) -> Double? {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let close = stat.lastIndex(of: ")")
        else { return nil }
        // Fields after the command name: state is field 3, utime 14 and stime 15.
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        guard fields.count > 12, let user = Double(fields[11]), let system = Double(fields[12]) else { return nil }
        return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
    }
}
