/// The shell side of "a value is data, proven, not guessed": which values may land at a given
/// occurrence before they are quoted. A plain word (`PlainWord`) goes anywhere a word goes; any
/// other value only where the whole command is understood to pass it as data (`ShellDataPolicy`);
/// a value starting with `-` never where it would start a word before `--`.
enum ShellValuePolicy {
    static let plainWords = "a plain word (letters, digits and . _ : / @ % + = , -, not starting with -)"

    /// Why `value` may not land at `occurrence`; nil when it may. `verdict` caches the judgement of
    /// the whole text (`.some(nil)`: judged, data only).
    static func refusal(
        _ value: String, _ occurrence: PlaceholderOccurrence, code: String,
        occurrences: [PlaceholderOccurrence], verdict: inout String??
    ) -> String? {
        if occurrence.context == .arithmetic { return nil } // numbers only, decided by the quoting
        if let reader = occurrence.pipedInto {
            return "it would be code: \(reader) runs the text it lands in as a program, and the value is that "
                + "program or is piped into it"
        }
        if occurrence.setsVariables, value.contains("=") {
            return "it holds =, and the program reads NAME=VALUE as a variable to set (make SHELL=…, env PATH=…)"
        }
        if occurrence.optionPosition && value.hasPrefix("-") {
            return
                "it starts with -, so the program would read it as an option (--all, -oProxyCommand=…, --output=FILE); "
                + "a value starting with - is accepted only after -- in the runbook's command"
        }
        if occurrence.bareSQLValue, !PlainWord.isUnsignedNumber(value), !PlainWord.isInteger(value) {
            return
                "it lands unquoted in the SQL that \(occurrence.reparsedBy ?? "the client") runs, where a word reads "
                + "as a column or keyword; only a number is accepted there (quote the placeholder in the runbook: "
                + "'\(occurrence.written)')"
        }
        if let why = innerStringRefusal(value, occurrence, code: code) { return why }
        if let program = occurrence.reparsedBy, program.hasPrefix("perl") || program.hasPrefix("ruby"),
            !value.unicodeScalars.allSatisfy({
                $0.isASCII
                    && ($0.properties.isAlphabetic || ("0"..."9").contains($0)
                        || $0 == "_" || $0 == "." || $0 == "-")
            }) || value.hasPrefix("-")
        {
            return "it lands in a \(program) program, where only letters, digits and _ . - are accepted "
                + "(qx:…: and %x:…: run commands)"
        }
        if let program = occurrence.reparsedBy, NestedShell.scriptPrograms.contains(program),
            !PlainWord.isPlainForScript(value)
        {
            return "it lands in the program \(program) runs, where only letters, digits and _ . : @ - are accepted "
                + "(a / or , would end a pattern or add an expression)"
        }
        if let program = occurrence.reparsedBy, !PlainWord.isPlainForAnyParser(value) {
            return "it lands in text that \(program) reads again as code, where only \(plainWords) is accepted"
        }
        if PlainWord.isPlain(value) { return nil }
        if verdict == nil {
            verdict = .some(ShellDataPolicy.refusal(code: code, written: Set(occurrences.map(\.written))))
        }
        guard let why = verdict ?? nil else { return nil }
        return
            "it is not \(plainWords), and \(why); such a value is accepted only where every command is known to take "
            + "it "
            + "as data (echo, printf, grep, kubectl, curl …)"
    }

    /// A value read again by a second layer inside the shell word, whatever the shell quoting:
    /// a JSON string (`-d '{"flag": "<v>"}'`: no `"`, `\` or control character) or bare JSON value
    /// (`"replicas":<n>`: a number, true, false or null); a URL's host, path or query
    /// (`urlRefusal`); a file name for curl, aws or az to read and send (`@…`, `file://`, curl's
    /// `-F "x=<…"` and `--data-urlencode "name@file"`); a whole URL of another scheme than http(s);
    /// a helm `--set` list (`--set image.tag=<v>`: no comma, which starts another key).
    static func innerStringRefusal(_ value: String, _ occurrence: PlaceholderOccurrence, code: String) -> String? {
        let bytes = Array(code.utf8)
        let start = occurrence.range.lowerBound, end = occurrence.range.upperBound
        let dquote = UInt8(ascii: "\"")
        if occurrence.context == .singleQuoted, start > 0, end < bytes.count, bytes[start - 1] == dquote,
            bytes[end] == dquote,
            value.unicodeScalars.contains(where: { $0 == "\"" || $0 == "\\" || $0.value < 0x20 })
        {
            return "it lands inside a double-quoted string (JSON or alike) within the shell word, where a \", a "
                + "backslash or a control character would end or change that string"
        }
        if let why = urlRefusal(value, bytes: bytes, start: start) { return why }
        if value.hasPrefix("@") || value.lowercased().hasPrefix("file://") || value.lowercased().hasPrefix("fileb://") {
            return "it starts with @ or file://, which curl, aws and az read as a local file to send"
        }
        // A whole URL: http or https only (`gopher://…/_FLUSHALL` speaks raw protocol to a server).
        if let scheme = value.range(of: "://"), !["http", "https"].contains(value[..<scheme.lowerBound].lowercased()) {
            return "it is a URL of another kind than http(s), which can reach other protocols"
        }
        let lineStart = bytes[..<start].lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
        let line = String(decoding: bytes[lineStart..<start], as: UTF8.self)
        // curl's forms read a file after `<` or `@` (`-F "note=<…"`, `--data-urlencode "name@file"`).
        if line.contains("--data-urlencode") && value.contains("@")
            || (line.contains(" -F ") || line.contains("--form")) && (value.hasPrefix("<") || value.contains("@"))
        {
            return "curl's form and url-encoded data read a local file after < or @"
        }
        // `-p '{"spec":{"replicas":<n>}}'`: a bare JSON value takes only a number, true, false or null.
        if occurrence.context == .singleQuoted, let previous = bytes[lineStart..<start].last(where: { $0 != 0x20 }),
            previous == UInt8(ascii: ":") || previous == UInt8(ascii: "[") && line.contains("{"),
            line.contains("{"), !(end < bytes.count && bytes[end] == dquote),
            !(["true", "false", "null"].contains(value) || Double(value) != nil)
        {
            return "it lands where JSON expects a value outside quotes, where only a number, true, false or null "
                + "is accepted"
        }
        guard value.contains(",") else { return nil }
        var k = start
        while k > 0, bytes[k - 1] != UInt8(ascii: " "), bytes[k - 1] != UInt8(ascii: "\n") { k -= 1 }
        let word = String(decoding: bytes[k..<start], as: UTF8.self)
        var j = k - 1
        while j > 0, bytes[j - 1] == UInt8(ascii: " ") { j -= 1 }
        var p = j
        while p > 0, bytes[p - 1] != UInt8(ascii: " "), bytes[p - 1] != UInt8(ascii: "\n") { p -= 1 }
        let previous = p < j ? String(decoding: bytes[p..<j], as: UTF8.self) : ""
        if word.hasPrefix("--set") || previous.hasPrefix("--set") {
            return "it holds a comma, and helm's --set reads a comma as the start of another key"
        }
        return nil
    }

    /// A value inside a URL (`https://<tenant>.api.internal/v1/<id>`): in the host only letters,
    /// digits, `-` and `.`; in the path no `/`, `?`, `#` or `..`; in the query no `&` or `#` — each
    /// would send the request, and its credentials, somewhere else.
    static func urlRefusal(_ value: String, bytes: [UInt8], start: Int) -> String? {
        var k = start
        while k > 0, ![0x20, 0x09, 0x0A, UInt8(ascii: "'"), UInt8(ascii: "\"")].contains(bytes[k - 1]) { k -= 1 }
        let before = String(decoding: bytes[k..<start], as: UTF8.self)
        guard let scheme = before.range(of: "://") else { return nil }
        let afterScheme = before[scheme.upperBound...]
        if !afterScheme.contains("/") && !afterScheme.contains("?") {
            let host = value.unicodeScalars.allSatisfy {
                $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" || $0 == ".")
            }
            return host ? nil : "it lands in a URL's host, where only letters, digits, - and . are accepted"
        }
        if afterScheme.contains("?") {
            return value.contains("&") || value.contains("#")
                ? "it lands in a URL's query, where & or # would add a parameter or cut the rest" : nil
        }
        if value.contains("/") || value.contains("?") || value.contains("#") || value.contains("..")
            || value.lowercased().contains("%2f")
        {
            return "it lands in a URL's path, where /, ?, # or .. would point the request elsewhere"
        }
        return nil
    }

    /// How the text refers to a variable instead of holding its value, where bash expands it as
    /// one word; nil where it does not expand (single quotes, a quoted heredoc, a comment, arithmetic).
    static func reference(to variable: String, in context: QuotingContext) -> String? {
        guard variable.utf8.first.map(PlaceholderForms.isIdentStart) == true,
            variable.utf8.allSatisfy(PlaceholderForms.isIdent)
        else {
            return nil
        }
        switch context {
        case .unquoted: return "\"${\(variable)}\""
        case .doubleQuoted: return "${\(variable)}"
        case .heredoc(_, let quoted, _): return quoted ? nil : "${\(variable)}"
        default: return nil
        }
    }
}
