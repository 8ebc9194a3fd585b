import ArgumentParser
import Foundation
import RunbookKit

/// `warroom config check [FILE]`: the diagnostics the console and `warroom metrics` would act on,
/// as `file:line: severity: key: message`, without opening anything.
struct ConfigCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Print the problems in a warroom.yaml as file:line; exit 1 on errors.")

    @Argument(help: ArgumentHelp("The configuration file (default: ./warroom.yaml).", valueName: "FILE"))
    var file: String = "warroom.yaml"

    @Flag(help: "Exit 1 on warnings too (unknown keys and the like).")
    var strict = false

    func run() throws {
        guard FileManager.default.fileExists(atPath: file) else {
            printError("warroom: \(file): no such file")
            throw ExitCode(1)
        }
        let config = WarroomConfig.load(file: file)
        for diagnostic in config.diagnostics {
            print(diagnostic.description)
        }
        let errors = config.errors.count, warnings = config.warnings.count
        print(
            errors + warnings == 0
                ? "\(file): no problems"
                : "\(file): \(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")")
        if errors > 0 || (strict && warnings > 0) { throw ExitCode(1) }
    }
}
