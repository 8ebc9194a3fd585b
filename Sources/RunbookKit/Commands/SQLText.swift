/// Recognises SQL written without a label: in unlabelled fences and after a finished statement.
enum SQLText {
    /// A line that begins a SQL statement (`SELECT …`, `select pg_terminate_backend(…)`,
    /// `\\dt` psql meta-commands), in any case. `inSQL`: the text is known to be SQL (a `sql`
    /// block), so every statement keyword counts (`stop slave;`); elsewhere the ones that are also
    /// shell programs or English words (`kill`, `start`, `reset`) count in upper case only.
    static func startsStatement(_ line: String, inSQL: Bool = false) -> Bool {
        if line.hasPrefix("\\"), line.dropFirst().first?.isLetter == true { return true }
        let word = line.prefix { $0.isLetter }
        guard !word.isEmpty else { return false }
        let after = line.dropFirst(word.count).first
        guard after == nil || after == " " || after == ";" || after == "(" || after == "\t" else { return false }
        let upper = word.uppercased()
        if SQLRisk.leadingKeywords.contains(upper) || upper == "SET" { return true }
        return SQLRisk.statementRules[upper] != nil && (inSQL || (word == upper && word.count > 1))
    }

    /// Whether an unlabelled block holds SQL: its first code line starts a statement and the
    /// block reads as SQL (`;`, `FROM`, a function call, or an upper-case keyword), not English
    /// ("Show the pods" starts with a keyword too).
    static func looksLikeSQL(_ code: String) -> Bool {
        guard let first = code.lines.map({ $0.trimmed }).first(where: { !$0.isEmpty && !$0.hasPrefix("--") }),
            startsStatement(first)
        else { return false }
        let keyword = first.prefix { $0.isLetter }
        if keyword == keyword.uppercased() && keyword.count > 1 { return true }
        let lower = code.lowercased()
        return lower.contains(";") || lower.contains(" from ") || lower.contains("\nfrom ") || first.contains("(")
    }
}
