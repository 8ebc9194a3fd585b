import Foundation

/// A code block (or code span) handed to command extraction.
public struct CodeSource: Sendable, Equatable {
    /// The fence's info string as written ("bash", "sql", "console", "" ...).
    public var info: String
    public var code: String
    /// Line number of the first line of `code` in the file.
    public var line: Int
    /// The step or heading the block belongs to, used as a title when the block has none.
    public var context: String?

    /// `context` loses the colon that introduced the block ("Roll back:" titles "Roll back").
    public init(info: String, code: String, line: Int, context: String? = nil) {
        self.info = info
        self.code = code
        self.line = line
        // A fence that names itself (```bash title="check memory"```, Docusaurus and MkDocs) is
        // titled by that name.
        let own = Self.fenceTitle(info)
        self.context = (own ?? context).map { $0.hasSuffix(":") ? $0.trimmingTrailing(": ") : $0 }.flatMap {
            $0.isEmpty ? nil : $0
        }
    }

    /// The `title="…"` (or `title='…'`) attribute of a fence's info string.
    static func fenceTitle(_ info: String) -> String? {
        guard let range = info.range(of: "title=") else { return nil }
        let rest = info[range.upperBound...]
        guard let quote = rest.first, quote == "\"" || quote == "'" else { return nil }
        let inner = rest.dropFirst().prefix { $0 != quote }
        let title = inner.trimmed
        return title.isEmpty ? nil : title
    }
}

/// One command found in a code block, before it gets an id in the runbook.
public struct ExtractedCommand: Sendable, Equatable {
    public var title: String?
    public var language: String
    public var code: String
    public var line: Int
    public var placeholders: [String]
    public var risk: Risk
    public var riskReason: String
    public var runnable: Bool
    public var interactive: Bool
    public var origin: RunbookCommand.Origin

    public init(
        title: String?, language: String, code: String, line: Int, placeholders: [String], risk: Risk,
        riskReason: String, runnable: Bool, interactive: Bool, origin: RunbookCommand.Origin
    ) {
        self.title = title
        self.language = language
        self.code = code
        self.line = line
        self.placeholders = placeholders
        self.risk = risk
        self.riskReason = riskReason
        self.runnable = runnable
        self.interactive = interactive
        self.origin = origin
    }
}

/// Turns code blocks and code spans into commands (RUNBOOK-FORMATS.md §5).
///
/// The work is split by concern, all in this folder:
/// - `FenceLanguage`: what a block holds (shell, session, SQL, Python, PromQL, or nothing).
/// - `ShellLines` / `CommandSplitter`: logical lines and comment-titled, blank-separated groups.
/// - `ShellSession`: prompt lines of `console` blocks; the rest is output.
/// - `ShellParser` / `ShellInvocation`: one tokenization per command, wrappers looked through.
/// - `RiskRules` (the rule table), `ShellRisk`, `SQLRisk`: read / change / destructive.
/// - `Interactivity`, `Placeholders`, `InlineCommands`.
///
/// Session commands typed at a `redis>` prompt get the language `redis`; manual steps `manual`.
public enum CommandExtraction {
    /// The language of a block's commands, or nil when the block holds no commands
    /// (configuration, templates, alert lists, escalation flows).
    public static func blockLanguage(info: String, code: String) -> String? {
        let code = normalized(code)
        guard let kind = FenceLanguage.kind(info: info, code: code) else { return nil }
        if kind == .session {
            // A `sql` fence of `postgres=#` prompts is still SQL; a `pycon` fence Python.
            let word = FenceLanguage.infoWord(info)
            if FenceLanguage.sqlNames.contains(word) { return "sql" }
            if FenceLanguage.pythonNames.contains(word) { return "python" }
        }
        return FenceLanguage.windowsShell(info: info, kind: kind) ?? kind.language
    }

    /// CRLF and CR line ends become LF.
    static func normalized(_ code: String) -> String {
        code.contains("\r")
            ? code.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n") : code
    }

    /// Splits a block into independent commands at comment-titled, blank-line separated groups.
    public static func commands(in source: CodeSource) -> [ExtractedCommand] {
        extract(source).commands
    }

    /// The block's language (as `blockLanguage`) and its commands, deciding the kind of fence once.
    public static func extract(_ source: CodeSource) -> (language: String?, commands: [ExtractedCommand]) {
        var source = source
        source.code = normalized(source.code)
        // ```` ```kubectl get pods -n checkout ```` with nothing inside: the info string is the command.
        if source.code.trimmed.isEmpty, KnownCommands.startsLikeCommand(source.info.trimmed) {
            // It is on the fence's own line, the one before where the code would start.
            (source.code, source.info, source.line) = (source.info.trimmed, "", max(1, source.line - 1))
        }
        guard let kind = FenceLanguage.kind(info: source.info, code: source.code) else { return (nil, []) }
        var language = kind.language
        if kind == .session {
            let word = FenceLanguage.infoWord(source.info)
            if FenceLanguage.sqlNames.contains(word) { language = "sql" }
            if FenceLanguage.pythonNames.contains(word) { language = "python" }
        }
        if let windows = FenceLanguage.windowsShell(info: source.info, kind: kind) {
            // Split like a shell, run and quoted as PowerShell or cmd (a runner in warroom.yaml).
            return (
                windows,
                commands(source, kind: kind).map {
                    var c = $0; c.language = windows; return c
                }
            )
        }
        return (language, commands(source, kind: kind))
    }

    private static func commands(_ source: CodeSource, kind: FenceKind) -> [ExtractedCommand] {
        if kind == .session {
            return ShellSession.commands(source.code, firstLine: source.line).map { typed in
                // Typed into a login elsewhere: shown with where it runs, never run here.
                let title = typed.title ?? source.context
                return make(
                    title: typed.inside.map { "On `\($0)`" + (title.map { ": " + $0 } ?? "") } ?? title,
                    language: typed.language, code: typed.code, line: typed.line,
                    origin: .session, manual: typed.inside != nil, forceInteractive: typed.language == "python")
            }
        }
        return CommandSplitter.split(source.code, kind: kind).map { piece in
            make(
                title: piece.title ?? source.context, language: piece.language, code: piece.code,
                line: source.line + piece.offset, origin: .fence, manual: piece.manual,
                forceInteractive: piece.interactive)
        }
    }

    /// A code span that is a command (`kubectl top pods`), or nil for names and paths.
    public static func inlineCommand(_ span: String, line: Int) -> ExtractedCommand? {
        guard let (language, code) = InlineCommands.recognize(span) else { return nil }
        return make(
            title: nil, language: language, code: code, line: line, origin: .inline, manual: false,
            forceInteractive: false)
    }

    /// A paragraph that is nothing but one command line (see `InlineCommands.bareLine`).
    public static func bareCommand(_ paragraph: MarkdownBlock) -> ExtractedCommand? {
        guard let (language, code) = InlineCommands.bareLine(paragraph) else { return nil }
        return make(
            title: nil, language: language, code: code, line: paragraph.line, origin: .inline, manual: false,
            forceInteractive: false)
    }

    static func make(
        title: String?, language: String, code: String, line: Int, origin: RunbookCommand.Origin,
        manual: Bool, forceInteractive: Bool
    ) -> ExtractedCommand {
        let risk: Risk, reason: String, needsTerminal: Bool
        if language == "bash" || language == "redis" {
            // One tokenization serves both the risk and the terminal check.
            let analysis = ShellRisk.analyze(language == "redis" ? "redis-cli " + code : code, depth: 0)
            let verdict = analysis.verdict ?? .nothing
            (risk, reason, needsTerminal) = (verdict.risk, verdict.reason, analysis.interactive)
        } else {
            (risk, reason) = RiskRules.classify(code, language: language)
            needsTerminal = Interactivity.isInteractive(code, language: language)
        }
        let interactive = !manual && (forceInteractive || needsTerminal)
        return ExtractedCommand(
            title: title, language: language, code: code, line: line,
            placeholders: Placeholders.find(in: code, language: language), risk: risk, riskReason: reason,
            runnable: !manual, interactive: interactive, origin: origin)
    }
}
