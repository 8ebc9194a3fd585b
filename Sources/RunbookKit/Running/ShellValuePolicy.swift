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
