import Foundation
import Testing

/// Live metrics in the real console: sampled from `warroom.yaml`, judged, journalled, shown.
@Suite(
    "Console live metrics (tmux)", .serialized,
    .enabled(if: TerminalEndToEndTests.available, "tmux or the warroom binary not found"))
struct AppMetricsEndToEndTests {
    typealias Session = TerminalEndToEndTests.Session

    @Test("A command metric over its threshold shows CRIT within 5 s and a metric_breached event")
    func breach() throws {
        let tmux = try #require(TerminalEndToEndTests.tmux)
        let warroom = try #require(TerminalEndToEndTests.warroom)
        let folder = try AppEndToEndTests.temporaryStore()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try
            "# Queue service\n\n## Key Metrics\n\n| Metric | Target | Alert Threshold |\n|---|---|---|\n| Queue Depth | < 10 | > 100 |\n"
            .write(toFile: folder + "/runbook.md", atomically: true, encoding: .utf8)
        try "metrics:\n  - name: Queue Depth\n    command: echo 150\n    every: 1s\n"
            .write(toFile: folder + "/warroom.yaml", atomically: true, encoding: .utf8)
        let store = folder + "/store"
        let session = try Session(
            tmux: tmux, command: "\(warroom) open \(folder)/runbook.md --title Queue --store \(store)",
            environment: ["LANG": "C.UTF-8"])
        let start = Date()
        let crit = try session.wait { $0.contains("CRIT") && $0.contains("breach    Queue Depth breached") }
        #expect(Date().timeIntervalSince(start) < 5)
        #expect(crit.contains("Queue Depth 150"))
        #expect(crit.contains("threshold > 100"))
        #expect(crit.contains("1 breached"))
        try session.keys("q")
        #expect(try session.wait { $0.contains("WARROOM-EXIT-") }.contains("WARROOM-EXIT-0"))
        let kinds = try Spawn.run(warroom, ["timeline", "--json", "--store", store])
        #expect(kinds.contains("\"kind\":\"metric_breached\""))
    }

    @Test("The demo shows a live Load Average value")
    func demoLoad() throws {
        let tmux = try #require(TerminalEndToEndTests.tmux)
        let warroom = try #require(TerminalEndToEndTests.warroom)
        let store = try AppEndToEndTests.temporaryStore()
        defer { try? FileManager.default.removeItem(atPath: store) }
        let session = try Session(tmux: tmux, command: "\(warroom) demo --store \(store)")
        let screen = try session.wait { screen in
            screen.split(separator: "\n").contains {
                $0.range(of: #"Load average [0-9]"#, options: .regularExpression) != nil
            }
        }
        #expect(screen.contains("OK") || screen.contains("WARN") || screen.contains("CRIT"))
        try session.keys("q")
        #expect(try session.wait { $0.contains("WARROOM-EXIT-") }.contains("WARROOM-EXIT-0"))
    }
}
