import Foundation

/// Risk of shell text: every simple command (pipelines, `&&`/`||`/`;` lists, substitutions)
/// is judged on its own and the worst verdict wins.
enum ShellRisk {
    /// Programs that only inspect (the `inspection` rule).
    static let readOnlyPrograms = """
        cat head tail less more grep egrep fgrep zgrep zcat rg ag awk gawk sed cut sort uniq wc tr jq yq column date \
        ls ll la pwd whoami id hostname uname uptime df du free ps pgrep pidof top htop atop btop iotop vmstat iostat \
        mpstat sar netstat ss lsof ping ping6 traceroute tracepath mtr dig nslookup host whois openssl nc telnet \
        journalctl dmesg printenv env which type file stat tree diff md5sum sha1sum sha256sum base64 xxd strings \
        nproc lscpu lsblk blkid ip ifconfig route arp getent k9s stern kubetail kubectx kubens trivy gitleaks \
        nmap curlie pg_isready promtool amtool dog tcpdump ncdu history man w last lastlog sensors smartctl \
        docker-machine systemd-analyze timedatectl hostnamectl loginctl ulimit sysctl watch time
        """

    /// The SQL of a `query=` parameter in a URL, decoded; nil when there is none.
    static func sqlInURL(_ arg: String) -> String? {
        guard let range = arg.range(of: "query=", options: .caseInsensitive), arg.contains("://") else { return nil }
        let raw = arg[range.upperBound...].prefix { $0 != "&" && $0 != "#" }
        // SQL only when it starts like a statement: Prometheus' `query=up` is PromQL.
        guard let sql = String(raw).replacingOccurrences(of: "+", with: " ").removingPercentEncoding,
            let first = sql.split(separator: " ").first, SQLRisk.leadingKeywords.contains(first.uppercased())
        else { return nil }
        return sql
    }

    /// Environment variables whose value programs run as a command.
    static let commandVariables: Set<String> = [
        "PAGER", "EDITOR", "VISUAL", "GIT_SSH_COMMAND", "GIT_EDITOR", "GIT_PAGER", "LESSOPEN", "PROMPT_COMMAND",
        "BASH_ENV", "MANPAGER"
    ]

    /// Programs that run SQL given with `-c`/`-e`, from a file, a heredoc or standard input.
    static let sqlClients: Set<String> = [
        "psql", "mysql", "mariadb", "sqlite3", "clickhouse-client", "cockroach", "sqlcmd", "cqlsh"
    ]

    static func classify(_ code: String, depth: Int) -> RiskVerdict? {
        analyze(code, depth: depth).verdict
    }

    /// Risk and the need for a terminal, from one tokenization of the text.
    static func analyze(_ code: String, depth: Int) -> (verdict: RiskVerdict?, interactive: Bool) {
        let commands = ShellParser.parse(code)
        if depth == 0, let sql = sqlFallback(code, commands: commands) { return (sql, false) }
        var worst: RiskVerdict? = nil
        var interactive = false
        var pipelines: [Int: [String]] = [:]
        for command in commands { pipelines[command.pipeline, default: []].append(contentsOf: command.words) }
        for command in commands {
            if command.words.isEmpty && !command.assignments.isEmpty {
                worst = .worst(
                    worst, RiskVerdict(risk: .read, reason: "read: shell variable assignment only sets a variable"))
            }
            // `PAGER='rm -rf …' man ls`: variables whose value a program runs as a command.
            for assignment in command.assignments where depth < 3 {
                let parts = assignment.split(separator: "=", maxSplits: 1).map(String.init)
                guard parts.count == 2, commandVariables.contains(parts[0]) else { continue }
                worst = .worst(worst, classify(parts[1], depth: depth + 1))
            }
            if depth < 3 {
                for sub in command.substitutions { worst = .worst(worst, classify(sub, depth: depth + 1)) }
            }
            for redirect in command.redirects {
                if isFileWrite(redirect) { worst = .worst(worst, fileWriteVerdict(redirect, command: command)) }
                // `grep -v x f > f`: the shell empties the file before the command reads it.
                if redirect.op == ">", !redirect.target.isEmpty, command.words.dropFirst().contains(redirect.target) {
                    worst = .worst(
                        worst,
                        RiskVerdict(
                            risk: .destructive,
                            reason: "destructive: `> \(redirect.target)` empties the file the command reads",
                            word: "empty"))
                }
            }
            for inv in ShellInvocations.resolve(command, depth: depth) {
                worst = .worst(worst, verdict(inv, pipeline: pipelines[command.pipeline] ?? []))
                if !interactive && Interactivity.isInteractive(inv) { interactive = true }
            }
        }
        return (worst, interactive)
    }

    /// SQL pasted into a shell block or span (`SELECT …`): judged as SQL.
    private static func sqlFallback(_ code: String, commands: [ShellSimpleCommand]) -> RiskVerdict? {
        guard let first = commands.first?.words.first, SQLRisk.leadingKeywords.contains(first.uppercased()),
            first == first.uppercased() || commands.first!.words.count > 2,
            // `truncate -s 0 app.log` is the program, not the statement.
            first == first.uppercased() || RiskRule.byProgram[first] == nil
        else { return nil }
        return SQLRisk.classify(code)
    }

    static func isFileWrite(_ redirect: ShellSimpleCommand.Redirect) -> Bool {
        guard redirect.op.contains(">") else { return false }
        if redirect.op.hasSuffix("&") { return false } // 2>&1
        let quiet: Set<String> = ["/dev/null", "/dev/stdout", "/dev/stderr", "/dev/tty", "-", "1", "2", ""]
        return !quiet.contains(redirect.target) && !isScratchFile(redirect.target)
    }

    /// `> file` writes it; a command that prints nothing (`: >`, `true >`, `echo "" >`, `cat /dev/null >`,
    /// or none at all) empties it, which loses what it held.
    static func fileWriteVerdict(_ redirect: ShellSimpleCommand.Redirect, command: ShellSimpleCommand) -> RiskVerdict {
        let target = "`\(redirect.op) \(redirect.target)`"
        if redirect.target.hasPrefix("/proc/sysrq-trigger") || redirect.target.hasPrefix("/dev/sd")
            || redirect.target.hasPrefix("/dev/nvme") || redirect.target.hasPrefix("/dev/xvd")
        {
            return RiskVerdict(
                risk: .destructive, reason: "destructive: \(target) writes to the kernel or a raw disk", word: "write")
        }
        guard redirect.op == ">" || redirect.op == ">|" || redirect.op == "1>", printsNothing(command) else {
            return RiskVerdict(risk: .change, reason: "change: file write \(target) writes a file")
        }
        return RiskVerdict(
            risk: .destructive, reason: "destructive: \(target) with nothing written empties the file", word: "empty")
    }

    private static func printsNothing(_ command: ShellSimpleCommand) -> Bool {
        guard let program = command.words.first else { return command.substitutions.isEmpty }
        let args = command.words.dropFirst()
        switch program {
        case ":", "true", "false": return true
        case "echo", "printf": return args.allSatisfy { $0.isEmpty || $0 == "-n" || $0 == "-e" || $0 == "-ne" }
        case "cat": return Array(args) == ["/dev/null"]
        default: return false
        }
    }

    /// Saving output to a plain file name in the working folder or under /tmp (`> pods.txt`,
    /// `> /tmp/out.json`) keeps a copy for the commander; it changes nothing on the system.
    static func isScratchFile(_ target: String) -> Bool {
        if target.hasPrefix("/tmp/") { return !target.dropFirst(5).contains("/") && !target.contains("..") }
        guard let first = target.first, first.isLetter || first.isNumber || first == "_" else { return false }
        return !target.contains("/") && !target.contains("$") && !target.contains("`")
    }

    /// The verdict for one program invocation.
    static func verdict(_ inv: ShellInvocation, pipeline: [String]) -> RiskVerdict {
        var inv = inv
        // A PowerShell cmdlet (`Get-Service`) by its verb, before it can pass for a site wrapper.
        if RiskRule.byProgram[inv.program] == nil, let cmdlet = PowerShellRisk.verdict(inv) { return cmdlet }
        // A site wrapper (`gitlab-redis-cli`, `gitlab-psql`) is judged as the program it wraps.
        if RiskRule.byProgram[inv.program] == nil, !sqlClients.contains(inv.program),
            let base = KnownCommands.wrapped(inv.program)
        {
            var c = ShellInvocation(program: base, args: inv.args, source: inv.source)
            c.wrapperInteractive = inv.wrapperInteractive
            c.wrappers = inv.wrappers
            inv = c
        }
        // `docker compose …` is judged like `docker-compose …`.
        if inv.program == "docker" || inv.program == "podman",
            inv.lowerArgs.first(where: { !$0.hasPrefix("-") }) == "compose"
        {
            let rest = Array(inv.args.drop { $0.lowercased() != "compose" }.dropFirst())
            var c = ShellInvocation(program: "docker-compose", args: rest, source: inv.source)
            c.wrapperInteractive = inv.wrapperInteractive
            inv = c
        }
        if sqlClients.contains(inv.program), let v = sqlClientVerdict(inv, pipeline: pipeline) { return v }
        // `bq query '…'`: BigQuery runs the SQL it is given.
        if inv.program == "bq", inv.positionals(valueFlags: []).first == "query",
            let sql = inv.positionals(valueFlags: []).dropFirst().last, let v = SQLRisk.classify(sql)
        {
            return v
        }
        // `curl 'http://clickhouse:8123/?query=DROP%20TABLE t'`: SQL in an HTTP query string.
        if ["curl", "wget", "http", "https"].contains(inv.program),
            let query = inv.args.lazy.compactMap(sqlInURL).first, let v = SQLRisk.classify(query), v.risk > .read
        {
            return v
        }
        if StdinClients.programs.contains(inv.program),
            let fed = StdinClients.verdict(inv, pipeline: pipeline, judge: { verdict($0, pipeline: []) })
        {
            return fed
        }
        // A shell with no script of its own, or `at`/`batch` (a time, then commands on standard input).
        let readsScript =
            NestedShell.shells.contains(inv.program)
            ? inv.args.allSatisfy { $0.hasPrefix("-") }
            : (inv.program == "at" || inv.program == "batch") && !inv.args.contains("-f")
        if readsScript, inv.source.pipedIn,
            let fed = fedShellVerdict(inv, pipeline: pipeline)
        {
            return fed
        }
        if FedNetworkClients.programs.contains(inv.program),
            let sent = FedNetworkClients.verdict(inv, pipeline: pipeline)
        {
            return sent
        }

        let positionals = inv.positionals(valueFlags: ShellInvocations.valueFlags(for: inv.program))
        let flags = inv.flags
        var worst: RiskRule? = nil
        for rule in RiskRule.byProgram[inv.program] ?? []
        where rule.matches(inv, positionals: positionals, flagSet: flags) {
            if worst == nil || rule.risk > worst!.risk { worst = rule }
        }
        if let worst {
            return RiskVerdict(
                risk: worst.risk, reason: worst.reason,
                word: worst.word(inv, positionals: positionals, flagSet: flags))
        }
        if let v = ScriptWords.verdict(inv, positionals: positionals) { return v }
        return .unknown
    }

    /// `psql -c "…"`, `psql < backup.sql`, `… | psql`, heredocs, bare `psql`.
    static func sqlClientVerdict(_ inv: ShellInvocation, pipeline: [String]) -> RiskVerdict? {
        let args = inv.args
        // `cockroach node decommission`: only `cockroach sql` runs SQL.
        if inv.program == "cockroach", !inv.lowerArgs.contains("sql") { return nil }
        var sql: [String] = []
        var file: String? = nil
        var i = 0
        while i < args.count {
            let arg = args[i]
            let lower = inv.lowerArgs[i]
            // `clickhouse-client -q`, `sqlcmd -Q` take the query too.
            if ["-c", "--command", "-e", "--execute", "--query"].contains(arg)
                || (inv.program == "cockroach" && arg == "-e")
                || (arg == "-q" && inv.program == "clickhouse-client") || (arg == "-Q" && inv.program == "sqlcmd"),
                i + 1 < args.count
            {
                sql.append(args[i + 1]); i += 2; continue
            }
            // Bundled: `psql -Atc "…"`, `mysql -NBe "…"`.
            if arg.count > 2, !arg.hasPrefix("--"), i + 1 < args.count,
                (inv.program == "psql" && NestedShell.arg(arg, gives: "-c"))
                    || (inv.program.hasPrefix("m") && NestedShell.arg(arg, gives: "-e"))
            {
                sql.append(args[i + 1]); i += 2; continue
            }
            if lower.hasPrefix("--init-command=") { sql.append(String(arg.dropFirst(15))) }
            // The query attached to its flag: `psql -c"DROP TABLE users"`, `mysql -e"DROP DATABASE x"`.
            if (arg.hasPrefix("-c") && inv.program == "psql") || (arg.hasPrefix("-e") && inv.program.hasPrefix("m")),
                arg.count > 2, arg.dropFirst(2).contains(" ")
            {
                sql.append(String(arg.dropFirst(2)))
            }
            if lower.hasPrefix("--command=") { sql.append(String(arg.dropFirst(10))) }
            if lower.hasPrefix("--execute=") { sql.append(String(arg.dropFirst(10))) }
            if lower.hasPrefix("--query=") { sql.append(String(arg.dropFirst(8))) }
            if ["-f", "--file"].contains(arg), i + 1 < args.count { file = args[i + 1]; i += 2; continue }
            if lower.hasPrefix("--file=") { file = String(arg.dropFirst(7)) }
            i += 1
        }
        if inv.program == "sqlite3" {
            let pos = inv.positionals(valueFlags: ["-cmd", "-separator"])
            if pos.count >= 2 { sql.append(pos.dropFirst().joined(separator: " ")) }
        }
        for redirect in inv.source.redirects where redirect.op == "<<<" { sql.append(redirect.target) }
        if let doc = inv.source.heredoc { sql.append(doc) }
        if !sql.isEmpty {
            return SQLRisk.classify(sql.joined(separator: ";\n"))
                ?? RiskVerdict(risk: .read, reason: "read: \(inv.program) with an empty query")
        }
        if let redirect = inv.source.redirects.first(where: { $0.op == "<" }) { file = redirect.target }
        if let file { return scriptVerdict(inv.program, source: file) }
        if inv.source.pipedIn {
            // `echo "DROP TABLE t" | psql`: the SQL echoed in is judged, and never counts for less than a script.
            if let fed = fed(into: inv.program, pipeline: pipeline),
                ["echo", "printf", "cat", "<<<"].contains(fed.feeder),
                let echoed = SQLRisk.classify(fed.text), echoed.risk > .change
            {
                return echoed
            }
            let source = pipeline.joined(separator: " ")
            return scriptVerdict(inv.program, source: source)
        }
        if inv.lowerArgs.contains("-l") || inv.lowerArgs.contains("--list") {
            return RiskVerdict(risk: .read, reason: "read: \(inv.program) --list only lists databases")
        }
        return RiskVerdict(risk: .read, reason: "read: \(inv.program) opens an interactive session")
    }

    /// What a pipeline feeds into `program`: the program before it and the words it was given
    /// without their flags (`echo "DROP TABLE t" | psql` → `echo`, "DROP TABLE t"); nil when
    /// nothing comes before it.
    static func fed(into program: String, pipeline: [String]) -> (feeder: String, text: String)? {
        let words = pipeline.prefix { ShellInvocations.programName($0) != program }
        guard let first = words.first else { return nil }
        return (
            ShellInvocations.programName(first), words.dropFirst().filter { !$0.hasPrefix("-") }.joined(separator: " ")
        )
    }

    /// A shell reading its script from a pipe: what echo or printf feed it is judged as shell
    /// (`echo "rm -rf /srv/x" | sh`); a script from another program cannot be known.
    private static func fedShellVerdict(_ inv: ShellInvocation, pipeline: [String]) -> RiskVerdict? {
        guard let piped = fed(into: inv.program, pipeline: pipeline) else { return nil }
        if ["echo", "printf"].contains(piped.feeder) {
            return classify(piped.text.replacingOccurrences(of: "\\n", with: "\n"), depth: 1)
        }
        return RiskVerdict(
            risk: .unknown,
            reason: "unknown: \(inv.program) runs a script from `\(piped.feeder)`, which cannot be known")
    }

    /// SQL fed from a file or a pipe: a backup restored over a database, or a script.
    private static func scriptVerdict(_ program: String, source: String) -> RiskVerdict {
        let lower = source.lowercased()
        if ["backup", "dump", ".bak", "restore", "snapshot"].contains(where: { lower.contains($0) }) {
            return RiskVerdict(
                risk: .destructive,
                reason: "destructive: restore over a live database replaces its data (\(program) < backup)",
                word: program)
        }
        return RiskVerdict(risk: .change, reason: "change: \(program) runs a SQL script")
    }
}

/// Judges scripts and task runners by the words of their names: `npm run db:migrate`,
/// `./restore-backup.sh`, `python manage.py delete_user_data`, `wrangler publish`.
enum ScriptWords {
    static let destructive: Set<String> = [
        "delete", "destroy", "purge", "wipe", "drop", "truncate", "flush", "flushdb",
        "flushall", "erase", "nuke", "restore", "uninstall", "teardown", "prune", "rm"
    ]
    static let change: Set<String> = [
        "migrate", "migration", "migrations", "rollback", "rotate", "deploy", "publish", "release",
        "create", "createsuperuser", "import", "seed", "retry", "update", "upgrade", "install",
        "set", "enable", "disable", "restart", "start", "stop", "reload", "scale", "sync", "build",
        "push", "apply", "invalidate", "rebuild", "reindex", "backup", "loaddata", "reset",
        "send", "revoke", "grant", "anonymize", "cleanup", "clean", "fix", "repair", "upload",
        "edit", "write", "kill", "cancel", "resume", "pause", "unlock", "lock", "add", "remove",
        "generate", "init", "setup", "provision", "promote", "failover", "run", "exec", "dev"
    ]
    static let read: Set<String> = [
        "check", "status", "health", "healthcheck", "logs", "log", "report", "audit", "export",
        "inspect", "stats", "metrics", "show", "list", "ls", "get", "describe", "verify", "validate",
        "ping", "test", "tests", "lint", "errors", "performance", "usage", "monitor", "info", "version",
        "diff", "plan", "showmigrations", "dumpdata", "inspectdb", "diffsettings", "whoami", "doctor",
        "shell", "dbshell", "console", "tail", "view", "print", "debug", "help", "smoke", "top", "dump",
        "query", "count", "analyze"
    ]

    /// A path (`./x`, `a/b`) or a name with a data file's extension (`plan.json`, `dump.sql`);
    /// a dotted task name (`app.tasks.cleanup`) is none.
    static func looksLikeFile(_ word: String) -> Bool {
        if word.contains("/") { return true }
        guard let dot = word.lastIndex(of: "."), dot != word.startIndex else { return false }
        return fileExtensions.contains(word[word.index(after: dot)...].lowercased())
    }

    static let fileExtensions: Set<String> = [
        "json", "yaml", "yml", "sql", "txt", "csv", "conf", "cfg", "ini", "toml", "xml", "log", "tf", "tfvars",
        "gz", "tgz", "tar", "zip", "md", "pem", "key", "crt", "env", "bak", "dump", "out", "plan", "properties"
    ]

    /// Task runners whose first positional is a script or task name.
    static let runners: Set<String> = [
        "npm", "yarn", "pnpm", "bun", "make", "rake", "just", "task", "invoke", "fab", "mix",
        "artisan", "rails", "django-admin", "manage.py", "gradle", "mvn", "cargo", "go", "composer",
        "poetry", "pipenv", "bundle", "npx", "deno"
    ]

    static func verdict(_ inv: ShellInvocation, positionals: [String]) -> RiskVerdict? {
        var names: [String] = []
        let program = inv.program
        if program.hasSuffix(".sh") || program.hasSuffix(".py") || program.hasSuffix(".rb") || program.hasSuffix(".js")
        {
            names.append(program)
        }
        // `--delete`, `--purge`, `--drop` … on any tool (`kafka-topics --delete`, `rsync --delete`).
        // In the order written (not the flag set's), so the reason and the confirmation word are
        // the same in every process.
        for arg in inv.lowerArgs where arg.hasPrefix("--") && arg.count > 2 {
            let flag = arg.split(separator: "=", maxSplits: 1).first.map(String.init) ?? arg
            let parts = flag.dropFirst(2).split(separator: "-").map(String.init)
            if let word = parts.first, destructive.contains(word), word != "rm" {
                return RiskVerdict(
                    risk: .destructive, reason: "destructive: flag `\(flag)` deletes (\(word))", word: word)
            }
        }
        var pos = positionals[...]
        if ["python", "python3", "php", "node", "ruby", "bash", "sh"].contains(program), let script = pos.first {
            names.append(ScriptWords.baseName(script))
            pos = pos.dropFirst()
        }
        if runners.contains(program) || names.contains(where: { runners.contains($0) }) {
            while let first = pos.first, ["run", "run-script", "exec", "x", "rake"].contains(first) {
                pos = pos.dropFirst()
            }
        }
        // A file named as an argument (`plan.json`, `./dump.sql`) says nothing of what is done with it.
        names.append(contentsOf: pos.prefix(2).filter { !ScriptWords.looksLikeFile($0) })
        guard !names.isEmpty else { return nil }
        let split = names.map { name in (name, name.split { ":_-./ ".contains($0) }.map(String.init)) }
        func label(_ name: String) -> String { name == program ? "`\(name)`" : "`\(program) … \(name)`" }
        for (name, parts) in split {
            if let word = parts.first(where: { destructive.contains($0) }) {
                return RiskVerdict(
                    risk: .destructive, reason: "destructive: \(label(name)) looks like it deletes (\(word))",
                    word: word)
            }
            // `db:reset` drops and recreates the database.
            if parts.contains("reset"), parts.contains("db") || parts.contains("database") {
                return RiskVerdict(
                    risk: .destructive, reason: "destructive: \(label(name)) recreates the database (reset)",
                    word: "reset")
            }
        }
        for (name, parts) in split {
            if let word = parts.first(where: { change.contains($0) }) {
                return RiskVerdict(
                    risk: .change, reason: "change: \(label(name)) looks like it changes state (\(word))", word: word)
            }
        }
        for (name, parts) in split {
            if let word = parts.first(where: { read.contains($0) }) {
                // `db-check.sh --repair`: a flag that says a change outweighs a reading name.
                if let flag = inv.lowerArgs.first(where: { arg in
                    arg.hasPrefix("--")
                        && arg.dropFirst(2).split { $0 == "-" || $0 == "=" }.first.map {
                            change.contains(String($0))
                        } == true
                }) {
                    let flagName = flag.split(separator: "=").first.map(String.init) ?? flag
                    return RiskVerdict(
                        risk: .change, reason: "change: flag `\(flagName)` changes state",
                        word: String(flagName.dropFirst(2)))
                }
                // `… verify --execute`: a flag that carries the action out outweighs a reading word.
                if let flag = inv.lowerArgs.first(where: { actionFlags.contains($0.split(separator: "=").first ?? "") })
                {
                    return RiskVerdict(
                        risk: .change, reason: "change: flag `\(flag)` carries the action out", word: "execute")
                }
                return RiskVerdict(risk: .read, reason: "read: \(label(name)) looks read-only (\(word))")
            }
        }
        return nil
    }

    /// Flags that turn a plan or a check into the action itself.
    static let actionFlags: Set<Substring> = [
        "--execute", "--apply", "--commit", "--force", "--yes", "--confirm", "--fix"
    ]

    static func baseName(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }
}

/// Rough risk of Python snippets: destructive or writing calls by name.
enum PythonRisk {
    static let destructive: Set<String> = [
        "delete", "drop", "truncate", "flushdb", "flushall", "purge", "rmtree", "unlink",
        "remove", "drop_all", "delete_many", "delete_one", "destroy"
    ]
    static let change: Set<String> = [
        "save", "update", "create", "insert", "insert_one", "insert_many", "update_many",
        "bulk_create", "bulk_update", "write", "commit", "put", "post", "patch", "set",
        "execute", "migrate", "call_command", "system", "run", "revoke", "rotate"
    ]

    static func classify(_ code: String) -> RiskVerdict {
        var word = ""
        var found: RiskVerdict? = nil
        func check() {
            defer { word = "" }
            guard !word.isEmpty else { return }
            let lower = word.lowercased()
            if destructive.contains(lower) {
                found = RiskVerdict(
                    risk: .destructive, reason: "destructive: python \(lower)() deletes data", word: word)
            } else if found == nil, change.contains(lower) {
                found = RiskVerdict(risk: .change, reason: "change: python \(lower)() writes data", word: word)
            }
        }
        var inComment = false
        for ch in code.unicodeScalars {
            if inComment { if ch == "\n" { inComment = false }; continue }
            if ch == "#" { check(); inComment = true; continue }
            if ch.properties.isAlphabetic || ch == "_" || ("0"..."9").contains(ch) {
                word.unicodeScalars.append(ch)
            } else {
                check()
                if found?.risk == .destructive { return found! }
            }
        }
        check()
        return found ?? .unknown
    }
}
