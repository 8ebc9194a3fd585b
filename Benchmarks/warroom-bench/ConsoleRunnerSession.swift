import Foundation
import IncidentKit
import WarroomTestSupport

/// The release console on a pty, driven as a user runs a runbook command: `:run ID`, Enter in the
/// preview, Enter on the new run to open its output (following). The journal (the console's
/// store, opened here too) says when a run has finished and how long it took.
struct ConsoleRunnerSession {
    static let pageUp = "\u{1B}[5~", pageDown = "\u{1B}[6~", escape = "\u{1B}", ctrlC = "\u{03}"

    let pty: PseudoTerminal
    let journal: any Journal
    let incident: String

    /// Opens `runbook` in a new incident on `store`; nil (with the reason printed) when no frame comes.
    static func open(_ warroom: String, runbook: String, store: String) -> ConsoleRunnerSession? {
        guard let pty = PseudoTerminal.start(warroom, ["open", runbook, "--title", "bench", "--store", store]) else {
            print("console runner: skipped (no pseudo-terminal support here)")
            return nil
        }
        var output: [UInt8] = []
        guard pty.wait(for: ConsoleBench.footerText, timeout: 30, output: &output) != nil,
            let journal = try? SQLiteJournal(location: StoreLocation(directory: URL(fileURLWithPath: store))),
            let incident = try? journal.incident(orNewestOpen: nil).id
        else {
            print("console runner: no console frame within 30 s")
            pty.finish()
            return nil
        }
        ConsoleBench.drain(pty)
        return ConsoleRunnerSession(pty: pty, journal: journal, incident: incident)
    }

    /// `:run ID`, Enter to run the read command, Enter to open its output; each step once the
    /// previous one has been drawn.
    func startAndView(_ commandId: Int) {
        for keys in [":", "run \(commandId)", "\r", "\r", "\r"] {
            pty.write(keys)
            ConsoleBench.drain(pty)
        }
    }

    /// Esc closes the viewer (and anything else open), back to the panes.
    func closeViewer() {
        pty.write(Self.escape)
        ConsoleBench.drain(pty)
    }

    struct Finished {
        var payload: CommandFinishedPayload
        /// Bytes the console wrote to its terminal from the call until the run finished.
        var screenBytes: Int
        var screenSeconds: Double
    }

    /// Reads the screen (so the console never blocks writing to it) until `command_finished` of a
    /// run of `commandId` after event `after` is in the journal; nil after `timeout` seconds.
    func waitFinished(_ commandId: Int, after: Int64, timeout: Double) -> Finished? {
        let start = Date()
        var bytes = 0
        while Date().timeIntervalSince(start) < timeout {
            bytes += pty.read(timeout: 0.05).count
            let events = (try? journal.events(incident: incident, after: after, kinds: [.commandFinished])) ?? []
            if let payload = events.lazy.compactMap({ $0.payload(as: CommandFinishedPayload.self) })
                .first(where: { $0.commandId == commandId })
            {
                return Finished(payload: payload, screenBytes: bytes, screenSeconds: Date().timeIntervalSince(start))
            }
            if pty.hasExited() { return nil }
        }
        return nil
    }

    /// The last event's id (runs after it are the next ones).
    var lastEventID: Int64 { (try? journal.lastEventID(incident: incident)) ?? 0 }

    /// Keypress-to-first-byte latencies for PgUp and PgDn alternately (each a full repaint of the
    /// text area), `count` keys, sorted.
    func pageLatencies(_ count: Int) -> [Double] {
        (0..<count).compactMap { i in ConsoleBench.keyLatency(pty, i % 2 == 0 ? Self.pageUp : Self.pageDown) }.sorted()
    }

    /// Peak resident size of the console process (VmHWM), in bytes; nil without /proc.
    var peakResidentBytes: Int? {
        guard let status = try? String(contentsOfFile: "/proc/\(pty.pid)/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
            let kb = line.split(separator: " ").dropFirst().first.flatMap({ Int($0) })
        else { return nil }
        return kb * 1024
    }

    /// Esc, then `q` (nothing runs any more), and the process reaped.
    func quit() {
        closeViewer()
        pty.finish()
    }
}
