import Foundation
import Testing

/// The real console in tmux: `warroom demo` on a store the test then reads back.
@Suite(
    "Console end to end (tmux)", .serialized,
    .enabled(if: TerminalEndToEndTests.available, "tmux or the warroom binary not found"))
struct AppEndToEndTests {
    typealias Session = TerminalEndToEndTests.Session

    static func temporaryStore() throws -> String {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("warroom-app-e2e-\(getpid())-\(UInt32.random(in: 0...UInt32.max))").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test("Ticks and a note from the keyboard land in the journal; q quits")
    func ticksAndNote() throws {
        let tmux = try #require(TerminalEndToEndTests.tmux)
        let warroom = try #require(TerminalEndToEndTests.warroom)
        let store = try Self.temporaryStore()
        defer { try? FileManager.default.removeItem(atPath: store) }
        let session = try Session(tmux: tmux, command: "\(warroom) demo --store \(store)")
        let drawn = try session.wait { $0.contains("Demo: payments checkout failing") && $0.contains("Checklist 0/") }
        #expect(drawn.contains("⚑ SEV2"))
        #expect(drawn.contains("SLA"))
        try session.keys("Space", "j", "Space", "j", "Space")
        let ticked = try session.wait { $0.contains("Checklist 3/") }
        #expect(ticked.contains("[x] Confirm the alert"))
        try session.keys("n")
        _ = try session.wait { $0.contains("Note") }
        try session.run(["send-keys", "-t", "t", "-l", "checkout fixed 🚀"])
        try session.keys("Enter")
        let noted = try session.wait { $0.contains("note      checkout fixed 🚀") }
        #expect(noted.contains("note      checkout fixed 🚀"))
        try session.keys("C-c")
        try session.keys("q")
        let after = try session.wait { $0.contains("WARROOM-EXIT-") }
        #expect(after.contains("WARROOM-EXIT-0"))

        let lines = try Spawn.run(warroom, ["timeline", "--json", "--store", store])
            .split(separator: "\n").map(String.init)
        #expect(lines.filter { $0.contains("\"kind\":\"item_ticked\"") }.count == 3)
        let notes = lines.filter { $0.contains("\"kind\":\"note\"") }
        #expect(notes.count == 1)
        #expect(notes.first?.contains("checkout fixed 🚀") == true)

        // `open` without --title resumes the newest open incident, rebuilt from its journal.
        let runbook = try #require(Self.exampleRunbook(near: warroom))
        let resumed = try Session(tmux: tmux, command: "\(warroom) open \(runbook) --store \(store)")
        let screen = try resumed.wait { $0.contains("Checklist 3/") }
        #expect(screen.contains("Demo: payments checkout failing"))
        #expect(screen.contains("note      checkout fixed 🚀"))
        try resumed.keys("q")
        #expect(try resumed.wait { $0.contains("WARROOM-EXIT-") }.contains("WARROOM-EXIT-0"))
    }

    /// `examples/payments-api.md` in the package that built the binary.
    static func exampleRunbook(near binary: String) -> String? {
        var folder = URL(fileURLWithPath: binary).deletingLastPathComponent()
        for _ in 0..<6 {
            let candidate = folder.appendingPathComponent("examples/payments-api.md").path
            if FileManager.default.fileExists(atPath: candidate) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        return nil
    }

    @Test("A note written from another shell shows within two seconds")
    func liveNote() throws {
        let tmux = try #require(TerminalEndToEndTests.tmux)
        let warroom = try #require(TerminalEndToEndTests.warroom)
        let store = try Self.temporaryStore()
        defer { try? FileManager.default.removeItem(atPath: store) }
        let session = try Session(tmux: tmux, command: "\(warroom) demo --store \(store)")
        _ = try session.wait { $0.contains("Demo: payments checkout failing") }
        _ = try Spawn.run(warroom, ["note", "--store", store, "from another shell"])
        let start = Date()
        var shown = false
        while Date().timeIntervalSince(start) < 2.5 {
            if try session.screen().contains("from another shell") { shown = true; break }
            usleep(100_000)
        }
        #expect(shown)
        try session.keys("q")
        #expect(try session.wait { $0.contains("WARROOM-EXIT-") }.contains("WARROOM-EXIT-0"))
    }

    @Test("Resizing switches to tabs, then to the too-small notice, and back")
    func resize() throws {
        let tmux = try #require(TerminalEndToEndTests.tmux)
        let warroom = try #require(TerminalEndToEndTests.warroom)
        let store = try Self.temporaryStore()
        defer { try? FileManager.default.removeItem(atPath: store) }
        let session = try Session(tmux: tmux, command: "\(warroom) demo --store \(store)")
        #expect(try session.wait { $0.contains("┌─ Metrics") }.contains("┌─ Metrics"))
        try session.run(["resize-window", "-t", "t", "-x", "80", "-y", "24"])
        let tabbed = try session.wait { $0.contains("Metrics   Commands   Timeline") }
        #expect(tabbed.contains(" Checklist 0/"))
        #expect(!tabbed.contains("┌─ Metrics"))
        try session.run(["resize-window", "-t", "t", "-x", "50", "-y", "10"])
        #expect(try session.wait { $0.contains("Terminal too small") }.contains("Terminal too small"))
        try session.run(["resize-window", "-t", "t", "-x", "120", "-y", "40"])
        #expect(try session.wait { $0.contains("┌─ Metrics") }.contains("┌─ Metrics"))
        try session.keys("q")
        #expect(try session.wait { $0.contains("WARROOM-EXIT-") }.contains("WARROOM-EXIT-0"))
    }
}
