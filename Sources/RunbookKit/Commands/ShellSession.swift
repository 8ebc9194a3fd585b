/// Shell-session blocks: lines after a prompt are commands, the rest is sample output.
enum ShellSession {
    /// The kind of prompt at the start of a line.
    enum PromptKind: Equatable {
        case shell, rootShell, sql, sqlContinuation, redis, python, pythonContinuation, continuation
    }

    struct PromptLine: Equatable {
        var kind: PromptKind
        var text: String
    }

    /// Whether `code` is a session: its first non-blank line starts with a prompt of the fence's kind.
    static func hasPrompts(_ code: String, kind: FenceKind) -> Bool {
        for raw in code.lines.prefix(200) {
            let line = raw.trimmed
            if line.isEmpty { continue }
            if kind == .shell && line.hasPrefix("#") && !line.hasPrefix("# ") { continue }
            guard let prompt = prompt(raw, inSession: false) else {
                // A leading title comment may come before the first prompt.
                if line.hasPrefix("#") || line.hasPrefix("--") { continue }
                return false
            }
            switch kind {
            case .shell: return prompt.kind == .shell
            case .sql: return prompt.kind == .sql
            case .python: return prompt.kind == .python
            default: return false
            }
        }
        return false
    }

    /// Whether the first line that is not blank or a comment starts with a prompt of any kind
    /// (`$ `, `❯ `, `user@host:~$ `, `postgres=# `, `127.0.0.1:6379> `, `>>> `).
    static func startsWithPrompt(_ code: String) -> Bool {
        for raw in code.lines.prefix(200) {
            let line = raw.trimmed
            if line.isEmpty || line.hasPrefix("# ") || line.hasPrefix("-- ") { continue }
            guard let prompt = prompt(raw, inSession: false) else { return false }
            return [.shell, .rootShell, .sql, .redis, .python].contains(prompt.kind)
        }
        return false
    }

    /// Whether any line starts with a prompt.
    static func hasAnyPrompt(_ code: String) -> Bool {
        code.lines.contains { line in
            guard let p = prompt(line, inSession: true) else { return false }
            return p.kind != .continuation && p.kind != .sqlContinuation && p.kind != .pythonContinuation
        }
    }

    /// Recognizes a prompt and returns the text after it. `# ` counts as a root prompt only in
    /// session fences and only before something that looks like a command.
    static func prompt(_ raw: Substring, inSession: Bool) -> PromptLine? {
        var line = raw.drop { $0 == " " || $0 == "\t" }
        // `(venv) $ cmd`: a virtualenv or conda name before the prompt.
        if line.hasPrefix("("), let close = line.firstIndex(of: ")"),
            line.distance(from: line.startIndex, to: close) < 40,
            line[line.index(after: close)...].hasPrefix(" $ ") || line[line.index(after: close)...].hasPrefix(" ❯ ")
        {
            line = line[line.index(close, offsetBy: 2)...]
        }
        if line.hasPrefix("$ ") || line == "$" { return PromptLine(kind: .shell, text: String(line.dropFirst(2))) }
        // zsh / starship `❯ `, fish-like `➜ `, PowerShell `PS C:\> ` and `PS> `.
        for mark in ["❯ ", "➜ ", "λ "] where line.hasPrefix(mark) {
            return PromptLine(kind: .shell, text: withoutPromptDirectory(String(line.dropFirst(mark.count)).trimmed))
        }
        // zsh's own `% ` (not curl's `% Total`): only before a command.
        if line.hasPrefix("% "), KnownCommands.startsLikeCommand(String(line.dropFirst(2))) {
            return PromptLine(kind: .shell, text: String(line.dropFirst(2)))
        }
        // `MariaDB [orders]> `, `MySQL [(none)]> `.
        for client in ["MariaDB [", "MySQL [", "mysql ["] where line.hasPrefix(client) {
            if let end = line.prefix(120).range(of: "]> ") {
                return PromptLine(kind: .sql, text: String(line[end.upperBound...]))
            }
        }
        if line.hasPrefix("PS "), let gt = line.prefix(80).firstIndex(of: ">"),
            line[line.index(after: gt)...].hasPrefix(" ")
        {
            return PromptLine(kind: .shell, text: String(line[line.index(gt, offsetBy: 2)...]))
        }
        if line.hasPrefix("PS> ") { return PromptLine(kind: .shell, text: String(line.dropFirst(4))) }
        if line.hasPrefix(">>> ") || line == ">>>" { return PromptLine(kind: .python, text: String(line.dropFirst(4))) }
        if line.hasPrefix("... ") || line == "..." {
            return PromptLine(kind: .pythonContinuation, text: String(line.dropFirst(4)))
        }
        if line.hasPrefix("mysql> ") { return PromptLine(kind: .sql, text: String(line.dropFirst(7))) }
        if line.hasPrefix("redis> ") { return PromptLine(kind: .redis, text: String(line.dropFirst(7))) }
        if line.hasPrefix("> ") && inSession { return PromptLine(kind: .continuation, text: String(line.dropFirst(2))) }
        if line.hasPrefix("-> ") && inSession {
            return PromptLine(kind: .sqlContinuation, text: String(line.dropFirst(3)))
        }
        if inSession, line.hasPrefix("# ") {
            let rest = String(line.dropFirst(2))
            if KnownCommands.startsLikeCommand(rest) { return PromptLine(kind: .rootShell, text: rest) }
            return nil
        }
        // `name=# `, `name=> `, `name-# ` (psql), `host:port> ` (redis), `user@host:~$ `.
        let head = line.prefix(120)
        guard let space = head.firstIndex(of: " ") else { return nil }
        let token = head[..<space]
        let text = String(line[line.index(after: space)...])
        if token.count >= 3 {
            let body = token.dropLast(2)
            let end = String(token.suffix(2))
            if ["=#", "=>", "(#", "!#"].contains(end), body.allSatisfy(isNameChar) {
                return PromptLine(kind: .sql, text: text)
            }
            if ["-#", "->", "'#", "\"#", "(#"].contains(end), body.allSatisfy(isNameChar) {
                return PromptLine(kind: .sqlContinuation, text: text)
            }
        }
        if token.hasSuffix(">"), token.count > 2 {
            var body = token.dropLast()
            // `127.0.0.1:6379[2]> `: the database index after the port.
            if body.hasSuffix("]"), let open = body.lastIndex(of: "["),
                body[body.index(after: open)..<body.index(before: body.endIndex)].allSatisfy(\.isNumber)
            {
                body = body[..<open]
            }
            if body.contains(":"),
                body.allSatisfy({ $0.isNumber || $0 == "." || $0 == ":" || $0.isLetter || $0 == "-" }),
                body.split(separator: ":").last.map({ $0.allSatisfy(\.isNumber) }) == true
            {
                return PromptLine(kind: .redis, text: text)
            }
        }
        if token.hasSuffix("$") || token.hasSuffix("#") || token.hasSuffix("%") {
            let body = token.dropLast()
            if body.contains("@") || body.hasSuffix(":~") || body.contains(":/") || body.contains(":~") {
                if !body.contains("/") || body.contains(":") {
                    return PromptLine(kind: token.hasSuffix("#") ? .rootShell : .shell, text: text)
                }
            }
        }
        // `[user@host dir]$ `
        if line.hasPrefix("["), let close = head.firstIndex(of: "]"), head[..<close].contains("@") {
            let after = line[line.index(after: close)...]
            if after.hasPrefix("$ ") || after.hasPrefix("# ") {
                return PromptLine(kind: .shell, text: String(after.dropFirst(2)))
            }
        }
        return nil
    }

    private static func isNameChar(_ c: Character) -> Bool { c.isLetter || c.isNumber || c == "_" || c == "-" }

    /// oh-my-zsh's `➜  ~ kubectl get pods`, `➜  api git:(main) ✗ make`: the folder and the branch
    /// shown before the command.
    private static func withoutPromptDirectory(_ text: String) -> String {
        guard !KnownCommands.startsLikeCommand(text) else { return text }
        var words = text.split(separator: " ", omittingEmptySubsequences: true)[...]
        for _ in 0..<3 where words.count > 1 {
            words = words.dropFirst()
            while let next = words.first, next.hasPrefix("git:(") || next == "✗" || next == "✔" {
                words = words.dropFirst()
            }
            let rest = words.joined(separator: " ")
            if KnownCommands.startsLikeCommand(rest) { return rest }
        }
        return text
    }

    /// A block of nothing but `# command` lines and what they print (`# systemctl restart gw`):
    /// typed at a root prompt. A comment that names no command, or a command without `#`, makes it
    /// a script with comments.
    static func onlyRootPrompts(_ code: String) -> Bool {
        var prompts = 0
        for raw in code.lines.prefix(200) {
            let line = raw.trimmed
            if line.isEmpty { continue }
            if line.hasPrefix("# ") {
                guard KnownCommands.startsLikeCommand(String(line.dropFirst(2))) else { return false }
                prompts += 1
            } else if prompts == 0 || KnownCommands.startsLikeCommand(line) {
                return false
            }
        }
        return prompts > 0
    }

    /// One command typed at a prompt.
    struct Typed {
        var title: String?
        var language: String
        var code: String
        var line: Int
        /// The login it was typed into (`ssh node-3`): it ran over there, so it is shown, not run here.
        var inside: String? = nil
    }

    /// The commands typed in a session block. `>>>` lines form one Python command.
    static func commands(_ code: String, firstLine: Int) -> [Typed] {
        var out: [Typed] = []
        var pendingTitle: String? = nil
        var current: Typed? = nil
        var python: Typed? = nil
        var openShell = false
        var state = ShellLines.State()
        func close() {
            if let c = current, !c.code.trimmed.isEmpty { out.append(c) }
            current = nil
            openShell = false
        }
        for (offset, raw) in code.lines.enumerated() {
            let lineNumber = firstLine + offset
            if openShell, current != nil {
                // `\` continuation or an open quote: the next line belongs to the command.
                let text = raw.hasPrefix("> ") ? raw.dropFirst(2) : raw
                current!.code += "\n"
                current!.code += text
                state.scan(text)
                openShell = state.isOpen
                continue
            }
            guard let prompt = prompt(raw, inSession: true) else {
                let t = raw.trimmed
                if t.hasPrefix("# ") || t == "#" || t.hasPrefix("-- ") {
                    // A comment (not a root prompt): titles the next command.
                    close()
                    let title = CommandSplitter.cleanTitle(t)
                    if pendingTitle == nil { pendingTitle = title }
                } else {
                    close() // output ends the command
                }
                continue
            }
            switch prompt.kind {
            case .shell, .rootShell, .sql, .redis:
                close()
                let language = prompt.kind == .sql ? "sql" : prompt.kind == .redis ? "redis" : "bash"
                current = Typed(title: pendingTitle, language: language, code: prompt.text, line: lineNumber)
                pendingTitle = nil
                if language == "bash" {
                    state = ShellLines.State()
                    state.scan(Substring(prompt.text))
                    openShell = state.isOpen
                }
            case .continuation, .sqlContinuation:
                if current != nil { current!.code += "\n" + prompt.text }
            case .python:
                close()
                if python == nil {
                    python = Typed(title: pendingTitle, language: "python", code: prompt.text, line: lineNumber)
                    pendingTitle = nil
                } else {
                    python!.code += "\n" + prompt.text
                }
            case .pythonContinuation:
                if python != nil { python!.code += "\n" + prompt.text }
            }
        }
        close()
        if let python { out.append(python); out.sort { $0.line < $1.line } }
        markRemote(&out)
        return out
    }

    /// After `ssh host` (a shell opened elsewhere) the shell commands typed next ran on that host,
    /// up to an `exit` or `logout`.
    static func markRemote(_ typed: inout [Typed]) {
        var login: String? = nil
        for index in typed.indices where typed[index].language == "bash" {
            let code = typed[index].code.trimmed
            if let open = login {
                if code == "exit" || code == "logout" {
                    login = nil
                }
                typed[index].inside = open
            } else if RemoteShell.opensShell(code) {
                login = code
            }
        }
    }
}
