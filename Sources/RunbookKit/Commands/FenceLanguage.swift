/// What a fenced block holds, decided from its info string and, when that says little, its lines.
enum FenceKind: Equatable, Sendable {
    case shell, session, sql, python, promql

    /// The language reported for the block and its commands.
    var language: String {
        switch self {
        case .shell, .session: "bash"
        case .sql: "sql"
        case .python: "python"
        case .promql: "promql"
        }
    }
}

enum FenceLanguage {
    static let shellNames: Set<String> = [
        "bash", "sh", "shell", "zsh", "ksh", "fish", "ash", "dash", "posix", "shellscript", "bat", "cmd",
        "powershell", "ps1", "pwsh"
    ]
    static let sessionNames: Set<String> = [
        "console", "shell-session", "shellsession", "terminal", "bash-session", "sh-session",
        "zsh-session", "session", "prompt"
    ]
    static let sqlNames: Set<String> = [
        "sql", "psql", "postgresql", "postgres", "pgsql", "plpgsql", "mysql", "mariadb", "sqlite",
        "sqlite3", "tsql", "plsql", "cql"
    ]
    static let pythonNames: Set<String> = ["python", "py", "python3", "py3", "pycon", "ipython", "python-repl"]
    /// Configuration, data and documentation: no commands unless the lines are plainly shell.
    static let documentNames: Set<String> = [
        "yaml", "yml", "json", "jsonc", "json5", "toml", "ini", "cfg", "conf", "config",
        "markdown", "md", "text", "txt", "plain", "plaintext", "log", "logs", "output",
        "diff", "patch", "nginx", "apache", "dockerfile", "docker", "hcl", "terraform", "tf",
        "xml", "html", "css", "csv", "tsv", "env", "dotenv", "properties", "mermaid", "graphql",
        "http", "promql-output", "none", "raw", "javascript", "js", "typescript", "ts", "go",
        "rust", "java", "ruby", "php", "c", "cpp", "swift", "kotlin", "lua", "jinja", "j2",
        "systemd", "crontab", "cron", "caddy", "haproxy", "proto", "protobuf", "rego"
    ]

    /// `powershell` or `cmd` for a shell fence labelled so (`ps1`, `pwsh`, `bat`): their commands
    /// are split like a shell's, but never run by bash nor quoted as POSIX shell.
    static func windowsShell(info: String, kind: FenceKind) -> String? {
        guard kind == .shell || kind == .session else { return nil }
        switch infoWord(info) {
        case "powershell", "ps1", "pwsh": return "powershell"
        case "bat", "cmd": return "cmd"
        default: return nil
        }
    }

    /// The first word of an info string, lower-cased, without `{.`, `language-` or attributes:
    /// "bash title=x" → "bash", "{.sh}" → "sh".
    static func infoWord(_ info: String) -> String {
        var s = Substring(info.trimmed)
        while let f = s.first, f == "{" || f == "." { s = s.dropFirst() }
        if s.lowercased().hasPrefix("language-") { s = s.dropFirst(9) }
        let word = s.prefix { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == "+" || $0 == "." }
        return word.lowercased()
    }

    static func kind(info: String, code: String) -> FenceKind? {
        let word = infoWord(info)
        if sessionNames.contains(word) {
            // A session fence with no prompt at all holds plain commands.
            return ShellSession.hasAnyPrompt(code) ? .session : .shell
        }
        if shellNames.contains(word) { return ShellSession.hasPrompts(code, kind: .shell) ? .session : .shell }
        if sqlNames.contains(word) { return ShellSession.hasPrompts(code, kind: .sql) ? .session : .sql }
        if pythonNames.contains(word) { return ShellSession.hasPrompts(code, kind: .python) ? .session : .python }
        if word == "promql" || word == "prometheus" || word == "logql" || word == "metricsql" { return .promql }
        if word.isEmpty {
            if ShellSession.startsWithPrompt(code) || ShellSession.onlyRootPrompts(code) { return .session }
            if SQLText.looksLikeSQL(code) { return .sql }
            return looksLikeShell(code, strict: false) ? .shell : nil
        }
        if documentNames.contains(word) { return looksLikeShell(code, strict: true) ? .shell : nil }
        // An info string that is itself a command (```` ```kubectl get pods ````, ```` ```sudo gitlab-redis-cli ````):
        // the block holds what is typed into it, often at its prompt.
        if KnownCommands.startsLikeCommand(info.trimmed) {
            return ShellSession.startsWithPrompt(code) ? .session : .shell
        }
        return looksLikeShell(code, strict: true) ? .shell : nil
    }

    /// Whether a block's lines read as shell commands. `strict` (for config and doc
    /// languages): the first non-comment line must start with a known program.
    static func looksLikeShell(_ code: String, strict: Bool) -> Bool {
        var checked = 0
        var commandLike = 0
        var first: Bool? = nil
        // Inside a quote left open by a line before (`psql -c "` then the SQL): its argument.
        var openQuote: Character? = nil
        for raw in code.lines.prefix(400) {
            let line = raw.trimmed
            let wasQuoted = openQuote != nil
            openQuote = quoteLeftOpen(line, from: openQuote)
            if wasQuoted { continue }
            if line.isEmpty || line.hasPrefix("#") || PastedOutput.isOutput(raw) { continue }
            // `for h in …; do` … `done`: a loop is shell; its closing words say nothing.
            if ["done", "fi", "esac", "}", "then", "else", "do", ";;"].contains(line) { continue }
            let yes =
                KnownCommands.startsLikeCommand(line) || (!strict && startsLoop(line))
                || (!strict && (KnownCommands.looksLikePipeline(line) || KnownCommands.looksLikeFlaggedCall(line)))
            if first == nil { first = yes }
            checked += 1
            if yes { commandLike += 1 }
        }
        guard let first, first else { return false }
        if strict { return true }
        return commandLike * 2 >= checked
    }

    /// `for h in a b; do`, `while read -r line; do`, `if [ -f x ]; then`: a shell compound's first line.
    private static func startsLoop(_ line: String) -> Bool {
        let head = line.prefix { $0 != " " }
        guard ["for", "while", "until", "if"].contains(String(head)) else { return false }
        return line.hasSuffix("; do") || line.hasSuffix("; then") || line.hasSuffix(" do") || line.hasSuffix(" then")
    }

    /// The quote still open at the end of `line` (a `"` or `'`), given the one open before it.
    static func quoteLeftOpen(_ line: String, from open: Character?) -> Character? {
        var quote = open
        var escaped = false
        for c in line {
            if escaped { escaped = false; continue }
            if c == "\\", quote != "'" { escaped = true; continue }
            if let q = quote {
                if c == q { quote = nil }
            } else if c == "\"" || c == "'" {
                quote = c
            } else if c == "#" {
                break // a comment: its quotes are words
            }
        }
        return quote
    }
}
