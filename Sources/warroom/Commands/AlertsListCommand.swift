import AlertIntake
import ArgumentParser
import Foundation
import IncidentKit

/// `warroom alerts list`: every alert received and the incident it went to.
struct AlertsListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the alerts received, newest first, with their incident.")

    @Flag(help: "One JSON array instead of a table.")
    var json = false

    @OptionGroup var store: StoreOptions

    func run() throws {
        try reportingErrors {
            let alerts = try store.journal().alerts()
            if json {
                print(try IncidentJSON.encode(alerts))
                return
            }
            guard !alerts.isEmpty else { print("No alerts received."); return }
            for alert in alerts {
                let name = TerminalText.oneLine(alert.alertname ?? "-")
                print(
                    [
                        alert.fingerprint, alert.status.padding(toLength: 8, withPad: " ", startingAt: 0),
                        alert.incident,
                        Timestamp.iso(alert.lastSeen), name
                    ].joined(separator: "  "))
            }
        }
    }
}
