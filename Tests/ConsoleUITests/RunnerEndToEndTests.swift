import Foundation
import Testing

/// Issue 5's scenario in the real binary: run a read command of the demo runbook, cancel a long
/// one with Ctrl-C, refuse a destructive one with the wrong word; the journal holds all three.
@Suite(
    "Command runner (tmux)", .serialized,
    .enabled(if: TerminalEndToEndTests.available, "tmux or the warroom binary not found"))
struct RunnerEndToEndTests {
    typealias Session = TerminalEndToEndTests.Session

    @Test("Read command runs and shows its output; Ctrl-C cancels a long one; a wrong word refuses a destructive one")
    func runCancelRefuse() throws {
        let tmux = try #require(TerminalEndToEndTests.tmux)
        let warroom = try #require(TerminalEndToEndTests.warroom)
        let store = try AppEndToEndTests.temporaryStore()
        defer { try? FileManager.default.removeItem(atPath: store) }
        let session = try Session(tmux: tmux, command: "\(warroom) demo --store \(store)", width: 120, height: 40)
        _ = try session.wait { $0.contains("Demo: payments checkout failing") && $0.contains("Checklist 0/") }

        // A read command: Enter in the preview runs it; its output opens with Enter on the run.
        try palette(session, "run 7")
        _ = try session.wait { $0.contains("head -n 3 /proc/loadavg /proc/meminfo") && $0.contains("Enter: run") }
        try session.keys("Enter")
        _ = try session.wait { $0.contains("#1 ✓ ok exit 0") }
        try session.keys("Enter")
        let output = try session.wait { $0.contains("Output of run #1") && $0.contains("MemTotal:") }
        #expect(output.contains("==> /proc/loadavg <=="))
        try session.keys("Escape")

        // A command that runs until stopped: Ctrl-C cancels it, the console stays.
        try palette(session, "run 8")
        _ = try session.wait { $0.contains("while sleep 2") && $0.contains("Enter: run") }
        try session.keys("Enter")
        _ = try session.wait { $0.contains("#2 ⟳ running") }
        try session.keys("C-c")
        let cancelled = try session.wait { $0.contains("#2 ✗") && !$0.contains("#2 ⟳") }
        #expect(cancelled.contains("cancelled"))
        #expect(cancelled.contains("Demo: payments checkout failing"), "the console is still there")

        // A destructive command: its placeholder first, then the typed word; a wrong one refuses.
        try palette(session, "run 14")
        _ = try session.wait { $0.contains("REDIS_HOST") && $0.contains("Values for") }
        try session.run(["send-keys", "-t", "t", "-l", "localhost"])
        try session.keys("Enter")
        let preview = try session.wait { $0.contains("Type DEL to run it") }
        #expect(preview.contains("⚠ DESTRUCTIVE"))
        #expect(preview.contains("redis-cli -h 'localhost' DEL payments:retry"))
        try session.run(["send-keys", "-t", "t", "-l", "yes"])
        try session.keys("Enter")
        _ = try session.wait { $0.contains("Refused: \"yes\" is not DEL; nothing ran") }
        try session.keys("q")
        #expect(try session.wait { $0.contains("WARROOM-EXIT-") }.contains("WARROOM-EXIT-0"))

        let events = try Spawn.run(warroom, ["timeline", "--json", "--store", store]).split(separator: "\n").compactMap
        {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
        let kinds = events.compactMap { $0["kind"] as? String }
        #expect(
            kinds == [
                "opened", "command_started", "command_finished", "command_started", "command_finished",
                "command_refused"
            ])
        let payloads = events.map { $0["payload"] as? [String: Any] ?? [:] }
        #expect(payloads[2]["commandId"] as? Int == 7 && payloads[2]["exitStatus"] as? Int == 0)
        #expect((payloads[2]["tail"] as? [String])?.contains { $0.hasPrefix("MemTotal:") } == true)
        #expect(payloads[4]["commandId"] as? Int == 8 && payloads[4]["cancelled"] as? Bool == true)
        #expect(payloads[4]["signal"] as? Int == 2)
        #expect(payloads[5]["commandId"] as? Int == 14)
        #expect((payloads[5]["reason"] as? String)?.contains("\"yes\", not DEL") == true)
        #expect(payloads[5]["command"] as? String == "redis-cli -h 'localhost' DEL payments:retry")
    }

    @Test("! gives a command the real terminal: it reads the keyboard, Ctrl-C stops only it, the console comes back")
    func interactive() throws {
        let tmux = try #require(TerminalEndToEndTests.tmux)
        let warroom = try #require(TerminalEndToEndTests.warroom)
        let store = try AppEndToEndTests.temporaryStore()
        defer { try? FileManager.default.removeItem(atPath: store) }
        let runbook = store + "/ask.md"
        try """
        # Shell runbook

        ## Ask

        ```bash
        read -r -p "name? " name; echo "hello $name"
        ```
        """.write(toFile: runbook, atomically: true, encoding: .utf8)
        let session = try Session(
            tmux: tmux, command: "\(warroom) open \(runbook) --store \(store) --title Ask --severity SEV2",
            width: 120, height: 40)
        _ = try session.wait { $0.contains("┌─ Commands") }
        try session.keys("Tab", "Tab")
        _ = try session.wait { $0.contains("┏━ Commands") }
        try session.keys("!")
        _ = try session.wait { $0.contains("interactive (real terminal)") }
        try session.keys("Enter")
        _ = try session.wait { $0.contains("name? ") && $0.contains("has the terminal") }
        try session.run(["send-keys", "-t", "t", "-l", "bob"])
        try session.keys("Enter")
        let ended = try session.wait { $0.contains("Press Enter for the console") }
        #expect(ended.contains("hello bob") && ended.contains("ended (ok exit 0)"))
        try session.keys("Enter")
        _ = try session.wait { $0.contains("#1 ✓ ok exit 0") }

        // Ctrl-C while it has the terminal reaches the command only.
        try session.keys("R", "!")
        _ = try session.wait { $0.contains("interactive (real terminal)") }
        try session.keys("Enter")
        _ = try session.wait { $0.contains("name? ") && $0.contains("has the terminal") }
        try session.keys("C-c")
        _ = try session.wait { $0.contains("Press Enter for the console") }
        try session.keys("Enter")
        _ = try session.wait { $0.contains("#2 ✗") }
        try session.keys("q")
        #expect(try session.wait { $0.contains("WARROOM-EXIT-") }.contains("WARROOM-EXIT-0"))

        let events = try Spawn.run(warroom, ["timeline", "--json", "--store", store]).split(separator: "\n").compactMap
        {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
        let finished = events.filter { $0["kind"] as? String == "command_finished" }.map {
            $0["payload"] as? [String: Any] ?? [:]
        }
        #expect(finished.count == 2)
        #expect(finished.first?["exitStatus"] as? Int == 0)
        let started = events.filter { $0["kind"] as? String == "command_started" }.map {
            $0["payload"] as? [String: Any] ?? [:]
        }
        #expect(started.allSatisfy { $0["interactive"] as? Bool == true })
    }

    private func palette(_ session: Session, _ command: String) throws {
        try session.keys(":")
        try session.run(["send-keys", "-t", "t", "-l", command])
        try session.keys("Enter")
    }
}
