import Foundation
import Testing

/// The `:` palette in the real console: each command lands in the journal; postmortem writes a file.
@Suite(
    "Command palette end to end (tmux)", .serialized,
    .enabled(if: TerminalEndToEndTests.available, "tmux or the warroom binary not found"))
struct AppPaletteEndToEndTests {
    typealias Session = TerminalEndToEndTests.Session

    @Test(":status, :role, :milestone and :postmortem through the journal")
    func palette() throws {
        let tmux = try #require(TerminalEndToEndTests.tmux)
        let warroom = try #require(TerminalEndToEndTests.warroom)
        let store = try AppEndToEndTests.temporaryStore()
        defer { try? FileManager.default.removeItem(atPath: store) }
        let session = try Session(tmux: tmux, command: "\(warroom) demo --store \(store)")
        _ = try session.wait { $0.contains("Demo: payments checkout failing") }
        func command(_ text: String) throws {
            try session.keys(":")
            try session.run(["send-keys", "-t", "t", "-l", text])
            try session.keys("Enter")
        }
        // Tab completes `stat` to `status `, then `ide` to `identified `.
        try session.keys(":")
        try session.run(["send-keys", "-t", "t", "-l", "stat"])
        try session.keys("Tab")
        try session.run(["send-keys", "-t", "t", "-l", "ide"])
        try session.keys("Tab", "Enter")
        #expect(try session.wait { $0.contains(" identified ") }.contains(" identified "))
        try command("role commander=carol")
        #expect(try session.wait { $0.contains("IC: carol") }.contains("IC: carol"))
        try command("milestone mitigated")
        try command("postmortem")
        let shown = try session.wait { $0.contains("Postmortem written to ") }
        #expect(shown.contains("Postmortem written to \(store)"))
        try command("bogus")
        #expect(try session.wait { $0.contains("Unknown command bogus") }.contains("valid: sev LEVEL"))
        try session.keys("q")
        #expect(try session.wait { $0.contains("WARROOM-EXIT-") }.contains("WARROOM-EXIT-0"))

        let timeline = try Spawn.run(warroom, ["timeline", "--json", "--store", store])
        #expect(timeline.contains("\"kind\":\"status_changed\""))
        #expect(timeline.contains("\"kind\":\"role_assigned\""))
        #expect(timeline.contains("mitigated"))
        let files = try FileManager.default.contentsOfDirectory(atPath: store).filter { $0.hasSuffix("-postmortem.md") }
        #expect(files.count == 1)
    }
}
