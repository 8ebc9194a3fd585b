/// Finds the values a command needs filled in: `$VERSION`, `${DIST_ID}`, `<pod-name>`,
/// `YOUR_ROUTING_KEY`, `--target=VERSION`. Names come back without `$`, `{}`, `<>`, once each,
/// in order of appearance. One pass over the bytes (plus one for assignments).
public enum Placeholders {
    public static func find(in code: String, language: String) -> [String] {
        let lang = language.lowercased()
        if lang == "manual" || lang == "promql" { return [] }
        var scanner = PlaceholderScanner(bytes: Array(code.utf8), sql: lang == "sql", python: lang == "python")
        return scanner.run()
    }

    /// Shell variables that are set by the shell or the login, never by the reader.
    static let wellKnown: Set<String> = [
        "HOME", "PATH", "PWD", "OLDPWD", "USER", "LOGNAME", "SHELL", "RANDOM", "HOSTNAME", "HOSTTYPE", "OSTYPE", "UID",
        "EUID",
        "PPID", "LINENO", "SECONDS", "IFS", "TERM", "LANG", "LC_ALL", "TMPDIR", "EDITOR", "VISUAL", "PAGER", "PS1",
        "PS2",
        "BASH", "BASH_SOURCE", "BASH_VERSION", "BASHPID", "FUNCNAME", "PIPESTATUS", "REPLY", "OPTARG", "OPTIND",
        "SHLVL",
        "COLUMNS", "LINES", "MACHTYPE", "GROUPS", "DISPLAY", "XDG_RUNTIME_DIR", "XDG_CONFIG_HOME", "MAIL", "TZ",
        "SSH_AUTH_SOCK",
        "SUDO_USER", "KUBECONFIG", "GOPATH", "EPOCHSECONDS"
    ]

    /// Upper-case words with underscores that are language keywords, not placeholders.
    static let keywords: Set<String> = [
        "CURRENT_TIMESTAMP", "CURRENT_DATE", "CURRENT_TIME", "CURRENT_USER", "SESSION_USER", "LOCAL_TIMESTAMP",
        "LOCALTIMESTAMP", "CURRENT_SCHEMA", "CURRENT_ROLE", "NOT_NULL", "AUTO_INCREMENT", "SQL_CALC_FOUND_ROWS",
        "UTF_8", "O_RDONLY", "SIGTERM", "SIGKILL", "EOF"
    ]

    /// Values after `--flag=` that are ordinary words, not placeholders.
    static let flagValues: Set<String> = [
        "JSON", "YAML", "TEXT", "TRUE", "FALSE", "NONE", "ALL", "INFO", "DEBUG", "WARN", "WARNING", "ERROR", "HIGH",
        "LOW",
        "MEDIUM", "CRITICAL", "UTF8", "GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "ASC", "DESC", "ON", "OFF",
        "YES", "NO"
    ]

    static let htmlTags: Set<String> = [
        "a", "b", "i", "u", "p", "br", "hr", "div", "span", "table", "tr", "td", "th", "ul", "ol", "li", "em", "strong",
        "code",
        "pre", "img", "html", "body", "head", "script", "style", "details", "summary", "sup", "sub", "kbd", "small",
        "big",
        "h1", "h2", "h3", "h4", "h5", "h6", "thead", "tbody", "blockquote", "title", "meta", "link", "form", "input",
        "none"
    ]
}

private struct PlaceholderScanner {
    let bytes: [UInt8]
    let sql: Bool
    let python: Bool
    var names: [String] = []
    var seen: Set<String> = []
    /// The word before the current one (upper-cased), for SQL table-name contexts.
    var previousWord = ""
    static let sqlNameContext: Set<String> = [
        "FROM", "JOIN", "INTO", "UPDATE", "TABLE", "INDEX", "AS", "VIEW", "SCHEMA", "DATABASE"
    ]

    /// Variables assigned in the command, with the offset of their first assignment.
    var assigned: [String: Int] = [:]

    init(bytes: [UInt8], sql: Bool, python: Bool) {
        self.bytes = bytes
        self.sql = sql
        self.python = python
    }

    mutating func add(_ name: String) {
        if seen.insert(name).inserted { names.append(name) }
    }

    static func isIdentStart(_ c: UInt8) -> Bool { (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c == 95 }
    static func isIdent(_ c: UInt8) -> Bool { isIdentStart(c) || (c >= 48 && c <= 57) }
    static func isUpper(_ c: UInt8) -> Bool { c >= 65 && c <= 90 }

    mutating func run() -> [String] {
        if !sql && !python { collectAssignments() }
        let n = bytes.count
        var i = 0
        var inSingle = false
        var inDouble = false
        var atWordStart = true
        while i < n {
            let c = bytes[i]
            // Comments (never inside quotes).
            if !inSingle && !inDouble {
                if sql, c == UInt8(ascii: "-"), i + 1 < n, bytes[i + 1] == UInt8(ascii: "-") {
                    while i < n && bytes[i] != UInt8(ascii: "\n") { i += 1 }
                    continue
                }
                if !sql, c == UInt8(ascii: "#"), atWordStart {
                    while i < n && bytes[i] != UInt8(ascii: "\n") { i += 1 }
                    continue
                }
            }
            if c == UInt8(ascii: "'") && !inDouble {
                // In SQL and Python quotes hold values; in shell, single quotes stop expansion.
                inSingle.toggle(); i += 1; atWordStart = false; continue
            }
            if c == UInt8(ascii: "\"") && !inSingle && !python {
                inDouble.toggle(); i += 1; atWordStart = false; continue
            }
            if c == UInt8(ascii: "\\") && !sql { i += 2; atWordStart = false; continue }
            if c == UInt8(ascii: "$") && !sql && !python && !inSingle {
                i = dollar(at: i)
                atWordStart = false
                continue
            }
            if c == UInt8(ascii: "<") {
                if let (name, end) = angle(at: i) { add(name); i = end; atWordStart = false; continue }
            }
            if c == UInt8(ascii: "{"), !python, let end = PlaceholderBraces.end(bytes, at: i) {
                add(String(decoding: bytes[(i + 1)..<(end - 1)], as: UTF8.self)); i = end; atWordStart = false; continue
            }
            if Self.isIdentStart(c) {
                let start = i
                while i < n && Self.isIdent(bytes[i]) { i += 1 }
                word(start: start, end: i)
                atWordStart = false
                continue
            }
            atWordStart =
                c == UInt8(ascii: " ") || c == UInt8(ascii: "\t") || c == UInt8(ascii: "\n") || c == UInt8(ascii: ";")
                || c == UInt8(ascii: "|") || c == UInt8(ascii: "&") || c == UInt8(ascii: "(")
            i += 1
        }
        return names
    }

    /// `$NAME`, `${NAME}`, `${NAME:-default}`; `$(`, `$((`, `$1`, `$?` are skipped.
    mutating func dollar(at start: Int) -> Int {
        let n = bytes.count
        var i = start + 1
        guard i < n else { return i }
        if bytes[i] == UInt8(ascii: "{") {
            i += 1
            if i < n && bytes[i] == UInt8(ascii: "#") { i += 1 }
            let nameStart = i
            while i < n && Self.isIdent(bytes[i]) { i += 1 }
            let name = String(decoding: bytes[nameStart..<i], as: UTF8.self)
            let hasDefault =
                i < n
                && (bytes[i] == UInt8(ascii: ":") || bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: "="))
            if !hasDefault { variable(name, at: start) }
            while i < n && bytes[i] != UInt8(ascii: "}") && bytes[i] != UInt8(ascii: "\n") { i += 1 }
            return i < n && bytes[i] == UInt8(ascii: "}") ? i + 1 : i
        }
        guard Self.isIdentStart(bytes[i]) else { return i } // $( $(( $1 $? $@ ...
        let nameStart = i
        while i < n && Self.isIdent(bytes[i]) { i += 1 }
        variable(String(decoding: bytes[nameStart..<i], as: UTF8.self), at: start)
        return i
    }

    mutating func variable(_ name: String, at offset: Int) {
        guard let first = name.utf8.first, Self.isIdentStart(first) else { return }
        if Placeholders.wellKnown.contains(name) { return }
        if let at = assigned[name], at < offset { return }
        add(name)
    }

    /// `<pod-name>`: a name right after `<` and right before `>`, not `<<`, `< file`, or HTML.
    func angle(at start: Int) -> (String, Int)? {
        let n = bytes.count
        if start > 0 && (bytes[start - 1] == UInt8(ascii: "<") || bytes[start - 1] == UInt8(ascii: "$")) { return nil }
        var i = start + 1
        guard i < n, Self.isIdentStart(bytes[i]) else { return nil }
        while i < n && i - start < 80 {
            let c = bytes[i]
            if c == UInt8(ascii: ">") { break }
            if !(Self.isIdent(c) || c == UInt8(ascii: "-") || c == UInt8(ascii: ".") || c == UInt8(ascii: ":")) {
                return nil
            }
            i += 1
        }
        guard i < n, bytes[i] == UInt8(ascii: ">") else { return nil }
        let name = String(decoding: bytes[(start + 1)..<i], as: UTF8.self)
        // `<table>` unquoted in shell is no HTML: bash would read it as two redirections
        // (`wc -l <table> out.txt` overwrites out.txt), so it is the placeholder it looks like.
        if Placeholders.htmlTags.contains(name.lowercased()), sql || python || !isBareShellWord(start, end: i + 1) {
            return nil
        }
        // Perl's `<STDIN>`, `<FH>`: file handles, not blanks.
        if ["STDIN", "STDOUT", "STDERR", "ARGV", "FH", "DATA"].contains(name) { return nil }
        return (name, i + 1)
    }

    /// A whole word outside quotes on its line: spaces (or the line's edges) around it, and an even
    /// number of quote marks before it.
    func isBareShellWord(_ start: Int, end: Int) -> Bool {
        let separators: Set<UInt8> = [0x20, 0x09, 0x0A, UInt8(ascii: ";"), UInt8(ascii: "|")]
        guard start == 0 || separators.contains(bytes[start - 1]), end == bytes.count || separators.contains(bytes[end])
        else { return false }
        var k = start
        var single = 0, double = 0
        while k > 0, bytes[k - 1] != 0x0A {
            k -= 1
            if bytes[k] == UInt8(ascii: "'") { single += 1 }
            if bytes[k] == UInt8(ascii: "\"") { double += 1 }
        }
        return single % 2 == 0 && double % 2 == 0
    }

    /// ALL_CAPS_WITH_UNDERSCORE arguments, `YOUR_`/`MY_` names, and `--flag=VALUE`.
    mutating func word(start: Int, end: Int) {
        let n = bytes.count
        let before: UInt8? = start > 0 ? bytes[start - 1] : nil
        let after: UInt8? = end < n ? bytes[end] : nil
        let text = String(decoding: bytes[start..<end], as: UTF8.self)
        defer { previousWord = text.uppercased() }
        if python {
            // Python names in capitals are constants; only explicit `YOUR_…`/`MY_…` count.
            if text.hasPrefix("YOUR_") || text.hasPrefix("MY_") { add(text) }
            return
        }
        if sql, Self.sqlNameContext.contains(previousWord) { return } // FROM USER_ACCOUNTS
        if after == UInt8(ascii: "(") { return } // DATE_TRUNC(
        if after == UInt8(ascii: "=") && before != UInt8(ascii: "-") { return } // FOO=bar (assignment side)
        if before == UInt8(ascii: "-") || before == UInt8(ascii: ".") || before == UInt8(ascii: "%") { return }
        let upper =
            text.hasPrefix("YOUR_") || text.hasPrefix("MY_")
            || (text.utf8.allSatisfy { Self.isUpper($0) || ($0 >= 48 && $0 <= 57) || $0 == 95 }
                && text.utf8.contains(95) && text.utf8.filter(Self.isUpper).count >= 2
                && Self.isUpper(text.utf8.first!) && text.utf8.last != 95)
        if upper {
            if Placeholders.keywords.contains(text) { return }
            if let at = assigned[text], at < start { return }
            add(text)
            return
        }
        // --target=VERSION
        if before == UInt8(ascii: "="), text.count >= 3, text.utf8.allSatisfy(Self.isUpper),
            !Placeholders.flagValues.contains(text)
        {
            var j = start - 2
            while j >= 0 && (Self.isIdent(bytes[j]) || bytes[j] == UInt8(ascii: "-")) { j -= 1 }
            if j + 2 < start, bytes[j + 1] == UInt8(ascii: "-") { add(text) }
        }
    }

    /// Variables the command sets itself: `X=…`, `export X`, `for X in`, `read X`, `local X`.
    mutating func collectAssignments() {
        let n = bytes.count
        var i = 0
        var words: [(String, Int)] = []
        func flushLine(_ words: inout [(String, Int)]) {
            var k = 0
            while k < words.count {
                let (w, at) = words[k]
                if let eq = w.firstIndex(of: "="), eq != w.startIndex, ShellParser.isAssignment(w) {
                    let name = String(w[..<eq])
                    if assigned[name] == nil { assigned[name] = at }
                } else if (w == "for" || w == "select"), k + 1 < words.count {
                    if assigned[words[k + 1].0] == nil { assigned[words[k + 1].0] = words[k + 1].1 }
                } else if ["export", "local", "declare", "readonly", "typeset", "read", "unset"].contains(w) {
                    var m = k + 1
                    while m < words.count, [";", "|", "&&", "||", "&"].contains(words[m].0) == false {
                        let v = words[m].0
                        if w == "read", ["-p", "-t", "-n", "-d", "-u", "-N"].contains(v) { m += 2; continue }
                        if !v.hasPrefix("-") {
                            let name = v.split(separator: "=", maxSplits: 1).first.map(String.init) ?? v
                            if !name.isEmpty, assigned[name] == nil { assigned[name] = words[m].1 }
                        }
                        m += 1
                    }
                    k = m
                    continue
                }
                k += 1
            }
            words.removeAll()
        }
        while i < n {
            let c = bytes[i]
            if c == UInt8(ascii: "\n") || c == UInt8(ascii: ";") || c == UInt8(ascii: "|") || c == UInt8(ascii: "&") {
                words.append((c == UInt8(ascii: "\n") ? ";" : String(UnicodeScalar(c)), i))
                i += 1
                continue
            }
            if c == UInt8(ascii: " ") || c == UInt8(ascii: "\t") || c == UInt8(ascii: "(") || c == UInt8(ascii: ")")
                || c == UInt8(ascii: "{") || c == UInt8(ascii: "}") || c == UInt8(ascii: "`")
            {
                i += 1
                continue
            }
            let start = i
            var inQuote: UInt8? = nil
            while i < n {
                let d = bytes[i]
                if let q = inQuote { if d == q { inQuote = nil }; i += 1; continue }
                if d == UInt8(ascii: "'") || d == UInt8(ascii: "\"") { inQuote = d; i += 1; continue }
                if d == UInt8(ascii: " ") || d == UInt8(ascii: "\t") || d == UInt8(ascii: "\n")
                    || d == UInt8(ascii: ";")
                    || d == UInt8(ascii: "|") || d == UInt8(ascii: "&") || d == UInt8(ascii: ")")
                    || d == UInt8(ascii: "`")
                {
                    break
                }
                if d == UInt8(ascii: "$") && i + 1 < n && bytes[i + 1] == UInt8(ascii: "(") { break }
                i += 1
            }
            if i == start { i += 1; continue }
            words.append((String(decoding: bytes[start..<i], as: UTF8.self), start))
        }
        flushLine(&words)
    }
}

/// `{table_name}`, `{PID}`: a name alone in single braces. Not `${X}` (shell), `%{http_code}`
/// (curl's `-w` and log formats), `#{x}` (Ruby), `{{x}}` (templates), `{a,b}` (brace expansion),
/// `{}` (find) or JSON.
enum PlaceholderBraces {
    /// The offset just past the closing brace when a brace placeholder starts at `start`.
    static func end(_ bytes: [UInt8], at start: Int) -> Int? {
        let n = bytes.count
        if start > 0, "${%#".utf8.contains(bytes[start - 1]) { return nil }
        var i = start + 1
        guard i < n, (bytes[i] >= 65 && bytes[i] <= 90) || (bytes[i] >= 97 && bytes[i] <= 122) || bytes[i] == 95 else {
            return nil
        }
        while i < n, i - start < 64 {
            let c = bytes[i]
            let ident =
                (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c == 95 || (c >= 48 && c <= 57)
                || c == UInt8(ascii: "-")
            if !ident { break }
            i += 1
        }
        guard i < n, bytes[i] == UInt8(ascii: "}"), i - start >= 3 else { return nil }
        if i + 1 < n, bytes[i + 1] == UInt8(ascii: "}") { return nil }
        return i + 1
    }
}
