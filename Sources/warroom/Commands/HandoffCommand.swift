import ArgumentParser
import Foundation
import IncidentKit
import RunbookKit

struct HandoffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "handoff",
        abstract: "Hand a role over (commander by default) and print the briefing for the person taking it.",
        discussion: """
            Example: warroom handoff --to bob            (bob becomes commander)
                     warroom handoff --to carol --role comms
            The briefing is built from the journal: severity and status, elapsed time and SLA, steps
            done and open, commands running or failed, metrics breached, the last notes, open follow-ups.
            --briefing prints it without recording anything.
            """)

    @Option(help: ArgumentHelp("The incident id.", valueName: "ID"))
    var incident: String?

    @Option(help: ArgumentHelp("Who takes the role.", valueName: "NAME"))
    var to: String?

    @Option(help: ArgumentHelp("The role handed over.", valueName: "ROLE"))
    var role: String = "commander"

    @Flag(help: "Print the briefing only; record nothing.")
    var briefing = false

    @OptionGroup var store: StoreOptions

    func validate() throws {
        if !briefing, (to ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError("--to NAME is required (or --briefing to only print the briefing)")
        }
        if role.contains(" ") || role.isEmpty { throw ValidationError("--role is one word, like commander or comms") }
    }

    func run() throws {
        try reportingErrors {
            let journal = briefing ? try store.readingJournal() : try store.journal()
            var target = try journal.incident(orNewestOpen: incident)
            let name = role.lowercased()
            let previous = target.roles[name]
            if !briefing, let person = to?.trimmingCharacters(in: .whitespaces) {
                guard previous != person else {
                    printError("warroom: \(person) is already \(name) on \(target.id)")
                    throw ExitCode(1)
                }
                try journal.append(
                    RoleAssignedPayload(role: name, person: person, previous: previous, handoff: true),
                    to: target.id, author: store.authorName)
                target = try journal.incident(target.id)
            }
            let runbook = target.runbookPath.flatMap { try? RunbookFile.read($0) }
            let digest = IncidentDigest(
                incident: target, events: try journal.events(incident: target.id),
                runbook: runbook, now: Date())
            let text = HandoffBriefing.text(digest, role: name, from: previous, to: to ?? previous ?? "—")
            print(TerminalText.clean(text))
        }
    }
}
