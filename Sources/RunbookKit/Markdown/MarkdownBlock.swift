/// A block of a Markdown document as cmark-gfm parsed it, copied into Swift values so the
/// extractors never touch C memory.
public struct MarkdownBlock: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case document
        case heading(level: Int)
        case paragraph
        case list(ordered: Bool, start: Int)
        /// `task` is nil for a plain item, `false`/`true` for `[ ]`/`[x]`.
        case item(task: Bool?)
        case code(info: String, fenced: Bool)
        case html
        case blockQuote
        case table
        case tableRow(header: Bool)
        case tableCell
        case thematicBreak
        case other(String)
    }

    public var kind: Kind
    public var line: Int
    public var endLine: Int
    /// For headings, paragraphs and table cells.
    public var inlines: [Inline]
    /// For code and HTML blocks.
    public var literal: String
    public var children: [MarkdownBlock]

    public init(kind: Kind, line: Int, endLine: Int, inlines: [Inline] = [], literal: String = "",
                children: [MarkdownBlock] = []) {
        self.kind = kind
        self.line = line
        self.endLine = endLine
        self.inlines = inlines
        self.literal = literal
        self.children = children
    }

    public var text: String { inlines.plainText }

    public var isList: Bool {
        if case .list = kind { return true }
        return false
    }

    public var isOrderedList: Bool {
        if case .list(true, _) = kind { return true }
        return false
    }

    public var isCode: Bool {
        if case .code = kind { return true }
        return false
    }

    public var headingLevel: Int? {
        if case .heading(let level) = kind { return level }
        return nil
    }

    /// The first paragraph of a list item: the item's own text.
    public var firstParagraph: MarkdownBlock? {
        children.first { $0.kind == .paragraph }
    }

    /// Nested lists of a list item.
    public var sublists: [MarkdownBlock] { children.filter(\.isList) }

    /// Every descendant, depth first, self excluded.
    public func forEachDescendant(_ body: (MarkdownBlock) -> Void) {
        for child in children {
            body(child)
            child.forEachDescendant(body)
        }
    }
}
