import Foundation
import LiveMetrics

/// CPU time the process uses per second while sampling 200 host metrics every second (cpu, memory,
/// disk:/, load1, fds in turn), beside the same process idle for as long, in the same run.
enum MetricsBench {
    static let metricCount = 200
    static let seconds = 3.0

    static func run() {
        let idle = cpuPerSecond { try? await Task.sleep(for: .seconds(seconds)) }
        let sampling = cpuPerSecond {
            let kinds = ["cpu", "memory", "disk:/", "load1", "fds"]
            let metrics = (0..<metricCount).map { index in
                MetricSampler.Metric(name: "m\(index)", source: HostSource(kinds[index % kinds.count]), interval: 1,
                                     judge: ThresholdJudge(name: "m\(index)", warning: nil, critical: nil, interval: 1))
            }
            let sampler = MetricSampler(metrics: metrics)
            let updates = await sampler.start()
            let counter = Task { var n = 0; for await _ in updates { n += 1 }; return n }
            try? await Task.sleep(for: .seconds(seconds))
            await sampler.stop()
            let samples = await counter.value
            print("metrics: \(samples) samples of \(metricCount) host metrics in \(Int(seconds)) s")
        }
        print(String(format: "metrics: CPU time per second: sampling %.1f ms, idle %.1f ms (%.1f%% of one core while sampling)",
                     sampling * 1000, idle * 1000, sampling * 100))
    }

    /// Process CPU seconds (user + system) per wall second while `body` runs.
    static func cpuPerSecond(_ body: @escaping @Sendable () async -> Void) -> Double {
        let before = cpuSeconds(), start = Date()
        let done = DispatchSemaphore(value: 0)
        Task.detached {
            await body()
            done.signal()
        }
        done.wait()
        return (cpuSeconds() - before) / Date().timeIntervalSince(start)
    }

    static func cpuSeconds() -> Double {
        var usage = rusage()
        #if os(Linux)
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        #else
        getrusage(RUSAGE_SELF, &usage)
        #endif
        func s(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
        return s(usage.ru_utime) + s(usage.ru_stime)
    }
}
