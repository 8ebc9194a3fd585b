import CommandRunner
import ConsoleUI
import Foundation
import IncidentKit
import Logging
import RunbookKit

/// The console's runs: starts and cancels them on the `RunBoard` and tells the main loop what
/// changed. The one source the loop reads instead of being posted to: a change wakes the loop
/// (at most every 20 ms, `PacedSignal`), which then reads the board once, after the other
/// messages, because what it says depends on the state (the run whose output is on screen) and a
/// chatty command changes the board for every block of output, far more often than the screen
/// needs to follow. The board's version makes an idle read one load.
@MainActor
final class ConsoleRuns {
    let board: RunBoard
    private var seenVersion = -1
    private var sentOutput: (run: Int, version: Int)?
    private var loggedEnds: Set<Int> = []
    private let logger = DebugLog.logger("runs")

    /// Paces the loop's wake-ups on run changes: 50 a second follow output closely enough.
    static let wakeInterval = 0.02

    init(journal: any Journal, incident: String, author: String, wake: @escaping @Sendable () -> Void) {
        board = RunBoard(
            journal: journal, incident: incident, author: author, redactor: journal.storedRedactor,
            onChange: PacedSignal(interval: Self.wakeInterval, action: wake))
    }

    /// Snapshots when any run changed, and the kept lines of the run whose output is on screen
    /// when they changed or it just opened.
    func messages(viewing viewed: Int?) -> [Msg] {
        let version = board.version
        var messages: [Msg] = []
        if version != seenVersion {
            seenVersion = version
            let snapshots = board.runs().map { $0.snapshot() }
            for run in snapshots where !run.isActive && loggedEnds.insert(run.id).inserted {
                logger.info(
                    "finished",
                    metadata: [
                        "run": "\(run.id)", "command": "\(run.commandId)",
                        "state": "\(run.state)", "lines": "\(run.lineCount)"
                    ])
            }
            messages.append(.runs(snapshots))
        }
        if let viewed, let run = board.run(viewed), sentOutput?.run != viewed || sentOutput?.version != version {
            sentOutput = (viewed, version)
            let first = run.firstKeptLine
            messages.append(
                .runOutput(id: viewed, firstLine: first, lines: run.lines(from: first, count: run.ring.keptLines)))
        } else if viewed == nil {
            sentOutput = nil
        }
        return messages
    }

    /// Starts a run that does not need the terminal; failures come back as a message.
    func start(_ run: PreparedRun, dryRun: Bool) -> [Msg] {
        // The text itself may hold secret values: only what identifies the run is logged.
        logger.info(
            "start",
            metadata: [
                "command": "\(run.commandId)", "risk": "\(run.risk.rawValue)",
                "runner": "\(run.runnerName)", "dryRun": "\(dryRun)"
            ])
        do {
            try board.start(run, dryRun: dryRun)
            return []
        } catch {
            logger.error("could not record the run", metadata: ["command": "\(run.commandId)", "error": "\(error)"])
            return [.failed("could not record the run: \(error)")]
        }
    }

    func cancel(_ id: Int) { board.cancel(id) }

    var active: [CommandRun] { board.runs().filter { $0.snapshot().isActive } }

    /// On the way out: cancels every active run and waits (at most the escalation's limit plus a
    /// little) until each has ended and been recorded, so no process group outlives the console.
    func stopAll() {
        let running = active
        guard !running.isEmpty else { return }
        for run in running { run.cancel() }
        let deadline = Date().addingTimeInterval(board.limits.killAfter + 2)
        while Date() < deadline, running.contains(where: { $0.snapshot().isActive || !$0.isRecorded }) {
            usleep(50_000)
        }
    }
}
