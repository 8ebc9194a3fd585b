/// Whether a command needs a real terminal: REPLs, bare database clients, `-it`, followers
/// (`tail -f`, `logs -f`), `watch`, `top`, editors.
enum Interactivity {
    static let replPrograms: Set<String> = [
        "python", "python3", "node", "irb", "ipython", "bpython", "bash", "sh", "zsh",
        "ash", "dash", "fish", "rails", "iex", "ghci", "lua", "php"
    ]
    static let followers: Set<String> = [
        "kubectl", "oc", "docker", "docker-compose", "podman", "stern", "journalctl", "heroku",
        "fly", "flyctl", "netlify", "vercel", "aws", "gcloud", "tail"
    ]

    static func isInteractive(_ code: String, language: String) -> Bool {
        switch language {
        case "sql", "promql", "manual": return false
        case "python": return pythonSession(code)
        default: break
        }
        return ShellRisk.analyze(code, depth: 0).interactive
    }

    /// Whether every command of the text that holds the terminal only shows something until it is
    /// stopped (`watch`, `top`, `tail -f`, `kubectl get -w`, `logs -f`): it reads no lines typed at
    /// it, so the lines after it in a block are the next commands, not its input.
    static func onlyWatches(_ code: String) -> Bool {
        var watches = false
        for command in ShellParser.parse(code) {
            for inv in ShellInvocations.resolve(command) where isInteractive(inv) {
                let facts = InvocationFacts(inv)
                let watcher =
                    ["watch", "top", "htop", "atop", "btop", "iotop", "iftop", "nethogs", "glances"].contains(
                        inv.program)
                    || facts.follows || inv.args.contains("-w") || facts.args.contains("--watch")
                    || (["docker", "podman"].contains(inv.program) && facts.positionals.first == "stats")
                    || inv.wrappers.contains("watch")
                guard watcher else { return false }
                watches = true
            }
        }
        return watches
    }

    /// `python manage.py shell` followed by statements, or `>>>` prompts.
    static func pythonSession(_ code: String) -> Bool {
        for raw in code.lines {
            let line = raw.trimmed
            if line.isEmpty || line.hasPrefix("#") { continue }
            if line.hasPrefix(">>>") { return true }
            let words = line.split(separator: " ").map(String.init)
            if let first = words.first,
                ["python", "python3", "./manage.py", "manage.py", "django-admin", "ipython"].contains(first)
            {
                return words.count == 1 || words.contains("shell") || words.contains("shell_plus")
                    || words.contains("dbshell") || words.contains("-i")
            }
            return false
        }
        return false
    }

    /// Whether one simple command needs the terminal: the first rule of `table` with an opinion decides.
    static func isInteractive(_ inv: ShellInvocation) -> Bool {
        let facts = InvocationFacts(inv)
        for rule in table where rule.programs.isEmpty || rule.programs.contains(inv.program) {
            if let verdict = rule.decide(inv, facts) { return verdict }
        }
        return false
    }

    static let databaseClients: Set<String> = [
        "psql", "mysql", "mariadb", "sqlite3", "cqlsh", "clickhouse-client",
        "mongo", "mongosh", "sqlcmd"
    ]
    static let fullScreen: Set<String> = [
        "top", "htop", "atop", "btop", "iotop", "iftop", "nethogs", "glances", "k9s",
        "vim", "vi", "nvim", "nano", "emacs", "pico", "less", "more", "man", "tmux",
        "screen", "mc", "ncdu", "watch", "su", "visudo", "crontab"
    ]

    /// The rules, in order, beside `RiskRule.table`: each says which programs it is about, why they
    /// need a terminal, and decides (true / false) or has no opinion (nil: the next rule decides).
    static let table: [InteractivityRule] = [
        InteractivityRule([], "a wrapper gives it a terminal (`-it`, `exec -it`)") { inv, _ in
            inv.wrapperInteractive ? true : nil
        },
        InteractivityRule(databaseClients, "a database client without -c/-f/-e reads statements from the keyboard") {
            inv, f in
            if f.fedInput { return false }
            let batch: Set<String> = [
                "-c", "--command", "-f", "--file", "-l", "--list", "-e", "--execute", "--eval", "-q",
                "--version", "-v"
            ]
            if f.args.contains(where: {
                batch.contains($0) || $0.hasPrefix("--command=") || $0.hasPrefix("--file=")
                    || $0.hasPrefix("--execute=")
            }) {
                return false
            }
            if inv.program == "sqlite3" { return inv.positionals(valueFlags: []).count < 2 }
            return true
        },
        InteractivityRule(
            ["redis-cli", "valkey-cli"], "a bare client, MONITOR, SUBSCRIBE, --stat and --latency run until stopped"
        ) {
            inv, f in
            if f.fedInput { return false }
            let pos = inv.positionals(valueFlags: ShellInvocations.valueFlags(for: "redis-cli"))
            if let command = pos.first { return ["monitor", "subscribe", "psubscribe"].contains(command) }
            let batch: Set<String> = [
                "--scan", "--bigkeys", "--memkeys", "--hotkeys", "--pipe", "--rdb", "--version", "-r"
            ]
            return !f.args.contains(where: { batch.contains($0) })
        },
        InteractivityRule(fullScreen, "a full-screen program (editor, pager, top, watch)") { inv, f in
            if inv.program == "crontab" { return f.args.contains("-e") }
            if inv.program == "top" { return !f.args.contains("-b") && !f.args.contains("-n") }
            return true
        },
        InteractivityRule(["sudo"], "`sudo -i` and `sudo -s` open a shell") { _, f in
            f.args.contains("-i") || f.args.contains("-s")
        },
        InteractivityRule(["tail", "journalctl", "stern"], "following a log (`-f`) runs until stopped") { _, f in
            f.follows ? true : nil
        },
        InteractivityRule(followers, "`logs -f` follows until stopped (`apply -f` is a file)") { _, f in
            f.follows
                && (f.positionals.contains("logs") || f.positionals.contains("log") || f.positionals.contains("tail"))
                ? true : nil
        },
        InteractivityRule(
            ["kubectl", "oc"], "edit, attach, port-forward, proxy, --watch and `run -it` hold the terminal"
        ) {
            inv, f in
            if ["edit", "attach", "port-forward", "proxy"].contains(f.positionals.first ?? "") { return true }
            if inv.args.contains("-w") || f.args.contains("--watch") || f.args.contains("--watch-only") { return true }
            if f.positionals.first == "run" || f.positionals.first == "debug", ShellInvocations.hasTTY(inv.args) {
                return true
            }
            return nil
        },
        InteractivityRule(["docker", "podman"], "`run -it`, `attach` and a streaming `stats` hold the terminal") {
            inv, f in
            if ["run", "attach", "start"].contains(f.positionals.first ?? ""), ShellInvocations.hasTTY(inv.args) {
                return true
            }
            if f.positionals.first == "stats", !f.args.contains("--no-stream") { return true }
            return nil
        },
        InteractivityRule(replPrograms, "a REPL or shell without a script or -c reads the keyboard") { inv, f in
            if f.fedInput { return false }
            let pos = f.positionals
            if pos.isEmpty && !f.args.contains("-c") && !f.args.contains("-m") && !f.args.contains("--version")
                && !f.args.contains("-v")
            {
                return true
            }
            if f.args.contains("-i") { return true }
            if pos.count >= 2, ["manage.py", "./manage.py"].contains(pos[0]) || pos[0].hasSuffix("/manage.py") {
                return ["shell", "dbshell", "shell_plus"].contains(pos[1])
            }
            if inv.program == "rails", ["console", "c", "dbconsole", "db"].contains(pos.first ?? "") { return true }
            return nil
        },
        InteractivityRule(["django-admin"], "`django-admin shell` is a REPL") { _, f in
            ["shell", "dbshell"].contains(f.positionals.first ?? "") ? true : nil
        }
    ]
}

/// One row of `Interactivity.table`.
struct InteractivityRule: Sendable {
    /// The programs it is about; empty: every program.
    let programs: Set<String>
    /// Why such a command needs the terminal, in words.
    let why: String
    let decide: @Sendable (ShellInvocation, InvocationFacts) -> Bool?

    init(
        _ programs: Set<String>, _ why: String, decide: @escaping @Sendable (ShellInvocation, InvocationFacts) -> Bool?
    ) {
        self.programs = programs
        self.why = why
        self.decide = decide
    }
}

/// What the rules look at, worked out once per command.
struct InvocationFacts {
    /// Lower-cased arguments.
    let args: [String]
    let positionals: [String]
    /// Input comes from a pipe, a heredoc or a redirect: nothing waits for the keyboard.
    let fedInput: Bool
    /// `-f`, `-F`, `--follow`.
    let follows: Bool

    init(_ inv: ShellInvocation) {
        args = inv.lowerArgs
        positionals = inv.positionals(valueFlags: ShellInvocations.valueFlags(for: inv.program))
        let source = inv.source
        fedInput =
            source.pipedIn || source.heredoc != nil || source.redirects.contains { $0.op == "<" || $0.op == "<<<" }
        follows =
            inv.args.contains("-f") || inv.args.contains("-F") || args.contains("--follow")
            || args.contains(where: { $0.hasPrefix("--follow=") })
    }
}
