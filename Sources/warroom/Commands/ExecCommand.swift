import ArgumentParser
import CommandRunner
import Foundation
import IncidentKit
import Logging
import RunbookKit

struct ExecCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "exec",
        abstract: "Run one of the runbook's commands, streaming its output, recorded in an incident.",
        discussion: """
            COMMAND-ID as in `warroom show --json`. Placeholders take their values from --set NAME=VALUE \
            (which wins) or the environment. read and change commands run at once; destructive ones need \
            --confirm with the word the refusal shows. Exit status: the command's own, 128+N when a signal \
            ended it, 130 when cancelled with Ctrl-C, 124 on its timeout, 2 when refused (nothing ran), \
            126 when it could not be started.
            """)

    @Argument(help: "The Markdown runbook.")
    var runbook: String

    @Argument(help: ArgumentHelp("The command's id (see `warroom show --json`).", valueName: "COMMAND-ID"))
    var commandID: Int

    @Option(help: ArgumentHelp("Record the run in this incident's timeline.", valueName: "ID"))
    var incident: String?

    @Option(
        name: .customLong("set"), help: ArgumentHelp("A placeholder's value (repeatable).", valueName: "NAME=VALUE"))
    var values: [String] = []

    @Option(help: ArgumentHelp("The word a destructive command asks for.", valueName: "WORD"))
    var confirm: String?

    @Flag(help: "Execute nothing; record the would-be run.")
    var dryRun = false

    @Option(help: ArgumentHelp("warroom.yaml to use (default: warroom.yaml beside the runbook).", valueName: "FILE"))
    var config: String?

    @OptionGroup var store: StoreOptions
    @OptionGroup var log: LogOptions

    func validate() throws {
        for value in values where !value.contains("=") || value.hasPrefix("=") {
            throw ValidationError("--set takes NAME=VALUE, not \(value)")
        }
    }

    func run() async throws {
        try DebugLog.start(file: log.file, command: "exec")
        let logger = DebugLog.logger("exec")
        let settings =
            WarroomConfig.find(explicit: config, besideRunbook: runbook) ?? WarroomConfig(file: "warroom.yaml")
        for diagnostic in settings.diagnostics { printError(diagnostic.description) }
        ConfigLog.diagnostics(settings, logger: logger)
        let prepared = try prepare(settings)
        // The text itself may hold secret values: only what identifies the run is logged.
        logger.info(
            "run",
            metadata: [
                "command": "\(prepared.commandId)", "risk": "\(prepared.risk.rawValue)",
                "runner": "\(prepared.runnerName)", "dryRun": "\(dryRun)"
            ])
        let board = try reportingErrors { try makeBoard(redacting: settings.redact) }
        if !board.records { printError("warroom: not recorded (no --incident given)") }
        if prepared.interactive && !dryRun {
            let end = try reportingErrors { try board.runInteractive(prepared) }
            throw ExitCode(exitStatus(end.state, cancelled: false))
        }
        let output = ExecOutput()
        // Signals are taken over before the command starts, so none falls between start and handler.
        let latch = CancelLatch()
        let interrupts = SignalForwarder(signals: [SIGINT, SIGTERM, SIGHUP]) { _ in latch.cancel() }
        let run: CommandRun
        // Into a pipe or a file the output goes byte for byte (`warroom exec … | jq`); on a terminal
        // it is the sanitized text, with its colours.
        let passThrough = !output.colours
        var sanitized: (@Sendable (SanitizedBatch) -> Void)?
        var raw: (@Sendable (UnsafeRawBufferPointer) -> Void)?
        if passThrough {
            raw = { @Sendable bytes in ExecOutput.writeRaw(bytes) }
        } else {
            sanitized = { @Sendable batch in output.write(batch) }
        }
        do {
            run = try reportingErrors { try board.start(prepared, dryRun: dryRun, output: sanitized, raw: raw) }
        } catch {
            interrupts.stop()
            throw error
        }
        latch.attach(run)
        let end = await run.wait()
        interrupts.stop()
        if case .dryRun = end.state {
            printError("warroom: dry run, nothing executed: \(TerminalText.visible(prepared.shownText))")
        }
        if case .failed(let reason) = end.state { printError("warroom: \(reason)") }
        logger.info("finished", metadata: ["state": "\(end.state)", "cancelled": "\(run.wasCancelled)"])
        if let failure = run.recordFailure {
            printError("warroom: the end of this run could not be recorded: \(failure)")
        }
        if let failure = run.outputFileFailure {
            printError("warroom: the output file could not be written: \(failure)")
        }
        throw ExitCode(exitStatus(end.state, cancelled: run.wasCancelled))
    }

    /// The command made ready, or a refusal (exit 2, one line on stderr, nothing run).
    func prepare(_ settings: WarroomConfig) throws -> PreparedRun {
        let book: Runbook
        do { book = try RunbookFile.read(runbook) } catch { refuse("\(error)") }
        guard let command = book.command(commandID) else {
            refuse("no command \(commandID) in \(runbook) (ids as in `warroom show --json`: 1–\(book.commands.count))")
        }
        var given: [String: String] = [:]
        for pair in values {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            given[String(parts[0])] = String(parts[1])
        }
        let prepared: PreparedRun
        do {
            prepared = try RunPreparer.prepare(
                command, values: given, settings: RunnerSettings(config: settings),
                environment: ProcessInfo.processInfo.environment)
        } catch {
            switch error {
            case .missingValues(let names):
                refuse(
                    "command \(commandID) needs a value for \(names.joined(separator: ", ")): give "
                        + names.map { "--set \($0)=VALUE" }.joined(separator: " "))
            default:
                refuse("\(error)")
            }
        }
        // What the console's preview would warn about (a `..` path, an absolute path for a relative one).
        for warning in prepared.warnings { printError("warroom: warning: \(warning)") }
        if prepared.risk == .destructive, let word = prepared.confirmationWord, confirm != word {
            // Asked for and refused: on the record like a refusal in the console.
            recordRefusal(
                prepared, settings,
                reason: confirm.map { "the confirmation given was \"\($0)\", not \(word)" }
                    ?? "no confirmation given (it needs \(word))")
            refuse("command \(commandID) is destructive (\(prepared.riskReason)): to run it, add --confirm \(word)")
        }
        return prepared
    }

    /// Best effort: a refusal that cannot be recorded is still a refusal.
    func recordRefusal(_ run: PreparedRun, _ settings: WarroomConfig, reason: String) {
        guard let incident, let journal = try? store.journal(redacting: settings.redact),
            let id = try? journal.incident(incident).id
        else { return }
        _ = try? journal.append(
            CommandRefusedPayload(
                command: run.shownText, commandId: run.commandId, title: run.title,
                risk: run.risk.rawValue, reason: reason),
            to: id, author: store.authorName)
    }

    func makeBoard(redacting patterns: [String]) throws -> RunBoard {
        guard let incident else {
            return RunBoard(journal: nil, incident: nil, author: store.authorName)
        }
        let journal = try store.journal(redacting: patterns)
        let id = try journal.incident(incident).id
        return RunBoard(journal: journal, incident: id, author: store.authorName, redactor: journal.storedRedactor)
    }

    func exitStatus(_ state: RunState, cancelled: Bool) -> Int32 {
        switch state {
        case .exited(let code): return cancelled && code != 0 ? 130 : code
        case .signalled(let signal): return cancelled ? 130 : 128 + signal
        case .timedOut: return 124
        case .failed: return 126
        case .dryRun, .running, .cancelling: return 0
        }
    }

    private func refuse(_ message: String) -> Never {
        printError("warroom: \(message)")
        Foundation.exit(2)
    }
}
