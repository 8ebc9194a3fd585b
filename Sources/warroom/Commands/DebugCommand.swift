import ArgumentParser

/// Hidden developer and test tools (not part of the stable interface).
struct DebugCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "debug",
        abstract: "Developer tools (not part of the stable interface).",
        shouldDisplay: false,
        subcommands: [DebugAppendCommand.self, DebugCanvasCommand.self, DebugCrashCommand.self])
}
