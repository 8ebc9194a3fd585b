/// Whether a shell group's commands must run together, as one script, rather than be offered one
/// by one. They must when one of them reads or changes what the shell itself holds (a variable,
/// the directory, a function, a background job, the last exit status), when one prints messages
/// for a reader of the script's output, when one waits for input that the lines after it may be,
/// or when a line does not start like a command at all. When unsure, the author's block is kept.
enum ScriptBlock {
    /// Builtins whose effect lasts past their own line, or that only make sense in a script; a
    /// pause belongs to the sequence around it.
    static let stateWords: Set<String> = [
        "export", "cd", "pushd", "popd", "source", ".", "set", "unset", "alias", "unalias", "local",
        "declare", "typeset", "readonly", "read", "trap", "shopt", "ulimit", "umask", "shift", "wait",
        "function", "exec", "exit", "return", "break", "continue", "eval", "let", "getopts", "sleep"
    ]
    /// A message for whoever reads the script's output, unless it feeds a pipe or a file.
    static let messageWords: Set<String> = ["echo", "printf"]

    /// `commands`: the group's logical commands, each one or more physical lines.
    static func runsAsOne(_ commands: [ArraySlice<Substring>]) -> Bool {
        for (index, physical) in commands.enumerated() {
            let text = physical.joined(separator: "\n")
            let first = Substring((physical.first ?? "").trimmed)
            guard !first.isEmpty else { continue }
            if !KnownCommands.startsLikeCommand(String(first)) && !startsCompound(first) && !callsWithOptions(first) {
                return true
            }
            if holdsState(text) || definesOrBackgrounds(physical) { return true }
            if usesLastResult(text) { return true }
            // Something that waits at the keyboard: the lines after it may be what is typed there;
            // not a watcher (`watch …`, `get -w`), which is stopped and followed by the next command.
            if index < commands.count - 1, Interactivity.isInteractive(text, language: "bash"),
                !Interactivity.onlyWatches(text)
            {
                return true
            }
        }
        return false
    }

    /// A program unknown to the table, called with options (`xtrabackup --prepare --target-dir=…`,
    /// `cmctl renew <certificate> -n <namespace>`): a lower-case name, maybe a lower-case
    /// subcommand, then a word that starts with `-`. Prose does not read like that.
    private static func callsWithOptions(_ line: Substring) -> Bool {
        let words = line.split(separator: " ", maxSplits: 5, omittingEmptySubsequences: true)
        func isName(_ word: Substring) -> Bool {
            word.first?.isLowercase == true
                && word.allSatisfy({ $0.isLowercase || $0.isNumber || $0 == "-" || $0 == "_" || $0 == "." })
        }
        guard words.count >= 2, isName(words[0]) else { return false }
        if words[1].hasPrefix("-"), words[1].count > 1 { return true }
        // After a subcommand, the option may follow an argument: `renew <certificate> -n`.
        guard isName(words[1]), words.count >= 3 else { return false }
        return words[2...].prefix(3).contains { $0.hasPrefix("-") && $0.count > 1 }
    }

    /// `NAME=value` alone (it sets NAME for what follows; `NAME=value cmd` does not), a state word,
    /// a message.
    private static func holdsState(_ text: String) -> Bool {
        let parsed = ShellParser.parse(text)
        for (index, command) in parsed.enumerated() {
            if command.words.isEmpty && !command.assignments.isEmpty { return true }
            guard var program = command.words.first else { continue }
            if program == "sudo", command.words.count > 1 { program = command.words[1] }
            if stateWords.contains(program) { return true }
            if messageWords.contains(program), command.redirects.isEmpty {
                let feedsPipe = parsed.indices.contains(index + 1) && parsed[index + 1].pipedIn
                if !feedsPipe { return true }
            }
        }
        return false
    }

    /// A function defined (`name() {`), or a job left running in the background (`… &`).
    private static func definesOrBackgrounds(_ physical: ArraySlice<Substring>) -> Bool {
        let first = physical.first?.trimmed ?? ""
        let head = first.prefix { $0 != " " && $0 != "{" }
        if head.hasSuffix("()") || first.dropFirst(head.count).trimmed.hasPrefix("()") { return true }
        let end = (physical.last ?? "").trimmingTrailing(" \t")
        return end.hasSuffix("&") && !end.hasSuffix("&&")
    }

    /// `$?`, `$!`, `$_` and `%1` refer to the command before.
    private static func usesLastResult(_ text: String) -> Bool {
        text.contains("$?") || text.contains("$!") || text.contains("$_") || text.contains("%1")
            || text.contains("${?}")
    }

    /// `if`, `for`, `while`, `until`, `case`, `{`, `(`: a construct kept whole by `ShellLines`.
    private static func startsCompound(_ line: Substring) -> Bool {
        let head = line.prefix { $0 != " " && $0 != "\t" && $0 != ";" }
        return ["if", "for", "while", "until", "case", "{", "(", "[", "[[", "time", "!"].contains(String(head))
            || head.hasPrefix("(")
    }
}
