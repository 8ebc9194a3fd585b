/// Whether a command needs a real terminal: REPLs, bare database clients, `-it`, followers
/// (`tail -f`, `logs -f`), `watch`, `top`, editors.
enum Interactivity {
    static let replPrograms: Set<String> = ["python", "python3", "node", "irb", "ipython", "bpython", "bash", "sh", "zsh",
                                            "ash", "dash", "fish", "rails", "iex", "ghci", "lua", "php"]
    static let followers: Set<String> = ["kubectl", "oc", "docker", "docker-compose", "podman", "stern", "journalctl", "heroku",
                                         "fly", "flyctl", "netlify", "vercel", "aws", "gcloud", "tail"]

    static func isInteractive(_ code: String, language: String) -> Bool {
        switch language {
        case "sql", "promql", "manual": return false
        case "python": return pythonSession(code)
        default: break
        }
        return ShellRisk.analyze(code, depth: 0).interactive
    }

    /// `python manage.py shell` followed by statements, or `>>>` prompts.
    static func pythonSession(_ code: String) -> Bool {
        for raw in code.lines {
            let line = raw.trimmed
            if line.isEmpty || line.hasPrefix("#") { continue }
            if line.hasPrefix(">>>") { return true }
            let words = line.split(separator: " ").map(String.init)
            if let first = words.first, ["python", "python3", "./manage.py", "manage.py", "django-admin", "ipython"].contains(first) {
                return words.count == 1 || words.contains("shell") || words.contains("shell_plus") || words.contains("dbshell") || words.contains("-i")
            }
            return false
        }
        return false
    }

    static func isInteractive(_ inv: ShellInvocation) -> Bool {
        if inv.wrapperInteractive { return true }
        let program = inv.program
        let args = inv.lowerArgs
        let source = inv.source
        let fedInput = source.pipedIn || source.heredoc != nil || source.redirects.contains { $0.op == "<" || $0.op == "<<<" }
        switch program {
        case "psql", "mysql", "mariadb", "sqlite3", "cqlsh", "clickhouse-client", "mongo", "mongosh", "sqlcmd":
            if fedInput { return false }
            let batch: Set<String> = ["-c", "--command", "-f", "--file", "-l", "--list", "-e", "--execute", "--eval", "-q", "--version", "-v"]
            if args.contains(where: { batch.contains($0) || $0.hasPrefix("--command=") || $0.hasPrefix("--file=") || $0.hasPrefix("--execute=") }) {
                return false
            }
            if program == "sqlite3" { return inv.positionals(valueFlags: []).count < 2 }
            return true
        case "redis-cli", "valkey-cli":
            if fedInput { return false }
            let pos = inv.positionals(valueFlags: ShellInvocations.valueFlags(for: "redis-cli"))
            if let command = pos.first { return ["monitor", "subscribe", "psubscribe"].contains(command) }
            let batch: Set<String> = ["--scan", "--bigkeys", "--memkeys", "--hotkeys", "--pipe", "--rdb", "--version", "-r"]
            if args.contains(where: { batch.contains($0) }) { return false }
            // Bare client, `--stat`, `--latency`: runs until interrupted.
            return true
        case "top", "htop", "atop", "btop", "iotop", "iftop", "nethogs", "glances", "k9s", "vim", "vi", "nvim", "nano", "emacs",
             "pico", "less", "more", "man", "tmux", "screen", "mc", "ncdu", "watch", "su", "visudo", "crontab":
            if program == "crontab" { return args.contains("-e") }
            if program == "top" { return !args.contains("-b") && !args.contains("-n") }
            return true
        case "sudo":
            return args.contains("-i") || args.contains("-s")
        default:
            break
        }
        let positionals = inv.positionals(valueFlags: ShellInvocations.valueFlags(for: program))
        let follows = inv.args.contains("-f") || inv.args.contains("-F") || args.contains("--follow")
            || args.contains(where: { $0.hasPrefix("--follow=") })
        if follows {
            // `tail -f`, `journalctl -f`, `kubectl logs -f`; `kubectl apply -f` is a file.
            if program == "tail" || program == "journalctl" || program == "stern" { return true }
            if followers.contains(program), positionals.contains("logs") || positionals.contains("log") || positionals.contains("tail") {
                return true
            }
        }
        if program == "kubectl" || program == "oc" {
            if ["edit", "attach", "port-forward", "proxy"].contains(positionals.first ?? "") { return true }
            if inv.args.contains("-w") || args.contains("--watch") || args.contains("--watch-only") { return true }
            if positionals.first == "run" || positionals.first == "debug", ShellInvocations.hasTTY(inv.args) { return true }
        }
        if program == "docker" || program == "podman" {
            if ["run", "attach", "start"].contains(positionals.first ?? ""), ShellInvocations.hasTTY(inv.args) { return true }
            if positionals.first == "stats", !args.contains("--no-stream") { return true }
        }
        if replPrograms.contains(program) {
            if fedInput { return false }
            let pos = positionals
            if pos.isEmpty && !args.contains("-c") && !args.contains("-m") && !args.contains("--version") && !args.contains("-v") {
                return true
            }
            if args.contains("-i") { return true }
            if pos.count >= 2, ["manage.py", "./manage.py"].contains(pos[0]) || pos[0].hasSuffix("/manage.py") {
                return ["shell", "dbshell", "shell_plus"].contains(pos[1])
            }
            if program == "rails", ["console", "c", "dbconsole", "db"].contains(pos.first ?? "") { return true }
        }
        if program == "django-admin", ["shell", "dbshell"].contains(positionals.first ?? "") { return true }
        return false
    }
}
