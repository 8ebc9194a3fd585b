/// Where a key press goes: an overlay, guided mode, or the panes.
public enum BindingContext: String, Sendable, CaseIterable, Hashable {
    case panes, checklist, guided, note, command, severity, help, confirmQuit

    public var title: String {
        switch self {
        case .panes: "All panes"
        case .checklist: "Checklist"
        case .guided: "Guided mode"
        case .note: "Note editor"
        case .command: "Command line (:)"
        case .severity: "Severity picker"
        case .help: "Help"
        case .confirmQuit: "Quit?"
        }
    }

    /// Contexts searched in order: the checklist also has every pane key.
    var chain: [BindingContext] { self == .checklist ? [.checklist, .panes] : [self] }
}

/// What a bound key does. `update` switches on these, never on raw keys.
public enum Action: Sendable, Hashable {
    case focusNext, focusPrevious, up, down, pageUp, pageDown, home, end
    case toggle, skip, note, guided, severity, commandLine, zoom, help, quit
    case close, done, back, commit
    case editLeft, editRight, editBackspace, editDeleteToStart, editDeleteWord
    case confirm
}

/// One row of the bindings table.
public struct KeyBinding: Sendable, Equatable {
    public var keys: [KeyEvent]
    public var action: Action
    public var context: BindingContext
    /// What help says it does.
    public var help: String
    /// The short footer hint, nil to leave it out of the footer.
    public var hint: String?
    /// How the keys are written (default: the keys' names joined with `/`).
    public var label: String

    init(_ keys: [KeyEvent], _ action: Action, _ context: BindingContext, _ help: String, hint: String? = nil,
         label: String? = nil) {
        self.keys = keys
        self.action = action
        self.context = context
        self.help = help
        self.hint = hint
        self.label = label ?? keys.map(\.description).joined(separator: "/")
    }
}

/// The one table of keys: `update` looks actions up here, and the footer and help overlay are
/// generated from it, so they cannot disagree.
public enum Bindings {
    public static let all: [KeyBinding] = [
        // Checklist
        KeyBinding([.char(" ")], .toggle, .checklist, "Tick or untick the selected item", hint: "tick"),
        KeyBinding([.char("s")], .skip, .checklist, "Skip the selected item", hint: "skip"),
        KeyBinding([.char("g")], .guided, .checklist, "Guided mode: one step at a time", hint: "guided"),
        // Every pane
        KeyBinding([.tab], .focusNext, .panes, "Focus the next pane", hint: "pane"),
        KeyBinding([.shiftTab], .focusPrevious, .panes, "Focus the previous pane"),
        KeyBinding([.up, .char("k")], .up, .panes, "Select the row above", label: "↑/k"),
        KeyBinding([.down, .char("j")], .down, .panes, "Select the row below", hint: "move", label: "↓/j"),
        KeyBinding([KeyEvent(.pageUp)], .pageUp, .panes, "A page up"),
        KeyBinding([KeyEvent(.pageDown)], .pageDown, .panes, "A page down"),
        KeyBinding([KeyEvent(.home)], .home, .panes, "First row"),
        KeyBinding([KeyEvent(.end)], .end, .panes, "Last row"),
        KeyBinding([.char("n")], .note, .panes, "Add a note to the timeline", hint: "note"),
        KeyBinding([.char("S")], .severity, .panes, "Change the severity", hint: "severity"),
        KeyBinding([.char(":")], .commandLine, .panes, "Command line: sev [LEVEL], note TEXT, q"),
        KeyBinding([.char("z")], .zoom, .panes, "Zoom the focused pane (again to unzoom)", hint: "zoom"),
        KeyBinding([.char("?")], .help, .panes, "This help", hint: "help"),
        KeyBinding([.char("q")], .quit, .panes, "Quit the console", hint: "quit"),
        // Guided mode
        KeyBinding([.enter], .done, .guided, "Mark the step done, go to the next", hint: "done"),
        KeyBinding([.char("s")], .skip, .guided, "Skip the step", hint: "skip"),
        KeyBinding([.char("b")], .back, .guided, "Back to the previous step", hint: "back"),
        KeyBinding([.escape], .close, .guided, "Leave guided mode", hint: "leave"),
        KeyBinding([.char("n")], .note, .guided, "Add a note to the timeline", hint: "note"),
        KeyBinding([.char("?")], .help, .guided, "Help"),
        // Line editors
        KeyBinding([.enter], .commit, .note, "Add the note", hint: "add"),
        KeyBinding([.escape], .close, .note, "Cancel", hint: "cancel"),
        KeyBinding([.left], .editLeft, .note, "Cursor left", label: "←"),
        KeyBinding([.right], .editRight, .note, "Cursor right", label: "→"),
        KeyBinding([.backspace], .editBackspace, .note, "Delete the character before the cursor"),
        KeyBinding([.ctrl("u")], .editDeleteToStart, .note, "Delete to the start", hint: "clear"),
        KeyBinding([.ctrl("w")], .editDeleteWord, .note, "Delete the word before the cursor"),
        KeyBinding([.enter], .commit, .command, "Run the command", hint: "run"),
        KeyBinding([.escape], .close, .command, "Cancel", hint: "cancel"),
        KeyBinding([.left], .editLeft, .command, "Cursor left", label: "←"),
        KeyBinding([.right], .editRight, .command, "Cursor right", label: "→"),
        KeyBinding([.backspace], .editBackspace, .command, "Delete the character before the cursor"),
        KeyBinding([.ctrl("u")], .editDeleteToStart, .command, "Delete to the start"),
        KeyBinding([.ctrl("w")], .editDeleteWord, .command, "Delete the word before the cursor"),
        // Severity picker
        KeyBinding([.up, .char("k")], .up, .severity, "Previous level", label: "↑/k"),
        KeyBinding([.down, .char("j")], .down, .severity, "Next level", hint: "move", label: "↓/j"),
        KeyBinding([.enter], .commit, .severity, "Set this severity", hint: "set"),
        KeyBinding([.escape], .close, .severity, "Cancel", hint: "cancel"),
        // Help and quit
        KeyBinding([.escape, .char("?"), .char("q")], .close, .help, "Close help", hint: "close"),
        KeyBinding([.char("y")], .confirm, .confirmQuit, "Quit anyway", hint: "quit"),
        KeyBinding([.char("n"), .escape], .close, .confirmQuit, "Stay", hint: "stay"),
    ]

    /// The action of `key` in `context`, nil when it has none (Ctrl-C, say: ignored).
    public static func action(for key: KeyEvent, in context: BindingContext) -> Action? {
        for step in context.chain {
            if let binding = all.first(where: { $0.context == step && $0.keys.contains(key) }) {
                return binding.action
            }
        }
        return nil
    }

    /// Footer hints for a context: (keys, hint) in table order, most specific first.
    public static func hints(for context: BindingContext) -> [(keys: String, text: String)] {
        context.chain.flatMap { step in
            all.filter { $0.context == step }.compactMap { b in b.hint.map { (b.label, $0) } }
        }
    }

    /// Help text: one section per context, one `keys  help` row per binding.
    public static func helpLines() -> [String] {
        var lines: [String] = []
        let width = all.map { DisplayWidth.of($0.label) }.max() ?? 0
        for context in BindingContext.allCases {
            let rows = all.filter { $0.context == context }
            guard !rows.isEmpty else { continue }
            if !lines.isEmpty { lines.append("") }
            lines.append(context.title)
            for row in rows { lines.append("  " + TextFit.pad(row.label, toWidth: width) + "  " + row.help) }
        }
        return lines
    }
}
