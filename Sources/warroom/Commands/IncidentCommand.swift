import ArgumentParser

struct IncidentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "incident",
        abstract: "Open, list, show and update incidents in the journal.",
        subcommands: [
            IncidentOpenCommand.self, IncidentListCommand.self, IncidentShowCommand.self,
            IncidentSetCommand.self
        ])
}
