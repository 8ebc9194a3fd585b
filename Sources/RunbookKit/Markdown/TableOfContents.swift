extension MarkdownBlock {
    /// A list whose every item is a link into the page (`- [2. Severity Matrix](#severity-matrix)`,
    /// sub-lists alike): the document's table of contents, never steps or a checklist.
    var isTableOfContents: Bool {
        guard isList, !items.isEmpty else { return false }
        return items.allSatisfy { item in
            guard let paragraph = item.firstParagraph, Self.isOnlyAnAnchorLink(paragraph.inlines) else { return false }
            return item.sublists.allSatisfy(\.isTableOfContents)
        }
    }

    /// One link to an `#anchor`, with nothing beside it but white space.
    private static func isOnlyAnAnchorLink(_ inlines: [Inline]) -> Bool {
        var links = 0
        for inline in inlines {
            switch inline {
            case .link(_, let url):
                guard url.hasPrefix("#") else { return false }
                links += 1
            case .text(let text):
                guard text.utf8.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) else { return false }
            case .softBreak, .lineBreak: continue
            default: return false
            }
        }
        return links == 1
    }
}
