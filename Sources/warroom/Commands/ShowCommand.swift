import ArgumentParser
import Foundation
import IncidentKit
import RunbookKit

struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Print the runbook model warroom read from a file.")

    @Argument(help: "A Markdown runbook file.")
    var runbook: String

    @Flag(help: "Print the model as JSON (the contract other tools read).")
    var json = false

    func run() throws {
        let model: Runbook
        do {
            model = try RunbookFile.read(runbook)
        } catch {
            printError("warroom: \(error)")
            throw ExitCode(1)
        }
        if json {
            print(try RunbookJSON.encode(model))
        } else {
            print(TerminalText.clean(RunbookSecrets.shown(RunbookSummary.text(model))))
        }
    }
}

func printError(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}
