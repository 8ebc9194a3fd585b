import RunbookKit

/// The steps between choosing a command and running it: a form for missing placeholder values,
/// a preview (with its question or typed confirmation), a manual step, or why it cannot run.
public enum RunDialog: Sendable, Equatable {
    case form(RunForm)
    case preview(RunPreview)
    /// A prose step: it cannot be run, only marked done.
    case manual(commandId: Int, title: String)
    /// `PrepareProblem.description` (no runner, runner not installed).
    case problem(commandId: Int, text: String)

    var context: BindingContext { .runDialog }

    /// Whether plain characters are text typed into the dialog (else they may be keys).
    var takesText: Bool {
        switch self {
        case .form: true
        case .preview(let preview): preview.run.confirmationWord != nil
        case .manual, .problem: false
        }
    }

    var commandId: Int {
        switch self {
        case .form(let form): form.commandId
        case .preview(let preview): preview.run.commandId
        case .manual(let id, _), .problem(let id, _): id
        }
    }
}

/// One field per placeholder: missing ones empty, known ones (environment, remembered) filled in.
public struct RunForm: Sendable, Equatable {
    public struct Field: Sendable, Equatable {
        public var name: String
        public var editor: LineEditor
        /// Masked while typed and on screen.
        public var secret: Bool
        /// It had no value when the form opened.
        public var missing: Bool
    }

    public var commandId: Int
    public var interactive: Bool
    public var fields: [Field]
    /// Index of the field being typed into.
    public var focused: Int

    /// The form for `command`: every placeholder, known values pre-filled; the first missing one focused.
    init(_ command: RunbookCommand, known: [String: String], interactive: Bool) {
        commandId = command.id
        self.interactive = interactive
        var seen = Set<String>()
        fields = command.placeholders.filter { seen.insert($0).inserted }.map { name in
            Field(
                name: name, editor: LineEditor(known[name] ?? ""), secret: RunPreparer.isSecret(name),
                missing: known[name] == nil)
        }
        focused = fields.firstIndex(where: \.missing) ?? 0
    }

    /// Name → value typed or kept.
    public var values: [String: String] {
        fields.reduce(into: [:]) { $0[$1.name] = $1.editor.text }
    }

    /// Names still without a value.
    public var empty: [String] { fields.filter { $0.editor.text.isEmpty }.map(\.name) }
}

/// The exact run about to happen, and what it still needs: a `y` (change) or the typed word
/// (destructive).
public struct RunPreview: Sendable, Equatable {
    public var run: PreparedRun
    /// Destructive runs: what has been typed of the confirmation word.
    public var typed: LineEditor

    public init(run: PreparedRun) {
        self.run = run
        typed = LineEditor()
    }
}
