/// Groups the physical lines of a shell block into logical lines: `\` continuations, quotes
/// spanning lines, `$(…)`, heredocs, `if…fi`, `for/while…done`, `case…esac`, `{ … }` and
/// trailing `|`/`&&`/`||` are kept whole. Linear in the text; an unterminated construct runs
/// to the end of the block.
enum ShellLines {
    /// Index ranges of lines forming one logical line each. `isProse` lines (numbered steps,
    /// SQL comments) are taken as they are when no construct is open.
    static func logical(_ lines: [Substring], isProse: (Substring) -> Bool = { _ in false }) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var state = State()
        var start = 0
        for (index, line) in lines.enumerated() {
            if !state.isOpen && isProse(line) {
                out.append(index..<(index + 1))
                start = index + 1
                continue
            }
            state.scan(line)
            if !state.isOpen {
                out.append(start..<(index + 1))
                start = index + 1
            }
        }
        if start < lines.count { out.append(start..<lines.count) }
        return out
    }

    struct State {
        var quote: UInt8? = nil
        var parenDepth = 0
        var compoundDepth = 0
        var heredocs: [String] = []
        var inHeredoc = false
        var continued = false

        var isOpen: Bool { quote != nil || parenDepth > 0 || compoundDepth > 0 || !heredocs.isEmpty || continued }

        static let openers: Set<String> = ["if", "for", "while", "until", "case", "select", "{"]
        static let closers: Set<String> = ["fi", "done", "esac", "}"]
        static let keepCommandPosition: Set<String> = [
            "then", "do", "else", "elif", "!", "time", "{", "if", "while", "until"
        ]

        mutating func scan(_ line: Substring) {
            if inHeredoc, let delimiter = heredocs.first {
                if line.trimmed == delimiter {
                    heredocs.removeFirst()
                    inHeredoc = !heredocs.isEmpty
                }
                return
            }
            // A blank line inside a continued command (`|` or `\` then an empty line) is the author's
            // spacing: the command goes on.
            if continued && line.allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\r" }) { return }
            continued = false
            let b = Array(line.utf8)
            let n = b.count
            var i = 0
            var commandPosition = quote == nil
            var lastOperator = false
            while i < n {
                let c = b[i]
                if let q = quote {
                    if c == UInt8(ascii: "\\") && q != UInt8(ascii: "'") { i += 2; continue }
                    if c == q { quote = nil }
                    i += 1
                    continue
                }
                switch c {
                case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"):
                    i += 1
                    continue
                case UInt8(ascii: "\\"):
                    if i == n - 1 { continued = true }
                    i += 2
                case UInt8(ascii: "'"), UInt8(ascii: "\""), UInt8(ascii: "`"):
                    quote = c
                    i += 1
                    commandPosition = false
                case UInt8(ascii: "#"):
                    i = n // comment to end of line
                    continue
                case UInt8(ascii: "("):
                    parenDepth += 1
                    i += 1
                    commandPosition = true
                case UInt8(ascii: ")"):
                    parenDepth = max(0, parenDepth - 1) // `case` patterns close without opening
                    i += 1
                    commandPosition = true
                case UInt8(ascii: ";"), UInt8(ascii: "|"), UInt8(ascii: "&"):
                    i += 1
                    while i < n && (b[i] == UInt8(ascii: "|") || b[i] == UInt8(ascii: "&") || b[i] == UInt8(ascii: ";"))
                    { i += 1 }
                    commandPosition = true
                    lastOperator = c != UInt8(ascii: ";")
                    continue
                case UInt8(ascii: "<")
                where i + 1 < n && b[i + 1] == UInt8(ascii: "<") && (i + 2 >= n || b[i + 2] != UInt8(ascii: "<")):
                    i += 2
                    if i < n && b[i] == UInt8(ascii: "-") { i += 1 }
                    while i < n && b[i] == UInt8(ascii: " ") { i += 1 }
                    var delimiter: [UInt8] = []
                    while i < n, b[i] != UInt8(ascii: " "), b[i] != UInt8(ascii: ";"), b[i] != UInt8(ascii: "|"),
                        b[i] != UInt8(ascii: ")"), b[i] != UInt8(ascii: "&"), b[i] != UInt8(ascii: ">")
                    {
                        if b[i] != UInt8(ascii: "'") && b[i] != UInt8(ascii: "\"") && b[i] != UInt8(ascii: "\\") {
                            delimiter.append(b[i])
                        }
                        i += 1
                    }
                    if !delimiter.isEmpty { heredocs.append(String(decoding: delimiter, as: UTF8.self)) }
                    commandPosition = false
                default:
                    // A word: read it, and count compound keywords in command position.
                    let start = i
                    while i < n {
                        let d = b[i]
                        if d == UInt8(ascii: " ") || d == UInt8(ascii: "\t") || d == UInt8(ascii: ";")
                            || d == UInt8(ascii: "|")
                            || d == UInt8(ascii: "&") || d == UInt8(ascii: "(") || d == UInt8(ascii: ")")
                            || d == UInt8(ascii: "'")
                            || d == UInt8(ascii: "\"") || d == UInt8(ascii: "`") || d == UInt8(ascii: "<")
                            || d == UInt8(ascii: ">")
                        {
                            break
                        }
                        if d == UInt8(ascii: "\\") { i += 1 }
                        if d == UInt8(ascii: "$") && i + 1 < n && b[i + 1] == UInt8(ascii: "(") { break }
                        i += 1
                    }
                    if i < n, b[i] == UInt8(ascii: "$") {
                        // `$(` opens a substitution.
                        parenDepth += 1
                        i += 2
                        commandPosition = true
                        lastOperator = false
                        continue
                    }
                    if i == start { i += 1; continue }
                    let word = String(decoding: b[start..<min(i, n)], as: UTF8.self)
                    if commandPosition {
                        if Self.openers.contains(word) {
                            compoundDepth += 1
                        } else if Self.closers.contains(word) {
                            compoundDepth = max(0, compoundDepth - 1)
                        }
                    }
                    commandPosition =
                        Self.keepCommandPosition.contains(word) || Self.closers.contains(word)
                        || (commandPosition && ShellParser.isAssignment(word))
                }
                lastOperator = false
            }
            if lastOperator { continued = true }
            if !heredocs.isEmpty { inHeredoc = true }
        }
    }
}
