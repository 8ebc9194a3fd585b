import ArgumentParser

struct StoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "store",
        abstract: "Work on whole stores: copy incidents between SQLite and PostgreSQL.",
        subcommands: [StoreCopyCommand.self])
}
