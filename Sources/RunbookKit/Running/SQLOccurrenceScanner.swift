/// Walks SQL text (strings `'…'` and `E'…'`, identifiers `"…"` and `` `…` ``, `$tag$…$tag$`
/// bodies, `--` and `/* */` comments) and reports each placeholder occurrence with its context.
struct SQLOccurrenceScanner {
    let forms: PlaceholderForms
    var bytes: [UInt8] { forms.bytes }
    var found: [PlaceholderOccurrence] = []

    init(forms: PlaceholderForms) { self.forms = forms }

    mutating func record(_ m: PlaceholderForms.Match, at i: Int, _ context: QuotingContext) {
        // psql reads a line starting with `\` (`\set x '…'`, `\copy`, `\!`) as a backslash command,
        // whose quoting is its own (`\'` escapes a quote): only plain words are safe there.
        let reader = isBackslashCommandLine(at: i) ? "a psql backslash command" : nil
        found.append(forms.occurrence(m, at: i, context, reparsedBy: reader))
    }

    /// A psql backslash command before the occurrence on its line (`\set x '…'`, `SELECT … \g <file>`,
    /// `\o <file>`), or `\gexec` anywhere (psql runs the query's output as SQL).
    func isBackslashCommandLine(at i: Int) -> Bool {
        if hasGexec { return true }
        var k = i
        while k > 0, bytes[k - 1] != UInt8(ascii: "\n") {
            k -= 1
            if bytes[k] == UInt8(ascii: "\\"), k + 1 < i,
                (bytes[k + 1] | 0x20) >= 0x61 && (bytes[k + 1] | 0x20) <= 0x7A
                    || bytes[k + 1] == UInt8(ascii: "!")
            {
                return true
            }
        }
        return false
    }

    var hasGexec: Bool { String(decoding: bytes, as: UTF8.self).lowercased().contains("\\gexec") }

    mutating func run() -> [PlaceholderOccurrence] {
        let n = bytes.count
        var i = 0
        while i < n {
            let c = bytes[i]
            let next = i + 1 < n ? bytes[i + 1] : 0
            let before = i > 0 ? bytes[i - 1] : 0
            // `E'…'`: the E is a whole word of its own.
            if (c == UInt8(ascii: "E") || c == UInt8(ascii: "e")) && next == UInt8(ascii: "'")
                && !PlaceholderForms.isIdent(before)
            {
                i = quoted(from: i + 2, close: UInt8(ascii: "'"), backslashEscapes: true, context: .escapeString)
                continue
            }
            if let m = forms.match(at: i, dollar: false) {
                record(m, at: i, codeContext(before: i)); i = m.end; continue
            }
            switch c {
            case UInt8(ascii: "'"):
                i = quoted(from: i + 1, close: c, backslashEscapes: false, context: .singleQuoted)
            case UInt8(ascii: "\""):
                i = quoted(from: i + 1, close: c, backslashEscapes: false, context: .doubleQuoted)
            case UInt8(ascii: "`"):
                i = quoted(from: i + 1, close: c, backslashEscapes: false, context: .backtickIdentifier)
            case UInt8(ascii: "-") where next == UInt8(ascii: "-"):
                i = comment(from: i, block: false)
            case UInt8(ascii: "/") where next == UInt8(ascii: "*"):
                i = comment(from: i + 2, block: true)
            case UInt8(ascii: "$"):
                i = dollarQuoted(at: i)
            default:
                i += 1
            }
        }
        return found
    }

    static let nameKeywords: Set<String> = ["FROM", "JOIN", "INTO", "UPDATE", "TABLE", "TRUNCATE", "DESCRIBE", "DESC"]
    static let countKeywords: Set<String> = ["LIMIT", "OFFSET", "TOP", "FETCH"]

    /// How SQL reads a bare occurrence at `i`, judged by the word before it: a name after `FROM`,
    /// `JOIN` … or `.`; a count after `LIMIT`/`OFFSET`; a value anywhere else.
    func codeContext(before i: Int) -> QuotingContext {
        var k = i - 1
        while k >= 0,
            bytes[k] == UInt8(ascii: " ") || bytes[k] == UInt8(ascii: "\t") || bytes[k] == UInt8(ascii: "\n")
                || bytes[k] == UInt8(ascii: "\r")
        { k -= 1 }
        guard k >= 0 else { return .unquoted }
        if bytes[k] == UInt8(ascii: ".") { return .sqlIdentifier }
        let end = k + 1
        while k >= 0, PlaceholderForms.isIdent(bytes[k]) { k -= 1 }
        let word = String(decoding: bytes[(k + 1)..<end], as: UTF8.self).uppercased()
        if Self.nameKeywords.contains(word) { return .sqlIdentifier }
        if Self.countKeywords.contains(word) { return .arithmetic }
        return .unquoted
    }

    /// A quoted body up to its closing quote; a doubled quote is the quote itself.
    mutating func quoted(from start: Int, close: UInt8, backslashEscapes: Bool, context: QuotingContext) -> Int {
        let n = bytes.count
        var i = start
        while i < n {
            let c = bytes[i]
            if backslashEscapes && c == UInt8(ascii: "\\") { i += 2; continue }
            if c == close {
                if i + 1 < n && bytes[i + 1] == close { i += 2; continue }
                return i + 1
            }
            if let m = forms.match(at: i, dollar: false) { record(m, at: i, context); i = m.end; continue }
            i += 1
        }
        return n
    }

    /// A `--` comment up to the line end (kept), or a `/* */` comment past its `*/`.
    mutating func comment(from start: Int, block: Bool) -> Int {
        let n = bytes.count
        var i = start
        while i < n {
            if !block && bytes[i] == UInt8(ascii: "\n") { return i }
            if block && bytes[i] == UInt8(ascii: "*") && i + 1 < n && bytes[i + 1] == UInt8(ascii: "/") { return i + 2 }
            if let m = forms.match(at: i, dollar: false) { record(m, at: i, .comment); i = m.end; continue }
            i += 1
        }
        return n
    }

    /// `$$…$$` or `$tag$…$tag$`; a lone `$` (`$1`) is skipped.
    mutating func dollarQuoted(at start: Int) -> Int {
        let n = bytes.count
        var j = start + 1
        while j < n && PlaceholderForms.isIdent(bytes[j]) && !(j == start + 1 && bytes[j] >= 48 && bytes[j] <= 57) {
            j += 1
        }
        guard j < n, bytes[j] == UInt8(ascii: "$") else { return start + 1 }
        let tag = Array(bytes[start...j])
        let tagText = String(decoding: tag, as: UTF8.self)
        var i = j + 1
        while i < n {
            if bytes[i] == UInt8(ascii: "$"), i + tag.count <= n, Array(bytes[i..<(i + tag.count)]) == tag {
                return i + tag.count
            }
            if let m = forms.match(at: i, dollar: false) {
                record(m, at: i, .dollarQuoted(tag: tagText)); i = m.end; continue
            }
            i += 1
        }
        return n
    }
}
