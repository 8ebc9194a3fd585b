/// Decides whether a shell command is understood well enough to take a value that is not a plain
/// word: every simple command in it (also inside `$(…)` and backticks) must be a program on an
/// allow-list of programs that take their arguments and their input as data. Anything else —
/// an interpreter, `trap`, `eval`, `xargs`, `flock -c`, a pipe into `sh` or `sqlite3`, `[[ ]]`,
/// a function, a process substitution — is a refusal, never a run: an unknown construct is not
/// assumed safe.
enum ShellDataPolicy {
    /// Programs whose arguments (past their options) and standard input are only ever data. A value
    /// cannot start with `-` in an option position (checked separately), so it cannot add an option.
    static let dataPrograms: Set<String> = [
        "echo", "printf", "cat", "tac", "grep", "egrep", "fgrep", "zgrep", "rg", "head", "tail", "wc", "sort", "uniq",
        "cut",
        "tr", "tee", "nl", "fold", "column", "paste", "comm", "diff", "cmp", "base64", "sha256sum", "sha1sum", "md5sum",
        "ls", "stat", "file", "du", "df", "touch", "mkdir", "rmdir", "rm", "cp", "mv", "ln", "chmod", "chown",
        "realpath",
        "basename", "dirname", "readlink", "date", "sleep", "true", "false", "test", "[", "id", "whoami", "hostname",
        "uname", "uptime", "free", "ps", "pgrep", "pkill", "kill", "ss", "netstat", "lsof", "dig", "host", "nslookup",
        "ping", "traceroute", "curl", "kubectl", "helm", "docker", "podman", "systemctl", "journalctl", "logger",
        "git", "aws", "gcloud", "az", "gzip", "gunzip", "zcat", "xxd", "od"
    ]

    /// Options of data programs whose argument is a program, a shell command or a variable name
    /// (evaluated with its subscript): a command using one is not data-only, wherever the value is.
    static let codeOptions: [String: Set<String>] = [
        "git": ["-c", "--config-env", "--exec-path", "--upload-pack", "--receive-pack", "-u", "--exec"],
        "sort": ["--compress-program"], "printf": ["-v"], "test": ["-v", "-R"], "[": ["-v", "-R"],
        "curl": ["-K", "--config"], "docker": ["--entrypoint"], "podman": ["--entrypoint"],
        "helm": ["--post-renderer"], "gcloud": ["--command"]
    ]

    /// Subcommands of data programs that run a command of their own (in a container, on a host, at
    /// each step): its words and what is piped to it are code there (`kubectl exec -i pod -- sh`,
    /// `git rebase -x "…"`, `aws ssm send-command`). Matched on the words that are not options.
    static let commandRunningVerbs: [String: Set<String>] = [
        "kubectl": ["exec", "run", "debug", "attach"], "docker": ["exec", "run"], "podman": ["exec", "run"],
        "git": ["rebase", "submodule", "bisect", "filter-branch"], "gcloud": ["ssh"],
        "aws": ["send-command", "start-session", "execute-command"], "az": ["run-command", "invoke"]
    ]

    /// Programs whose input is data but whose own arguments are a program (sed, awk, jq scripts):
    /// accepted when no value and no variable reaches their arguments.
    static let inputOnlyPrograms: Set<String> = ["sed", "gsed", "awk", "gawk", "mawk", "jq", "yq", "read"]

    /// Wrappers that run the rest of their words as a command, looked through; `sudo -s`,
    /// `env -S` and friends hand the words to a shell and are refusals.
    static let wrappers = NestedShell.wrappers.subtracting(["xargs", "exec"])
    static let shellingWrapperFlags: Set<String> = ["-s", "-i", "--shell", "--login", "-S", "--split-string"]

    /// nil when every command of `code` takes its values as data; otherwise why not, naming the
    /// construct. `written`: the placeholders as written, which must not reach an input-only
    /// program's script.
    static func refusal(code: String, written: Set<String>) -> String? {
        refusal(commands: ShellParser.parse(code), written: written, depth: 0)
    }

    static func refusal(commands: [ShellSimpleCommand], written: Set<String>, depth: Int) -> String? {
        if depth > 8 { return "substitutions nest too deeply to follow" }
        for command in commands {
            if command.redirects.contains(where: { $0.target.hasPrefix("(") }) {
                return "it has a process substitution <(…), which warroom does not follow"
            }
            for body in command.substitutions {
                if let why = refusal(commands: ShellParser.parse(body), written: written, depth: depth + 1) {
                    return why
                }
            }
            guard let program = program(of: command) else {
                if command.words.isEmpty { continue }
                return "`\(command.words[0])` hands its words to a shell"
            }
            if dataPrograms.contains(program) {
                let options = codeOptions[program] ?? []
                if let option = command.words.dropFirst().first(where: { word in
                    options.contains { word == $0 || ($0.hasPrefix("--") && word.hasPrefix($0 + "=")) }
                }) {
                    return "`\(program) \(option)` takes a program or a variable name, which is code"
                }
                if let verbs = commandRunningVerbs[program],
                    let verb = command.words.dropFirst().first(where: { verbs.contains($0) })
                {
                    return "`\(program) \(verb)` runs a command of its own, whose words warroom does not follow"
                }
                continue
            }
            if inputOnlyPrograms.contains(program) {
                let reached = command.words.dropFirst().contains { word in
                    written.contains { word.contains($0) } || expandsVariable(word)
                }
                if !reached { continue }
                return "`\(program)` reads its arguments as a program, and a value or variable reaches them"
            }
            return "`\(program)` is not a program warroom knows to take its arguments and input only as data"
        }
        return nil
    }

    /// The program's base name past wrappers and their options; nil when a wrapper would hand the
    /// words to a shell.
    static func program(of command: ShellSimpleCommand) -> String? {
        let words = command.words
        var p = 0
        while p < words.count {
            let name = NestedShell.baseName(words[p])
            guard wrappers.contains(name) else { break }
            p += 1
            while p < words.count, words[p].hasPrefix("-") || ShellParser.isAssignment(words[p]) {
                if shellingWrapperFlags.contains(words[p]) { return nil }
                p += NestedShell.wrapperValueFlags[name]?.contains(words[p]) == true ? 2 : 1
            }
            if name == "timeout" { p += 1 }
        }
        return p < words.count ? NestedShell.baseName(words[p]) : (words.isEmpty ? nil : "")
    }

    /// Whether a `--` among `words` (those before a placeholder) ends the options of the program
    /// the placeholder is an argument of. A wrapper's `--` (`sudo -- sort …`) ends only the
    /// wrapper's, and the `--` before a command another program runs (`kubectl exec pod -- sort …`,
    /// `ssh host -- …`) starts that command, whose own options follow.
    static func optionsEnded(_ words: [String]) -> Bool {
        var p = 0
        while p < words.count {
            let name = NestedShell.baseName(words[p])
            guard NestedShell.wrappers.contains(name) else { break }
            p += 1
            while p < words.count, words[p].hasPrefix("-") || ShellParser.isAssignment(words[p]) {
                if words[p] == "--" { p += 1; break }
                p += NestedShell.wrapperValueFlags[name]?.contains(words[p]) == true ? 2 : 1
            }
            if name == "timeout" { p += 1 }
        }
        guard p < words.count, let dash = words[(p + 1)...].firstIndex(of: "--") else { return false }
        let program = NestedShell.baseName(words[p])
        let runsCommand =
            ["ssh", "autossh", "oc"].contains(program)
            || words[(p + 1)..<dash].contains { commandRunningVerbs[program]?.contains($0) == true }
        return runsCommand ? optionsEnded(Array(words[(dash + 1)...])) : true
    }

    /// `$name`, `${…}` or `$(…)` in a word (quotes already removed); `$/` or a trailing `$` is text.
    static func expandsVariable(_ word: String) -> Bool {
        let u = Array(word.utf8)
        for (k, b) in u.enumerated() where b == UInt8(ascii: "$") && k + 1 < u.count {
            let next = u[k + 1]
            if PlaceholderForms.isIdentStart(next) || next == UInt8(ascii: "{") || next == UInt8(ascii: "(")
                || (next >= 48 && next <= 57) || next == UInt8(ascii: "@") || next == UInt8(ascii: "*")
            {
                return true
            }
        }
        return false
    }
}
