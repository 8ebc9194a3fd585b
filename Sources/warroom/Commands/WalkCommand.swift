import ArgumentParser
import ConsoleUI
import Foundation
import IncidentKit
import RunbookKit

/// `warroom walk RUNBOOK [--checklist NAME]`: a deployment, maintenance or security checklist
/// walked step by step like an incident's, without SLA or severity; `warroom open` stays for incidents.
struct WalkCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "walk",
        abstract: "Walk a checklist (deployment, maintenance, security) step by step, recorded in the journal.",
        discussion: """
            The console opens in guided mode on the checklist: Enter marks a step done, s skips it, n adds a \
            note linked to it, r runs its commands. Every action is timestamped in the journal like an \
            incident's; the walk is offered to be recorded as finished after the last step.
            `warroom postmortem ID` of a walk writes the walk's report: each step, who did it, when and how \
            long it took, the notes and the commands. Resume an unfinished walk with --resume ID.
            Without --checklist: the first deployment, maintenance or security checklist.
            """)

    @Argument(help: ArgumentHelp("Markdown runbooks.", valueName: "RUNBOOK"))
    var runbooks: [String]

    @Option(help: ArgumentHelp("The checklist or procedure to walk (its title, or part of it).", valueName: "NAME"))
    var checklist: String?

    @Option(help: ArgumentHelp("Resume this walk.", valueName: "ID"))
    var resume: String?

    @Flag(help: "List the runbook's checklists and procedures, and exit.")
    var list = false

    @OptionGroup var console: ConsoleOptions
    @OptionGroup var store: StoreOptions
    @OptionGroup var log: LogOptions

    func run() async throws {
        try DebugLog.start(file: log.file, command: "walk")
        let settings = ConsoleConfig.load(explicit: console.config, firstRunbook: runbooks.first)
        let read = try reportingErrors { try runbooks.map(ConsoleLauncher.readRunbook) }
        let models = read.map(\.runbook)
        let names = ListChoice.all(in: models).compactMap { $0.checklist(in: models)?.title }
        if list {
            print(names.isEmpty ? "The runbooks have no checklists or procedures." : names.joined(separator: "\n"))
            return
        }
        let (journal, target) = try reportingErrors { () throws -> (Journal, Incident) in
            let journal = try store.journal(redacting: settings.config?.redact ?? [])
            if let resume {
                let found = try journal.incident(resume)
                guard found.severity == Walk.severity else {
                    throw JournalError.invalidValue(
                        what: "walk", value: found.id, valid: ["a walk's id (this is an incident: warroom open)"])
                }
                return (journal, found)
            }
            guard let choice = Walk.choose(checklist, in: models), let chosen = choice.checklist(in: models) else {
                throw JournalError.invalidValue(
                    what: "checklist", value: checklist ?? "",
                    valid: names.isEmpty ? ["none: the runbooks have no checklists"] : names)
            }
            let opened = try journal.openIncident(
                title: Walk.title(for: chosen), severity: Walk.severity,
                runbookPath: read.first?.path, runbookHash: read.first?.hash,
                author: store.authorName)
            return (journal, opened)
        }
        try await ConsoleLauncher.run(
            journal: journal, incident: target, runbooks: models, settings: settings,
            author: store.authorName, options: console, guided: true)
    }
}
