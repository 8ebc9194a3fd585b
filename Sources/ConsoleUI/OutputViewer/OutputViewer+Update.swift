import Foundation

/// Keys of the output viewer: scrolling, follow, wrap, search, cancel.
extension AppUpdate {
    static func viewOutput(_ key: KeyEvent, _ action: Action?, _ state: inout AppState) -> [Effect] {
        guard case .output(var viewer) = state.overlays.last else { return [] }
        let top = state.overlays.count - 1
        defer { if case .output = state.overlays.last { state.overlays[top] = .output(viewer) } }
        if var editor = viewer.search {
            // While typing, letters are text even where they are keys (n, q, w…).
            let typed =
                if case .character = key.key, key.modifiers.isDisjoint(with: [.ctrl, .alt]) { true } else { false }
            switch typed ? nil : action {
            case .close: viewer.search = nil
            case .commit:
                viewer.search = nil
                let text = editor.text
                viewer.query = text.isEmpty ? nil : text
                viewer.match = nil
                if !text.isEmpty { findMatch(&viewer, forward: true, including: true, &state) }
            default:
                guard editLine(&editor, key, action) else { return [] }
                viewer.search = editor
            }
            return []
        }
        let output = state.outputs[viewer.runId] ?? RunOutput()
        let rect = OutputGeometry.textRect(state)
        let shown = OutputGeometry.top(viewer, output, rect)
        let end = OutputGeometry.followTop(output, rect, wrap: viewer.wrap)
        func scroll(to line: Int) {
            viewer.top = min(max(line, output.firstLine), end)
            viewer.follow = viewer.top >= end && line >= end
        }
        switch action {
        case .up: scroll(to: shown - 1)
        case .down: scroll(to: shown + 1)
        case .pageUp: scroll(to: shown - max(rect.height - 1, 1))
        case .pageDown: scroll(to: shown + max(rect.height - 1, 1))
        case .home: scroll(to: output.firstLine)
        case .follow: viewer.follow = true
        case .wrap: viewer.wrap.toggle()
        case .filter: viewer.search = LineEditor(viewer.query ?? "")
        case .nextMatch: findMatch(&viewer, forward: true, including: false, &state)
        case .previousMatch: findMatch(&viewer, forward: false, including: false, &state)
        case .cancelRun:
            guard let run = state.runs.first(where: { $0.id == viewer.runId }), run.isActive else { return [] }
            return [.cancelRun(run.id)]
        case .close: state.overlays.removeLast()
        default: break
        }
        return []
    }

    /// Moves to the next (or previous) line containing the query, case-insensitively, wrapping
    /// around the kept lines; scrolls it into view. Says so when there is none.
    static func findMatch(_ viewer: inout OutputViewer, forward: Bool, including: Bool, _ state: inout AppState) {
        guard let query = viewer.query, !query.isEmpty else { return }
        let output = state.outputs[viewer.runId] ?? RunOutput()
        let rect = OutputGeometry.textRect(state)
        let count = output.lines.count
        guard count > 0 else { state.footer = .error("Not found: " + query); return }
        let from = viewer.match ?? OutputGeometry.top(viewer, output, rect)
        let start = from - output.firstLine
        for step in (including ? 0 : 1)...count {
            let index = ((forward ? start + step : start - step) % count + count) % count
            guard output.lines[index].text.range(of: query, options: .caseInsensitive) != nil else { continue }
            let line = output.firstLine + index
            viewer.match = line
            let shown = OutputGeometry.top(viewer, output, rect)
            if viewer.follow || line < shown || line >= shown + rect.height {
                viewer.follow = false
                viewer.top = min(line, OutputGeometry.followTop(output, rect, wrap: viewer.wrap))
            }
            return
        }
        state.footer = .error("Not found: " + query)
    }

    /// The line editing keys and plain characters; false when the key is neither.
    static func editLine(_ editor: inout LineEditor, _ key: KeyEvent, _ action: Action?) -> Bool {
        if case .character(let c) = key.key, key.modifiers.isDisjoint(with: [.ctrl, .alt]) {
            editor.insert(c)
            return true
        }
        switch action {
        case .editLeft: editor.left()
        case .editRight: editor.right()
        case .editBackspace: editor.backspace()
        case .editDeleteToStart: editor.deleteToStart()
        case .editDeleteWord: editor.deleteWord()
        default: return false
        }
        return true
    }
}
