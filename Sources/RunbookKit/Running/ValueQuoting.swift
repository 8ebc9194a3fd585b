/// Writes a placeholder's value so that the interpreter reads it as data, never as code, in the
/// context it lands in. Throws the reason when no spelling is safe there.
public enum ValueQuoting {
    public struct Refusal: Error, Equatable, Sendable {
        public var reason: String
    }

    /// `backslashEscapes`: the SQL runner reads `\` as an escape inside strings (MySQL, MariaDB).
    public static func quote(
        _ value: String, in context: QuotingContext, language: QuotingLanguage,
        backticks: Int = 0, backslashEscapes: Bool = false
    ) throws(Refusal) -> String {
        if value.utf8.contains(0) { throw Refusal(reason: "it contains a NUL byte, which no command can carry") }
        var text: String
        switch language {
        case .shell: text = try shell(value, context)
        case .sql: text = backslashEscapes ? try mysql(value, context) : try sql(value, context)
        case .python: text = try python(value, context)
        }
        // Inside backticks the shell first removes one level of `\` before `\`, `` ` `` and `$`.
        for _ in 0..<backticks { text = escaping(text, ["\\", "`", "$"]) }
        return text
    }

    /// Per Unicode scalar, not per Character: a combining mark must not hide a backtick or quote from us,
    /// since the interpreter reads bytes.
    static func escaping(_ s: String, _ specials: Set<Unicode.Scalar>) -> String {
        var out = String.UnicodeScalarView()
        for scalar in s.unicodeScalars {
            if specials.contains(scalar) { out.append("\\") }
            out.append(scalar)
        }
        return String(out)
    }

    /// Replaces one scalar with a text, scalar by scalar (no Unicode equivalence).
    static func replacing(_ s: String, _ target: Unicode.Scalar, with replacement: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in s.unicodeScalars {
            if scalar == target { out.append(contentsOf: replacement.unicodeScalars) } else { out.append(scalar) }
        }
        return String(out)
    }

    static func hasLineBreak(_ s: String) -> Bool { s.unicodeScalars.contains { $0 == "\n" || $0 == "\r" } }

    static func comment(_ value: String) throws(Refusal) -> String {
        if hasLineBreak(value) {
            throw Refusal(reason: "it has a line break, which would end the comment it is in and run the rest")
        }
        return value
    }

    static func shell(_ value: String, _ context: QuotingContext) throws(Refusal) -> String {
        switch context {
        case .unquoted:
            // One single-quoted word: nothing expands, splits or globs; a `'` is closed, escaped, reopened.
            return "'" + replacing(value, "'", with: "'\\''") + "'"
        case .singleQuoted:
            // Already inside '…': close, add an escaped quote, reopen.
            return replacing(value, "'", with: "'\\''")
        case .doubleQuoted:
            // Inside "…" only \ $ ` " are special (`!` is not, in a non-interactive shell).
            return escaping(value, ["\\", "$", "`", "\""])
        case .ansiCQuoted:
            // $'…' decodes backslash escapes; only \ and ' need one.
            return escaping(value, ["\\", "'"])
        case .heredoc(_, let quoted, _):
            // An unquoted body expands \ $ `; a quoted body is taken as written. The line check is the
            // caller's (`PlaceholderSubstitution`), since it needs the whole line.
            return quoted ? value : escaping(value, ["\\", "$", "`"])
        case .comment:
            // Shown only — unless bash does not read this `#` as a comment after all (the scanner
            // guesses from bytes), so a value that is not a plain word is quoted as a word too.
            let shown = try comment(value)
            return PlainWord.isPlain(shown) ? shown : "'" + replacing(shown, "'", with: "'\\''") + "'"
        case .arithmetic:
            // Bash evaluates names here, and `a[$(cmd)]` runs cmd: only a number is data.
            if PlainWord.isInteger(value) { return value }
            throw Refusal(
                reason: "it lands in shell arithmetic ((( )), $(( )), [[ -gt ]], let, declare -i, a subscript "
                    + "or ${x:offset}), where bash evaluates names and runs a[$(…)]; only a whole number is accepted there"
            )
        default:
            throw Refusal(reason: "warroom has no shell quoting for this spot")
        }
    }

    static func isPlainNumber(_ s: String) -> Bool {
        let parts = s.split(separator: ".", omittingEmptySubsequences: false)
        return !s.isEmpty && parts.count <= 2
            && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }
    }

    static func isPlainIdentifier(_ s: String) -> Bool {
        let u = Array(s.utf8)
        guard let first = u.first, PlaceholderForms.isIdentStart(first) else { return false }
        return u.allSatisfy { PlaceholderForms.isIdent($0) || $0 == UInt8(ascii: ".") }
    }

    static func sql(_ value: String, _ context: QuotingContext) throws(Refusal) -> String {
        switch context {
        case .unquoted:
            // A value spot (`WHERE id = <id>`): a plain unsigned number stays as written; anything
            // else, a bare name too (`id` would compare the column with itself), becomes a string.
            if isPlainNumber(value) { return value }
            return "'" + replacing(value, "'", with: "''") + "'"
        case .sqlIdentifier:
            if isPlainIdentifier(value) { return value }
            throw Refusal(
                reason: "it lands where SQL expects a table or column name; only a name (letters, digits, _ and .) "
                    + "is accepted there")
        case .arithmetic:
            if isPlainNumber(value) && !value.contains(".") { return value }
            throw Refusal(
                reason: "it lands where SQL expects a count (LIMIT, OFFSET); only a whole number is accepted there")
        case .singleQuoted:
            // Standard strings: only a doubled quote. (MySQL's default also treats \ as an escape.)
            return replacing(value, "'", with: "''")
        case .escapeString:
            return replacing(replacing(value, "\\", with: "\\\\"), "'", with: "''")
        case .doubleQuoted:
            return replacing(value, "\"", with: "\"\"")
        case .backtickIdentifier:
            return replacing(value, "`", with: "``")
        case .dollarQuoted:
            // The body may be code (DO $$ … $$) or text: only values that are safe as either.
            if isPlainNumber(value) || isPlainIdentifier(value) { return value }
            throw Refusal(reason: "it lands in a $$ body, which may be code; only a plain number or name is safe there")
        case .comment:
            if value.contains("*/") { throw Refusal(reason: "it contains */, which would end the comment it is in") }
            return try comment(value)
        default:
            throw Refusal(reason: "warroom has no SQL quoting for this spot")
        }
    }

    /// MySQL and MariaDB: `\` escapes inside both '…' and "…" strings, so it is doubled too.
    static func mysql(_ value: String, _ context: QuotingContext) throws(Refusal) -> String {
        let escaped = replacing(value, "\\", with: "\\\\")
        switch context {
        case .unquoted:
            if isPlainNumber(value) { return value }
            return "'" + replacing(escaped, "'", with: "''") + "'"
        case .singleQuoted, .escapeString: return replacing(escaped, "'", with: "''")
        case .doubleQuoted: return replacing(escaped, "\"", with: "\"\"")
        default: return try sql(value, context)
        }
    }

    /// Python string-literal content for `quote`: backslash, both quotes and control characters escaped.
    static func pythonContent(_ value: String, bytes: Bool) -> String {
        var out = ""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "'": out += "\\'"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    out += "\\x" + hex(UInt8(scalar.value))
                } else if bytes && !scalar.isASCII {
                    // A bytes literal holds ASCII only: the value's UTF-8 bytes, escaped.
                    for b in String(scalar).utf8 { out += "\\x" + hex(b) }
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }

    static func doublingBraces(_ s: String) -> String { replacing(replacing(s, "{", with: "{{"), "}", with: "}}") }

    static func hex(_ b: UInt8) -> String {
        let digits = Array("0123456789abcdef")
        return String([digits[Int(b >> 4)], digits[Int(b & 15)]])
    }

    static func python(_ value: String, _ context: QuotingContext) throws(Refusal) -> String {
        switch context {
        case .unquoted:
            // A str literal: the value is never evaluated as an expression.
            return "\"" + pythonContent(value, bytes: false) + "\""
        case .pythonString(let quote, let prefix):
            if prefix.contains("r") {
                // Raw strings have no escapes: accept only values that cannot end or bend the string.
                if hasLineBreak(value)
                    || value.unicodeScalars.contains(where: { $0 == "\\" || quote.unicodeScalars.first == $0 })
                {
                    throw Refusal(
                        reason:
                            "it lands in a raw string (r\(quote)…\(quote)) and holds a quote, backslash or line break")
                }
                return prefix.contains("f") ? doublingBraces(value) : value
            }
            var content = pythonContent(value, bytes: prefix.contains("b"))
            // f-strings evaluate {…}: doubled braces are literal braces.
            if prefix.contains("f") {
                content = doublingBraces(content)
            }
            return content
        case .formatField:
            // An f-string's {…} is evaluated: a number stays a number, anything else could run.
            if isPlainNumber(value) { return value }
            throw Refusal(
                reason: "it lands inside an f-string's {…}, which Python evaluates; only a plain number is safe there")
        case .comment:
            return try comment(value)
        default:
            throw Refusal(reason: "warroom has no Python quoting for this spot")
        }
    }
}
