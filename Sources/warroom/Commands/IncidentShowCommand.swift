import ArgumentParser
import Foundation
import IncidentKit

struct IncidentShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Show one incident (default: the newest open one, else the newest).")

    @Argument(help: "The incident id.")
    var id: String?

    @Option(help: ArgumentHelp("The incident id.", valueName: "ID"))
    var incident: String?

    @Flag(help: "Print JSON.")
    var json = false

    @OptionGroup var store: StoreOptions

    func run() throws {
        try reportingErrors {
            let journal = try store.readingJournal()
            let incident = try journal.incident(orNewestOpen: id ?? self.incident, orResolved: true)
            if json {
                print(try IncidentJSON.encode(incident))
                return
            }
            let events = try journal.events(incident: incident.id)
            var lines = [
                "\(incident.id)  \(incident.title)",
                "severity: \(incident.severity)",
                "status:   \(incident.status.rawValue)",
                "started:  \(Timestamp.iso(incident.startedAt))",
                "resolved: \(incident.resolvedAt.map(Timestamp.iso) ?? "—")"
            ]
            if let runbook = incident.runbookPath {
                lines.append("runbook:  \(runbook) (sha256 \(incident.runbookHash?.prefix(12) ?? "?"))")
            }
            for (role, person) in incident.roles.sorted(by: { $0.key < $1.key }) {
                lines.append("\(role): \(person)")
            }
            lines.append("events:   \(events.count)")
            print(TerminalText.clean(lines.joined(separator: "\n")))
        }
    }
}
