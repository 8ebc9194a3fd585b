import ArgumentParser
import ConsoleUI
import Foundation
import IncidentKit
import Logging
import RunbookKit

/// Options of the commands that open the console.
struct ConsoleOptions: ParsableArguments {
    @Option(help: "Theme name or path to a theme YAML file.")
    var theme: String?

    @Flag(help: "Draw without colour (as NO_COLOR does).")
    var noColor = false

    @Flag(help: "Run no command: every run is recorded as a dry run (`:dry-run off` in the console ends it).")
    var dryRun = false

    @Option(
        help: ArgumentHelp(
            "warroom.yaml to use (default: warroom.yaml beside the first runbook).",
            valueName: "FILE"))
    var config: String?

    /// `--theme` is fatal when it cannot load; a config's `theme:` falls back to the default with a note.
    func loadTheme(config settings: ConsoleConfig) throws -> (theme: Theme, note: String?) {
        do {
            let loaded = try ThemeCatalog.standard().load(settings.themeName(option: theme))
            for warning in loaded.warnings { printError("warning: \(warning)") }
            return (loaded.theme, nil)
        } catch {
            guard theme == nil, let name = settings.config?.theme else {
                printError("warroom: \(error)")
                throw ExitCode(1)
            }
            return (BuiltinThemes.defaultTheme, "theme \(name) from the config: \(error)")
        }
    }
}

/// Rebuilds an incident's console state from its journal events, then runs the console.
enum ConsoleLauncher {
    /// `settings`: the config the journal was opened with (`ConsoleConfig.load`), so its `redact:` applies.
    /// `reading`: runbook files read behind the first frame (then `runbooks` is empty).
    /// `firstFrame`: the terminal a new incident's console was already drawn on (`FirstFrame.show`).
    static func run(
        journal: any Journal, incident: Incident, runbooks: [Runbook], reading: [String] = [],
        settings: ConsoleConfig, author: String, options: ConsoleOptions, guided: Bool = false,
        firstFrame: FirstFrame? = nil
    ) async throws {
        let logger = DebugLog.logger("console")
        logger.info(
            "start",
            metadata: [
                "incident": "\(incident.id)", "runbooks": "\(runbooks.map(\.source) + reading)",
                "author": "\(author)"
            ])
        if let config = settings.config { ConfigLog.diagnostics(config, logger: logger) }
        var state: AppState
        let theme: Theme
        do {
            let themeNote: String?
            if let firstFrame {
                (theme, themeNote) = (firstFrame.theme, firstFrame.themeNote)
            } else {
                (theme, themeNote) = try options.loadTheme(config: settings)
            }
            // Runs whose console died without recording their end (SIGKILL, power loss) end now, result unknown.
            try journal.reconcileOrphanedRuns(
                incident: incident.id, host: ProcessInfo.processInfo.hostName, author: author
            ) { pid in
                kill(pid_t(pid), 0) == 0 || errno == EPERM
            }
            let events = try journal.events(incident: incident.id)
            state = initialState(
                runbooks: runbooks, incident: incident, settings: settings, themeNote: themeNote, options: options)
            state.readingRunbooks = !reading.isEmpty
            // For `:theme`; listing the theme folders is left out of the first frame.
            state.themeNames = ThemeCatalog.standard().names()
            _ = AppUpdate.update(&state, .journalEvents(events.map(ConsoleEvent.init)))
        } catch {
            await firstFrame?.close()
            throw error
        }
        AppUpdate.resume(&state)
        // A walk starts in guided mode, at its first open step.
        if guided { AppUpdate.startGuided(&state) }
        let runtime = ConsoleRuntime(
            journal: journal, incidentID: incident.id, author: author,
            rules: SeverityRules(runbook: runbooks.first), theme: theme,
            noColor: options.noColor, runbooks: runbooks, config: settings.config,
            pendingRunbooks: reading)
        // The command runs on a pool thread; curses must live on the main thread.
        await MainActor.run { [state] in
            var console = runtime
            console.run(state, on: firstFrame?.terminal)
        }
        logger.info("end", metadata: ["incident": "\(incident.id)"])
    }

    /// The console's state before the incident's events: its runbooks, the config's settings and
    /// banner, what the terminal's locale allows.
    static func initialState(
        runbooks: [Runbook], incident: Incident, settings: ConsoleConfig, themeNote: String?,
        options: ConsoleOptions
    ) -> AppState {
        var state = AppState(runbooks: runbooks, incident: IncidentSnapshot(incident), now: Date())
        if let banner = settings.banner ?? themeNote {
            state.footer = settings.hasErrors || settings.banner == nil ? .error(banner) : .notice(banner)
        }
        state.asciiOnly = !localeIsUTF8(ProcessInfo.processInfo.environment)
        // What commands run with: placeholders known from the environment, runners from the config.
        state.environment = ProcessInfo.processInfo.environment
        state.runnerSettings = RunnerSettings(config: settings.config)
        state.updateSettings = settings.config?.updates ?? UpdateSettings()
        state.dryRun = options.dryRun
        return state
    }

    /// Parses the built-in theme on another thread while the config, runbooks and journal are
    /// opened: the first frame needs it, and its YAML takes a few milliseconds.
    static func warmUp() {
        DispatchQueue.global(qos: .userInitiated).async { _ = BuiltinThemes.defaultTheme }
    }

    /// The first of LC_ALL, LC_CTYPE, LANG that is set names a UTF-8 charset.
    static func localeIsUTF8(_ environment: [String: String]) -> Bool {
        let locale = ["LC_ALL", "LC_CTYPE", "LANG"].lazy.compactMap { environment[$0] }.first { !$0.isEmpty } ?? ""
        let lower = locale.lowercased()
        return lower.contains("utf-8") || lower.contains("utf8")
    }

    /// Reads a runbook and the facts an incident records about it (absolute path, SHA-256).
    static func readRunbook(_ path: String) throws -> (runbook: Runbook, path: String, hash: String) {
        let runbook = try RunbookFile.read(path)
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        return (runbook, URL(fileURLWithPath: path).standardizedFileURL.path, SHA256.hex(bytes))
    }
}
