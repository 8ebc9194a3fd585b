import Foundation
import IncidentKit
import RunbookKit

/// The runs of one console (or one `warroom exec`): starts prepared commands, several at once,
/// numbers them 1, 2, 3 …, records each in the incident's journal when there is one, and tells a
/// UI loop cheaply (`version`) when anything changed.
public final class RunBoard: @unchecked Sendable {
    // @unchecked: `all` and `nextID` are only touched under `lock`.
    public let limits: RunLimits
    let recorder: RunRecorder
    private let changes: ChangeCounter
    private let lock = NSLock()
    private var all: [CommandRun] = []
    private var nextID = 1

    /// - Parameters:
    ///   - journal, incident: where runs are recorded; either nil: runs are not recorded.
    ///   - author: the `who` of the recorded events.
    ///   - redactor: applied to the recorded text, values, tail and the output file.
    ///   - onChange: signalled whenever `version` goes up (a UI loop wakes on it instead of waiting
    ///     for its next tick); pace it, since a chatty command changes the board for every block.
    public init(
        journal: (any Journal)?, incident: String?, author: String, redactor: Redactor = .standard,
        limits: RunLimits = RunLimits(), onChange: PacedSignal? = nil
    ) {
        recorder = RunRecorder(journal: journal, incident: incident, author: author, redactor: redactor)
        self.limits = limits
        changes = ChangeCounter(onChange: onChange)
    }

    /// True when runs go on the record.
    public var records: Bool { recorder.records }

    /// Changes whenever any run's snapshot or output changed.
    public var version: Int { changes.current }

    public func runs() -> [CommandRun] { lock.withLock { all } }

    public func run(_ id: Int) -> CommandRun? { lock.withLock { all.first { $0.id == id } } }

    public func cancel(_ id: Int) { run(id)?.cancel() }

    /// Starts `run` (recording `command_started` first). A dry run records both events and
    /// spawns nothing. Throws only when the record cannot be written; a run that cannot start
    /// ends as `.failed` (recorded).
    /// - Parameter output: also given every block of sanitized lines as it comes, on the reading
    ///   thread (`warroom exec` prints them); it slows the command down if it blocks.
    @discardableResult
    /// - Parameter raw: also given the output exactly as the command wrote it, block by block
    ///   (`warroom exec` passes it through byte for byte when its stdout is not a terminal).
    public func start(
        _ run: PreparedRun, dryRun: Bool = false,
        output: (@Sendable (SanitizedBatch) -> Void)? = nil,
        raw: (@Sendable (UnsafeRawBufferPointer) -> Void)? = nil
    ) throws -> CommandRun {
        let record = try recorder.started(run, dryRun: dryRun)
        let commandRun = CommandRun(
            id: takeID(), prepared: run, limits: limits, recorder: recorder,
            started: record?.event, outputFile: record?.file, outputPath: record?.path,
            changes: changes)
        lock.withLock { all.append(commandRun) }
        changes.bump()
        if dryRun {
            commandRun.complete(.dryRun)
        } else {
            // The run's own secret values are redacted from its output file and tail, whatever their form.
            let secrets = run.secretNames.compactMap { run.values[$0] }
            commandRun.launch(redactor: recorder.redactor.adding(literals: secrets), output: output, raw: raw)
        }
        return commandRun
    }

    /// Runs `run` with the caller's terminal (stdin, stdout, stderr inherited) and blocks until it
    /// ends; recorded like any run (without an output file: the output went to the terminal).
    /// The caller (the console) has given the terminal back before calling.
    public func runInteractive(_ run: PreparedRun) throws -> RunSnapshot {
        var interactive = run
        interactive.interactive = true
        let record = try recorder.started(interactive, dryRun: false)
        let commandRun = CommandRun(
            id: takeID(), prepared: interactive, limits: limits, recorder: recorder,
            started: record?.event, outputFile: nil, outputPath: nil, changes: changes)
        lock.withLock { all.append(commandRun) }
        changes.bump()
        let ended = TerminalRun.run(interactive)
        commandRun.complete(ended)
        return commandRun.snapshot()
    }

    private func takeID() -> Int {
        lock.withLock {
            defer { nextID += 1 }
            return nextID
        }
    }
}
