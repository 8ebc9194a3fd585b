import Foundation
import WarroomTestSupport

/// Keypress-to-redraw latency of the release console through a pty with live sampling ON (a generated
/// runbook with 200 metrics, all bound at 1 s to `BenchMetricMix` sources) versus OFF (the same runbook,
/// a config without bindings: 200 unbound metrics), in the same run, printed as a ratio. Also the
/// console process's own CPU (from /proc) while idle in each mode.
enum ConsoleSamplingBench {
    static let keys = 100
    static let warmUpSeconds = 3.0
    static let cpuSeconds = 5.0

    static func run() {
        let folder = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
            .deletingLastPathComponent()
        let warroom = folder.appendingPathComponent("warroom").path
        guard FileManager.default.isExecutableFile(atPath: warroom) else {
            print("console sampling: skipped (no warroom binary beside \(CommandLine.arguments[0]))")
            return
        }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("warroom-sampling-bench-\(getpid())")
            .path
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let prometheus = BenchMetricMix.prometheusURL
        let names = (0..<BenchMetricMix.total).map { String(format: "Bench Metric %03d", $0) }
        let indices = names.indices.filter { prometheus != nil || BenchMetricMix.kind($0) != .prometheus }
        let runbook = dir + "/bench-runbook.md", on = dir + "/sampling-on.yaml", off = dir + "/sampling-off.yaml"
        do {
            try runbookText(names).write(toFile: runbook, atomically: true, encoding: .utf8)
            var yaml = prometheus.map { "prometheus: \($0)\n" } ?? ""
            yaml += "metrics:\n" + indices.map { BenchMetricMix.yamlBinding($0, name: names[$0]) }.joined()
            try yaml.write(toFile: on, atomically: true, encoding: .utf8)
            try "# no bindings: every metric is unbound, nothing is sampled\n".write(
                toFile: off, atomically: true,
                encoding: .utf8)
        } catch {
            print("console sampling: skipped (cannot write \(dir): \(error))")
            return
        }
        print(
            "console sampling: \(names.count)-metric runbook through a pty, 120x40; "
                + "ON = \(indices.count) bound at 1 s (\(prometheus == nil ? "no Prometheus" : "with Prometheus")), OFF = none bound"
        )
        guard let offRun = measure(warroom, runbook: runbook, config: off, store: dir + "/off", label: "OFF"),
            let onRun = measure(warroom, runbook: runbook, config: on, store: dir + "/on", label: "ON")
        else { return }
        print(
            String(
                format: "console sampling: keypress median ON/OFF = %.2f (p90 %.2f)",
                onRun.median / offRun.median, onRun.p90 / offRun.p90))
    }

    struct Result { var median: Double; var p90: Double }

    static func measure(_ warroom: String, runbook: String, config: String, store: String, label: String) -> Result? {
        guard
            let pty = PseudoTerminal.start(
                warroom,
                [
                    "open", runbook, "--title", "bench", "--config", config,
                    "--store", store
                ])
        else {
            print("console sampling: no pty")
            return nil
        }
        defer { pty.finish() }
        var output: [UInt8] = []
        guard pty.wait(for: ConsoleBench.footerText, timeout: 30, output: &output) != nil else {
            print("console sampling \(label): no frame within 30 s")
            return nil
        }
        // Let every metric take a few samples, so the sampler runs at its steady rate.
        let warm = Date()
        while Date().timeIntervalSince(warm) < warmUpSeconds { _ = pty.read(timeout: 0.1) }
        let before = MetricsBench.processSeconds(pty.pid)
        let start = Date()
        let idleBytes = ConsoleBench.idleBytes(pty, seconds: cpuSeconds)
        let cpu = MetricsBench.processSeconds(pty.pid).flatMap { after in
            before.map { (after - $0) / Date().timeIntervalSince(start) }
        }
        let latencies = (0..<keys).compactMap { i in ConsoleBench.keyLatency(pty, i % 2 == 0 ? "j" : "k") }.sorted()
        guard !latencies.isEmpty else {
            print("console sampling \(label): no redraw after a key")
            return nil
        }
        let result = Result(median: latencies[latencies.count / 2], p90: latencies[latencies.count * 9 / 10])
        print(
            String(
                format: "  %@: keypress to redraw median %.2f ms, p90 %.2f ms, max %.2f ms (%d keys); "
                    + "console CPU %@ of one core, output %.0f bytes/s while idle", label, result.median * 1000,
                result.p90 * 1000, (latencies.last ?? 0) * 1000, latencies.count,
                cpu.map { String(format: "%.1f%%", $0 * 100) } ?? "?", idleBytes))
        return result
    }

    /// A checklist to move through with j/k, and a table of `names.count` metrics with thresholds no
    /// bench value reaches (so no breach is journalled while measuring).
    static func runbookText(_ names: [String]) -> String {
        var text = "# Bench Service Runbook\n\n## Incident Checklist\n\n"
        text += (1...20).map { "- [ ] Step \($0): look at the dashboards\n" }.joined()
        text += "\n## Key Metrics\n\n| Metric | Target | Alert Threshold |\n|---|---|---|\n"
        text += names.map { "| \($0) | < 1000000 | > 1000000000 |\n" }.joined()
        return text
    }
}
