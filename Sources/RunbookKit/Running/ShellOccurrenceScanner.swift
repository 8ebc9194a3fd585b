/// Walks shell text with a stack of quoting frames (`"…"`, `` `…` ``, `$(…)`, heredoc bodies) and
/// reports each placeholder occurrence with the context the shell reads it in. Single quotes,
/// `$'…'` and comments are consumed whole. One pass; unterminated constructs run to the end.
struct ShellOccurrenceScanner {
    let forms: PlaceholderForms
    var bytes: [UInt8] { forms.bytes }
    var found: [PlaceholderOccurrence] = []
    let spots: ShellNumericSpots
    /// Where the simple command being read starts, per level of `$(…)` / backticks (outermost first).
    var commandStarts: [Int] = [0]

    init(forms: PlaceholderForms) {
        self.forms = forms
        spots = ShellNumericSpots(bytes: forms.bytes)
    }

    struct Heredoc: Equatable {
        var delimiter: String
        var quoted: Bool
        var stripsTabs: Bool
        /// The program that reads the body as code (`psql`, `bash`); nil for `cat`, `tee`.
        var reader: String? = nil
        /// What a later stage of the operator's pipeline does with the body (`cat <<EOF | sh`).
        var feeds: PipedCode.Reader? = nil
        /// Where the body starts (set when it does).
        var bodyStart = 0
    }

    enum Frame: Equatable {
        case doubleQuote, backtick
        /// `$(…)`, with its count of open plain parentheses and of open `case … esac`.
        case substitution(depth: Int, cases: Int)
        /// An unquoted heredoc body (quoted bodies are consumed whole).
        case heredoc(Heredoc)
    }

    static let quote = UInt8(ascii: "'"), dquote = UInt8(ascii: "\""), backslash = UInt8(ascii: "\\")
    static let newline = UInt8(ascii: "\n"), dollar = UInt8(ascii: "$"), tick = UInt8(ascii: "`")

    mutating func record(
        _ m: PlaceholderForms.Match, at i: Int, _ written: QuotingContext, backticks: Int,
        heredocReader: String? = nil, heredoc: Heredoc? = nil
    ) {
        var context = written
        var reparsedBy = heredocReader
        // What the pipeline does with what this stage writes: the heredoc's operator line, else this line.
        let piped = heredoc.map(\.feeds) ?? pipedReader(at: i)
        if case .sql(let client)? = piped { reparsedBy = reparsedBy ?? client }
        if context != .comment {
            for start in commandStarts where start <= i {
                if let program = NestedShell.evaluator(prefix: String(decoding: bytes[start..<i], as: UTF8.self)) {
                    reparsedBy = reparsedBy ?? program
                    break
                }
            }
        }
        let prefix = String(decoding: bytes[min(commandStarts.last ?? 0, i)..<i], as: UTF8.self)
        let words = ShellParser.parse(prefix).last?.words ?? []
        if spots.inArithmetic(i) || Self.isArithmeticCommand(words) || isSubscript(at: i, context) {
            context = .arithmetic
        } else if let brace = spots.brace(holding: i) {
            if ShellNumericSpots.braceIsArithmetic(bytes, brace: brace, at: i) {
                context = .arithmetic
            } else if context != .singleQuoted && context != .ansiCQuoted {
                reparsedBy = reparsedBy ?? "a ${…} parameter expansion"
            }
        }
        let before = Array(words.dropLast(Self.endsWord(prefix) ? 0 : 1))
        let option = isArgument(context) && startsWord(at: i) && !ShellDataPolicy.optionsEnded(before)
        var occurrence = forms.occurrence(
            m, at: i, context, backticks: backticks, reparsedBy: reparsedBy, optionPosition: option)
        // Inside quotes the word is not ended by a space: the quoted SQL so far is its last word.
        let inWord = !Self.endsWord(prefix) || context == .doubleQuoted || context == .singleQuoted
        if let heredoc, let reparsedBy {
            // SQL a heredoc feeds a client: the body so far.
            let sql = String(decoding: bytes[min(heredoc.bodyStart, i)..<i], as: UTF8.self)
            occurrence.bareSQLValue = Self.isBareSQLValue(afterSQL: sql, reader: reparsedBy)
        } else if let reparsedBy, inWord, let sql = words.last {
            occurrence.bareSQLValue = Self.isBareSQLValue(afterSQL: sql, reader: reparsedBy)
        }
        if case .program(let reader)? = piped { occurrence.pipedInto = reader }
        if startsWord(at: i),
            words.dropLast(Self.endsWord(prefix) ? 0 : 1).contains(where: {
                Self.variableSetters.contains(NestedShell.baseName($0))
            })
        {
            occurrence.setsVariables = true
        }
        // `bash -c "<cmd>"`, `ssh host "<cmd> --now"`: a value where the inner shell expects its
        // program would be that program, however plain.
        if heredoc == nil, let reparsedBy, Self.shellReparsers.contains(where: reparsedBy.hasPrefix) {
            let inner = inWord ? (words.last ?? "") : (NestedShell.arg(words.last ?? "", gives: "-c") ? "" : nil)
            if let inner, Self.startsCommand(after: inner) { occurrence.pipedInto = reparsedBy }
        }
        found.append(occurrence)
    }

    /// Programs that read a `NAME=VALUE` operand as a variable to set (make's `SHELL=…`).
    static let variableSetters: Set<String> = [
        "make", "gmake", "bmake", "env", "sudo", "doas", "systemd-run", "sysctl",
        // A connection string: `psql <db>` with `host=evil.example` connects elsewhere.
        "psql", "pg_dump", "pg_dumpall", "pg_restore", "pgbench", "vacuumdb", "reindexdb", "createdb", "dropdb"
    ]

    /// Evaluators that read their text as shell.
    static let shellReparsers = [
        "bash -c", "sh -c", "zsh -c", "dash -c", "ksh -c", "ash -c", "fish -c", "ssh", "eval", "watch", "su", "runuser",
        "flock -c", "script -c", "trap"
    ]

    /// Whether a word written right after `text` would be the program of a command.
    static func startsCommand(after text: String) -> Bool {
        guard let last = ShellParser.parse(text + "warroomprobe").last else { return true }
        return last.words == ["warroomprobe"]
    }

    /// The pipeline reader of the stage holding byte `i`, judged on its physical line.
    func pipedReader(at i: Int) -> PipedCode.Reader? {
        var start = i
        while start > 0, bytes[start - 1] != Self.newline { start -= 1 }
        var end = i
        while end < bytes.count, bytes[end] != Self.newline { end += 1 }
        let line = Array(bytes[start..<end])
        guard line.contains(UInt8(ascii: "|")) else { return nil }
        return PipedCode.reader(line: line, offset: i - start)
    }

    /// Whether SQL handed to a client's code flag (`psql -c`, `mysql -e`), read up to the
    /// placeholder, leaves it where a value goes unquoted (`WHERE id = <id>`).
    static func isBareSQLValue(afterSQL sql: String, reader: String) -> Bool {
        guard let client = reader.split(separator: " ").first.map(String.init), ShellRisk.sqlClients.contains(client)
        else { return false }
        let probe = sql + "<warroom_probe>"
        let found = PlaceholderOccurrences.find(in: probe, language: "sql", names: ["warroom_probe"])
        return found?.last?.context == .unquoted
    }

    /// `let …` and `declare -i` / `local -i` / `typeset -i` evaluate their arguments as arithmetic.
    static func isArithmeticCommand(_ words: [String]) -> Bool {
        guard let first = words.first else { return false }
        if first == "let" { return true }
        guard ["declare", "typeset", "local", "export", "readonly"].contains(first) else { return false }
        return words.dropFirst().contains { $0.hasPrefix("-") && !$0.hasPrefix("--") && $0.contains("i") }
    }

    /// `name[<v>]`: an indexed array's subscript, which bash evaluates as arithmetic.
    func isSubscript(at i: Int, _ context: QuotingContext) -> Bool {
        guard context == .unquoted || context == .doubleQuoted, i >= 2, bytes[i - 1] == UInt8(ascii: "[") else {
            return false
        }
        return PlaceholderForms.isIdent(bytes[i - 2])
    }

    func isArgument(_ context: QuotingContext) -> Bool {
        switch context {
        case .unquoted, .singleQuoted, .doubleQuoted, .ansiCQuoted: true
        default: false
        }
    }

    static func endsWord(_ prefix: String) -> Bool { prefix.last.map { $0 == " " || $0 == "\t" } ?? true }

    /// Whether only quote marks stand between the occurrence and the start of its word, so a value
    /// beginning with `-` would begin the word.
    func startsWord(at i: Int) -> Bool {
        var k = i - 1
        while k >= 0, bytes[k] == Self.quote || bytes[k] == Self.dquote || bytes[k] == Self.dollar { k -= 1 }
        return k < 0 || ShellNumericSpots.isSeparator(bytes[k]) || bytes[k] == Self.tick
            || bytes[k] == UInt8(ascii: "\r")
    }

    mutating func run() -> [PlaceholderOccurrence] {
        let n = bytes.count
        var i = 0
        var stack: [Frame] = []
        var pending: [Heredoc] = []
        var atWordStart = true
        var atLineStart = true
        while i < n {
            let backticks = stack.filter { $0 == .backtick }.count
            // A heredoc body ends at a line holding only its delimiter.
            if atLineStart, case .heredoc(let doc)? = stack.last {
                let lineEnd = bytes[i...].firstIndex(of: Self.newline) ?? n
                if Self.insideSubstitution(stack), Self.line(bytes[i..<lineEnd], endsBeforeParen: doc) {
                    // `EOF)` closes the body and the `$(…)` at once, as bash reads it.
                    stack.removeLast()
                    if doc.stripsTabs { while i < lineEnd, bytes[i] == UInt8(ascii: "\t") { i += 1 } }
                    i += doc.delimiter.utf8.count
                    continue
                }
                if Self.line(bytes[i..<lineEnd], ends: doc) {
                    stack.removeLast()
                    i = min(lineEnd + 1, n)
                    commandStarts[commandStarts.count - 1] = i
                    while !pending.isEmpty {
                        let doc = pending.removeFirst()
                        i = startHeredoc(doc, at: i, stack: &stack, backticks: backticks)
                        if !doc.quoted { break }
                    }
                    continue
                }
            }
            atLineStart = false
            let c = bytes[i]
            let top = stack.last
            let inDouble = top == .doubleQuote
            var inHeredoc = false
            var heredocContext: QuotingContext = .unquoted
            var heredocReader: String? = nil
            var heredocDoc: Heredoc? = nil
            if case .heredoc(let doc)? = top {
                inHeredoc = true
                heredocContext = .heredoc(delimiter: doc.delimiter, quoted: false, stripsTabs: doc.stripsTabs)
                heredocReader = doc.reader
                heredocDoc = doc
            }
            if let m = forms.match(at: i, dollar: true) {
                record(
                    m, at: i, inHeredoc ? heredocContext : inDouble ? .doubleQuoted : .unquoted, backticks: backticks,
                    heredocReader: heredocReader, heredoc: heredocDoc)
                i = m.end
                atWordStart = false
                continue
            }
            if c == Self.newline {
                i += 1
                atWordStart = true
                atLineStart = true
                if !inDouble && !inHeredoc {
                    commandStarts[commandStarts.count - 1] = i
                    // Bodies follow one another (`cat <<'A' <<B`): a quoted one is read whole here,
                    // then the next starts; an unquoted one is a frame, the next starts when it ends.
                    while !pending.isEmpty {
                        let doc = pending.removeFirst()
                        i = startHeredoc(doc, at: i, stack: &stack, backticks: backticks)
                        if !doc.quoted { break }
                    }
                    commandStarts[commandStarts.count - 1] = i
                }
                continue
            }
            let next = i + 1 < n ? bytes[i + 1] : 0
            if c == Self.backslash { i += 2; atWordStart = false; continue }
            if c == Self.dollar && next == UInt8(ascii: "(") {
                stack.append(.substitution(depth: 0, cases: 0)); i += 2; commandStarts.append(i); atWordStart = true
                continue
            }
            if c == Self.tick {
                if top == .backtick {
                    stack.removeLast()
                    commandStarts.removeLast()
                } else {
                    stack.append(.backtick)
                    commandStarts.append(i + 1)
                }
                i += 1; atWordStart = top != .backtick; continue
            }
            if inHeredoc { i += 1; continue } // quotes, comments and redirections are text here
            if c == Self.dquote {
                if inDouble { stack.removeLast() } else { stack.append(.doubleQuote) }
                i += 1; atWordStart = false; continue
            }
            if inDouble { i += 1; continue }
            if c == Self.quote {
                i = quoted(from: i + 1, close: Self.quote, escapes: false, context: .singleQuoted, backticks: backticks)
                atWordStart = false; continue
            }
            if c == Self.dollar && next == Self.quote {
                i = quoted(from: i + 2, close: Self.quote, escapes: true, context: .ansiCQuoted, backticks: backticks)
                atWordStart = false; continue
            }
            // Inside `${…}` and arithmetic a `#` is text (`${x#pre}`, `16#ff`), not a comment.
            if c == UInt8(ascii: "#") && atWordStart && spots.brace(holding: i) == nil && !spots.inArithmetic(i) {
                i = comment(from: i, backticks: backticks)
                continue
            }
            if case .substitution(let depth, let cases)? = top {
                // `case x in prod) …;; esac` inside `$(…)`: a pattern's `)` closes nothing.
                if atWordStart, let word = wordAt(i), word == "case" || word == "esac" {
                    stack[stack.count - 1] = .substitution(
                        depth: depth, cases: max(0, cases + (word == "case" ? 1 : -1)))
                }
                if c == UInt8(ascii: "(") { stack[stack.count - 1] = .substitution(depth: depth + 1, cases: cases) }
                if c == UInt8(ascii: ")"), depth == 0, cases > 0 {
                    i += 1; atWordStart = true; continue
                }
                if c == UInt8(ascii: ")") {
                    if depth == 0 {
                        stack.removeLast()
                        commandStarts.removeLast()
                        // `$(…)#x`: the word goes on, so that `#` is text, not a comment.
                        i += 1; atWordStart = false; continue
                    } else {
                        stack[stack.count - 1] = .substitution(depth: depth - 1, cases: cases)
                    }
                }
            }
            if c == UInt8(ascii: "<") && next == UInt8(ascii: "<") {
                // `<<<` here-string
                if i + 2 < n && bytes[i + 2] == UInt8(ascii: "<") { i += 3; atWordStart = true; continue }
                // `<<` inside `$(( … ))`, `(( … ))` or `$[ … ]` shifts bits.
                if case .substitution(let depth, _)? = top, depth > 0 { i += 2; continue }
                if spots.inArithmetic(i) { i += 2; continue }
                if let (operatorDoc, end) = heredocOperator(at: i) {
                    var doc = operatorDoc
                    let start = commandStarts.last ?? 0
                    doc.reader = NestedShell.heredocReader(
                        prefix: String(decoding: bytes[min(start, i)..<i], as: UTF8.self))
                    doc.feeds = pipedReader(at: i)
                    pending.append(doc); i = end; atWordStart = false; continue
                }
            }
            atWordStart =
                c == UInt8(ascii: " ") || c == UInt8(ascii: "\t") || c == UInt8(ascii: ";") || c == UInt8(ascii: "|")
                || c == UInt8(ascii: "&") || c == UInt8(ascii: "(") || c == UInt8(ascii: ")")
            if c == UInt8(ascii: ";") || c == UInt8(ascii: "|") || c == UInt8(ascii: "&") {
                commandStarts[commandStarts.count - 1] = i + 1
            }
            i += 1
        }
        return found
    }

    static func line(_ line: ArraySlice<UInt8>, ends doc: Heredoc) -> Bool {
        var l = line
        if doc.stripsTabs { while l.first == UInt8(ascii: "\t") { l = l.dropFirst() } }
        if l.last == UInt8(ascii: "\r") { l = l.dropLast() }
        return String(decoding: l, as: UTF8.self) == doc.delimiter
    }

    /// The word of letters starting at `i`, when it is a whole word.
    func wordAt(_ i: Int) -> String? {
        var end = i
        while end < bytes.count, (bytes[end] >= 97 && bytes[end] <= 122) { end += 1 }
        guard end > i, end == bytes.count || ShellNumericSpots.isSeparator(bytes[end]) || bytes[end] == 0x0A else {
            return nil
        }
        return String(decoding: bytes[i..<end], as: UTF8.self)
    }

    /// A line that starts with the delimiter and a `)`: inside `$(…)`, bash ends the body there.
    static func line(_ line: ArraySlice<UInt8>, endsBeforeParen doc: Heredoc) -> Bool {
        var l = line
        if doc.stripsTabs { while l.first == UInt8(ascii: "\t") { l = l.dropFirst() } }
        let delimiter = Array(doc.delimiter.utf8)
        guard l.count > delimiter.count, l.starts(with: delimiter) else { return false }
        return l[l.startIndex + delimiter.count] == UInt8(ascii: ")")
    }

    static func insideSubstitution(_ stack: [Frame]) -> Bool {
        stack.contains { if case .substitution = $0 { return true } else { return false } }
    }

    /// Starts the body of `doc` at `i` (a line start): an unquoted body becomes a frame, a quoted
    /// one is consumed here (nothing in it expands). Returns where scanning continues.
    mutating func startHeredoc(_ operatorDoc: Heredoc, at start: Int, stack: inout [Frame], backticks: Int) -> Int {
        var doc = operatorDoc
        doc.bodyStart = start
        if !doc.quoted { stack.append(.heredoc(doc)); return start }
        let n = bytes.count
        var i = start
        let context = QuotingContext.heredoc(delimiter: doc.delimiter, quoted: true, stripsTabs: doc.stripsTabs)
        let inSubstitution = Self.insideSubstitution(stack)
        while i < n {
            let lineEnd = bytes[i...].firstIndex(of: Self.newline) ?? n
            if inSubstitution, Self.line(bytes[i..<lineEnd], endsBeforeParen: doc) {
                var k = i
                if doc.stripsTabs { while k < lineEnd, bytes[k] == UInt8(ascii: "\t") { k += 1 } }
                return k + doc.delimiter.utf8.count
            }
            if Self.line(bytes[i..<lineEnd], ends: doc) { return min(lineEnd + 1, n) }
            var j = i
            while j < lineEnd {
                if let m = forms.match(at: j, dollar: true) {
                    record(m, at: j, context, backticks: backticks, heredocReader: doc.reader, heredoc: doc)
                    j = m.end
                } else {
                    j += 1
                }
            }
            i = lineEnd + 1
        }
        return n
    }

    /// `<<EOF`, `<<-EOF`, `<< 'EOF'`, `<<"EOF"`, `<<\EOF`: the heredoc and the offset after its word.
    func heredocOperator(at start: Int) -> (Heredoc, Int)? {
        let n = bytes.count
        var i = start + 2
        var strips = false
        if i < n && bytes[i] == UInt8(ascii: "-") { strips = true; i += 1 }
        while i < n && (bytes[i] == UInt8(ascii: " ") || bytes[i] == UInt8(ascii: "\t")) { i += 1 }
        var word: [UInt8] = []
        var quoted = false
        var inQuote: UInt8? = nil
        while i < n {
            let d = bytes[i]
            if let q = inQuote {
                if d == q { inQuote = nil } else { word.append(d) }
                i += 1; continue
            }
            if d == Self.quote || d == Self.dquote { inQuote = d; quoted = true; i += 1; continue }
            // `<<$'EOF'`, `<<$"EOF"`: bash quotes the word, so the delimiter is EOF.
            if d == Self.dollar, i + 1 < n, bytes[i + 1] == Self.quote || bytes[i + 1] == Self.dquote {
                i += 1; continue
            }
            if d == Self.backslash { quoted = true; if i + 1 < n { word.append(bytes[i + 1]) }; i += 2; continue }
            if d == UInt8(ascii: " ") || d == UInt8(ascii: "\t") || d == Self.newline || d == UInt8(ascii: ";")
                || d == UInt8(ascii: "|") || d == UInt8(ascii: "&") || d == UInt8(ascii: "<") || d == UInt8(ascii: ">")
                || d == UInt8(ascii: "(") || d == UInt8(ascii: ")")
            {
                break
            }
            word.append(d); i += 1
        }
        guard !word.isEmpty else { return nil }
        return (Heredoc(delimiter: String(decoding: word, as: UTF8.self), quoted: quoted, stripsTabs: strips), i)
    }

    /// A `'…'` or `$'…'` body from `start` to the closing quote: `$NAME` does not expand there.
    mutating func quoted(from start: Int, close: UInt8, escapes: Bool, context: QuotingContext, backticks: Int) -> Int {
        let n = bytes.count
        var i = start
        while i < n {
            if bytes[i] == close { return i + 1 }
            if escapes && bytes[i] == Self.backslash { i += 2; continue }
            if let m = forms.match(at: i, dollar: false) {
                record(m, at: i, context, backticks: backticks); i = m.end; continue
            }
            i += 1
        }
        return n
    }

    /// A `#` comment up to (not including) the newline.
    mutating func comment(from start: Int, backticks: Int) -> Int {
        let n = bytes.count
        var i = start
        while i < n && bytes[i] != Self.newline {
            if let m = forms.match(at: i, dollar: true) {
                record(m, at: i, .comment, backticks: backticks); i = m.end; continue
            }
            i += 1
        }
        return i
    }
}
