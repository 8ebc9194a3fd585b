import Foundation

/// A heading and everything under it until the next heading of the same or a higher level.
public struct Section: Sendable {
    public var title: String {
        didSet { pathText = (parents + [title]).joined(separator: " > ") }
    }
    public var level: Int
    public var line: Int
    /// Titles of the enclosing sections, outermost first (this one excluded).
    public var parents: [String] {
        didSet {
            parentWords = parents.map(HeadingText.words)
            pathText = (parents + [title]).joined(separator: " > ")
        }
    }
    /// Heading path joined with " > ", built once: every command and block of the section
    /// shares this one string.
    public private(set) var pathText: String
    /// `words` of each parent, worked out once: every extractor tests them.
    public private(set) var parentWords: [String] = []
    /// The heading's words without emoji and numbering ("🚨 Incident Response" → "incident response").
    public private(set) var words: String
    /// Blocks between this heading and its first sub-heading.
    public var blocks: [MarkdownBlock]
    public var children: [Section]

    public init(title: String, level: Int, line: Int, parents: [String], blocks: [MarkdownBlock], children: [Section]) {
        self.title = title
        self.level = level
        self.line = line
        self.parents = parents
        self.blocks = blocks
        self.children = children
        self.words = HeadingText.words(title)
        self.parentWords = parents.map(HeadingText.words)
        self.pathText = (parents + [title]).joined(separator: " > ")
    }

    /// A new heading under open sections whose `words` are known: they are its `parentWords`.
    init(title: String, level: Int, line: Int, parents: [String], parentWords: [String]) {
        self.title = title
        self.level = level
        self.line = line
        self.parents = parents
        self.blocks = []
        self.children = []
        self.words = HeadingText.words(title)
        self.parentWords = parentWords
        self.pathText = (parents + [title]).joined(separator: " > ")
    }

    public var path: [String] { parents + [title] }


    /// Builds the outline of a document. Content before the first heading goes into a root
    /// section of level 0 titled `rootTitle`.
    public static func outline(of document: MarkdownBlock, rootTitle: String) -> Section {
        var root = Section(title: rootTitle, level: 0, line: 1, parents: [], blocks: [], children: [])
        // Stack of open sections; index 0 is the root.
        var stack: [Section] = [root]
        func closeTop() {
            let done = stack.removeLast()
            stack[stack.count - 1].children.append(done)
        }
        for block in document.children {
            if let level = block.headingLevel {
                while stack.count > 1, stack[stack.count - 1].level >= level { closeTop() }
                let open = stack.dropFirst()
                stack.append(Section(title: HeadingText.clean(block.inlines), level: level, line: block.line,
                                     parents: open.map(\.title), parentWords: open.map(\.words)))
            } else {
                stack[stack.count - 1].blocks.append(block)
            }
        }
        while stack.count > 1 { closeTop() }
        root = stack[0]
        return root
    }

    /// Depth-first walk over this section and all below it.
    public func forEach(_ body: (Section) -> Void) {
        body(self)
        for child in children { child.forEach(body) }
    }

    /// `parentWords` and this heading's `words`, outermost first.
    public var pathWords: [String] { parentWords + [words] }

    /// Every block of this section and its sub-sections, in order.
    public var allBlocks: [MarkdownBlock] {
        var out = blocks
        for child in children { out += child.allBlocks }
        return out
    }
}

enum HeadingText {
    /// Heading text as shown: `{#id}` attributes and trailing `#`s removed, bold unwrapped.
    static func clean(_ inlines: [Inline]) -> String {
        var text = inlines.plainText
        if text.hasSuffix("}"), let open = text.range(of: "{", options: .backwards),
           text[open.upperBound...].hasPrefix("#") || text[open.upperBound...].hasPrefix(".") || text[open.upperBound...].hasPrefix(":") {
            text = String(text[..<open.lowerBound]).trimmed
        }
        return text
    }

    /// Lower-cased words of a heading for keyword tests, emoji and leading numbering removed.
    static func words(_ title: String) -> String {
        let s = title.withoutSymbols.lowercased()
        // "1. Detection", "A) Triage", "Step 3:" (walked by index: most headings start with a letter)
        var i = s.startIndex
        while i < s.endIndex, s[i].isNumber { s.formIndex(after: &i) }
        if i > s.startIndex, i < s.endIndex, ".):".contains(s[i]) { return String(s[s.index(after: i)...]).trimmed }
        return s
    }

    /// Leading numbering of a heading or step: "1. Check the pods" → (1, "Check the pods").
    static func numbering(_ title: String) -> (number: Int, rest: String)? {
        let clean = title.withoutSymbols
        var digits = ""
        var rest = Substring(clean)
        if rest.lowercased().hasPrefix("step ") { rest = rest.dropFirst(5) }
        while let c = rest.first, c.isASCII, c.isNumber { digits.append(c); rest = rest.dropFirst() }
        guard !digits.isEmpty, let n = Int(digits), let sep = rest.first, ".):".contains(sep) || sep == " " else {
            return nil
        }
        let text = rest.dropFirst().trimmingLeading(" -–—:")
        guard !text.isEmpty else { return nil }
        return (n, text)
    }
}
