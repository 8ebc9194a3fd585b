import ArgumentParser
import Foundation
import IncidentKit
import RunbookKit

struct PostmortemCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "postmortem",
        abstract: "Write an incident's postmortem as Markdown (stdout without -o).",
        discussion: "--template takes a Mustache template over the same data as the default one "
            + "(Sources/IncidentKit/Templates/postmortem.mustache lists the keys).")

    @Argument(help: "The incident id (default: the newest open incident, else the newest).")
    var id: String?

    @Option(help: ArgumentHelp("The incident id.", valueName: "ID"))
    var incident: String?

    @Option(help: ArgumentHelp("A Mustache template.", valueName: "FILE"))
    var template: String?

    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file.", valueName: "FILE"))
    var output: String?

    @OptionGroup var store: StoreOptions

    func run() throws {
        try reportingErrors {
            let journal = try store.readingJournal()
            let target = try journal.incident(orNewestOpen: id ?? incident, orResolved: true)
            let events = try journal.events(incident: target.id)
            let runbook = target.runbookPath.flatMap { try? RunbookFile.read($0) }
            let report = PostmortemReport(incident: target, events: events, runbook: runbook)
            var templateText: String?
            if let template {
                do {
                    templateText = try String(contentsOfFile: template, encoding: .utf8)
                } catch {
                    throw JournalError.database(path: template, detail: "cannot read the template")
                }
            }
            let markdown = try PostmortemRenderer.render(report, template: templateText)
            if let output {
                do {
                    try markdown.write(toFile: output, atomically: true, encoding: .utf8)
                } catch {
                    throw JournalError.database(path: output, detail: "cannot write: \(error.localizedDescription)")
                }
            } else {
                print(TerminalText.clean(markdown), terminator: markdown.hasSuffix("\n") ? "" : "\n")
            }
        }
    }
}
