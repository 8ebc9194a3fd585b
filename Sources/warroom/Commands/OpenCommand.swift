import ArgumentParser
import ConsoleUI
import Foundation
import IncidentKit
import RunbookKit

/// `warroom open RUNBOOK…`: the console, on a new incident (`--title`) or an existing one.
struct OpenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "open",
        abstract: "Open the incident console on runbooks: a new incident, or resume one.",
        discussion: "With --title a new incident is opened; otherwise --incident (default: the newest open "
            + "incident) is resumed from its journal. Several runbooks merge: their commands and metrics are listed "
            + "together, labelled by runbook title, and `c` chooses among all their checklists and procedures; "
            + "the first runbook's incident checklist and severities come first.")

    @Argument(help: ArgumentHelp("Markdown runbooks.", valueName: "RUNBOOK"))
    var runbooks: [String] = []

    @Option(help: ArgumentHelp("Resume this incident.", valueName: "ID"))
    var incident: String?

    @Option(
        help: ArgumentHelp(
            "Resume the incident of this alert (a fingerprint from `warroom alerts list`); "
                + "without RUNBOOK, on the runbook the alert matched.", valueName: "FINGERPRINT"))
    var alert: String?

    @Option(help: "Open a new incident with this title.")
    var title: String?

    @Option(help: "The new incident's severity (default: the runbook's least severe level).")
    var severity: String?

    @OptionGroup var console: ConsoleOptions
    @OptionGroup var store: StoreOptions
    @OptionGroup var log: LogOptions

    func validate() throws {
        guard !runbooks.isEmpty || alert != nil else { throw ValidationError("Give at least one runbook.") }
        if alert != nil, incident != nil || title != nil {
            throw ValidationError("Give --alert alone: it names the incident to resume.")
        }
        if incident != nil, title != nil { throw ValidationError("Give either --incident or --title, not both.") }
        if severity != nil, title == nil { throw ValidationError("--severity needs --title (a new incident).") }
    }

    func run() async throws {
        ConsoleLauncher.warmUp()
        try DebugLog.start(file: log.file, command: "open")
        var runbooks = self.runbooks
        // A new incident's runbooks are read while the config is parsed (its severity needs them),
        // and its store is opened behind the first frame. Resuming needs the journal first.
        let reading = Alongside { [runbooks, title] in
            title == nil ? [] : try runbooks.map(ConsoleLauncher.readRunbook)
        }
        let settings = ConsoleConfig.load(explicit: console.config, firstRunbook: runbooks.first)
        let pending = title == nil ? store.openingJournal(redacting: settings.config?.redact ?? []) : nil
        let read = try reportingErrors { try pending?.alongside { try reading.wait() } ?? reading.wait() }
        let models = read.map(\.runbook)
        var level = ""
        var frame: FirstFrame?
        if title != nil {
            let rules = SeverityRules(runbook: models.first)
            let fallback = models.first?.severities.max(by: { $0.rank < $1.rank })?.id ?? "SEV3"
            level = try reportingErrors { try rules.normalise(severity ?? fallback) }
            frame = try await FirstFrame.show(runbooks: models, severity: level, settings: settings, options: console)
        }
        let (journal, target) = try await reportingErrors(closing: frame) { () throws -> (any Journal, Incident) in
            let journal = try pending?.wait() ?? store.journal(redacting: settings.config?.redact ?? [])
            if let alert {
                guard let id = try journal.incident(forAlert: alert) else {
                    throw JournalError.invalidValue(
                        what: "alert", value: alert,
                        valid: try journal.alerts().prefix(20).map(\.fingerprint))
                }
                let found = try journal.incident(id)
                if runbooks.isEmpty, let path = found.runbookPath { runbooks = [path] }
                guard !runbooks.isEmpty else {
                    throw JournalError.invalidValue(
                        what: "runbook for \(found.id)", value: "none",
                        valid: ["a RUNBOOK argument: no runbook matched the alert"])
                }
                for path in runbooks where !FileManager.default.isReadableFile(atPath: path) {
                    _ = try ConsoleLauncher.readRunbook(path)
                }
                return (journal, found)
            }
            guard let title else {
                // Resuming: the runbooks are read behind the first frame. One that cannot be
                // opened still fails here, with the reader's own error.
                for path in runbooks where !FileManager.default.isReadableFile(atPath: path) {
                    _ = try ConsoleLauncher.readRunbook(path)
                }
                return (journal, try journal.incident(orNewestOpen: incident))
            }
            let opened = try journal.openIncident(
                title: title, severity: level, runbookPath: read.first?.path,
                runbookHash: read.first?.hash, author: store.authorName)
            return (journal, opened)
        }
        try await ConsoleLauncher.run(
            journal: journal, incident: target, runbooks: models,
            reading: title == nil ? runbooks : [], settings: settings,
            author: store.authorName, options: console, firstFrame: frame)
    }
}
