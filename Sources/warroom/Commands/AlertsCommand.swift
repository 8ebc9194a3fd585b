import AlertIntake
import ArgumentParser
import Foundation
import RunbookKit

struct AlertsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "alerts",
        abstract: "Open incidents from Alertmanager: a webhook receiver, an API poller, and the alerts received.",
        subcommands: [AlertsServeCommand.self, AlertsPullCommand.self, AlertsListCommand.self])
}

/// `--config` for the alert commands: `alerts:` (runbooks, severity, auth) and `redact:`.
struct AlertsConfigOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "warroom.yaml with an alerts: section (default: ./warroom.yaml when present).",
            valueName: "FILE"))
    var config: String?

    /// The alert settings and the config's redaction patterns; exits on a config error, since a
    /// receiver with the wrong auth or runbooks would silently misfile every alert.
    func load() throws -> (alerts: AlertsConfig, redact: [String]) {
        let file = config ?? (FileManager.default.fileExists(atPath: "warroom.yaml") ? "warroom.yaml" : nil)
        guard let file else { return (AlertsConfig(), []) }
        let alerts = AlertsConfig.load(file: file, environment: ProcessInfo.processInfo.environment)
        let general = WarroomConfig.load(file: file)
        let errors = alerts.errors + general.errors.map { "\($0)" }
        guard errors.isEmpty else {
            for error in errors { printError("warroom: \(error)") }
            throw ExitCode(1)
        }
        return (alerts, general.redact)
    }
}

extension AlertIntake {
    /// The intake the alert commands share, with the catalogue's warnings on stderr.
    static func make(config: AlertsConfigOptions, store: StoreOptions) throws -> AlertIntake {
        let (alerts, redact) = try config.load()
        let journal = try reportingErrors { try store.journal(redacting: redact) }
        let intake = AlertIntake(journal: journal, config: alerts, author: store.author ?? "alertmanager")
        for warning in intake.catalog.warnings { printError("warning: \(warning)") }
        return intake
    }
}
