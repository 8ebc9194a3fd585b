import ArgumentParser
import Foundation
import IncidentKit

struct IncidentListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List open incidents, newest first.")

    @Flag(help: "Include resolved incidents.")
    var all = false

    @Flag(help: "Print a JSON array.")
    var json = false

    @OptionGroup var store: StoreOptions

    func run() throws {
        try reportingErrors {
            let incidents = try store.readingJournal().incidents(includeResolved: all)
            if json {
                print(try IncidentJSON.encode(incidents))
                return
            }
            if incidents.isEmpty {
                print(all ? "No incidents." : "No open incidents.")
                return
            }
            for incident in incidents {
                let started = Timestamp.iso(incident.startedAt).prefix(16).replacingOccurrences(of: "T", with: " ")
                print(
                    TerminalText.clean(
                        [incident.id, incident.severity, incident.status.rawValue, started + "Z", incident.title]
                            .joined(separator: "  ")))
            }
        }
    }
}
