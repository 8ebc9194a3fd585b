import RunbookKit

/// `:vars`: the remembered placeholder values, one selected; Enter edits it.
public struct VarsEditor: Sendable, Equatable {
    /// The selected name, of the sorted names.
    public var selected: ListCursor = 0
    /// The new value being typed, nil when not editing.
    public var editing: LineEditor?

    public init() {}
}

extension AppUpdate {
    static func editVars(_ key: KeyEvent, _ action: Action?, _ state: inout AppState) -> [Effect] {
        guard case .vars(var editor) = state.overlays.last else { return [] }
        let top = state.overlays.count - 1
        let names = state.vars.keys.sorted()
        if var line = editor.editing {
            switch action {
            case .close: editor.editing = nil
            case .commit:
                editor.editing = nil
                if editor.selected.index < names.count {
                    let name = names[editor.selected.index]
                    state.vars[name] = line.text.isEmpty ? nil : line.text
                }
            default:
                guard editLine(&line, key, action) else { return [] }
                editor.editing = line
            }
        } else {
            switch action {
            case .up: editor.selected.move(by: -1, count: names.count)
            case .down: editor.selected.move(by: 1, count: names.count)
            case .commit:
                guard editor.selected.index < names.count else { return [] }
                let name = names[editor.selected.index]
                // A secret is typed again from scratch: its value is never shown.
                editor.editing = LineEditor(RunPreparer.isSecret(name) ? "" : state.vars[name] ?? "")
            case .close:
                state.overlays.removeLast()
                return []
            default: break
            }
        }
        state.overlays[top] = .vars(editor)
        return []
    }
}
