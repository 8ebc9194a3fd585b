import ArgumentParser
import IncidentKit

struct MilestoneCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "milestone",
        abstract: "Record milestones (detected, acknowledged, mitigated, resolved); `resolved` resolves the incident.",
        discussion: "Example: warroom milestone INC-20261122-1 acknowledged")

    @Option(help: ArgumentHelp("The incident id.", valueName: "ID"))
    var incident: String?

    @Argument(help: "An optional incident id, then one or more milestones.")
    var words: [String]

    @OptionGroup var store: StoreOptions

    func run() throws {
        var names = words
        var id = incident
        if let first = names.first, looksLikeIncidentID(first) {
            id = first
            names.removeFirst()
        }
        try reportingErrors {
            guard !names.isEmpty else {
                throw JournalError.invalidValue(what: "milestone", value: "", valid: Milestone.allCases.map(\.rawValue))
            }
            let milestones = try names.map(Milestone.parse)
            let journal = try store.journal()
            let target = try journal.incident(orNewestOpen: id)
            for milestone in milestones {
                let event = try journal.append(MilestonePayload(milestone: milestone), to: target.id,
                                               author: store.authorName)
                print("\(target.id) #\(event.id) \(milestone.rawValue)")
            }
        }
    }
}
