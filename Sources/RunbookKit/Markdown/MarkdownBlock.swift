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

    /// The fields live in one reference-counted box: blocks are copied wherever they are
    /// iterated or passed on (every section walk of every extractor), and a copy of a box is one
    /// retain where a copy of the eight fields was eight. Writes copy the box when it is shared,
    /// so a block is still a value.
    private final class Storage: @unchecked Sendable {
        var kind: Kind
        var line: Int
        var endLine: Int
        var inlines: [Inline]
        var text: String = ""
        var leading: LeadingLabel?
        var boldLabel: String?
        var literal: String
        var children: [MarkdownBlock]

        init(kind: Kind, line: Int, endLine: Int, inlines: [Inline], literal: String, children: [MarkdownBlock]) {
            self.kind = kind
            self.line = line
            self.endLine = endLine
            self.inlines = inlines
            self.literal = literal
            self.children = children
        }

        func copy() -> Storage {
            let c = Storage(
                kind: kind, line: line, endLine: endLine, inlines: inlines, literal: literal, children: children)
            c.text = text
            c.leading = leading
            c.boldLabel = boldLabel
            return c
        }
    }

    private var storage: Storage

    private mutating func unique() {
        if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
    }

    public var kind: Kind {
        get { storage.kind }
        set { unique(); storage.kind = newValue }
    }
    public var line: Int {
        get { storage.line }
        set { unique(); storage.line = newValue }
    }
    public var endLine: Int {
        get { storage.endLine }
        set { unique(); storage.endLine = newValue }
    }
    /// For headings, paragraphs and table cells.
    public var inlines: [Inline] {
        get { storage.inlines }
        set { unique(); storage.inlines = newValue; derive() }
    }
    /// The plain text of `inlines`, computed once: every extractor reads it.
    public var text: String { storage.text }
    /// A bold run at the start and what follows it ("**Response Time**: 15 minutes").
    public var leading: LeadingLabel? { storage.leading }
    /// The bold text when the paragraph is nothing but a bold label ("**Fix**").
    public var boldLabel: String? { storage.boldLabel }

    public struct LeadingLabel: Sendable, Equatable {
        public var label: String
        public var rest: String
    }

    /// Facts every extractor asks of a paragraph, worked out once when the block is made
    /// (the storage is unique when this runs).
    private mutating func derive() {
        let inlines = storage.inlines
        guard !inlines.isEmpty else {
            storage.text = ""
            storage.leading = nil
            storage.boldLabel = nil
            return
        }
        let text = inlines.plainText
        storage.text = text
        storage.leading = Self.leadingLabel(inlines, text: text)
        storage.boldLabel = storage.kind == .paragraph ? inlines.onlyBoldLabel : nil
    }
    /// Replaces the derived strings by equal ones from `share` (one copy for every paragraph
    /// with the same text).
    mutating func shareDerivedText(_ share: (String) -> String) {
        unique()
        storage.text = share(storage.text)
        if var leading = storage.leading {
            leading.label = share(leading.label)
            leading.rest = share(leading.rest)
            storage.leading = leading
        }
        if let bold = storage.boldLabel { storage.boldLabel = share(bold) }
    }

    /// For code and HTML blocks.
    public var literal: String {
        get { storage.literal }
        set { unique(); storage.literal = newValue }
    }
    public var children: [MarkdownBlock] {
        get { storage.children }
        _modify {
            unique()
            yield &storage.children
        }
    }

    public init(
        kind: Kind, line: Int, endLine: Int, inlines: [Inline] = [], literal: String = "",
        children: [MarkdownBlock] = []
    ) {
        storage = Storage(
            kind: kind, line: line, endLine: endLine, inlines: inlines, literal: literal, children: children)
        derive()
    }

    public static func == (a: MarkdownBlock, b: MarkdownBlock) -> Bool {
        if a.storage === b.storage { return true }
        let x = a.storage, y = b.storage
        return x.kind == y.kind && x.line == y.line && x.endLine == y.endLine && x.inlines == y.inlines
            && x.text == y.text
            && x.leading == y.leading && x.boldLabel == y.boldLabel && x.literal == y.literal
            && x.children == y.children
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
        guard
            let first = inlines.first(where: {
                guard case .text(let t) = $0 else { return true }
                // A first byte that is ASCII and not white space starts a character that is not.
                if let byte = t.utf8.first, byte < 0x80, !asciiWhitespace(byte) { return true }
                return !t.allSatisfy(\.isWhitespace)
            }), case .strong(let inner) = first
        else { return nil }
        let raw = inner.plainText
        let rest: String
        if Self.isASCIIPrefix(raw, of: text) { // most labels: compared and cut on bytes
            rest = String(text.unicodeScalars[text.utf8.index(text.startIndex, offsetBy: raw.utf8.count)...])
        } else if text.hasPrefix(raw) {
            rest = String(text.unicodeScalars.dropFirst(raw.unicodeScalars.count))
        } else {
            return inlines.leadingStrong.map { LeadingLabel(label: $0.label, rest: $0.rest) }
        }
        let label = raw.trimmingTrailing(" :-–—").trimmingLeading(" :-–—")
        guard !label.isEmpty else { return nil }
        return LeadingLabel(label: label, rest: rest.trimmingLeading(" :-–—"))
    }

    /// `text.hasPrefix(prefix)` where the answer is plain on bytes: an ASCII prefix (no CR that
    /// could pair with a LF) followed by an ASCII byte or nothing, so no character straddles the cut.
    private static func isASCIIPrefix(_ prefix: String, of text: String) -> Bool {
        let head = prefix.utf8, all = text.utf8
        guard all.count >= head.count, head.last != 0x0D, head.allSatisfy({ $0 < 0x80 }),
            all.starts(with: head)
        else { return false }
        return all.dropFirst(head.count).first.map { $0 < 0x80 } ?? true
    }

    /// Whether this block or any block in it has `word` (lower-case ASCII) in its text, in any case.
    public func mentions(_ word: String) -> Bool {
        if !text.isEmpty, text.hasLowercased(word) { return true }
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
