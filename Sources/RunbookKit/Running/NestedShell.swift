/// Spots text that a second parser will read as code: arguments of `ssh host "…"`, `bash -c '…'`,
/// `eval …`, `watch …`, `su -c …`, `psql -c "…"`, `python3 -c "…"`, `awk '…'`, `sed '…'`, and
/// heredocs fed to anything but `cat`/`tee`. Quoting a value for the shell does not protect it
/// from the second parser, so only values no shell, SQL or script language treats specially are
/// used there (`PlainWord.isPlainForAnyParser`).
enum NestedShell {
    static let shells: Set<String> = ["bash", "sh", "zsh", "dash", "ksh", "ash", "fish"]
    /// Programs that run their arguments as given (not through a shell); looked through.
    static let wrappers: Set<String> = [
        "sudo", "env", "nohup", "time", "timeout", "nice", "ionice", "stdbuf", "command",
        "exec", "xargs", "doas", "chronic", "caffeinate"
    ]
    static let sshValueFlags: Set<String> = [
        "-i", "-p", "-o", "-l", "-J", "-F", "-b", "-c", "-D", "-E", "-e", "-L", "-m",
        "-O", "-Q", "-R", "-S", "-W", "-w", "-B", "-I"
    ]

    /// Wrapper options that take a value (`sudo -u postgres`).
    static let wrapperValueFlags: [String: Set<String>] = [
        "sudo": ["-u", "-g", "-C", "-h", "-p", "-U", "-r", "-t"], "doas": ["-u", "-C"],
        "env": ["-u", "-C", "--unset", "--chdir"],
        "timeout": ["-s", "-k", "--signal", "--kill-after"], "nice": ["-n"], "ionice": ["-c", "-n", "-p"],
        "xargs": ["-I", "-n", "-P", "-L", "-d", "-a", "-E", "-s"], "stdbuf": ["-i", "-o", "-e"]
    ]

    static func baseName(_ word: String) -> String {
        (word.split(separator: "/").last.map(String.init) ?? word).lowercased()
    }

    /// The program that would hand the text being typed at the end of `prefix` to a shell, if any.
    /// `prefix` runs from the start of a simple command to a placeholder.
    static func evaluator(prefix: String) -> String? {
        guard let command = ShellParser.parse(prefix).last else { return nil }
        let endsWord = prefix.last.map { $0 == " " || $0 == "\t" } ?? true
        // Words wholly before the placeholder; a partial last word is the one it is in.
        var words = command.words
        if !endsWord, !words.isEmpty { words.removeLast() }
        // The program, past wrappers, their options and `VAR=value` words.
        var p = 0
        while p < words.count {
            let word = baseName(words[p])
            guard wrappers.contains(word) else { break }
            p += 1
            while p < words.count, words[p].hasPrefix("-") || ShellParser.isAssignment(words[p]) {
                p += wrapperValueFlags[word]?.contains(words[p]) == true ? 2 : 1
            }
            if word == "timeout" { p += 1 } // the duration
        }
        guard p < words.count else { return nil }
        let program = baseName(words[p])
        let rest = words[min(p + 1, words.count)...]
        switch program {
        case "eval": return "eval"
        case "watch": return "watch"
        case "ssh", "autossh":
            var j = p + 1
            while j < words.count {
                if sshValueFlags.contains(words[j]) { j += 2; continue }
                if words[j].hasPrefix("-") { j += 1; continue }
                return "ssh" // words[j] is the host: the placeholder is in the remote command
            }
            return nil
        case "su", "runuser":
            if rest.contains(where: { $0 == "-c" || $0 == "--command" || $0.hasPrefix("--command=") }) {
                return program
            }
        default: break
        }
        // `bash -c`, `psql -c`, also further along (`kubectl exec pod -- sh -c …`, `xargs sh -c …`).
        for (k, word) in words.enumerated().dropFirst(p) {
            let name = baseName(word)
            let after = words[(k + 1)...]
            if shells.contains(name),
                after.contains(where: { $0.hasPrefix("-") && !$0.hasPrefix("--") && $0.contains("c") })
            {
                return "\(name) -c"
            }
            if let flags = codeFlags[name],
                let flag = after.first(where: { arg in flags.contains { Self.arg(arg, gives: $0) } })
            {
                return "\(name) \(flag)"
            }
            if name == "trap" { return "trap" }
            if ["flock", "script", "su", "runuser"].contains(name), after.contains(where: { Self.arg($0, gives: "-c") })
            {
                return "\(name) -c"
            }
            // SQL after the database
            if name == "sqlite3", after.contains(where: { !$0.hasPrefix("-") }) { return "sqlite3" }
            // Their program text runs too: awk's system(), GNU sed's `e` and `w` commands. Only the
            // program is code: once it is written (`sed -i 's/a/b/' <file>`, `jq '.items' <file>`),
            // the words after it are files.
            if scriptPrograms.contains(name) {
                let previous = after.last
                let written = after.contains { word in
                    !word.hasPrefix("-") && (word.first == "." || word.contains { "/{}$ '\"|".contains($0) })
                }
                return previous == "-e" || previous == "--expression" || !written ? name : nil
            }
        }
        return nil
    }

    /// `-c`, `--command=…`, or `-c` among bundled letters (`-Bc`, `-tAc`, `-ne`, `-pe`).
    static func arg(_ arg: String, gives flag: String) -> Bool {
        if arg == flag || arg.hasPrefix(flag + "=") { return true }
        guard flag.count == 2, flag.hasPrefix("-"), arg.hasPrefix("-"), !arg.hasPrefix("--"), let letter = flag.last
        else { return false }
        return arg.dropFirst().allSatisfy { $0.isLetter } && arg.contains(letter)
    }

    /// Interpreters and the options that give them code to run.
    static let codeFlags: [String: Set<String>] = [
        "psql": ["-c", "--command"], "mysql": ["-e", "--execute"], "mariadb": ["-e", "--execute"],
        "clickhouse-client": ["-q", "--query"], "cqlsh": ["-e", "--execute"], "cockroach": ["-e", "--execute"],
        "sqlcmd": ["-q", "-Q"], "mongo": ["--eval"], "mongosh": ["--eval"], "redis-cli": ["--eval"],
        "python": ["-c"], "python3": ["-c"], "node": ["-e", "--eval", "-p", "--print"], "ruby": ["-e"],
        "perl": ["-e", "-E"],
        "php": ["-r"]
    ]

    /// Programs whose arguments start with a program of their own.
    static let scriptPrograms: Set<String> = ["awk", "gawk", "mawk", "nawk", "sed", "gsed", "jq", "gojq", "yq"]

    /// Languages where even `:` or `/` can start code in a plain-looking word (`qx:cmd:`, `%x:cmd:`).
    static let quoteOperatorLanguages: Set<String> = ["perl -e", "perl -E", "perl -n", "perl -p", "ruby -e"]

    /// Programs whose heredoc is data, not code.
    static let dataReaders: Set<String> = ["cat", "tee"]

    /// The program a heredoc at the end of `prefix` feeds, when that program reads it as code.
    static func heredocReader(prefix: String) -> String? {
        guard let command = ShellParser.parse(prefix).last else { return nil }
        var p = 0
        let words = command.words
        while p < words.count,
            wrappers.contains(baseName(words[p])) || words[p].hasPrefix("-") || ShellParser.isAssignment(words[p])
        {
            p += 1
        }
        guard p < words.count else { return nil }
        let program = baseName(words[p])
        return dataReaders.contains(program) ? nil : program
    }
}
