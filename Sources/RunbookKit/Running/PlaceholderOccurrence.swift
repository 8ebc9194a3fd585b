/// Where a placeholder's value would land, as the command's interpreter reads that spot.
/// Decides how the value is quoted so that it stays data (`ValueQuoting`).
public enum QuotingContext: Sendable, Equatable {
    /// Shell word (also inside `$(…)` and backticks), SQL or Python code.
    case unquoted
    /// Shell `'…'`, SQL `'…'` string.
    case singleQuoted
    /// Shell `"…"`, SQL `"…"` identifier.
    case doubleQuoted
    /// Shell `$'…'`.
    case ansiCQuoted
    /// Shell heredoc body; `quoted`: the delimiter was quoted (`<<'EOF'`), so nothing expands.
    case heredoc(delimiter: String, quoted: Bool, stripsTabs: Bool)
    /// SQL `` `…` `` identifier (MySQL).
    case backtickIdentifier
    /// SQL `E'…'` string, where backslash escapes.
    case escapeString
    /// SQL `$tag$…$tag$` body.
    case dollarQuoted(tag: String)
    /// Python string literal: its quote (`'`, `"`, `'''`, `"""`) and prefix letters, lower-cased (`f`, `rb` …).
    case pythonString(quote: String, prefix: String)
    /// Python f-string replacement field `{…}`: an expression, so code.
    case formatField
    /// A comment: the value is only shown, but a line break would end the comment.
    case comment
    /// A numeric spot: shell arithmetic (`$(( ))`, `(( ))`, `[[ a -gt b ]]`, `let`, `declare -i`,
    /// array subscripts, `${x:offset}`) or SQL `LIMIT`/`OFFSET`. Only a whole number is accepted:
    /// bash evaluates a name there, and `a[$(cmd)]` runs `cmd`.
    case arithmetic
    /// SQL where a table or column name is expected (`FROM`, `JOIN`, `UPDATE`, `INTO`, after `.`):
    /// a plain name stays as written; elsewhere a bare name would read as a column, not a value.
    case sqlIdentifier
}

/// One place a placeholder is written in a command.
public struct PlaceholderOccurrence: Sendable, Equatable {
    public var name: String
    /// UTF-8 byte offsets into the command's code.
    public var range: Range<Int>
    /// As written: `$VERSION`, `${DIST_ID}`, `<pod-name>`, `YOUR_ROUTING_KEY`.
    public var written: String
    public var context: QuotingContext
    /// Shell only: how many backtick substitutions enclose it (each one eats a level of backslashes).
    public var backticks: Int
    /// Shell only: the program that parses this text again as code (`ssh`, `bash -c`, `psql -c`, the
    /// `psql` a heredoc feeds); nil when the shell is the last to read it.
    public var reparsedBy: String?
    /// Shell only: the occurrence starts a word of a simple command (so a value beginning with `-`
    /// would be read as an option) and no `--` ends the options before it.
    public var optionPosition: Bool
    /// Shell only: the occurrence is where the SQL a client runs (`psql -c "… WHERE id = <id>"`)
    /// expects a value and no SQL quote surrounds it: a word there would read as a column.
    public var bareSQLValue = false
    /// Shell only: a later stage of its pipeline runs what this stage writes as a program
    /// (`echo "<msg>" | sh`, `cat <<EOF | kubectl exec -i pod -- sh`): that stage's name.
    public var pipedInto: String?
    /// Shell only: the occurrence starts an operand of a program that reads `NAME=VALUE` operands
    /// as settings (`make <target>`, `env <v> cmd`): a value with `=` would set a variable.
    public var setsVariables = false

    public init(
        name: String, range: Range<Int>, written: String, context: QuotingContext, backticks: Int = 0,
        reparsedBy: String? = nil, optionPosition: Bool = false
    ) {
        self.name = name
        self.range = range
        self.written = written
        self.context = context
        self.backticks = backticks
        self.reparsedBy = reparsedBy
        self.optionPosition = optionPosition
    }
}

/// The language families warroom knows how to quote values for.
public enum QuotingLanguage: Sendable, Equatable {
    case shell, sql, python

    /// nil: a language warroom does not quote for (values are refused rather than guessed).
    public init?(language: String) {
        let lang = language.lowercased()
        if Self.shellNames.contains(lang) {
            self = .shell
        } else if lang == "sql" || FenceLanguage.sqlNames.contains(lang) {
            self = .sql
        } else if lang == "python" || FenceLanguage.pythonNames.contains(lang) {
            self = .python
        } else {
            return nil
        }
    }

    static let shellNames: Set<String> = [
        "bash", "sh", "zsh", "shell", "console", "", "ksh", "dash", "ash", "posix",
        "shellscript", "shell-session", "terminal"
    ]
}

/// Finds every occurrence of a command's placeholders with its quoting context.
public enum PlaceholderOccurrences {
    /// Occurrences of `Placeholders.find`'s names in `code`; nil for a language with no quoting rules.
    public static func find(in code: String, language: String) -> [PlaceholderOccurrence]? {
        find(in: code, language: language, names: Placeholders.find(in: code, language: language))
    }

    /// Occurrences of `names` in `code`, in order; nil for a language with no quoting rules.
    public static func find(in code: String, language: String, names: [String]) -> [PlaceholderOccurrence]? {
        guard let family = QuotingLanguage(language: language) else { return nil }
        let forms = PlaceholderForms(bytes: Array(code.utf8), names: Set(names), language: family)
        switch family {
        case .shell:
            var scanner = ShellOccurrenceScanner(forms: forms)
            return scanner.run()
        case .sql:
            var scanner = SQLOccurrenceScanner(forms: forms)
            return scanner.run()
        case .python:
            var scanner = PythonOccurrenceScanner(forms: forms)
            return scanner.run()
        }
    }
}
