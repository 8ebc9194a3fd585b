import ConsoleUI
import CursesTerminal
import Foundation
import IncidentKit
import RunbookKit

/// A new incident's console, drawn from its runbooks while the journal is still opening: creating
/// a store (its schema, a few fsyncs) and recording the `opened` event come after the first frame,
/// not before it. The frame shows the incident as it will be opened, without its id and title:
/// the id is the journal's to give, and the title is shown once the journal has redacted it.
@MainActor
final class FirstFrame {
    let terminal: CursesTerminal
    let theme: Theme
    /// Why the theme is not the one the config named (shown in the footer).
    let themeNote: String?

    private init(terminal: CursesTerminal, theme: Theme, themeNote: String?) {
        self.terminal = terminal
        self.theme = theme
        self.themeNote = themeNote
    }

    /// Opens the terminal and draws the console of an incident about to be opened.
    nonisolated static func show(
        runbooks: [Runbook], severity: String, settings: ConsoleConfig, options: ConsoleOptions
    ) async throws -> FirstFrame {
        let frame = try await open(settings: settings, options: options)
        await frame.draw(runbooks: runbooks, severity: severity, settings: settings, options: options)
        return frame
    }

    /// The theme loaded and the terminal opened, nothing drawn yet: `warroom demo` does this while
    /// its runbook is still being read, so the frame is drawn the moment the runbook is there.
    nonisolated static func open(settings: ConsoleConfig, options: ConsoleOptions) async throws -> FirstFrame {
        let (theme, themeNote) = try options.loadTheme(config: settings)
        return await MainActor.run {
            let terminal = CursesTerminal(noColor: options.noColor, environment: ProcessInfo.processInfo.environment)
            return FirstFrame(terminal: terminal, theme: theme, themeNote: themeNote)
        }
    }

    /// Draws the console of an incident about to be opened at `severity`.
    func draw(runbooks: [Runbook], severity: String, settings: ConsoleConfig, options: ConsoleOptions) {
        let opening = Incident(id: "INC-…", title: "", severity: severity, startedAt: Date())
        var state = ConsoleLauncher.initialState(
            runbooks: runbooks, incident: opening, settings: settings, themeNote: themeNote, options: options)
        state.width = terminal.width
        state.height = terminal.height
        terminal.present(AppView.render(state, palette: theme.palette(depth: terminal.depth)))
    }

    /// Gives the screen back, so an error told after it is seen.
    func close() { terminal.restore() }
}

/// `reportingErrors` with a first frame on screen: the terminal is given back before the error is told.
func reportingErrors<T>(closing frame: FirstFrame?, _ body: () throws -> T) async throws -> T {
    do {
        return try body()
    } catch {
        await frame?.close()
        return try reportingErrors { throw error }
    }
}
