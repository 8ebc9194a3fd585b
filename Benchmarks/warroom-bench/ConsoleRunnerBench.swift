import CommandRunner
import Foundation
import IncidentKit
import WarroomTestSupport

/// The command runner through the release console on a pty (120×40), as issue 5's benchmark asks:
/// a generated runbook whose read commands write 200 MB as fast as they can (`yes`, `cat` of a log
/// with colours), each started with `:run ID` + Enter and watched in the output viewer (following).
/// Per source: ingest rate (bytes / the `durationMs` of its `command_finished`) beside the same
/// command into `cat > /dev/null`, the runner engine alone (`RunBoard` in this process) and a
/// detached tmux session running it, all in the same run;
/// the bytes the console drew meanwhile. Then PgUp/PgDn latency in the viewer while an endless
/// version of the source streams, versus the same keys on the finished run (nothing running); the
/// console's CPU while streaming and its peak RSS (VmHWM) over everything.
enum ConsoleRunnerBench {
    static let bytes = RunnerBench.bytes
    static let keys = 60

    struct Source {
        var name: String
        /// Writes `bytes` and ends.
        var command: String
        /// The same output, endlessly (cancelled with Ctrl-C once the keys are measured).
        var endless: String
    }

    static func run() {
        let folder = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
            .deletingLastPathComponent()
        let warroom = folder.appendingPathComponent("warroom").path
        guard FileManager.default.isExecutableFile(atPath: warroom) else {
            print(
                "console runner: skipped (no warroom binary beside \(CommandLine.arguments[0]); build the warroom product)"
            )
            return
        }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
            "warroom-console-runner-bench-\(getpid())")
        try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let log = dir.appendingPathComponent("log.txt")
        RunnerBench.writeLogFile(log)
        let sources = [
            Source(
                name: "yes", command: "yes 'GET /api/v1/payments 200 12ms' | head -c \(bytes)",
                endless: "yes 'GET /api/v1/payments 200 12ms'"),
            Source(
                name: "200 MB log file", command: "cat '\(log.path)'", endless: "while cat '\(log.path)'; do :; done")
        ]
        let runbook = dir.appendingPathComponent("stream-runbook.md").path
        do {
            try runbookText(sources).write(toFile: runbook, atomically: true, encoding: .utf8)
        } catch {
            print("console runner: skipped (cannot write \(runbook): \(error))")
            return
        }
        // The engine alone (a RunBoard in this process, recorded in its own store): the console's
        // wiring costs what the console's rate lacks of this one.
        guard
            let engineJournal = try? SQLiteJournal(
                location: StoreLocation(directory: dir.appendingPathComponent("engine"))),
            let engineIncident = try? engineJournal.openIncident(title: "bench", severity: "SEV3", author: "bench").id
        else {
            print("console runner: skipped (cannot open a store in \(dir.path))")
            return
        }
        let engine = RunBoard(
            journal: engineJournal, incident: engineIncident, author: "bench",
            redactor: engineJournal.storedRedactor)
        guard
            let session = ConsoleRunnerSession.open(
                warroom, runbook: runbook, store: dir.appendingPathComponent("store").path)
        else { return }
        print(
            "console runner: release console through a pty, 120x40, output viewer following; \(bytes / 1_000_000) MB per source"
        )
        for (index, source) in sources.enumerated() {
            measure(source, ids: (2 * index + 1, 2 * index + 2), session, engine: engine)
        }
        let peak = session.peakResidentBytes
        session.quit()
        print(
            "console runner: console peak RSS (VmHWM) "
                + (peak.map { String(format: "%.0f MB", Double($0) / 1e6) } ?? "?")
                + " (aim < 100 MB)")
    }

    /// One source: the 200 MB run through the console, cat and tmux; then the keys while the
    /// endless one streams and with nothing running.
    static func measure(
        _ source: Source, ids: (finite: Int, endless: Int), _ session: ConsoleRunnerSession,
        engine: RunBoard
    ) {
        let mb = Double(bytes) / 1e6
        let catSeconds = RunnerBench.timeShell("\(source.command) | cat > /dev/null")
        let cpuBefore = MetricsBench.processSeconds(session.pty.pid)
        let mark = session.lastEventID
        session.startAndView(ids.finite)
        guard let finished = session.waitFinished(ids.finite, after: mark, timeout: 300) else {
            print("console runner: \(source.name): no command_finished within 300 s")
            return
        }
        let cpu = MetricsBench.processSeconds(session.pty.pid).flatMap { after in cpuBefore.map { after - $0 } }
        let seconds = Double(finished.payload.durationMs) / 1000
        let engineSeconds = RunnerBench.timeRun(engine, source.command).0
        let tmuxSeconds = RunnerBench.timeTmux(source.command)
        print(
            String(
                format: "  %@: console %.0f MB/s, cat %.0f MB/s (%.2f of cat; aim ≥ 0.33), engine alone %.0f MB/s "
                    + "(console %.2f of it), tmux %@ (console %@ tmux's); exit %@; console CPU %@ s; screen %.0f bytes/s",
                source.name, mb / seconds, mb / catSeconds, catSeconds / seconds, mb / engineSeconds,
                engineSeconds / seconds,
                tmuxSeconds.map { String(format: "%.0f MB/s", mb / $0) } ?? "not installed",
                tmuxSeconds.map { String(format: "%.1f×", $0 / seconds) } ?? "—",
                finished.payload.exitStatus.map { "\($0)" } ?? "signal \(finished.payload.signal ?? 0)",
                cpu.map { String(format: "%.2f", $0) } ?? "?",
                Double(finished.screenBytes) / max(finished.screenSeconds, 0.001)))

        // Nothing running: the viewer still open on the finished run (its 10,000 kept lines).
        let idle = session.pageLatencies(keys)
        session.closeViewer()
        let endlessMark = session.lastEventID
        session.startAndView(ids.endless)
        let streamingCPUBefore = MetricsBench.processSeconds(session.pty.pid)
        let streamingStart = Date()
        let streaming = session.pageLatencies(keys)
        let streamingCPU = MetricsBench.processSeconds(session.pty.pid).flatMap { after in
            streamingCPUBefore.map { (after - $0) / Date().timeIntervalSince(streamingStart) }
        }
        session.pty.write(ConsoleRunnerSession.ctrlC)
        let cancelled = session.waitFinished(ids.endless, after: endlessMark, timeout: 20)
        session.closeViewer()
        guard !idle.isEmpty, !streaming.isEmpty else {
            print("  \(source.name): no redraw after a key (idle \(idle.count), streaming \(streaming.count))")
            return
        }
        let cancelNote = cancelled.map { _ in "" } ?? " (the endless run did not end on Ctrl-C)"
        print(
            String(
                format:
                    "  %@: PgUp/PgDn to redraw while streaming median %.2f ms, p90 %.2f ms (%d keys; console CPU %@ of a core); "
                    + "idle median %.2f ms, p90 %.2f ms; ratio %.2f (p90 %.2f); aim < 50 ms%@",
                source.name, percentile(streaming, 0.5) * 1000, percentile(streaming, 0.9) * 1000, streaming.count,
                streamingCPU.map { String(format: "%.0f%%", $0 * 100) } ?? "?",
                percentile(idle, 0.5) * 1000, percentile(idle, 0.9) * 1000,
                percentile(streaming, 0.5) / percentile(idle, 0.5), percentile(streaming, 0.9) / percentile(idle, 0.9),
                cancelNote))
    }

    static func percentile(_ sorted: [Double], _ p: Double) -> Double {
        sorted.isEmpty ? .nan : sorted[min(sorted.count - 1, Int(Double(sorted.count) * p))]
    }

    /// One bash fence per command, in order: each source's finite command (ids 1, 3 …), then its
    /// endless one (2, 4 …).
    static func runbookText(_ sources: [Source]) -> String {
        var text = "# Stream Bench Runbook\n\n## Incident Checklist\n\n- [ ] Watch the output\n\n## Commands\n\n"
        for source in sources {
            text += "### \(source.name), \(bytes / 1_000_000) MB\n\n```bash\n\(source.command)\n```\n\n"
            text += "### \(source.name), until cancelled\n\n```bash\n\(source.endless)\n```\n\n"
        }
        return text
    }
}
