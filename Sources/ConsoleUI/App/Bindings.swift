/// Where a key press goes: an overlay, guided mode, or the panes.
public enum BindingContext: String, Sendable, CaseIterable, Hashable {
    // In help order: the metric chart beside the metrics pane it opens from.
    case panes, checklist, metrics, chart, commands, runs, timeline, guided, note, command, filter, editor, severity,
        chooser, offer
    case runDialog, output, vars, offerTick, offerMilestone, sendUpdate, help, confirmQuit

    public var title: String {
        switch self {
        case .panes: "All panes"
        case .checklist: "Checklist"
        case .metrics: "Metrics"
        case .commands: "Commands"
        case .runs: "Runs list (R)"
        case .timeline: "Timeline"
        case .runDialog: "Running a command"
        case .output: "Output viewer"
        case .vars: "Remembered values (:vars)"
        case .offerTick: "Tick the step?"
        case .offerMilestone: "Record the milestone?"
        case .sendUpdate: "Status update (:update)"
        case .chart: "Metric chart"
        case .guided: "Guided mode"
        case .note: "Note editor"
        case .command: "Command palette (:)"
        case .filter: "Filter (/)"
        case .editor: "Line editing"
        case .severity: "Severity picker"
        case .chooser: "Checklist chooser (c)"
        case .offer: "Show the linked procedure?"
        case .help: "Help"
        case .confirmQuit: "Quit?"
        }
    }

    /// Contexts searched in order: the checklist also has every pane key.
    /// The line editors share their editing keys.
    var chain: [BindingContext] {
        switch self {
        case .checklist: [.checklist, .panes]
        case .metrics: [.metrics, .panes]
        case .commands: [.commands, .panes]
        case .runs: [.runs, .panes]
        case .timeline: [.timeline, .panes]
        case .note, .command, .filter, .runDialog, .output, .vars: [self, .editor]
        default: [self]
        }
    }
}

/// What a bound key does. `update` switches on these, never on raw keys.
public enum Action: Sendable, Hashable {
    case focusNext, focusPrevious, up, down, pageUp, pageDown, home, end
    case toggle, skip, note, guided, severity, commandLine, zoom, help, quit
    case close, done, back, commit
    case editLeft, editRight, editBackspace, editDeleteToStart, editDeleteWord
    case confirm, complete, filter, chooseList, chart, seriesList
    case edit, detail
    case run, runInteractive, showRuns, cancelRun, openOutput, runStep, follow, wrap, nextMatch, previousMatch
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

    init(
        _ keys: [KeyEvent], _ action: Action, _ context: BindingContext, _ help: String, hint: String? = nil,
        label: String? = nil
    ) {
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
        KeyBinding([.char("c")], .chooseList, .checklist, "Choose a checklist or procedure"),
        // Metrics
        KeyBinding([.enter], .chart, .metrics, "Chart the selected metric's samples", hint: "chart"),
        // Commands and runs
        KeyBinding([.enter], .run, .commands, "Run the selected command (asks first)", hint: "run"),
        KeyBinding([.char("!")], .runInteractive, .commands, "Run it in the real terminal", hint: "interactive"),
        KeyBinding([.char("R")], .showRuns, .commands, "Show the runs list", hint: "runs"),
        KeyBinding([.enter, .char("o")], .openOutput, .runs, "Open the run's output", hint: "output"),
        KeyBinding([.char("x"), .ctrl("c")], .cancelRun, .runs, "Cancel the selected run", hint: "cancel"),
        KeyBinding([.char("R")], .showRuns, .runs, "Back to the commands", hint: "commands"),
        // Timeline
        KeyBinding(
            [.enter], .detail, .timeline, "Show the event in full (values, output's last lines)", hint: "detail"),
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
        KeyBinding([.char(":")], .commandLine, .panes, "Command palette (sev, status, role…)"),
        KeyBinding([.char("/")], .filter, .panes, "Filter the focused pane's rows"),
        KeyBinding([.char("z")], .zoom, .panes, "Zoom the focused pane (again to unzoom)", hint: "zoom"),
        KeyBinding([.char("?")], .help, .panes, "This help", hint: "help"),
        KeyBinding([.char("q")], .quit, .panes, "Quit the console", hint: "quit"),
        KeyBinding([.ctrl("c")], .cancelRun, .panes, "Cancel the selected run (if one runs)"),
        // Guided mode
        KeyBinding([.enter], .done, .guided, "Mark the step done, go to the next", hint: "done"),
        KeyBinding([.char("s")], .skip, .guided, "Skip the step", hint: "skip"),
        KeyBinding([.char("b")], .back, .guided, "Back to the previous step", hint: "back"),
        KeyBinding([.escape], .close, .guided, "Leave guided mode", hint: "leave"),
        KeyBinding([.char("n")], .note, .guided, "Add a note to the timeline", hint: "note"),
        KeyBinding([.char("r")], .runStep, .guided, "Run the step's commands in order", hint: "run"),
        KeyBinding([.ctrl("c")], .cancelRun, .guided, "Cancel the running command"),
        KeyBinding([.char("?")], .help, .guided, "Help"),
        // Running a command: form, preview, confirmation
        KeyBinding([.tab, .down], .down, .runDialog, "Next field", label: "Tab/↓"),
        KeyBinding([.shiftTab, .up], .up, .runDialog, "Previous field", label: "S-Tab/↑"),
        KeyBinding([.enter], .commit, .runDialog, "Continue; run a read command", hint: "continue"),
        KeyBinding([.char("y")], .confirm, .runDialog, "Yes: run the change", hint: "yes"),
        KeyBinding([.char("d")], .done, .runDialog, "Mark a manual step done", hint: "done"),
        KeyBinding([.escape, .char("n")], .close, .runDialog, "Cancel: nothing runs", hint: "cancel"),
        // Output viewer
        KeyBinding([.up, .char("k")], .up, .output, "Scroll up (leaves follow)", label: "↑/k"),
        KeyBinding([.down, .char("j")], .down, .output, "Scroll down", label: "↓/j"),
        KeyBinding([KeyEvent(.pageUp)], .pageUp, .output, "A page up"),
        KeyBinding([KeyEvent(.pageDown)], .pageDown, .output, "A page down"),
        KeyBinding([KeyEvent(.home)], .home, .output, "First kept line"),
        KeyBinding([KeyEvent(.end), .char("F")], .follow, .output, "Follow the end", hint: "follow", label: "End/F"),
        KeyBinding([.char("/")], .filter, .output, "Search", hint: "search"),
        KeyBinding([.enter], .commit, .output, "Search: find the text"),
        KeyBinding([.char("n")], .nextMatch, .output, "Next match"),
        KeyBinding([.char("N")], .previousMatch, .output, "Previous match"),
        KeyBinding([.char("w")], .wrap, .output, "Wrap long lines (toggle)", hint: "wrap"),
        KeyBinding([.char("x"), .ctrl("c")], .cancelRun, .output, "Cancel the run", hint: "cancel"),
        KeyBinding([.escape, .char("q")], .close, .output, "Close (search: cancel)", hint: "close"),
        // Remembered values
        KeyBinding([.up], .up, .vars, "Previous value", label: "↑"),
        KeyBinding([.down], .down, .vars, "Next value", label: "↓"),
        KeyBinding([.enter], .commit, .vars, "Edit the value; keep it", hint: "edit"),
        KeyBinding([.escape], .close, .vars, "Close (editing: cancel)", hint: "close"),
        KeyBinding([.char("y"), .enter], .confirm, .offerTick, "Tick the step", hint: "tick"),
        KeyBinding([.char("n"), .escape], .close, .offerTick, "Leave it open", hint: "leave"),
        KeyBinding([.char("y"), .enter], .confirm, .offerMilestone, "Record the milestone now", hint: "record"),
        KeyBinding([.char("n"), .escape], .close, .offerMilestone, "Not now", hint: "not now"),
        KeyBinding([.enter], .confirm, .sendUpdate, "Send the update and record it", hint: "send"),
        KeyBinding([.char("e")], .edit, .sendUpdate, "Edit it again in $EDITOR", hint: "edit"),
        KeyBinding([.escape], .close, .sendUpdate, "Discard it: nothing is sent", hint: "discard"),
        // Line editors
        KeyBinding([.enter], .commit, .note, "Add the note", hint: "add"),
        KeyBinding([.escape], .close, .note, "Cancel", hint: "cancel"),
        KeyBinding([.enter], .commit, .command, "Run the command", hint: "run"),
        KeyBinding([.tab], .complete, .command, "Complete the command or argument", hint: "complete"),
        KeyBinding([.escape], .close, .command, "Cancel", hint: "cancel"),
        KeyBinding([.enter], .commit, .filter, "Keep the filter", hint: "keep"),
        KeyBinding([.escape], .close, .filter, "Clear the filter", hint: "clear"),
        KeyBinding([.left], .editLeft, .editor, "Cursor left", label: "←"),
        KeyBinding([.right], .editRight, .editor, "Cursor right", label: "→"),
        KeyBinding([.backspace], .editBackspace, .editor, "Delete the character before the cursor"),
        KeyBinding([.ctrl("u")], .editDeleteToStart, .editor, "Delete to the start", hint: "clear"),
        KeyBinding([.ctrl("w")], .editDeleteWord, .editor, "Delete the word before the cursor"),
        // Severity picker
        KeyBinding([.up, .char("k")], .up, .severity, "Previous level", label: "↑/k"),
        KeyBinding([.down, .char("j")], .down, .severity, "Next level", hint: "move", label: "↓/j"),
        KeyBinding([.enter], .commit, .severity, "Set this severity", hint: "set"),
        KeyBinding([.escape], .close, .severity, "Cancel", hint: "cancel"),
        // Checklist chooser
        KeyBinding([.up, .char("k")], .up, .chooser, "Previous list", label: "↑/k"),
        KeyBinding([.down, .char("j")], .down, .chooser, "Next list", hint: "move", label: "↓/j"),
        KeyBinding([.enter], .commit, .chooser, "Show it in the checklist pane", hint: "show"),
        KeyBinding([.escape], .close, .chooser, "Cancel", hint: "cancel"),
        KeyBinding([.char("y"), .enter], .confirm, .offer, "Show the procedure", hint: "show"),
        KeyBinding([.char("n"), .escape], .close, .offer, "Keep the current list", hint: "keep"),
        // Metric chart
        KeyBinding([.escape, .enter, .char("q")], .close, .chart, "Close the chart", hint: "close"),
        KeyBinding([.char("s")], .seriesList, .chart, "Show or hide the list of series, worst first", hint: "series"),
        KeyBinding([.up, .char("k")], .up, .chart, "Scroll the series list up", label: "↑/k"),
        KeyBinding([.down, .char("j")], .down, .chart, "Scroll the series list down", hint: "scroll", label: "↓/j"),
        // Help and quit
        KeyBinding([.escape, .char("?"), .char("q")], .close, .help, "Close help", hint: "close"),
        KeyBinding(
            [KeyEvent(.pageDown), .down, .char(" ")], .pageDown, .help, "Next page of help", hint: "more",
            label: "PgDn/↓"),
        KeyBinding([KeyEvent(.pageUp), .up], .pageUp, .help, "Previous page of help", label: "PgUp/↑"),
        KeyBinding([.char("y")], .confirm, .confirmQuit, "Quit anyway", hint: "quit"),
        KeyBinding([.char("n"), .escape], .close, .confirmQuit, "Stay", hint: "stay")
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
    /// `only`: the actions that apply at the moment (a dialog's kind), nil for all.
    public static func hints(for context: BindingContext, only: Set<Action>? = nil) -> [(keys: String, text: String)] {
        context.chain.flatMap { step in
            all.filter { $0.context == step && only?.contains($0.action) != false }
                .compactMap { b in b.hint.map { (b.label, $0) } }
        }
    }

    /// Help text: one section per context (its title unindented), one `keys  help` row per binding.
    public static func helpLines() -> [String] {
        var lines: [String] = []
        let width = all.map { DisplayWidth.of($0.label) }.max() ?? 0
        for context in BindingContext.allCases {
            let rows = all.filter { $0.context == context }
            guard !rows.isEmpty else { continue }
            lines.append(context.title)
            for row in rows { lines.append("  " + TextFit.pad(row.label, toWidth: width) + "  " + row.help) }
        }
        return lines
    }
}
