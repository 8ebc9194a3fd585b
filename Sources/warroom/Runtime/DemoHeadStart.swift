import ConsoleUI
import Foundation
import IncidentKit
import RunbookKit

/// `warroom demo` reads a runbook and a config carried in the binary, so reading them need not
/// wait for the arguments. `WarroomCommand.main` starts it on another core before ArgumentParser
/// parses them (both take about 5 ms, and the read's cost is mostly the reader's first-use
/// tables); the demo then waits for what is already read instead of reading it after. Any other
/// command starts nothing. The results are those of reading the files the demo writes: the same
/// bytes, named by the same file name, then given the written paths.
enum DemoHeadStart {
    /// Started on first use, which `start` makes before the arguments are parsed; the runbook (and
    /// the hash the incident records) and the config each on its own thread, beside
    /// ArgumentParser's work on the main one.
    private static let reading: (runbook: Alongside<(Runbook, String)>, config: Alongside<WarroomConfig>)? =
        isDemo(CommandLine.arguments)
        ? (
            Alongside {
                (
                    RunbookReader.parse(text: runbookText, source: DemoRunbookText.fileName),
                    SHA256.hex(Array(runbookText.utf8))
                )
            },
            Alongside { WarroomConfig.parse(configText, file: DemoConfigText.fileName) }
        ) : nil

    static let runbookText = DemoRunbookText.markdown + "\n"
    static let configText = DemoConfigText.yaml + "\n"

    static func start() { _ = reading }

    /// The demo's runbook and config are being read from the text carried in the binary, not
    /// from the files the demo writes.
    static var isReading: Bool { reading != nil }

    static func isDemo(_ arguments: [String]) -> Bool { arguments.count > 1 && arguments[1] == "demo" }

    /// The demo's settings: `explicit` (`--config`) when given, else the embedded config as read
    /// from `configPath`, where `configText` was written beside the runbook at `runbookPath`.
    static func settings(config configPath: String, explicit: String?, runbookPath: String) -> ConsoleConfig {
        guard let reading, var config = try? reading.config.wait() else {
            return ConsoleConfig.load(explicit: explicit, firstRunbook: runbookPath)
        }
        config.file = configPath
        // The embedded config has no problems to report; were there one, its file would be the name.
        return explicit != nil || !config.diagnostics.isEmpty
            ? ConsoleConfig.load(explicit: explicit, firstRunbook: runbookPath) : ConsoleConfig(config: config)
    }

    /// The demo's runbook, as `ConsoleLauncher.readRunbook` reads it from `path` where
    /// `runbookText` was written. Read now when the head start did not run.
    static func runbook(_ path: String) throws -> (runbook: Runbook, path: String, hash: String) {
        guard let reading else { return try ConsoleLauncher.readRunbook(path) }
        var (runbook, hash) = try reading.runbook.wait()
        runbook.source = path
        // A file, said so: the path is not looked up (the demo writes it after the first frame).
        return (runbook, URL(fileURLWithPath: path, isDirectory: false).standardizedFileURL.path, hash)
    }
}
