import ArgumentParser
import Foundation
import IncidentKit
import RunbookKit

struct IncidentOpenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "open",
        abstract: "Open a new incident and print its id.",
        discussion: "Without a runbook any of SEV1–SEV5 and P0–P4 is a valid severity; with one, its levels are.")

    @Option(help: "What is happening, in a few words.")
    var title: String

    @Option(help: "The severity (default: the runbook's least severe level, else SEV3).")
    var severity: String?

    @Option(help: ArgumentHelp("The Markdown runbook this incident follows.", valueName: "FILE"))
    var runbook: String?

    @OptionGroup var store: StoreOptions

    func run() throws {
        try reportingErrors {
            var model: Runbook?
            var hash: String?
            var path: String?
            if let runbook {
                model = try RunbookFile.read(runbook)
                let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: runbook)))
                hash = SHA256.hex(bytes)
                path = URL(fileURLWithPath: runbook).standardizedFileURL.path
            }
            let rules = SeverityRules(runbook: model)
            let fallback = model?.severities.max(by: { $0.rank < $1.rank })?.id ?? "SEV3"
            let level = try rules.normalise(severity ?? fallback)
            let journal = try store.journal()
            let incident = try journal.openIncident(
                title: title, severity: level, runbookPath: path,
                runbookHash: hash, author: store.authorName)
            print(incident.id)
        }
    }
}
