import Foundation
import RunbookKit

/// From a command to a run: the form, preview and confirmation; the runs list; cancelling.
extension AppUpdate {
    // MARK: Messages from the runner

    static func receive(_ snapshots: [RunSnapshot], _ state: inout AppState) -> [Effect] {
        var added: Int?
        for run in snapshots {
            if let index = state.runs.firstIndex(where: { $0.id == run.id }) {
                state.runs[index] = run
            } else {
                state.runs.append(run)
                added = max(added ?? run.id, run.id)
            }
        }
        state.runs.sort { $0.id < $1.id }
        if let added, let index = state.runs.firstIndex(where: { $0.id == added }) {
            // A new run is shown and selected, so x and Ctrl-C reach it at once.
            state.runSelection = index
            state.runsShown = true
        }
        return advanceGuidedRun(&state)
    }

    static func receiveOutput(id: Int, firstLine: Int, lines: [OutputLine], _ state: inout AppState) {
        state.outputs[id] = RunOutput(firstLine: firstLine, lines: lines)
    }

    // MARK: Starting

    /// Enter (or `!`) on a command: the form when values are missing, else the preview
    /// (or the manual step, or the problem).
    static func beginRun(_ command: RunbookCommand, interactive: Bool, _ state: inout AppState) -> [Effect] {
        if command.runnable, command.language != "manual",
            !RunPreparer.missing(command, values: state.vars, environment: state.environment).isEmpty
        {
            var known = RunPreparer.known(command, environment: state.environment)
            known.merge(command.placeholders.compactMap { name in state.vars[name].map { (name, $0) } }) { _, new in new
            }
            state.overlays.append(.run(.form(RunForm(command, known: known, interactive: interactive))))
            return []
        }
        state.overlays.append(.run(prepared(command, values: state.vars, interactive: interactive, state)))
        return []
    }

    /// The dialog `RunPreparer` leads to for these values.
    static func prepared(
        _ command: RunbookCommand, values: [String: String], interactive: Bool,
        _ state: AppState
    ) -> RunDialog {
        let used = values.filter { command.placeholders.contains($0.key) }
        do {
            let run = try RunPreparer.prepare(
                command, values: used, settings: state.runnerSettings,
                environment: state.environment, interactive: interactive)
            return .preview(RunPreview(run: run))
        } catch .manual(let id) {
            return .manual(commandId: id, title: command.title ?? command.code)
        } catch {
            return .problem(commandId: command.id, text: error.description)
        }
    }

    /// The commands pane's own keys.
    static func commandsPane(_ action: Action, _ state: inout AppState) -> [Effect] {
        switch action {
        case .run, .runInteractive:
            guard let index = state.selectedIndex(.commands) else {
                return cannot(state.commands.isEmpty ? "The runbooks have no commands" : "No command selected", &state)
            }
            return beginRun(state.commands[index], interactive: action == .runInteractive, &state)
        case .showRuns:
            state.runsShown = true
            return []
        default:
            return pane(action, &state)
        }
    }

    /// `:run ID`: as if the command were selected and Enter pressed.
    static func runCommand(id: Int, _ state: inout AppState) -> [Effect] {
        guard let command = state.command(id: id) else {
            state.footer = .error("No command \(id): ids are those of `warroom show --json`")
            return []
        }
        return beginRun(command, interactive: false, &state)
    }

    // MARK: The dialog

    static func runDialog(_ key: KeyEvent, _ action: Action?, _ state: inout AppState) -> [Effect] {
        guard case .run(let dialog) = state.overlays.last else { return [] }
        let top = state.overlays.count - 1
        if action == .close, !(dialog.takesText && key == .char("n")) {
            state.overlays.removeLast()
            stopGuidedRun("command \(dialog.commandId) was not run", &state)
            return []
        }
        switch dialog {
        case .form(var form):
            switch action {
            case .down: form.focused = (form.focused + 1) % max(form.fields.count, 1)
            case .up: form.focused = (form.focused + form.fields.count - 1) % max(form.fields.count, 1)
            case .commit:
                if let name = form.empty.first {
                    state.footer = .error("A value for \(name) is needed")
                    return []
                }
                guard let command = state.command(id: form.commandId) else { return [] }
                // Remembered for this incident; the journal's command_started keeps them (secrets masked).
                state.vars.merge(form.values) { _, new in new }
                state.overlays[top] = .run(prepared(command, values: state.vars, interactive: form.interactive, state))
                return []
            default:
                guard form.fields.indices.contains(form.focused) else { return [] }
                guard editLine(&form.fields[form.focused].editor, key, action) else { return [] }
            }
            state.overlays[top] = .run(.form(form))
            return []
        case .preview(var preview):
            if let word = preview.run.confirmationWord {
                guard action == .commit else {
                    if editLine(&preview.typed, key, action) { state.overlays[top] = .run(.preview(preview)) }
                    return []
                }
                state.overlays.removeLast()
                guard preview.typed.text == word else {
                    state.footer = .error("Refused: \"\(preview.typed.text)\" is not \(word); nothing ran")
                    stopGuidedRun("command \(preview.run.commandId) was refused", &state)
                    return [
                        .recordRefusal(
                            preview.run,
                            reason: "the confirmation typed was \"\(preview.typed.text)\", not \(word)")
                    ]
                }
                return start(preview.run, &state)
            }
            switch (preview.run.risk, action) {
            case (.read, .commit), (_, .confirm):
                state.overlays.removeLast()
                return start(preview.run, &state)
            case (_, .commit):
                // y/N: Enter is No.
                state.overlays.removeLast()
                state.footer = .notice("Not run: a change runs only on y")
                stopGuidedRun("command \(preview.run.commandId) was not run", &state)
            default: break
            }
            return []
        case .manual(let commandId, _):
            guard action == .done || action == .commit else { return [] }
            state.overlays.removeLast()
            if action == .commit {
                stopGuidedRun("command \(commandId) is a manual step", &state)
                return []
            }
            var effects: [Effect] = [.markCommandDone(commandId: commandId)]
            if case .asking(let id)? = state.guidedRun?.phase, id == commandId {
                effects += nextGuidedCommand(&state)
            }
            return effects
        case .problem(let commandId, _):
            if action == .commit {
                state.overlays.removeLast()
                stopGuidedRun("command \(commandId) cannot run", &state)
            }
            return []
        }
    }

    /// The run is asked for; guided mode then waits for it.
    static func start(_ run: PreparedRun, _ state: inout AppState) -> [Effect] {
        if case .asking(let id)? = state.guidedRun?.phase, id == run.commandId {
            state.guidedRun?.phase = .starting(commandId: id, known: Set(state.runs.map(\.id)))
        }
        // The runs list takes the keys next, so x, Ctrl-C and Enter reach the new run at once.
        state.focus = .commands
        return [.startRun(run, dryRun: state.dryRun)]
    }

    // MARK: Runs list and cancelling

    static func runsPane(_ action: Action, _ state: inout AppState) -> [Effect] {
        let last = max(state.runs.count - 1, 0)
        switch action {
        case .up: state.runSelection = max(min(state.runSelection, last) - 1, 0)
        case .down: state.runSelection = min(state.runSelection + 1, last)
        case .home: state.runSelection = 0
        case .end: state.runSelection = last
        case .pageUp: state.runSelection = max(state.runSelection - pageSize(state), 0)
        case .pageDown: state.runSelection = min(state.runSelection + pageSize(state), last)
        case .showRuns: state.runsShown = false
        case .openOutput:
            guard let run = state.selectedRun else { return [] }
            state.overlays.append(.output(OutputViewer(runId: run.id)))
        case .cancelRun:
            guard let run = state.selectedRun else { return [] }
            guard run.isActive else {
                state.footer = .error("Run #\(run.id) is not running")
                return []
            }
            return [.cancelRun(run.id)]
        default: return pane(action, &state)
        }
        return []
    }

    /// Ctrl-C outside the runs list: the selected run if it is active, else the newest active
    /// one; with nothing running it is ignored (the console never quits on Ctrl-C).
    static func cancelActive(_ state: AppState) -> [Effect] {
        if let run = state.selectedRun, run.isActive { return [.cancelRun(run.id)] }
        return state.runs.last(where: \.isActive).map { [.cancelRun($0.id)] } ?? []
    }
}
