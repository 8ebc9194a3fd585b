import Foundation
import ArgumentParser
import IncidentKit

struct MilestoneCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "milestone",
        abstract: "Record milestones (detected, acknowledged, mitigated, resolved); `resolved` resolves the incident.",
        discussion: """
            Example: warroom milestone INC-20261122-1 acknowledged --at 13:02
            A milestone recorded again with another --at corrects its time; the earlier record stays.
            """)

    @Option(help: ArgumentHelp("The incident id.", valueName: "ID"))
    var incident: String?

    @Argument(help: "An optional incident id, then one or more milestones.")
    var words: [String]

    @Option(
        help: ArgumentHelp(
            "When it was reached: HH:MM or HH:MM:SS (UTC, today) or ISO 8601; default now.",
            valueName: "TIME"))
    var at: String?

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
            let when = try at.map { try MilestoneTime.parse($0, near: Date()) }
            let journal = try store.journal()
            let target = try journal.incident(orNewestOpen: id)
            for milestone in milestones {
                let event = try journal.append(
                    MilestonePayload(milestone: milestone, at: when), to: target.id,
                    author: store.authorName)
                print(
                    "\(target.id) #\(event.id) \(milestone.rawValue)"
                        + (when.map { " at " + MilestoneTime.iso($0) } ?? ""))
            }
        }
    }
}
