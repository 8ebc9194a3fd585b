import ArgumentParser

@main
struct WarroomCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "warroom",
        abstract: "A full-screen incident console built from your Markdown runbooks.",
        version: WarroomVersion.current,
        subcommands: [
            OpenCommand.self, DemoCommand.self, CheckCommand.self, ShowCommand.self, IncidentCommand.self,
            NoteCommand.self, MilestoneCommand.self, HandoffCommand.self, UpdateCommand.self,
            ActionCommand.self, ActionsCommand.self, WalkCommand.self, TimelineCommand.self, PostmortemCommand.self,
            MetricsCommand.self,
            ExecCommand.self, ThemesCommand.self, ConfigCommand.self, AlertsCommand.self, StoreCommand.self,
            DebugCommand.self
        ]
    )

    /// ArgumentParser's `main`, after starting what the demo can read before its arguments are
    /// parsed (`DemoHeadStart`; nothing for any other command).
    static func main() async {
        DemoHeadStart.start()
        await main(nil)
    }
}

enum WarroomVersion {
    static let current = "0.1.0"
}
