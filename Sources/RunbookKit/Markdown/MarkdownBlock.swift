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
    public var inlines: [Inline] {
        didSet { derive() }
    }
    /// The plain text of `inlines`, computed once: every extractor reads it.
    public private(set) var text: String = ""
    /// A bold run at the start and what follows it ("**Response Time**: 15 minutes").
    public private(set) var leading: LeadingLabel?
    /// The bold text when the paragraph is nothing but a bold label ("**Fix**").
    public private(set) var boldLabel: String?

    public struct LeadingLabel: Sendable, Equatable {
        public var label: String
        public var rest: String
    }

    /// Facts every extractor asks of a paragraph, worked out once when the block is made.
    private mutating func derive() {
        guard !inlines.isEmpty else {
            text = ""
            leading = nil
            boldLabel = nil
            return
        }
        text = inlines.plainText
        leading = Self.leadingLabel(inlines, text: text)
        boldLabel = kind == .paragraph ? inlines.onlyBoldLabel : nil
    }
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
        derive()
    }

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

    /// `inlines.leadingStrong`, reusing the paragraph's text for the rest: the bold run's text
    /// is a prefix of the whole text when the bold run comes first.
    private static func leadingLabel(_ inlines: [Inline], text: String) -> LeadingLabel? {
        guard let first = inlines.first(where: {
            if case .text(let t) = $0 { return !t.allSatisfy(\.isWhitespace) }
            return true
        }), case .strong(let inner) = first else { return nil }
        let raw = inner.plainText
        guard text.hasPrefix(raw) else { return inlines.leadingStrong.map { LeadingLabel(label: $0.label, rest: $0.rest) } }
        let label = raw.trimmingTrailing(" :-–—").trimmingLeading(" :-–—")
        guard !label.isEmpty else { return nil }
        let rest = String(text.unicodeScalars.dropFirst(raw.unicodeScalars.count)).trimmingLeading(" :-–—")
        return LeadingLabel(label: label, rest: rest)
    }

    /// Whether this block or any block in it has `word` (lower-case ASCII) in its text, in any case.
    public func mentions(_ word: String) -> Bool {
        if !text.isEmpty, text.lowercased().has(word) { return true }
        return children.contains { $0.mentions(word) }
    }

    /// Every descendant, depth first, self excluded.
    public func forEachDescendant(_ body: (MarkdownBlock) -> Void) {
        for child in children {
            body(child)
            child.forEachDescendant(body)
        }
    }
}
