extension MarkdownBlock {
    /// A list whose every item is a link into the page (`- [2. Severity Matrix](#severity-matrix)`,
    /// sub-lists alike): the document's table of contents, never steps or a checklist.
    var isTableOfContents: Bool {
        guard isList, !items.isEmpty else { return false }
        return items.allSatisfy { item in
            guard let paragraph = item.firstParagraph,
                case .link(_, let url)? = paragraph.inlines.first(where: { inline in
                    if case .text(let text) = inline { return !text.trimmed.isEmpty }
                    return true
                }),
                url.hasPrefix("#"),
                paragraph.inlines.filter({ if case .link = $0 { return false } else { return true } })
                    .allSatisfy({ inline in
                        if case .text(let text) = inline { return text.trimmed.isEmpty }
                        return inline == .softBreak || inline == .lineBreak
                    })
            else { return false }
            return item.sublists.allSatisfy(\.isTableOfContents)
        }
    }
}
