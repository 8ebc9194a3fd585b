import Foundation
import Testing

/// #11 item 4: SIGTERM or SIGHUP to the console ends it as `q` does — its runs are cancelled and
/// their ends are on the record — instead of killing it with the runs left unrecorded.
@Suite(
    "Console signals (tmux)", .serialized,
    .enabled(if: TerminalEndToEndTests.tmux != nil && TerminalEndToEndTests.warroom != nil, "needs tmux and the binary")
)
struct ConsoleSignalEndToEndTests {
    typealias Session = TerminalEndToEndTests.Session

    @Test(arguments: [SIGTERM, SIGHUP])
    func signalCancelsAndRecordsRuns(signal: Int32) throws {
        let tmux = try #require(TerminalEndToEndTests.tmux), warroom = try #require(TerminalEndToEndTests.warroom)
        let store = try AppEndToEndTests.temporaryStore()
        defer { try? FileManager.default.removeItem(atPath: store) }
        let session = try Session(tmux: tmux, command: "\(warroom) demo --store \(store)", width: 120, height: 40)
        _ = try session.wait { $0.contains("Demo: payments checkout failing") && $0.contains("Checklist 0/") }
        try session.keys(":")
        try session.run(["send-keys", "-t", "t", "-l", "run 8"])
        try session.keys("Enter")
        _ = try session.wait { $0.contains("while sleep 2") && $0.contains("Enter: run") }
        try session.keys("Enter")
        _ = try session.wait { $0.contains("#1 ⟳ running") }

        let pane = try session.run(["display", "-p", "-t", "t", "#{pane_pid}"]).trimmingCharacters(
            in: .whitespacesAndNewlines)
        let child = try Spawn.run("/usr/bin/pgrep", ["-P", pane]).split(separator: "\n").first
        let pid = try #require(child.flatMap { pid_t($0.trimmingCharacters(in: .whitespaces)) })
        #expect(kill(pid, signal) == 0)
        _ = try session.wait { $0.contains("WARROOM-EXIT-") }

        let events = try Spawn.run(warroom, ["timeline", "--json", "--store", store]).split(separator: "\n").compactMap
        {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
        let kinds = events.compactMap { $0["kind"] as? String }
        #expect(kinds.suffix(2) == ["command_started", "command_finished"], "\(kinds)")
        let finished = events.last?["payload"] as? [String: Any]
        #expect(finished?["cancelled"] as? Bool == true, "\(String(describing: finished))")
    }
}
