/// One simple command of a shell text: the words between operators (`|`, `&&`, `||`, `;`, `&`,
/// newlines, parentheses), with quotes removed, plus what it reads and writes.
struct ShellSimpleCommand: Sendable, Equatable {
    /// Leading `NAME=value` words.
    var assignments: [String] = []
    /// The words with quotes removed; `words[0]` is the program.
    var words: [String] = []
    /// Redirections: operator (`>`, `>>`, `<`, `<<<`, `2>` ...) and target.
    var redirects: [Redirect] = []
    /// Body of a heredoc feeding this command.
    var heredoc: String?
    /// Bodies of `$(...)` and backtick substitutions found in the command.
    var substitutions: [String] = []
    /// Whether the command reads the output of the previous command of a pipeline.
    var pipedIn = false
    /// Index of the pipeline (commands joined by `|`) this command belongs to.
    var pipeline = 0

    struct Redirect: Sendable, Equatable {
        var op: String
        var target: String
    }

    var isEmpty: Bool { words.isEmpty && assignments.isEmpty && redirects.isEmpty && substitutions.isEmpty }
}

/// A small shell tokenizer: quotes, escapes, `$(...)`, backticks, comments, redirections and
/// heredocs. Linear in the input; never fails (unterminated constructs run to the end).
enum ShellParser {
    /// Reserved words that start or end a compound command and are not programs.
    static let reservedPrefixes: Set<String> = [
        "if", "then", "else", "elif", "do", "while", "until", "!", "{", "}", "time"
    ]
    static let reservedAlone: Set<String> = ["fi", "done", "esac", "}", "{", ";;", "in"]

    static func parse(_ text: String) -> [ShellSimpleCommand] {
        var parser = Scanner(bytes: Array(text.utf8))
        parser.run()
        return parser.commands.compactMap(cleaned)
    }

    /// Drops compound-statement keywords (`if`, `then`, `do`, `fi` ...) and `for X in ...` heads.
    private static func cleaned(_ command: ShellSimpleCommand) -> ShellSimpleCommand? {
        var c = command
        while let first = c.words.first, reservedPrefixes.contains(first) { c.words.removeFirst() }
        if let first = c.words.first {
            if ["for", "select", "case", "function"].contains(first) {
                c.words = []
            } else if reservedAlone.contains(first) && c.words.count == 1 {
                c.words = []
            }
        }
        // Leading assignments (`X=1 cmd`) are not the program.
        while let first = c.words.first, isAssignment(first) {
            c.assignments.append(first)
            c.words.removeFirst()
        }
        return c.isEmpty ? nil : c
    }

    static func isAssignment(_ word: String) -> Bool {
        guard let eq = word.firstIndex(of: "="), eq != word.startIndex else { return false }
        let name = word[..<eq]
        guard let first = name.first, first.isASCII, first.isLetter || first == "_" else { return false }
        return name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }
    }

    private struct Scanner {
        static let escapedInDoubleQuotes: Set<UInt8> = Set("$`\"\\\n".utf8)

        let bytes: [UInt8]
        var i = 0
        var commands: [ShellSimpleCommand] = []
        var current = ShellSimpleCommand()
        var pipeline = 0
        var parenDepth = 0
        /// Heredocs declared on the current line: delimiter and index of the owning command.
        var pendingHeredocs: [(delimiter: String, owner: Int)] = []

        init(bytes: [UInt8]) { self.bytes = bytes }

        mutating func run() {
            let n = bytes.count
            while i < n {
                let c = bytes[i]
                switch c {
                case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"):
                    i += 1
                case UInt8(ascii: "\\") where i + 1 < n && bytes[i + 1] == UInt8(ascii: "\n"):
                    i += 2
                case UInt8(ascii: "\n"):
                    i += 1
                    finish(pipedNext: false)
                    readHeredocBodies()
                case UInt8(ascii: "#"):
                    while i < n && bytes[i] != UInt8(ascii: "\n") { i += 1 }
                case UInt8(ascii: ";"), UInt8(ascii: "&"):
                    if c == UInt8(ascii: "&"), i + 1 < n, bytes[i + 1] == UInt8(ascii: ">") {
                        i += 1
                        readRedirect(prefix: "&")
                        continue
                    }
                    i += 1
                    if i < n && bytes[i] == c { i += 1 }
                    finish(pipedNext: false)
                case UInt8(ascii: "|"):
                    i += 1
                    if i < n && bytes[i] == UInt8(ascii: "|") {
                        i += 1
                        finish(pipedNext: false)
                    } else {
                        if i < n && bytes[i] == UInt8(ascii: "&") { i += 1 }
                        finish(pipedNext: true)
                    }
                case UInt8(ascii: "(") where i + 1 < n && bytes[i + 1] == UInt8(ascii: "(") && current.words.isEmpty:
                    // `(( bytes = 1 << 30 ))`: arithmetic, no command, and its `<<` no heredoc.
                    var depth = 0
                    while i < n {
                        if bytes[i] == UInt8(ascii: "(") { depth += 1 }
                        if bytes[i] == UInt8(ascii: ")") { depth -= 1; if depth == 0 { i += 1; break } }
                        if bytes[i] == UInt8(ascii: "\n") { break }
                        i += 1
                    }
                    finish(pipedNext: false)
                case UInt8(ascii: "("):
                    i += 1
                    parenDepth += 1
                    finish(pipedNext: false)
                case UInt8(ascii: ")"):
                    i += 1
                    if parenDepth > 0 {
                        parenDepth -= 1
                    } else {
                        // A `case` pattern (`start)`), not a command.
                        current.words = []
                    }
                    finish(pipedNext: false)
                case UInt8(ascii: "<") where placeholderEnd(at: i) != nil:
                    current.words.append(readWord())
                case UInt8(ascii: "<"), UInt8(ascii: ">"):
                    readRedirect(prefix: "")
                default:
                    let word = readWord()
                    if i < n, bytes[i] == UInt8(ascii: ">") || bytes[i] == UInt8(ascii: "<"),
                        !word.isEmpty, word.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 })
                    {
                        readRedirect(prefix: word)
                    } else {
                        current.words.append(word)
                    }
                }
            }
            finish(pipedNext: false)
        }

        mutating func finish(pipedNext: Bool) {
            if !current.isEmpty {
                current.pipeline = pipeline
                commands.append(current)
            }
            current = ShellSimpleCommand()
            if pipedNext {
                current.pipedIn = true
            } else {
                pipeline += 1
            }
        }

        mutating func readRedirect(prefix: String) {
            let n = bytes.count
            var op = prefix
            while i < n,
                bytes[i] == UInt8(ascii: "<") || bytes[i] == UInt8(ascii: ">") || bytes[i] == UInt8(ascii: "&")
                    || (bytes[i] == UInt8(ascii: "-") && op.hasPrefix("<<") && op.count == 2)
                    || (bytes[i] == UInt8(ascii: "|") && op == ">")
            {
                op.append(Character(UnicodeScalar(bytes[i])))
                i += 1
                if op.count > 4 { break }
            }
            // Process substitution `<(cmd)`: read as a command of its own.
            if i < n, bytes[i] == UInt8(ascii: "("), op == "<" || op == ">" {
                return
            }
            while i < n, bytes[i] == UInt8(ascii: " ") || bytes[i] == UInt8(ascii: "\t") { i += 1 }
            let target = (i < n && bytes[i] != UInt8(ascii: "\n")) ? readWord() : ""
            if op == "<<" || op == "<<-" {
                // The command being built is appended at `commands.count` when it ends.
                if !target.isEmpty { pendingHeredocs.append((target, commands.count)) }
                current.redirects.append(.init(op: op, target: target))
                return
            }
            current.redirects.append(.init(op: op, target: target))
        }

        /// After a newline: the bodies of heredocs declared on the previous line.
        mutating func readHeredocBodies() {
            guard !pendingHeredocs.isEmpty else { return }
            let n = bytes.count
            for doc in pendingHeredocs {
                var body: [UInt8] = []
                while i < n {
                    var end = i
                    while end < n && bytes[end] != UInt8(ascii: "\n") { end += 1 }
                    let line = bytes[i..<end]
                    let trimmed = line.drop { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
                    i = min(end + 1, n)
                    if trimmed.elementsEqual(doc.delimiter.utf8) { break }
                    body.append(contentsOf: line)
                    body.append(UInt8(ascii: "\n"))
                }
                let text = String(decoding: body, as: UTF8.self)
                if doc.owner < commands.count, doc.owner >= 0 {
                    commands[doc.owner].heredoc = (commands[doc.owner].heredoc ?? "") + text
                }
            }
            pendingHeredocs = []
        }

        static let wordEnd: Set<UInt8> = Set(" \t\r\n;&|()<>".utf8)

        /// Reads one word, removing quotes; `$(...)` and backticks are kept as written and
        /// their bodies recorded.
        mutating func readWord() -> String {
            let n = bytes.count
            var out: [UInt8] = []
            while i < n {
                let c = bytes[i]
                if c == UInt8(ascii: "<"), let end = placeholderEnd(at: i) {
                    // `<pod-name>` is a placeholder, not a redirection.
                    out.append(contentsOf: bytes[i..<end])
                    i = end
                    continue
                }
                if Self.wordEnd.contains(c) { break }
                switch c {
                case UInt8(ascii: "'"):
                    i += 1
                    while i < n && bytes[i] != UInt8(ascii: "'") { out.append(bytes[i]); i += 1 }
                    i += 1
                case UInt8(ascii: "\""):
                    i += 1
                    while i < n && bytes[i] != UInt8(ascii: "\"") {
                        // Inside double quotes a backslash escapes only `$`, a backtick, `"`, `\` and a
                        // newline: `"a\nb"` keeps its backslash (printf's newline).
                        if bytes[i] == UInt8(ascii: "\\"), i + 1 < n, Self.escapedInDoubleQuotes.contains(bytes[i + 1])
                        {
                            if bytes[i + 1] != UInt8(ascii: "\n") { out.append(bytes[i + 1]) }
                            i += 2
                        } else if bytes[i] == UInt8(ascii: "$"), i + 1 < n, bytes[i + 1] == UInt8(ascii: "(") {
                            out.append(contentsOf: readSubstitution())
                        } else if bytes[i] == UInt8(ascii: "`") {
                            out.append(contentsOf: readBackticks())
                        } else {
                            out.append(bytes[i]); i += 1
                        }
                    }
                    i += 1
                case UInt8(ascii: "\\"):
                    if i + 1 < n {
                        if bytes[i + 1] != UInt8(ascii: "\n") { out.append(bytes[i + 1]) }
                        i += 2
                    } else {
                        i += 1
                    }
                case UInt8(ascii: "$") where i + 1 < n && bytes[i + 1] == UInt8(ascii: "'"):
                    // `$'Don\'t'`: backslash escapes, so `\'` does not end the word.
                    i += 2
                    while i < n && bytes[i] != UInt8(ascii: "'") {
                        if bytes[i] == UInt8(ascii: "\\"), i + 1 < n { i += 1 }
                        out.append(bytes[i]); i += 1
                    }
                    i += 1
                case UInt8(ascii: "$") where i + 1 < n && bytes[i + 1] == UInt8(ascii: "["):
                    // `$[1<<2]`: old arithmetic, kept as written (its `<<` is no heredoc).
                    let start = i
                    while i < n && bytes[i] != UInt8(ascii: "]") && bytes[i] != UInt8(ascii: "\n") { i += 1 }
                    if i < n && bytes[i] == UInt8(ascii: "]") { i += 1 }
                    out.append(contentsOf: bytes[start..<i])
                case UInt8(ascii: "$") where i + 1 < n && bytes[i + 1] == UInt8(ascii: "("):
                    out.append(contentsOf: readSubstitution())
                case UInt8(ascii: "$") where i + 1 < n && bytes[i + 1] == UInt8(ascii: "{"):
                    let start = i
                    while i < n && bytes[i] != UInt8(ascii: "}") && bytes[i] != UInt8(ascii: "\n") { i += 1 }
                    if i < n && bytes[i] == UInt8(ascii: "}") { i += 1 }
                    out.append(contentsOf: bytes[start..<i])
                case UInt8(ascii: "`"):
                    out.append(contentsOf: readBackticks())
                default:
                    out.append(c)
                    i += 1
                }
            }
            return String(decoding: out, as: UTF8.self)
        }

        /// The end of a `<name>` placeholder starting at `start`, if there is one.
        func placeholderEnd(at start: Int) -> Int? {
            let n = bytes.count
            var j = start + 1
            guard j < n, (bytes[j] >= 65 && bytes[j] <= 90) || (bytes[j] >= 97 && bytes[j] <= 122) else { return nil }
            while j < n, j - start < 80 {
                let c = bytes[j]
                if c == UInt8(ascii: ">") { return j + 1 }
                let ok =
                    (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c == UInt8(ascii: "-")
                    || c == UInt8(ascii: "_") || c == UInt8(ascii: ".") || c == UInt8(ascii: ":")
                if !ok { return nil }
                j += 1
            }
            return nil
        }

        /// Reads `$(...)` or `$((...))` starting at `$`; returns the raw text.
        mutating func readSubstitution() -> ArraySlice<UInt8> {
            let n = bytes.count
            let start = i
            i += 2
            let arithmetic = i < n && bytes[i] == UInt8(ascii: "(")
            let bodyStart = i
            var depth = 1
            var cases = 0
            var heredocs: [String] = []
            while i < n && depth > 0 {
                let c = bytes[i]
                if c == UInt8(ascii: "\n"), !heredocs.isEmpty {
                    // Heredoc bodies are text: their quotes and parentheses are not the substitution's.
                    i += 1
                    skipBodies(heredocs)
                    heredocs = []
                    continue
                }
                if !arithmetic, c == UInt8(ascii: "<"), i + 2 < n, bytes[i + 1] == UInt8(ascii: "<"),
                    bytes[i + 2] != UInt8(ascii: "<")
                {
                    i += 2
                    if i < n, bytes[i] == UInt8(ascii: "-") { i += 1 }
                    while i < n, bytes[i] == UInt8(ascii: " ") { i += 1 }
                    var word: [UInt8] = []
                    while i < n, !Self.wordEnd.contains(bytes[i]) {
                        if ![UInt8(ascii: "'"), UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "$")].contains(
                            bytes[i])
                        {
                            word.append(bytes[i])
                        }
                        i += 1
                    }
                    if !word.isEmpty { heredocs.append(String(decoding: word, as: UTF8.self)) }
                    continue
                }
                if let word = keyword(at: i), word == "case" || word == "esac" {
                    cases = max(0, cases + (word == "case" ? 1 : -1))
                }
                if c == UInt8(ascii: "(") {
                    depth += 1
                } else if c == UInt8(ascii: ")"), depth == 1, cases > 0 {
                    // `case x in prod) …` inside `$(…)`: a pattern's parenthesis.
                } else if c == UInt8(ascii: ")") {
                    depth -= 1; if depth == 0 { break }
                } else if c == UInt8(ascii: "'") {
                    i += 1
                    while i < n && bytes[i] != UInt8(ascii: "'") { i += 1 }
                } else if c == UInt8(ascii: "\"") {
                    i += 1
                    while i < n && bytes[i] != UInt8(ascii: "\"") {
                        if bytes[i] == UInt8(ascii: "\\") { i += 1 }
                        i += 1
                    }
                } else if c == UInt8(ascii: "\\") {
                    i += 1
                }
                i += 1
            }
            let bodyEnd = min(i, n)
            if !arithmetic {
                current.substitutions.append(String(decoding: bytes[bodyStart..<bodyEnd], as: UTF8.self))
            } else {
                // Arithmetic may hold substitutions of its own: `$(( $(date +%s) - 1 ))`.
                var j = bodyStart
                while j + 1 < bodyEnd {
                    if bytes[j] == UInt8(ascii: "$"), bytes[j + 1] == UInt8(ascii: "(") {
                        var inner = Scanner(bytes: Array(bytes[j..<bodyEnd]))
                        _ = inner.readSubstitution()
                        current.substitutions.append(contentsOf: inner.current.substitutions)
                        j += max(inner.i, 1)
                    } else {
                        j += 1
                    }
                }
            }
            if i < n { i += 1 }
            return bytes[start..<min(i, n)]
        }

        /// Past the bodies of heredocs declared on the line just ended, in order; a body ends at its
        /// delimiter's line, or before the `)` of a line starting `EOF)` (as bash reads `$(…)`).
        mutating func skipBodies(_ delimiters: [String]) {
            let n = bytes.count
            for delimiter in delimiters {
                let word = Array(delimiter.utf8)
                while i < n {
                    var end = i
                    while end < n && bytes[end] != UInt8(ascii: "\n") { end += 1 }
                    var start = i
                    while start < end, bytes[start] == UInt8(ascii: "\t") { start += 1 }
                    let line = bytes[start..<end]
                    if line.elementsEqual(word) { i = end; break }
                    if line.starts(with: word), line.count > word.count, line[start + word.count] == UInt8(ascii: ")") {
                        i = start + word.count
                        return
                    }
                    i = min(end + 1, n)
                }
            }
        }

        /// `case` or `esac` as a whole word at `k`.
        func keyword(at k: Int) -> String? {
            guard k == 0 || Self.wordEnd.contains(bytes[k - 1]) || bytes[k - 1] == UInt8(ascii: "(") else { return nil }
            for word in ["case", "esac"] {
                let w = Array(word.utf8)
                if k + w.count <= bytes.count, bytes[k..<(k + w.count)].elementsEqual(w),
                    k + w.count == bytes.count || Self.wordEnd.contains(bytes[k + w.count])
                {
                    return word
                }
            }
            return nil
        }

        mutating func readBackticks() -> ArraySlice<UInt8> {
            let n = bytes.count
            let start = i
            i += 1
            let bodyStart = i
            while i < n && bytes[i] != UInt8(ascii: "`") {
                if bytes[i] == UInt8(ascii: "\\") { i += 1 }
                i += 1
            }
            current.substitutions.append(String(decoding: bytes[bodyStart..<min(i, n)], as: UTF8.self))
            if i < n { i += 1 }
            return bytes[start..<min(i, n)]
        }
    }
}
