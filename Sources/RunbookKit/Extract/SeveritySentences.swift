/// Levels defined one sentence each in a paragraph under a severity heading: "A SEV1 is a full
/// outage …; start the call immediately and post updates every 20 minutes. A SEV2 is a partial
/// outage: respond within 30 minutes, update hourly. A SEV3 is anything that can wait until the
/// next working day." A sentence defines a level when it opens with the level (after an article)
/// and then says what it is ("is", "means", a colon or a dash); two at least.
enum SeveritySentences {
    static let definingWords = ["is ", "means ", "are ", "covers ", "="]

    static func levels(_ blocks: [MarkdownBlock], context: ExtractionContext? = nil) -> [SeverityLevel] {
        var out: [SeverityLevel] = []
        for block in blocks where block.kind == .paragraph {
            let lines = block.lines
            for sentence in sentences(block.text) {
                var head = Substring(sentence)
                for article in ["A ", "An ", "The ", "a ", "an ", "the "] where head.hasPrefix(article) {
                    head = head.dropFirst(article.count)
                    break
                }
                guard let match = SeverityExtractor.leading(String(head), context),
                    match.name == nil || match.id != match.name
                else { continue }
                let rest = match.rest.lowercased()
                guard
                    definingWords.contains(where: rest.hasPrefix)
                        || afterId(head, id: match.id).map(isDefiningMark) == true
                else { continue }
                let prefix = String(sentence.prefix(24))
                let offset = lines.first(where: { $0.text.contains(prefix) })?.offset ?? 0
                var level = SeverityLevel(id: match.id, rank: match.rank, name: nil, line: block.line + offset)
                let said = sentence.trimmingTrailing(".")
                level.description = said
                level.responseTime = SeverityExtractor.responseInProse(said) ?? SeverityExtractor.timeSaid(said)
                out.append(level)
            }
        }
        return Set(out.map(\.id)).count >= 2 ? out : []
    }

    /// The text's sentences (a full stop and a space end one).
    static func sentences(_ text: String) -> [String] {
        text.components(separatedBy: ". ").map(\.trimmed).filter { !$0.isEmpty }
    }

    /// The character right after the id as written (`SEV1:`, `P2 —`).
    private static func afterId(_ head: Substring, id: String) -> Character? {
        guard let range = head.range(of: id, options: .caseInsensitive) else { return nil }
        return head[range.upperBound...].first { $0 != " " }
    }

    private static func isDefiningMark(_ c: Character) -> Bool { c == ":" || c == "—" || c == "–" || c == "=" }
}
