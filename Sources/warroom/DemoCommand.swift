import ArgumentParser
import ConsoleUI
import Foundation
import IncidentKit

/// `warroom demo`: the console on the bundled payments runbook, with a fresh incident in a
/// throw-away store (or `--store`).
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Try the console: a demo incident on the bundled payments runbook, in a temporary store.")

    @OptionGroup var console: ConsoleOptions
    @OptionGroup var store: StoreOptions

    func run() async throws {
        var options = store
        if options.store == nil {
            var template = Array((NSTemporaryDirectory() + "warroom-demo-XXXXXX").utf8CString)
            guard let made = mkdtemp(&template) else {
                printError("warroom: cannot create a temporary store")
                throw ExitCode(1)
            }
            options.store = String(cString: made)
        }
        let path = try Self.locateRunbook() ?? Self.writeEmbeddedRunbook(into: options.store ?? ".")
        let settings = ConsoleConfig.load(explicit: console.config, firstRunbook: path)
        let (journal, incident, read) = try reportingErrors {
            let read = try ConsoleLauncher.readRunbook(path)
            let journal = try options.journal(redacting: settings.config?.redact ?? [])
            let incident = try journal.openIncident(title: "Demo: payments checkout failing", severity: "SEV2",
                                                    runbookPath: read.path, runbookHash: read.hash,
                                                    author: options.authorName)
            return (journal, incident, read)
        }
        try await ConsoleLauncher.run(journal: journal, incident: incident, runbooks: [read.runbook],
                                      settings: settings, author: options.authorName, options: console)
        print("Demo journal kept in \(options.store ?? ""): warroom timeline --store \(options.store ?? "")")
    }

    /// The embedded copy, written beside the demo's journal so the incident can name a file.
    static func writeEmbeddedRunbook(into folder: String) throws -> String {
        let path = URL(fileURLWithPath: folder).appendingPathComponent(DemoRunbookText.fileName).path
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try DemoRunbookText.markdown.write(toFile: path, atomically: true, encoding: .utf8)
        } catch {
            printError("warroom: cannot write the demo runbook to \(path): \(error)")
            throw ExitCode(1)
        }
        return path
    }

    /// Walks up from the binary's folder (then the current folder) to `examples/payments-api.md`.
    static func locateRunbook() -> String? {
        let binary = (Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])).resolvingSymlinksInPath()
        let starts = [binary.deletingLastPathComponent(),
                      URL(fileURLWithPath: FileManager.default.currentDirectoryPath)]
        for start in starts {
            var folder = start.standardizedFileURL
            for _ in 0..<8 {
                let candidate = folder.appendingPathComponent("examples/payments-api.md").path
                if FileManager.default.fileExists(atPath: candidate) { return candidate }
                folder = folder.deletingLastPathComponent()
            }
        }
        return nil
    }
}
