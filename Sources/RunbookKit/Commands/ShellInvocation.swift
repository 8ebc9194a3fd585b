/// A program run with its arguments, after looking through wrappers (`sudo`, `env X=Y`, `time`,
/// `nohup`, `xargs`, `watch`, `kubectl exec … --`, `docker(-compose) exec svc`, `ssh host`,
/// `bash -c "…"`). Rules and the interactive check match on this.
struct ShellInvocation: Sendable {
    /// Basename of the program, lower-cased (`/usr/bin/psql` → `psql`).
    var program: String
    /// Arguments as written (quotes removed).
    var args: [String]
    /// The simple command this came from (redirects, heredoc, pipe position).
    var source: ShellSimpleCommand
    /// A wrapper asked for a terminal (`-it`, `watch`, `ssh` without a command).
    var wrapperInteractive = false
    /// The words of the wrappers looked through, for context (`kubectl exec`, `ssh`).
    var wrappers: [String] = []

    /// Arguments lower-cased, computed once.
    var lowerArgs: [String]

    init(program: String, args: [String], source: ShellSimpleCommand) {
        self.program = program
        self.args = args
        self.source = source
        self.lowerArgs = args.map { $0.lowercased() }
    }

    /// Positional (non-flag) arguments, skipping the values of flags that take one.
    func positionals(valueFlags: Set<String>) -> [String] {
        var out: [String] = []
        var skipNext = false
        var afterDoubleDash = false
        for arg in lowerArgs {
            if skipNext { skipNext = false; continue }
            if afterDoubleDash { out.append(arg); continue }
            if arg == "--" { afterDoubleDash = true; continue }
            if arg.hasPrefix("-") && arg.count > 1 {
                if !arg.contains("="), valueFlags.contains(arg) { skipNext = true }
                continue
            }
            out.append(arg)
        }
        return out
    }

    /// Flag names present (`--replicas=3` → `--replicas`; `-rf` → `-rf`, `-r`, `-f`).
    var flags: Set<String> {
        var out: Set<String> = []
        for arg in lowerArgs where arg.hasPrefix("-") && arg.count > 1 && arg != "--" {
            let name = arg.split(separator: "=", maxSplits: 1).first.map(String.init) ?? arg
            out.insert(name)
            if !name.hasPrefix("--"), name.count > 2 {
                for ch in name.dropFirst() { out.insert("-\(ch)") }
            }
        }
        return out
    }
}

enum ShellInvocations {
    /// Flags that take a value, per program, so positionals (subcommands) are found right.
    static let valueFlags: [String: Set<String>] = [
        "kubectl": [
            "-n", "--namespace", "--context", "--cluster", "--kubeconfig", "-l", "--selector", "-c",
            "--container", "-o", "--output", "-f", "--filename", "--since", "--tail", "--field-selector",
            "--type", "-p", "--patch", "--replicas", "--image", "--timeout", "--server", "--user", "-s", "--as"
        ],
        "redis-cli": [
            "-h", "-p", "-a", "-n", "-u", "-r", "-i", "--user", "--pass", "--pattern", "--count", "-s",
            "--cacert", "--cert", "--key", "--sni", "-d", "--memkeys-samples", "--eval"
        ],
        "celery": [
            "-a", "--app", "-b", "--broker", "-q", "--queues", "-d", "--destination", "--workdir", "--result-backend",
            "-c", "--concurrency", "-l", "--loglevel", "--timeout"
        ],
        "docker": [
            "-f", "--file", "-p", "--project-name", "-h", "--host", "--context", "--env-file", "--format", "--filter",
            "--tail", "--since", "-u", "--user", "-w", "--workdir", "-e", "--env", "--log-level", "--profile"
        ],
        "docker-compose": [
            "-f", "--file", "-p", "--project-name", "--env-file", "--tail", "--scale", "-u", "--user",
            "-w", "--workdir", "-e", "--env", "--index", "--profile", "-t", "--timeout"
        ],
        "git": ["-c", "-C", "--git-dir", "--work-tree"],
        "aws": ["--profile", "--region", "--output", "--distribution-id", "--paths", "--query", "--endpoint-url"],
        "helm": ["-n", "--namespace", "--kube-context", "-f", "--values", "--set", "--version"],
        "npm": ["--prefix", "-w", "--workspace"],
        "systemctl": ["-h", "--host", "-m", "--machine", "-t", "--type", "--state", "-n", "--lines"],
        "terraform": ["-chdir", "-var", "-var-file", "-target"]
    ]

    static func valueFlags(for program: String) -> Set<String> {
        valueFlags[program] ?? []
    }

    /// Looks through wrappers. `depth` bounds re-parsing of quoted inner commands.
    static func resolve(_ command: ShellSimpleCommand, depth: Int = 0) -> [ShellInvocation] {
        guard !command.words.isEmpty else { return [] }
        return resolve(words: command.words, source: command, depth: depth, interactive: false, wrappers: [])
    }

    static func programName(_ word: String) -> String {
        let base = word.split(separator: "/").last.map(String.init) ?? word
        return base.lowercased()
    }

    private static func resolve(
        words: [String], source: ShellSimpleCommand, depth: Int, interactive: Bool,
        wrappers: [String]
    ) -> [ShellInvocation] {
        var words = words[...]
        // Skip leading assignments introduced by wrappers (`env X=1 cmd`, `sudo X=1 cmd`).
        while let first = words.first, ShellParser.isAssignment(first) { words = words.dropFirst() }
        guard let first = words.first else { return [] }
        let program = programAliases[programName(first)] ?? programName(first)
        let rest = Array(words.dropFirst())
        // Bounded look-through: `sudo sudo sudo …` stops unwrapping after a dozen wrappers.
        if wrappers.count >= 12 {
            var inv = ShellInvocation(program: program, args: rest, source: source)
            inv.wrapperInteractive = interactive
            inv.wrappers = wrappers
            return [inv]
        }

        func inner(_ innerWords: [String], interactive extra: Bool = false) -> [ShellInvocation] {
            if innerWords.isEmpty {
                var inv = ShellInvocation(program: program, args: rest, source: source)
                inv.wrapperInteractive = interactive || extra
                inv.wrappers = wrappers
                return [inv]
            }
            return resolve(
                words: innerWords, source: source, depth: depth, interactive: interactive || extra,
                wrappers: wrappers + [program])
        }

        /// Re-parses a quoted command string (`ssh host "cmd"`, `bash -c "cmd"`, `watch "cmd"`).
        func reparsed(_ text: String, interactive extra: Bool = false) -> [ShellInvocation] {
            guard depth < 4 else { return inner([], interactive: extra) }
            let commands = ShellParser.parse(text)
            if commands.isEmpty { return inner([], interactive: extra) }
            return commands.flatMap { cmd -> [ShellInvocation] in
                var cmd = cmd
                cmd.redirects += source.redirects
                if cmd.heredoc == nil { cmd.heredoc = source.heredoc }
                return resolve(
                    words: cmd.words, source: cmd, depth: depth + 1, interactive: interactive || extra,
                    wrappers: wrappers + [program])
            }
        }

        switch program {
        case "sudo", "doas":
            // `-iu postgres`, `-Hu x`: a bundle ending in a letter that takes a value takes the next word.
            var k = 0
            while k < rest.count, rest[k].hasPrefix("-"), rest[k].count > 1 {
                if rest[k] == "--" { k += 1; break }
                let takesValue =
                    ["-u", "-g", "-h", "-p", "-c", "-d", "-r", "-t", "-C", "-D", "-U"].contains(rest[k])
                    || (!rest[k].hasPrefix("--") && rest[k].count > 2 && "ugpCDUrt".contains(rest[k].last!))
                k += takesValue ? 2 : 1
            }
            return inner(k < rest.count ? Array(rest[k...]) : [])
        case "lxc", "incus", "multipass", "crictl", "nerdctl":
            // `lxc exec c1 -- rm …`, `crictl exec -it ID rm …`
            let pos = rest.filter { !$0.hasPrefix("-") }
            guard pos.first == "exec" else { break }
            if let dash = rest.firstIndex(of: "--") {
                return inner(Array(rest[(dash + 1)...]), interactive: hasTTY(rest))
            }
            if pos.count > 2 { return inner(Array(rest.drop { $0 != pos[1] }.dropFirst()), interactive: hasTTY(rest)) }
        case "machinectl":
            // `machinectl shell c1 /bin/rm -rf …`
            let pos = rest.filter { !$0.hasPrefix("-") }
            if pos.first == "shell", pos.count > 2 { return inner(Array(rest.drop { $0 != pos[1] }.dropFirst())) }
        case "pwsh", "powershell", "powershell.exe", "cmd", "cmd.exe":
            // `pwsh -Command "Remove-Item …"`, `cmd /c del /s /q …`: the command text is judged.
            if let c = rest.firstIndex(where: {
                ["-c", "-command", "/c", "/k"].contains($0.lowercased())
            }), c + 1 < rest.count {
                return reparsed(rest[(c + 1)...].joined(separator: " "))
            }
        case "env":
            var r = rest[...]
            while let w = r.first, w.hasPrefix("-") || ShellParser.isAssignment(w) {
                r = r.dropFirst()
                if w == "-u", !r.isEmpty { r = r.dropFirst() }
            }
            return inner(Array(r))
        case "time", "nohup", "exec", "command", "builtin", "unbuffer":
            return inner(skipFlags(rest, valueFlags: []))
        case "nice", "ionice", "stdbuf", "chronic":
            return inner(skipFlags(rest, valueFlags: ["-n", "-c"]))
        case "timeout":
            let r = skipFlags(rest, valueFlags: ["-s", "-k", "--signal", "--kill-after"])
            return inner(Array(r.dropFirst()))
        case "xargs":
            let r = skipFlags(rest, valueFlags: ["-i", "-I", "-n", "-P", "-L", "-d", "-E", "-s", "-a"])
            return r.isEmpty ? inner(["echo"]) : inner(r)
        case "watch":
            let r = skipFlags(rest, valueFlags: ["-n", "--interval", "-d", "--differences"])
            if r.count == 1, r[0].contains(" ") { return reparsed(r[0], interactive: true) }
            return inner(r, interactive: true)
        case "bash", "sh", "zsh", "dash", "ksh", "ash":
            // `-c`, also among bundled letters before any script: `bash -lc '…'`, `sh -euxc "…"`.
            let options = rest.prefix { $0.hasPrefix("-") }
            if let c = options.firstIndex(where: { NestedShell.arg($0, gives: "-c") }), c + 1 < rest.count {
                return reparsed(rest[c + 1])
            }
            if let script = rest.first(where: { !$0.hasPrefix("-") }) {
                return inner([script] + rest.drop { $0 != script }.dropFirst())
            }
            // `bash <<EOF … EOF`, `sh -s < script`: the heredoc is the script.
            if let doc = source.heredoc { return reparsed(doc) }
            return inner([])
        case "ssh":
            let r = skipFlags(
                rest,
                valueFlags: [
                    "-i", "-p", "-l", "-o", "-F", "-J", "-L", "-R", "-D", "-b", "-c", "-E",
                    "-e", "-m", "-O", "-Q", "-S", "-W", "-w", "-B"
                ])
            let remote = Array(r.dropFirst())
            if remote.isEmpty {
                if let doc = source.heredoc { return reparsed(doc) }
                return inner([], interactive: !source.pipedIn && !source.redirects.contains { $0.op == "<" })
            }
            return reparsed(remote.joined(separator: " "))
        case "find":
            // `find … -exec CMD {} ;` runs CMD on each file: the find lists, CMD is judged as itself.
            var found = [ShellInvocation(program: program, args: rest, source: source)]
            found[0].wrappers = wrappers
            var i = 0
            while i < rest.count {
                guard ["-exec", "-execdir", "-ok", "-okdir"].contains(rest[i]) else { i += 1; continue }
                let command = rest[(i + 1)...].prefix { $0 != ";" && $0 != "+" && $0 != "\\;" }
                if !command.isEmpty {
                    found += resolve(
                        words: Array(command), source: source, depth: depth, interactive: interactive,
                        wrappers: wrappers + [program])
                }
                i += command.count + 2
            }
            return found
        case "gcloud", "az", "aws":
            // The command a cloud runs on a machine: `gcloud compute ssh vm --command '…'`, `az vm
            // run-command invoke --scripts "…"`, `aws ecs execute-command --command "…"`, `aws ssm
            // send-command --parameters 'commands=["…"]'`.
            var found = [ShellInvocation(program: program, args: rest, source: source)]
            found[0].wrappers = wrappers
            for (flag, value) in zip(rest, rest.dropFirst()) {
                switch flag {
                case "--command", "--scripts": found += reparsed(value)
                case "--parameters":
                    if let open = value.firstIndex(of: "["), let close = value.lastIndex(of: "]"), open < close {
                        let list = value[value.index(after: open)..<close]
                        for item in list.split(separator: ",") {
                            found += reparsed(item.trimmed.trimmingLeading("\"").trimmingTrailing("\""))
                        }
                    }
                default: break
                }
            }
            for arg in rest where arg.hasPrefix("--command=") { found += reparsed(String(arg.dropFirst(10))) }
            return found
        case "git":
            // `git -c core.pager='…' log`: git runs the pager, editor or ssh command it is given.
            var found = [ShellInvocation(program: program, args: rest, source: source)]
            found[0].wrappers = wrappers
            for (flag, value) in zip(rest, rest.dropFirst()) where flag == "-c" {
                let parts = value.split(separator: "=", maxSplits: 1).map(String.init)
                guard parts.count == 2,
                    ["core.pager", "core.editor", "core.sshcommand", "core.fsmonitor"].contains(parts[0].lowercased())
                        || parts[0].lowercased().hasPrefix("alias.") && parts[1].hasPrefix("!")
                else { continue }
                found += reparsed(parts[1].hasPrefix("!") ? String(parts[1].dropFirst()) : parts[1])
            }
            return found
        case "script":
            // `script -qc "cmd" /dev/null`
            if let c = rest.firstIndex(where: { NestedShell.arg($0, gives: "-c") || $0 == "--command" }),
                c + 1 < rest.count
            {
                return reparsed(rest[c + 1])
            }
        case "tmux":
            // `tmux new -d "cmd"`, `tmux new-session -d -s x 'cmd'`: the last word is the command.
            if let verb = rest.first(where: { !$0.hasPrefix("-") }),
                ["new", "new-session", "new-window", "neww"].contains(verb),
                let last = rest.last, last != verb, !last.hasPrefix("-")
            {
                return reparsed(last)
            }
        case "screen":
            // `screen -dm bash -c '…'`, `screen -dmS name cmd …`
            let r = skipFlags(rest, valueFlags: ["-S", "-dmS", "-c", "-L", "-Logfile", "-t"])
            return inner(r)
        case "systemd-run", "setsid", "chrt", "unshare", "nsenter", "firejail":
            var r = skipFlags(
                rest, valueFlags: ["-p", "--property", "-u", "--unit", "-M", "--machine", "-t", "--target"])
            if program == "chrt", r.first?.allSatisfy(\.isNumber) == true { r = Array(r.dropFirst()) }
            return inner(r)
        case "ansible":
            // `ansible all -m shell -a "rm -rf …"`: the shell and command modules run their argument.
            if let m = rest.firstIndex(of: "-m"), m + 1 < rest.count, ["shell", "command", "raw"].contains(rest[m + 1]),
                let a = rest.firstIndex(of: "-a"), a + 1 < rest.count
            {
                return reparsed(rest[a + 1])
            }
        case "salt", "salt-call", "salt-ssh":
            if let run = rest.firstIndex(where: { $0 == "cmd.run" || $0 == "cmd.shell" || $0 == "cmd.script" }),
                run + 1 < rest.count
            {
                return reparsed(rest[run + 1])
            }
        case "nomad":
            // `nomad alloc exec [flags] ALLOC cmd …`
            let pos = rest.filter { !$0.hasPrefix("-") }
            if pos.count > 3, pos[0] == "alloc", pos[1] == "exec" {
                return inner(Array(rest.drop { $0 != pos[2] }.dropFirst()))
            }
        case "eval":
            return rest.isEmpty ? inner([]) : reparsed(rest.joined(separator: " "))
        case "trap":
            // `trap 'rm -rf /srv/data' EXIT`: the handler runs when the shell exits.
            guard let handler = rest.first, !handler.hasPrefix("-") else { break }
            return reparsed(handler)
        case "source", ".":
            return rest.isEmpty ? inner([]) : inner(rest)
        case "chroot":
            // chroot [options] NEWROOT [COMMAND [ARG]…]
            let r = skipFlags(rest, valueFlags: ["--userspec", "--groups"])
            return inner(Array(r.dropFirst()))
        case "su", "runuser":
            if let c = rest.firstIndex(where: { $0 == "-c" || $0 == "--command" }), c + 1 < rest.count {
                return reparsed(rest[c + 1])
            }
            if let command = rest.first(where: { $0.hasPrefix("--command=") }) {
                return reparsed(String(command.dropFirst("--command=".count)))
            }
            if let dash = rest.firstIndex(of: "--"), dash + 1 < rest.count { return inner(Array(rest[(dash + 1)...])) }
            if program == "runuser", let u = rest.firstIndex(of: "-u"), u + 2 < rest.count {
                return inner(Array(rest[(u + 2)...]))
            }
        case "kubectl", "oc":
            let pos = ShellInvocation(program: program, args: rest, source: source).positionals(
                valueFlags: valueFlags(for: "kubectl"))
            if program == "oc", pos.first == "rsh", pos.count > 2 {
                // `oc rsh POD COMMAND…`
                return inner(Array(rest.drop { $0 != pos[1] }.dropFirst()), interactive: hasTTY(rest))
            }
            guard pos.first == "exec" || (pos.first == "run" || pos.first == "debug") && rest.contains("--") else {
                break
            }
            let tty = hasTTY(rest)
            guard let dash = rest.firstIndex(of: "--") else {
                return inner([], interactive: tty)
            }
            let cmd = Array(rest[(dash + 1)...])
            if cmd.count == 1, cmd[0].contains(" ") { return reparsed(cmd[0], interactive: tty) }
            return inner(cmd, interactive: tty)
        case "docker", "podman", "docker-compose":
            var r = rest[...]
            let isCompose = program == "docker-compose" || r.first == "compose"
            if program != "docker-compose", r.first == "compose" { r = r.dropFirst() }
            if !isCompose, r.first == "container" { r = r.dropFirst() }
            r =
                skipFlags(
                    Array(r),
                    valueFlags: [
                        "-f", "--file", "-p", "--project-name", "--env-file", "--profile", "-H", "--host",
                        "--context", "--project-directory", "--log-level", "-c", "--config"
                    ])[...]
            let composeRun = isCompose && r.first == "run"
            if !isCompose, r.first == "run" {
                // `docker run [options] IMAGE [COMMAND…]`
                let afterOptions = skipFlags(Array(r.dropFirst()), valueFlags: dockerRunValueFlags)
                let cmd = Array(afterOptions.dropFirst())
                if cmd.isEmpty { break }
                // Starting the container is judged too, beside what it runs.
                var container = ShellInvocation(program: program, args: rest, source: source)
                container.wrappers = wrappers
                let tty = hasTTY(Array(r))
                return [container]
                    + (cmd.count == 1 && cmd[0].contains(" ")
                        ? reparsed(cmd[0], interactive: tty)
                        : inner(cmd, interactive: tty))
            }
            guard r.first == "exec" || composeRun else { break }
            let args = skipFlags(
                Array(r.dropFirst()),
                valueFlags: [
                    "-u", "--user", "-w", "--workdir", "-e", "--env",
                    "--env-file", "--index", "--detach-keys", "--name", "-v",
                    "--volume", "-p", "--publish", "--entrypoint", "-l", "--label"
                ])
            // `docker-compose run` gets a terminal by default; whether it needs one depends on the command.
            let tty = composeRun ? false : hasTTY(Array(r.dropFirst()))
            let cmd = Array(args.dropFirst())
            if cmd.count == 1, cmd[0].contains(" ") { return reparsed(cmd[0], interactive: tty) }
            if cmd.isEmpty { return inner([], interactive: tty) }
            return inner(cmd, interactive: tty)
        default:
            break
        }
        var inv = ShellInvocation(program: program, args: rest, source: source)
        inv.wrapperInteractive = interactive
        inv.wrappers = wrappers
        return [inv]
    }

    /// `docker run` options that take a value.
    static let dockerRunValueFlags: Set<String> = [
        "-v", "--volume", "-e", "--env", "-p", "--publish", "--name", "--network", "--net", "-w", "--workdir", "-u",
        "--user", "--entrypoint", "-l", "--label", "--env-file", "--mount", "--hostname", "-h", "--platform",
        "--cpus", "-m", "--memory", "--restart", "--pull", "--add-host", "--device", "--cap-add", "--cap-drop",
        "--security-opt", "--ulimit", "--log-driver", "--dns", "--pid", "--ipc", "--shm-size", "--gpus"
    ]

    /// Short names teams give the usual programs.
    static let programAliases: [String: String] = ["k": "kubectl", "kc": "kubectl", "tf": "terraform"]

    /// Drops leading flags (and the values of `valueFlags`) up to the first positional word.
    static func skipFlags(_ words: [String], valueFlags: Set<String>) -> [String] {
        var i = 0
        while i < words.count, words[i].hasPrefix("-"), words[i].count > 1 {
            if words[i] == "--" { i += 1; break }
            if valueFlags.contains(words[i]) { i += 1 }
            i += 1
        }
        return i < words.count ? Array(words[i...]) : []
    }

    /// `-it`, `-ti`, `-i -t`, `--stdin --tty`.
    static func hasTTY(_ args: [String]) -> Bool {
        var stdin = false, tty = false
        for arg in args {
            if arg == "--" { break }
            if arg == "--stdin" || arg == "--interactive" { stdin = true; continue }
            if arg == "--tty" { tty = true; continue }
            if arg.hasPrefix("-"), !arg.hasPrefix("--") {
                if arg.contains("i") { stdin = true }
                if arg.contains("t") { tty = true }
            }
        }
        return stdin && tty
    }
}
