import ArgumentParser
import Foundation
import ConsoleUI

/// `warroom themes`: the themes warroom can find, or one theme's problems.
struct ThemesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "themes",
        abstract: "List the available themes, or check one theme file for problems.")

    @Argument(help: "A theme name or file to check (prints its warnings).")
    var theme: String?

    func run() throws {
        let catalog = ThemeCatalog.standard()
        guard let theme else {
            for entry in catalog.list() {
                let source = entry.path ?? "(built in)"
                print("\(entry.name.padding(toLength: 16, withPad: " ", startingAt: 0)) \(entry.description ?? "")")
                print("\(String(repeating: " ", count: 17))\(source)")
            }
            return
        }
        do {
            let result = try catalog.load(theme)
            for warning in result.warnings { print("warning: \(warning)") }
            print("\(result.theme.name): \(result.warnings.isEmpty ? "ok" : "\(result.warnings.count) warning(s)")")
        } catch {
            printError("warroom: \(error)")
            throw ExitCode(1)
        }
    }
}
