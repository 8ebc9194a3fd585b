import AlertIntake
import ArgumentParser
import Foundation
import RunbookKit

/// `warroom alerts pull`: polls Alertmanager's API instead of receiving webhooks.
struct AlertsPullCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pull",
        abstract: "Poll Alertmanager's API v2 for alerts and open incidents as serve does.",
        discussion: "For hosts that accept no inbound connection. Alerts are grouped by fingerprint; an alert "
            + "no longer listed has resolved (a timeline event, the incident stays open).")

    @Option(help: ArgumentHelp("Alertmanager's base URL, e.g. http://127.0.0.1:9093.", valueName: "URL"))
    var alertmanager: String

    @Option(help: ArgumentHelp("Time between polls (15s, 1m).", valueName: "DURATION"))
    var interval: String = "15s"

    @Flag(help: "Poll once and exit (non-zero when Alertmanager could not be read).")
    var once = false

    @OptionGroup var config: AlertsConfigOptions
    @OptionGroup var store: StoreOptions

    func run() async throws {
        guard let url = URL(string: alertmanager), url.scheme == "http" || url.scheme == "https" else {
            printError("warroom: --alertmanager \(alertmanager): expected an http(s) URL")
            throw ExitCode(1)
        }
        guard let seconds = IntervalParser.seconds(interval), seconds > 0 else {
            printError("warroom: --interval \(interval): expected a duration such as 15s or 1m")
            throw ExitCode(1)
        }
        let puller = AlertPuller(intake: try AlertIntake.make(config: config, store: store), alertmanager: url)
        while true {
            do {
                let result = try await puller.pullOnce()
                printFlushed(
                    "warroom: \(result.firing) firing, \(result.resolved) resolved"
                        + (result.opened.isEmpty ? "" : ", opened " + result.opened.joined(separator: " ")))
            } catch {
                printError("warroom: \(error)")
                if once { throw ExitCode(1) }
            }
            if once { return }
            try await Task.sleep(nanoseconds: UInt64(seconds * 1_000_000_000))
        }
    }
}
