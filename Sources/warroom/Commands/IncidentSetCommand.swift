import ArgumentParser
import IncidentKit

struct IncidentSetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set",
        abstract: "Change an incident's severity, status or roles; each change is a timeline event.",
        discussion:
            "Statuses: triage, investigating, identified, monitoring, resolved. Roles are free names: --role commander=alice."
    )

    @Argument(help: "The incident id (default: the newest open incident).")
    var id: String?

    @Option(help: ArgumentHelp("The incident id.", valueName: "ID"))
    var incident: String?

    @Option(help: "The new severity.")
    var severity: String?

    @Option(help: "The new status.")
    var status: String?

    @Option(help: ArgumentHelp("Assign a role: ROLE=PERSON. Repeatable.", valueName: "ROLE=PERSON"))
    var role: [String] = []

    @OptionGroup var store: StoreOptions

    func validate() throws {
        if severity == nil, status == nil, role.isEmpty {
            throw ValidationError("give at least one of --severity, --status, --role")
        }
        for r in role where r.split(separator: "=", maxSplits: 1).count != 2 {
            throw ValidationError("--role takes ROLE=PERSON, got \(r)")
        }
    }

    func run() throws {
        try reportingErrors {
            let journal = try store.journal()
            let current = try journal.incident(orNewestOpen: id ?? incident)
            // Validate everything before recording anything.
            let newStatus = try status.map(IncidentStatus.parse)
            let rules = try severityRules(runbookPath: current.runbookPath)
            if let severity { _ = try rules.normalise(severity) }
            let author = store.authorName
            if let severity { try journal.setSeverity(severity, rules: rules, on: current.id, author: author) }
            if let newStatus { try journal.setStatus(newStatus, on: current.id, author: author) }
            for r in role {
                let parts = r.split(separator: "=", maxSplits: 1).map(String.init)
                try journal.assignRole(parts[0], to: parts[1], on: current.id, author: author)
            }
            let updated = try journal.incident(current.id)
            let roles = updated.roles.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
            print(
                "\(updated.id): \(updated.severity), \(updated.status.rawValue)" + (roles.isEmpty ? "" : ", \(roles)"))
        }
    }
}
