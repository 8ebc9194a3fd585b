/// A runbook command made ready to run: the exact text, the process that runs it, and what the
/// console must ask before it does.
public struct PreparedRun: Sendable, Equatable {
    public var commandId: Int
    public var title: String?
    public var language: String
    /// The exact text that will run: placeholders replaced by their quoted values. The preview shows it.
    public var text: String
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

    public init(commandId: Int, title: String?, language: String, text: String, runnerName: String, executable: String,
                arguments: [String], input: String?, environment: [String: String], workingDirectory: String?,
                values: [String: String], secretNames: Set<String>, risk: Risk, riskReason: String,
                confirmationWord: String?, interactive: Bool, timeout: Double?, silentAfter: Double) {
        self.commandId = commandId
        self.title = title
        self.language = language
        self.text = text
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

    public var description: String {
        switch self {
        case .manual(let id): "command \(id) is a manual step: it cannot be run, mark it done instead"
        case .missingValues(let names): "missing value for " + names.map { "\($0)" }.joined(separator: ", ")
        case .noRunner(let language):
            "no runner for \(language) commands; add one to warroom.yaml, e.g.\n  runners:\n    \(language): <program that reads the code on stdin>"
        case .runnerNotFound(let language, let program): "the \(language) runner needs \(program), which is not installed (not on PATH)"
        }
    }
}

/// Turns a runbook command plus placeholder values into a `PreparedRun`. Pure: nothing runs.
public enum RunPreparer {
    /// The command's placeholders with no value in `values` nor in `environment`, in order.
    public static func missing(_ command: RunbookCommand, values: [String: String], environment: [String: String]) -> [String] {
        command.placeholders.filter { values[$0] == nil && environment[$0] == nil }
    }

    /// Values for the command's placeholders that `environment` already holds.
    public static func known(_ command: RunbookCommand, environment: [String: String]) -> [String: String] {
        command.placeholders.reduce(into: [:]) { out, name in if let v = environment[name] { out[name] = v } }
    }

    /// Whether a placeholder's value is a secret (a token, password, key …).
    public static func isSecret(_ name: String) -> Bool {
        let upper = name.uppercased()
        return ["TOKEN", "PASSWORD", "PASSWD", "SECRET", "KEY", "CREDENTIAL"].contains { upper.contains($0) }
    }

    /// The word a destructive command asks to be typed.
    public static func confirmationWord(for command: RunbookCommand) -> String {
        "RUN-\(command.id)"
    }

    /// The run `command` becomes with `values` (which win over `environment`).
    /// `interactive`: the user asked for the real terminal (`!`).
    public static func prepare(_ command: RunbookCommand, values: [String: String], settings: RunnerSettings,
                               environment: [String: String], interactive: Bool = false) throws(PrepareProblem) -> PreparedRun {
        if !command.runnable || command.language == "manual" { throw .manual(commandId: command.id) }
        let missingNames = missing(command, values: values, environment: environment)
        if !missingNames.isEmpty { throw .missingValues(missingNames) }
        var used = known(command, environment: environment)
        used.merge(values) { _, new in new }
        // Contract stub: replaced by context-aware quoting.
        var text = command.code
        for (name, value) in used {
            for form in ["${\(name)}", "$\(name)", "<\(name)>"] { text = text.replacingOccurrences(of: form, with: "'\(value)'") }
        }
        return PreparedRun(
            commandId: command.id, title: command.title, language: command.language, text: text, runnerName: "bash",
            executable: "/bin/bash", arguments: ["-c", text], input: nil, environment: settings.environment,
            workingDirectory: settings.workingDirectory, values: used,
            secretNames: Set(used.keys.filter(isSecret)), risk: command.risk, riskReason: command.riskReason,
            confirmationWord: command.risk == .destructive ? confirmationWord(for: command) : nil,
            interactive: interactive || command.interactive, timeout: settings.timeout, silentAfter: settings.silentAfter)
    }
}
