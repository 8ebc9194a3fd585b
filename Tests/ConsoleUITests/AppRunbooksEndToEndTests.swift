import Foundation
import Testing

/// `warroom open A.md B.md` in tmux: both runbooks' lists in the chooser, labelled by title.
@Suite(
    "Several runbooks end to end (tmux)", .serialized,
    .enabled(if: TerminalEndToEndTests.available, "tmux or the warroom binary not found"))
struct AppRunbooksEndToEndTests {
    typealias Session = TerminalEndToEndTests.Session

    @Test("Two runbooks: the chooser labels lists by runbook; / searches the merged commands")
    func twoRunbooks() throws {
        let tmux = try #require(TerminalEndToEndTests.tmux)
        let warroom = try #require(TerminalEndToEndTests.warroom)
        let runbook = try #require(
            AppEndToEndTests.exampleRunbook(near: warroom), "examples/payments-api.md beside the build")
        let store = try AppEndToEndTests.temporaryStore()
        defer { try? FileManager.default.removeItem(atPath: store) }
        // The same runbook under a second name and title.
        let second = store + "/search.md"
        let text = try String(contentsOfFile: runbook, encoding: .utf8)
            .replacingOccurrences(of: "# Payments API Runbook", with: "# Search Runbook")
        try text.write(toFile: second, atomically: true, encoding: .utf8)
        let session = try Session(
            tmux: tmux,
            command: "\(warroom) open \(runbook) \(second) --title two --store \(store)")
        _ = try session.wait { $0.contains("┌─ Commands") }
        try session.keys("c")
        // Wait for the rows, not only the box title: a capture can land mid-redraw.
        let chooser = try session.wait { $0.contains("· Payments API Runbook") && $0.contains("· Search Runbook") }
        #expect(chooser.contains("· Payments API Runbook"))
        #expect(chooser.contains("· Search Runbook"))
        try session.keys("Escape", "Tab", "Tab", "/")
        try session.run(["send-keys", "-t", "t", "-l", "Search Runbook"])
        try session.keys("Enter")
        let filtered = try session.wait { $0.contains("Commands /Search Runbook") && $0.contains("Search Runbook >") }
        #expect(filtered.contains("Search Runbook >"))
        #expect(!filtered.contains("Payments API Runbook >"))
        try session.keys("q")
        #expect(try session.wait { $0.contains("WARROOM-EXIT-") }.contains("WARROOM-EXIT-0"))
    }
}
