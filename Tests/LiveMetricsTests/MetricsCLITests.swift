import Foundation
import Testing
import WarroomTestSupport

/// `warroom metrics` end to end, with command and host sources (no network needed).
@Suite(.enabled(if: WarroomBinary.url != nil, "the warroom binary is not built"))
struct MetricsCLITests {
    /// A runbook with four alerts and a warroom.yaml that binds three of them.
    static func fixture(config: String) throws -> (runbook: String, config: String) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("warroom-metrics-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let runbook = dir.appendingPathComponent("svc.md")
        try """
        # Queue Service Runbook

        ## Alerts

        - Queue depth > 100
        - Latency > 500ms
        - Error rate > 5% for 10 minutes
        - Disk usage > 99.9%
        """.write(to: runbook, atomically: true, encoding: .utf8)
        let yaml = dir.appendingPathComponent("warroom.yaml")
        try config.write(to: yaml, atomically: true, encoding: .utf8)
        return (runbook.path, yaml.path)
    }

    static let bindings = """
        metrics:
          - name: Queue Depth
            command: echo 150
          - name: latency
            command: echo 0.2
            unit: s
          - name: Disk Usage
            host: disk:/
        """

    @Test func onceJSONGivesEveryMetricAndExitsOneOnABreach() throws {
        let (runbook, _) = try Self.fixture(config: Self.bindings)
        let (status, out, err) = try WarroomBinary.run(["metrics", runbook, "--json"])
        #expect(status == 1, "\(err)")
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [[String: Any]])
        #expect(rows.map { $0["name"] as? String } == ["Queue depth", "Latency", "Disk usage", "Error rate"])
        #expect(rows.map { $0["state"] as? String } == ["crit", "ok", "ok", "unbound"])
        #expect(rows[0]["value"] as? Double == 150)
        #expect(rows[1]["value"] as? Double == 200, "0.2 s compared as 200 ms")
        #expect(rows[1]["unit"] as? String == "ms")
        #expect(rows[3]["threshold"] as? String == "> 5% for 10m")
        #expect((rows[3]["error"] as? String)?.contains("warroom.yaml") == true)
        for row in rows { #expect(Set(row.keys) == ["name", "value", "unit", "state", "threshold", "error"]) }
    }

    @Test func allOKExitsZeroAndPrintsATable() throws {
        let (runbook, _) = try Self.fixture(config: "metrics:\n  - name: Queue Depth\n    command: echo 3\n")
        let (status, out, err) = try WarroomBinary.run(["metrics", runbook, "--once"])
        #expect(status == 0, "\(err)")
        #expect(out.contains("Queue depth  3"))
        #expect(out.contains("UNBOUND"))
    }

    @Test func errorsExitTwoAndBadBindingsNameFileLineAndKey() throws {
        let (runbook, config) = try Self.fixture(
            config: """
                colour: red
                metrics:
                  - name: Queue Depth
                    command: exit 4
                  - name: Latency
                    command: echo 1
                    every: soon
                """)
        let (status, out, err) = try WarroomBinary.run(["metrics", runbook, "--config", config, "--json"])
        #expect(status == 2)
        #expect(err.contains("\(config):1: warning: colour: unknown key"))
        #expect(err.contains("\(config):7: error: metrics[1].Latency.every: cannot read 'soon'"))
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [[String: Any]])
        #expect(rows[0]["state"] as? String == "error")
        #expect(rows[0]["error"] as? String == "command exited 4")
        #expect(rows[1]["state"] as? String == "error")
    }
}

/// `--watch --incident` writes breaches and recoveries to the journal.
@Suite(.enabled(if: WarroomBinary.url != nil, "the warroom binary is not built"))
struct MetricsWatchCLITests {
    @Test func watchRecordsBreachAndRecovery() throws {
        let store = FileManager.default.temporaryDirectory.appendingPathComponent("warroom-store-\(UUID().uuidString)")
            .path
        let value = FileManager.default.temporaryDirectory.appendingPathComponent("queue-\(UUID().uuidString)").path
        try "150\n".write(toFile: value, atomically: true, encoding: .utf8)
        let (runbook, _) = try MetricsCLITests.fixture(
            config: "metrics:\n  - name: Queue Depth\n    command: cat \(value)\n    every: 1s\n")
        let opened = try WarroomBinary.run([
            "incident", "open", "--title", "queue", "--severity", "SEV2", "--store", store
        ])
        let id = opened.out.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(opened.status == 0, "\(opened.err)")

        let watch = Process()
        watch.executableURL = URL(fileURLWithPath: "/usr/bin/timeout")
        watch.arguments = [
            "3.5", WarroomBinary.url!.path, "metrics", runbook, "--watch", "--incident", id, "--store", store
        ]
        watch.standardOutput = FileHandle.nullDevice
        watch.standardError = FileHandle.nullDevice
        try watch.run()
        Thread.sleep(forTimeInterval: 1.5)
        try "5\n".write(toFile: value, atomically: true, encoding: .utf8)
        watch.waitUntilExit()

        let timeline = try WarroomBinary.run(["timeline", id, "--store", store])
        #expect(timeline.out.contains("Queue depth breached critical: 150 (threshold 100)"), "\(timeline.out)")
        #expect(timeline.out.contains("Queue depth recovered critical: 5 (threshold 100)"), "\(timeline.out)")
    }
}
