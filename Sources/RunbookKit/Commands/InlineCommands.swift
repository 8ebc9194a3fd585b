/// Recognizes commands written as inline code in prose: ``Check memory: `kubectl top pods` ``.
/// Names (`OPENAI_API_KEY`), paths (`/etc/nginx.conf`), flags (`--replicas`) and single words
/// are not commands.
enum InlineCommands {
    /// The language and code of a command span, or nil.
    static func recognize(_ span: String) -> (language: String, code: String)? {
        var text = span.trimmed
        if text.hasPrefix("$ ") { text = String(text.dropFirst(2)).trimmed }
        let words = text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" })
        guard words.count >= 2, let first = words.first.map(String.init) else { return nil }
        if first.hasPrefix("-") || first.hasPrefix("<") { return nil }
        let upper = first.uppercased()
        if SQLRisk.leadingKeywords.contains(upper) || upper == "SET" {
            let lowerText = text.lowercased()
            let sqlish = first == upper
                || lowerText.contains(" from ") || lowerText.hasSuffix(";") || ["show", "vacuum", "explain", "analyze", "reindex"].contains(first)
            return sqlish ? ("sql", text) : nil
        }
        if KnownCommands.startsLikeCommand(text) { return ("bash", text) }
        return nil
    }
}
