/// A runbook command made ready to run: the exact text, the process that runs it, and what the
/// console must ask before it does.
public struct PreparedRun: Sendable, Equatable {
    public var commandId: Int
    public var title: String?
    public var language: String
    /// The exact text that will run: placeholders replaced by their quoted values.
    public var text: String
    /// `text` as shown and recorded: secret values replaced by their mask. The preview, the runs
    /// list, the journal, the timeline and the postmortem show this, never `text`.
    public var shownText: String
    /// The runner in words: `bash`, or the configured command line.
    public var runnerName: String
    /// What to spawn (absolute path) and its arguments.
    public var executable: String
    public var arguments: [String]
    /// Written to the process's stdin, then closed; nil: stdin is /dev/null.
    public var input: String?
    /// Added to the inherited environment.
    public var environment: [String: String]
    public var workingDirectory: String?
    /// Placeholder name → the value used.
    public var values: [String: String]
    /// Placeholder names whose values are secrets (masked in the record and on screen).
    public var secretNames: Set<String>
    public var risk: Risk
    public var riskReason: String
    /// Destructive commands only: the word the user must type to run it (e.g. `FLUSHDB`).
    public var confirmationWord: String?
    /// Needs the real terminal: the console suspends itself while it runs.
    public var interactive: Bool
    /// Seconds before the run is cancelled; nil: never.
    public var timeout: Double?
    /// Seconds without output before the run is flagged silent.
    public var silentAfter: Double
    /// Runners whose line names `{file}`: the runner writes `text` to this path before starting
    /// the process and removes it afterwards; nil: no file.
    public var codeFile: String?
    /// Things the commander should look at before running it (a value with `..` in a path, an
    /// absolute path where the runbook wrote a relative one); the preview shows them.
    public var warnings: [String] = []

    public init(
        commandId: Int, title: String?, language: String, text: String, runnerName: String, executable: String,
        arguments: [String], input: String?, environment: [String: String], workingDirectory: String?,
        values: [String: String], secretNames: Set<String>, risk: Risk, riskReason: String,
        confirmationWord: String?, interactive: Bool, timeout: Double?, silentAfter: Double,
        codeFile: String? = nil
    ) {
        self.commandId = commandId
        self.title = title
        self.language = language
        self.text = text
        self.shownText = text
        self.runnerName = runnerName
        self.executable = executable
        self.arguments = arguments
        self.input = input
        self.environment = environment
        self.workingDirectory = workingDirectory
        self.values = values
        self.secretNames = secretNames
        self.risk = risk
        self.riskReason = riskReason
        self.confirmationWord = confirmationWord
        self.interactive = interactive
        self.timeout = timeout
        self.silentAfter = silentAfter
        self.codeFile = codeFile
    }

    /// `values` with secrets replaced by `••••••`, for the record and the screen.
    public var maskedValues: [String: String] {
        values.reduce(into: [:]) { out, pair in out[pair.key] = secretNames.contains(pair.key) ? "••••••" : pair.value }
    }
}

/// Why a command cannot run as asked. `description` says what to do about it.
public enum PrepareProblem: Error, Equatable, Sendable, CustomStringConvertible {
    /// A prose step: it can be marked done, not run.
    case manual(commandId: Int)
    /// Placeholders without a value, in order of appearance.
    case missingValues([String])
    /// No runner for this fence language.
    case noRunner(language: String)
    /// The runner's program is not installed.
    case runnerNotFound(language: String, program: String)
    /// A value that cannot be made safe where it lands (a NUL byte, a line break in a comment,
    /// a line that would end a heredoc, a language warroom does not quote for).
    case unsafeValue(name: String, reason: String)

    public var description: String {
        switch self {
        case .manual(let id): "command \(id) is a manual step: it cannot be run, mark it done instead"
        case .missingValues(let names): "missing value for " + names.joined(separator: ", ")
        case .noRunner(let language):
            "no runner for \(language) commands; add one to warroom.yaml, e.g.\n  runners:\n    "
                + "\(language.lowercased()): "
                + Self.exampleRunner(language)
        case .runnerNotFound(let language, let program):
            "the \(language) runner needs \(program), which is not installed (not on PATH)"
        case .unsafeValue(let name, let reason): "the value of \(name) cannot be used here: \(reason)"
        }
    }

    /// A runner line that reads the code on stdin, for the languages warroom knows.
    static func exampleRunner(_ language: String) -> String {
        switch language.lowercased() {
        case "sql", "psql", "postgres", "postgresql": "psql \"$DATABASE_URL\" -v ON_ERROR_STOP=1 -f -"
        case "mysql", "mariadb": "mysql --batch"
        case "sqlite", "sqlite3": "sqlite3 \"$DATABASE_FILE\""
        case "python", "py", "python3": "python3 -"
        case "redis": "redis-cli"
        case "promql": "promtool query instant \"$PROMETHEUS_URL\" \"$(cat)\""
        case "javascript", "js", "node": "node -"
        case "ruby": "ruby -"
        case "powershell", "pwsh": "pwsh -NoProfile -Command -"
        default: "<program that reads the code on stdin>"
        }
    }
}

/// Turns a runbook command plus placeholder values into a `PreparedRun`. Pure: nothing runs.
public enum RunPreparer {
    /// The command's placeholders with no value in `values` nor in `environment`, in order.
    public static func missing(_ command: RunbookCommand, values: [String: String], environment: [String: String])
        -> [String]
    {
        command.placeholders.filter { values[$0] == nil && PlaceholderValues.fromEnvironment($0, environment) == nil }
    }

    /// Values for the command's placeholders that `environment` already holds: under the exact
    /// name, or for `<pod-name>` style names under the upper-snake form (`POD_NAME`).
    public static func known(_ command: RunbookCommand, environment: [String: String]) -> [String: String] {
        command.placeholders.reduce(into: [:]) { out, name in
            if let v = PlaceholderValues.fromEnvironment(name, environment) { out[name] = v }
        }
    }

    /// Whether a placeholder's value is a secret (a token, password, key …), judged on the
    /// name's word parts so `KEYSPACE` and `MONKEY` are not.
    public static func isSecret(_ name: String) -> Bool {
        PlaceholderValues.isSecret(name)
    }

    /// The word a destructive command asks to be typed (`FLUSHDB`, `DELETE`, `DROP`).
    public static func confirmationWord(for command: RunbookCommand) -> String {
        ConfirmationWord.word(code: command.code, language: command.language)
    }

    /// MySQL and MariaDB read `\` as an escape inside strings: the fence says so, or the runner runs them.
    static func readsBackslashEscapes(_ language: String, _ runnerName: String) -> Bool {
        let mysqlNames: Set<String> = ["mysql", "mariadb"]
        if mysqlNames.contains(language.lowercased()) { return true }
        guard QuotingLanguage(language: language) == .sql else { return false }
        // Also behind a wrapper: `kubectl exec -i mysql-0 -- mysql app`, `docker exec -i db mariadb`.
        return ShellParser.parse(runnerName).contains { command in
            command.words.contains { mysqlNames.contains(NestedShell.baseName($0)) }
        }
    }

    /// The run `command` becomes with `values` (which win over `environment`).
    /// `interactive`: the user asked for the real terminal (`!`).
    public static func prepare(
        _ command: RunbookCommand, values: [String: String], settings: RunnerSettings,
        environment: [String: String], interactive: Bool = false
    ) throws(PrepareProblem) -> PreparedRun {
        if !command.runnable || command.language.lowercased() == "manual" { throw .manual(commandId: command.id) }
        let missingNames = missing(command, values: values, environment: environment)
        if !missingNames.isEmpty { throw .missingValues(missingNames) }
        var used = known(command, environment: environment)
        used.merge(values.filter { command.placeholders.contains($0.key) }) { _, given in given }
        // Runner problems first: "add a runner" says more than a value refused for a language with no runner.
        let planned = try RunnerResolution.resolve(
            language: command.language, text: command.code, commandId: command.id,
            settings: settings, environment: environment)
        let secrets = Set(used.keys.filter(isSecret))
        // Values the environment gave stay there: the text refers to their variable (`"${API_TOKEN}"`).
        var fromEnvironment: [String: String] = [:]
        for name in used.keys where values[name] == nil {
            if let variable = PlaceholderValues.environmentNames(for: name).first(where: { environment[$0] != nil }) {
                fromEnvironment[name] = variable
            }
        }
        let rendered = try PlaceholderSubstitution.render(
            command.code, language: command.language, names: command.placeholders,
            values: used, backslashEscapes: readsBackslashEscapes(command.language, planned.name),
            secrets: secrets, fromEnvironment: fromEnvironment)
        let text = rendered.text
        let runner = try RunnerResolution.resolve(
            language: command.language, text: text, commandId: command.id,
            settings: settings, environment: environment)
        // A value is data, but data can still pick a subcommand (`kubectl <verb> pod`): judge the
        // text that will run too, and keep the worse verdict.
        // Values the environment gave are judged too, though the text only names their variable
        // (`kubectl "${VERB}" namespace payments` with VERB=delete is a delete).
        let judged =
            fromEnvironment.isEmpty
            ? text
            : (try? PlaceholderSubstitution.render(
                command.code, language: command.language, names: command.placeholders, values: used,
                backslashEscapes: readsBackslashEscapes(command.language, planned.name)
            ).text) ?? text
        let before = RiskRules.verdict(command.code, language: command.language)
        let after = judged == command.code ? before : RiskRules.verdict(judged, language: command.language)
        let raised = after.risk > command.risk
        let risk = raised ? after.risk : command.risk
        let reason = raised ? after.reason : command.riskReason
        let decider = raised ? after : before
        // A destructive command aimed by a value asks for that value (the pod's name), so the word
        // typed names what is destroyed rather than a fixed verb any target would share.
        let verb =
            risk == .destructive
            ? ConfirmationWord.word(
                for: decider.risk == .destructive ? decider : RiskVerdict(risk: risk, reason: reason),
                code: command.code, language: command.language)
            : nil
        let word = verb.map { ConfirmationWord.target(command, values: used, verb: $0) ?? $0 }
        var run = PreparedRun(
            commandId: command.id, title: command.title, language: command.language, text: text,
            runnerName: runner.name,
            executable: runner.executable, arguments: runner.arguments, input: runner.input,
            environment: runner.environment,
            workingDirectory: runner.workingDirectory, values: used, secretNames: secrets,
            risk: risk, riskReason: reason, confirmationWord: word, interactive: interactive || command.interactive,
            timeout: settings.timeout, silentAfter: settings.silentAfter, codeFile: runner.codeFile)
        run.warnings = PathWarnings.find(command, values: used)
        run.shownText = rendered.shown
        run.environment.merge(rendered.environment) { _, used in used }
        return run
    }
}
