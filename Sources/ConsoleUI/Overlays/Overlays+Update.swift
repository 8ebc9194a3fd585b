import Foundation
import RunbookKit

/// The dialogs on top: severity picker, list chooser, line editors.
extension AppUpdate {
    static func pickSeverity(_ action: Action?, _ state: inout AppState) -> [Effect] {
        guard case .severityPicker(let index) = state.overlays.last else { return [] }
        let levels = state.severityLevels
        switch action {
        case .up: state.overlays[state.overlays.count - 1] = .severityPicker(max(index - 1, 0))
        case .down: state.overlays[state.overlays.count - 1] = .severityPicker(min(index + 1, levels.count - 1))
        case .commit:
            state.overlays.removeLast()
            guard index < levels.count, levels[index].id != state.incident.severity else { return [] }
            offerProcedure(of: levels[index], &state)
            return [.setSeverity(levels[index].id)]
        case .close: state.overlays.removeLast()
        default: break
        }
        return []
    }

    /// A level with a linked procedure offers to show it (unless it is already shown).
    static func offerProcedure(of level: SeverityLevel, _ state: inout AppState) {
        guard let name = level.procedure, let choice = ListChoice.procedure(named: name, in: state.runbooks),
            choice != state.shownList
        else { return }
        // Declining keeps the pane on what it shows now, even when that list followed the old level.
        if state.activeList == nil { state.activeList = state.shownList }
        state.overlays.append(.offerProcedure(choice))
    }

    static func chooseList(_ action: Action?, _ state: inout AppState) {
        guard case .chooser(let index) = state.overlays.last else { return }
        let all = ListChoice.all(in: state.runbooks)
        let top = state.overlays.count - 1
        switch action {
        case .up: state.overlays[top] = .chooser(max(index - 1, 0))
        case .down: state.overlays[top] = .chooser(min(index + 1, max(all.count - 1, 0)))
        case .commit:
            state.overlays.removeLast()
            if index < all.count { show(all[index], &state) }
        case .close: state.overlays.removeLast()
        default: break
        }
    }

    /// Shows a list in the checklist pane, selecting its first open item.
    static func show(_ choice: ListChoice, _ state: inout AppState) {
        state.activeList = choice
        state.filters[.checklist] = nil
        state.guided = nil
        state.selection[.checklist] = state.items.firstIndex { state.marks[$0.key] == nil } ?? 0
        state.focus = .checklist
    }

    static func edit(_ key: KeyEvent, _ action: Action?, _ state: inout AppState) -> [Effect] {
        let top = state.overlays.count - 1
        var editor: LineEditor
        switch state.overlays[top] {
        case .note(let e), .command(let e), .filter(let e): editor = e
        default: return []
        }
        let overlay = state.overlays[top]
        switch action {
        case .close:
            state.overlays.removeLast()
            if case .filter = overlay { setFilter("", &state) }
            return []
        case .commit:
            state.overlays.removeLast()
            switch overlay {
            case .note:
                // Written in guided mode: linked to the step on screen.
                let step = state.guided.flatMap { state.items.indices.contains($0) ? state.items[$0] : nil }
                return noteEffects(editor.text, step: step)
            case .command: return CommandPalette.run(editor.text, &state)
            default: return []
            }
        case .complete: editor = LineEditor(CommandPalette.complete(editor.text, state))
        case .editLeft: editor.left()
        case .editRight: editor.right()
        case .editBackspace: editor.backspace()
        case .editDeleteToStart: editor.deleteToStart()
        case .editDeleteWord: editor.deleteWord()
        default:
            // Anything else that is plain text goes in; control keys (Ctrl-C too) are ignored.
            guard case .character(let c) = key.key, key.modifiers.isDisjoint(with: [.ctrl, .alt]) else { return [] }
            editor.insert(c)
        }
        switch overlay {
        case .note: state.overlays[top] = .note(editor)
        case .command: state.overlays[top] = .command(editor)
        default:
            state.overlays[top] = .filter(editor)
            setFilter(editor.text, &state)
        }
        return []
    }

    /// The focused pane's filter, applied as it is typed: the first matching row is selected.
    static func setFilter(_ text: String, _ state: inout AppState) {
        let pane = state.focus
        let current = state.selectedIndex(pane)
        state.filters[pane] = text.isEmpty ? nil : text
        // The selected item stays selected while it is still shown.
        if let shown = state.visible(pane) {
            state.selection[pane] = current.flatMap { shown.firstIndex(of: $0) } ?? 0
        } else {
            state.selection[pane] = current ?? 0
        }
    }

    static func noteEffects(_ text: String, step: ItemRef? = nil) -> [Effect] {
        let note = text.trimmingCharacters(in: .whitespaces)
        return note.isEmpty ? [] : [.appendNote(note, step: step)]
    }
}
