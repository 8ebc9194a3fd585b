import ArgumentParser
import Foundation
import IncidentKit
import RunbookKit

struct UpdateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "update",
        abstract: "Draft a stakeholder status update, or record (and send) the final text.",
        discussion: """
            Without --text: prints a draft from the runbook's status-update template (or a built-in
            one), filled from the incident: severity, status, start, impact (a note `impact: …`),
            what is being done, the next update time.
            With --text FILE (or - for stdin): records the text as a status_update event; when the
            config sets `updates.command`, the text is piped to it and its exit status is recorded.
            Example: warroom update > draft.txt; $EDITOR draft.txt; warroom update --text draft.txt
            """)

    @Option(help: ArgumentHelp("The incident id.", valueName: "ID"))
    var incident: String?

    @Option(help: ArgumentHelp("The final text to record: a file, or - for standard input.", valueName: "FILE"))
    var text: String?

    @Option(help: ArgumentHelp("warroom.yaml (default: beside the runbook, then the usual places).", valueName: "FILE"))
    var config: String?

    @Flag(help: "Record the update without piping it to updates.command.")
    var noSend = false

    @OptionGroup var store: StoreOptions

    func run() throws {
        try reportingErrors {
            let settings = WarroomConfig.find(explicit: config, besideRunbook: nil)
            if let text {
                let body = try Self.read(text).trimmingCharacters(in: .whitespacesAndNewlines)
                guard !body.isEmpty else {
                    printError("warroom: the update is empty; nothing recorded")
                    throw ExitCode(1)
                }
                let journal = try store.journal(redacting: settings?.redact ?? [])
                let target = try journal.incident(orNewestOpen: incident)
                let runbookConfig = WarroomConfig.find(explicit: config, besideRunbook: target.runbookPath)
                let payload = UpdateDelivery.send(body, command: noSend ? nil : runbookConfig?.updates.command)
                let event = try journal.append(payload, to: target.id, author: store.authorName)
                print("\(target.id) #\(event.id) " + EventText.describe(event))
                if payload.failure != nil || (payload.exitStatus ?? 0) != 0 { throw ExitCode(2) }
                return
            }
            let journal = try store.readingJournal()
            let target = try journal.incident(orNewestOpen: incident)
            let runbook = target.runbookPath.flatMap { try? RunbookFile.read($0) }
            let runbookConfig = WarroomConfig.find(explicit: config, besideRunbook: target.runbookPath)
            let digest = IncidentDigest(
                incident: target, events: try journal.events(incident: target.id),
                runbook: runbook, now: Date())
            let cadence =
                runbookConfig?.updates.cadence(for: target.severity)
                ?? runbook?.updateCadence(for: target.severity)?.seconds
            let template = runbook?.templates.first { $0.kind == .statusUpdate }?.body
            print(TerminalText.clean(StatusUpdateDraft.text(digest, template: template, nextUpdateSeconds: cadence)))
        }
    }

    static func read(_ source: String) throws -> String {
        if source == "-" { return String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self) }
        do {
            return try String(contentsOfFile: source, encoding: .utf8)
        } catch {
            throw JournalError.database(path: source, detail: "cannot read the update text")
        }
    }
}
