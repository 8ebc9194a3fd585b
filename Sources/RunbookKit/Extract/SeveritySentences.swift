/// Levels defined in sentences of paragraphs under a severity heading: "A SEV1 is a full outage
/// …; start the call immediately and post updates every 20 minutes. A SEV2 is a partial outage:
/// respond within 30 minutes, update hourly." or a paragraph a level ("Severity 1 applies when …
/// Someone must be on the bridge within ten minutes."). A sentence starts a level when it opens
/// with the level (after an article) and then says what it is ("is", "means", "applies", a colon
/// or a dash); the sentences after it, up to the next level or the paragraph's end, are that
/// level's too. Two levels at least.
enum SeveritySentences {
    static let definingWords = ["is ", "means ", "are ", "covers ", "applies ", "="]

    static func levels(_ blocks: [MarkdownBlock], context: ExtractionContext? = nil) -> [SeverityLevel] {
        var out: [SeverityLevel] = []
        for block in blocks where block.kind == .paragraph {
            let lines = block.lines
            var current: SeverityLevel? = nil
            var said: [String] = []
            func close() {
                guard var level = current else { return }
                let text = said.joined(separator: ". ").trimmingTrailing(".")
                level.description = text
                level.responseTime =
                    SeverityExtractor.responseInProse(text)
                    ?? said.lazy.compactMap { SeverityExtractor.timeSaid($0.trimmingTrailing(".")) }.first
                out.append(level)
                current = nil
                said = []
            }
            for sentence in sentences(block.text) {
                guard let match = definedLevel(sentence, context) else {
                    if current != nil { said.append(sentence) }
                    continue
                }
                close()
                let prefix = String(sentence.prefix(24))
                let offset = lines.first(where: { $0.text.contains(prefix) })?.offset ?? 0
                current = SeverityLevel(id: match.id, rank: match.rank, name: nil, line: block.line + offset)
                said = [sentence]
            }
            close()
        }
        return Set(out.map(\.id)).count >= 2 ? out : []
    }

    /// The level a sentence defines, if it opens with one and says what it is.
    static func definedLevel(_ sentence: String, _ context: ExtractionContext?) -> SeverityID.Match? {
        var head = Substring(sentence)
        for article in ["A ", "An ", "The ", "a ", "an ", "the "] where head.hasPrefix(article) {
            head = head.dropFirst(article.count)
            break
        }
        guard let match = SeverityExtractor.leading(String(head), context), match.name == nil || match.id != match.name
        else { return nil }
        let defines =
            definingWords.contains(where: match.rest.lowercased().hasPrefix)
            || afterId(head, id: match.id).map(isDefiningMark) == true
        return defines ? match : nil
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
