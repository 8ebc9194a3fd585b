import ArgumentParser

struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Work with warroom.yaml (see schemas/warroom.schema.json for editors).",
        subcommands: [ConfigCheckCommand.self])
}
