import ArgumentParser
import RunbookKit

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Read runbooks and print what warroom understood, with warnings as file:line.")

    @Argument(help: "Markdown runbook files.")
    var runbooks: [String]

    func run() throws {
        var failed = false
        for path in runbooks {
            do {
                let runbook = try RunbookFile.read(path)
                print(TerminalText.clean(RunbookSummary.text(runbook)))
            } catch {
                failed = true
                printError("warroom: \(error)")
            }
        }
        if failed { throw ExitCode(1) }
    }
}
