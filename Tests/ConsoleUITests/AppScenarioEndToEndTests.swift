import Foundation
import Testing

/// Issue 4's scenario from start to finish: the journal holds exactly what was done at the keyboard.
@Suite(
    "Console scenario (tmux)", .serialized,
    .enabled(if: TerminalEndToEndTests.available, "tmux or the warroom binary not found"))
struct AppScenarioEndToEndTests {
    typealias Session = TerminalEndToEndTests.Session

    @Test("Ticks, severity, an emoji note, a resize round trip and q: exactly those events after opened")
    func scenario() throws {
        let tmux = try #require(TerminalEndToEndTests.tmux)
        let warroom = try #require(TerminalEndToEndTests.warroom)
        let store = try AppEndToEndTests.temporaryStore()
        defer { try? FileManager.default.removeItem(atPath: store) }
        let session = try Session(tmux: tmux, command: "\(warroom) demo --store \(store)", width: 120, height: 40)
        _ = try session.wait { $0.contains("Demo: payments checkout failing") && $0.contains("Checklist 0/") }
        try session.keys("Space", "j", "Space", "j", "Space")
        _ = try session.wait { $0.contains("Checklist 3/") }
        try session.keys(":")
        try session.run(["send-keys", "-t", "t", "-l", "sev SEV1"])
        try session.keys("Enter")
        _ = try session.wait { $0.contains("⚑ SEV1") }
        try session.keys("Escape")
        try session.keys("n")
        _ = try session.wait { $0.contains("Note") }
        try session.run(["send-keys", "-t", "t", "-l", "rollback done 🚀"])
        try session.keys("Enter")
        _ = try session.wait { $0.contains("note      rollback done 🚀") }
        try session.run(["resize-window", "-t", "t", "-x", "70", "-y", "20"])
        _ = try session.wait { !$0.contains("┌─ Metrics") }
        try session.run(["resize-window", "-t", "t", "-x", "120", "-y", "40"])
        let back = try session.wait { $0.contains("┌─ Metrics") }
        #expect(back.contains("Checklist 3/"))
        try session.keys("q")
        #expect(try session.wait { $0.contains("WARROOM-EXIT-") }.contains("WARROOM-EXIT-0"))

        let lines = try Spawn.run(warroom, ["timeline", "--json", "--store", store])
            .split(separator: "\n").map(String.init)
        let kinds = lines.compactMap { line -> String? in
            let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            return object?["kind"] as? String
        }
        #expect(kinds.count == lines.count)
        #expect(kinds.first == "opened")
        #expect(kinds.dropFirst().sorted() == ["item_ticked", "item_ticked", "item_ticked", "note", "severity_changed"])
        #expect(lines.first { $0.contains("\"kind\":\"note\"") }?.contains("rollback done 🚀") == true)
    }
}
