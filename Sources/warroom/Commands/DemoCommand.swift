import ArgumentParser
import ConsoleUI
import Foundation
import IncidentKit

/// `warroom demo`: the console on the bundled payments runbook and its `warroom.yaml` (both carried
/// in the binary), with a fresh incident in a throw-away store (or `--store`).
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Try the console: a demo incident on the bundled payments runbook, in a temporary store.")

    @OptionGroup var console: ConsoleOptions
    @OptionGroup var store: StoreOptions
    @OptionGroup var log: LogOptions

    func run() async throws {
        ConsoleLauncher.warmUp()
        try DebugLog.start(file: log.file, command: "demo")
        var options = store
        if options.store == nil {
            var template = Array((NSTemporaryDirectory() + "warroom-demo-XXXXXX").utf8CString)
            guard let made = mkdtemp(&template) else {
                printError("warroom: cannot create a temporary store")
                throw ExitCode(1)
            }
            options.store = String(cString: made)
        }
        // Always the embedded copies, written into the store: the same demo from any folder or install.
        let folder = (options.store ?? ".") + "/demo"
        let (path, configPath) = Self.embeddedPaths(in: folder)
        // Both are read from their text while the arguments are parsed (`DemoHeadStart`), so the
        // files are written behind the first frame, as the store is created; without the head
        // start they are read from the files, written first. The terminal is opened while the
        // runbook is still being read.
        if !DemoHeadStart.isReading { try await Self.writeEmbeddedFiles(into: folder, closing: nil) }
        let settings = DemoHeadStart.settings(config: configPath, explicit: console.config, runbookPath: path)
        let severity = "SEV2"
        let frame = try await FirstFrame.open(settings: settings, options: console)
        let read = try await reportingErrors(closing: frame) { try DemoHeadStart.runbook(path) }
        await frame.draw(runbooks: [read.runbook], severity: severity, settings: settings, options: console)
        if DemoHeadStart.isReading { try await Self.writeEmbeddedFiles(into: folder, closing: frame) }
        let (journal, incident) = try await reportingErrors(closing: frame) {
            let journal = try options.journal(redacting: settings.config?.redact ?? [])
            let incident = try journal.openIncident(
                title: "Demo: payments checkout failing", severity: severity,
                runbookPath: read.path, runbookHash: read.hash,
                author: options.authorName)
            return (journal, incident)
        }
        try await ConsoleLauncher.run(
            journal: journal, incident: incident, runbooks: [read.runbook],
            settings: settings, author: options.authorName, options: console, firstFrame: frame)
        print("Demo journal kept in \(options.store ?? ""): warroom timeline --store \(options.store ?? "")")
    }

    /// Where the embedded runbook and its `warroom.yaml` go in `folder`.
    static func embeddedPaths(in folder: String) -> (runbook: String, config: String) {
        let directory = URL(fileURLWithPath: folder)
        return (
            directory.appendingPathComponent(DemoRunbookText.fileName).path,
            directory.appendingPathComponent(DemoConfigText.fileName).path
        )
    }

    /// The embedded runbook and its `warroom.yaml` (metric bindings), written into `folder` so the
    /// incident can name its runbook and the config is found beside it. A failure is told once
    /// the terminal of `frame` is given back.
    static func writeEmbeddedFiles(into folder: String, closing frame: FirstFrame?) async throws {
        let (runbook, config) = embeddedPaths(in: folder)
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            // The embedded strings lack the files' final newline (a Swift multi-line literal's rule).
            // Plain writes: the folder is new and nothing reads it yet, and Foundation's write (even
            // not atomic) fsyncs.
            try PlainFile.write(DemoHeadStart.runbookText, to: runbook)
            try PlainFile.write(DemoHeadStart.configText, to: config)
        } catch {
            await frame?.close()
            printError("warroom: cannot write the demo files to \(folder): \(error)")
            throw ExitCode(1)
        }
    }
}
