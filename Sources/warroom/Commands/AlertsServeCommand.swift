import AlertIntake
import ArgumentParser
import Foundation

/// `warroom alerts serve`: Alertmanager's webhook receiver.
struct AlertsServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Receive Alertmanager webhooks and open one incident per alert group.",
        discussion: "Point a webhook_configs url at http://HOST:PORT/alerts. Each new group opens an incident "
            + "(status triage) on the runbook its runbook_url names; repeats and resolutions are timeline events. "
            + "A delivery is answered 200 once it is in the journal, 4xx when refused (nothing recorded).")

    @Option(
        help: ArgumentHelp(
            "Address to listen on (default: alerts.listen, else 127.0.0.1:9095; port 0 picks one).",
            valueName: "HOST:PORT"))
    var listen: String?

    @OptionGroup var config: AlertsConfigOptions
    @OptionGroup var store: StoreOptions

    func run() async throws {
        let intake = try AlertIntake.make(config: config, store: store)
        let text = listen ?? intake.config.listen ?? ListenAddress.defaultAddress.description
        guard let address = ListenAddress(text) else {
            printError("warroom: --listen \(text): expected HOST:PORT")
            throw ExitCode(1)
        }
        let receiver = AlertReceiver(intake: intake) { line in printError("warroom alerts: \(line)") }
        let host = address.host
        do {
            try await receiver.run(on: address) { port in
                // The actual port (when 0 was asked for), on stdout for scripts and tests.
                printFlushed(
                    "warroom: receiving alerts on http://\(host.contains(":") ? "[\(host)]" : host):\(port)/alerts")
            }
        } catch {
            printError("warroom: cannot serve on \(address): \(error)")
            throw ExitCode(1)
        }
    }
}
