import Foundation
import Testing
import WarroomTestSupport

/// `redact:` in warroom.yaml reaches the journal: `metrics --watch --incident` and the console open
/// their journal with it, and a pattern that does not compile is a config error with file, line and key.
@Suite(.enabled(if: WarroomBinary.url != nil, "the warroom binary is not built"))
struct ConfigRedactionCLITests {
    static func newStore() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("warroom-store-\(UUID().uuidString)").path
    }

    @Test func metricsWatchRedactsWhatTheConfigSays() throws {
        let store = Self.newStore()
        let (runbook, config) = try MetricsCLITests.fixture(
            config: """
                redact:
                  - "(?i)queue (depth)"
                metrics:
                  - name: Queue Depth
                    command: echo 150
                    every: 1s
                """)
        let opened = try WarroomBinary.run([
            "incident", "open", "--title", "queue", "--severity", "SEV2", "--store", store
        ])
        let id = opened.out.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(opened.status == 0, "\(opened.err)")
        let watch = Process()
        watch.executableURL = URL(fileURLWithPath: "/usr/bin/timeout")
        watch.arguments = [
            "2.5", WarroomBinary.url!.path, "metrics", runbook, "--config", config, "--watch",
            "--incident", id, "--store", store
        ]
        watch.standardOutput = FileHandle.nullDevice
        watch.standardError = FileHandle.nullDevice
        try watch.run()
        watch.waitUntilExit()
        let timeline = try WarroomBinary.run(["timeline", id, "--store", store])
        #expect(timeline.out.contains("Queue [REDACTED] breached critical: 150"), "\(timeline.out)")
        #expect(!timeline.out.contains("Queue depth"))
    }

    @Test func theConsoleJournalRedactsWhatTheConfigSays() throws {
        let store = Self.newStore()
        let (runbook, config) = try MetricsCLITests.fixture(config: "redact:\n  - \"tok-[0-9]+\"\n")
        let pty = try #require(
            PseudoTerminal.start(
                WarroomBinary.url!.path,
                [
                    "open", runbook, "--title", "leak tok-12345 seen", "--config", config, "--store", store
                ]))
        var output: [UInt8] = []
        #expect(pty.wait(for: "quit", timeout: 20, output: &output) != nil)
        pty.finish()
        let list = try WarroomBinary.run(["incident", "list", "--store", store])
        #expect(list.out.contains("leak [REDACTED] seen"), "\(list.out)")
        #expect(!list.out.contains("tok-12345"))
    }

    @Test func anInvalidPatternIsAConfigErrorAndExitsTwo() throws {
        let (runbook, config) = try MetricsCLITests.fixture(
            config: """
                metrics:
                  - name: Queue Depth
                    command: echo 5
                redact:
                  - "bad[("
                """)
        let result = try WarroomBinary.run(["metrics", runbook, "--config", config, "--once"])
        #expect(result.status == 2)
        #expect(
            result.err.contains("warroom.yaml:5: error: redact[0]: not a valid regular expression: bad[("),
            "\(result.err)")
        #expect(result.out.contains("Queue depth  5"), "the rest still works")
    }
}
