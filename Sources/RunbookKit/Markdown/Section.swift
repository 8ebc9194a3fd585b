import Foundation

/// A heading and everything under it until the next heading of the same or a higher level.
public struct Section: Sendable {
    /// The fields live in one box, as in `MarkdownBlock`: every extractor walks the outline,
    /// and a section copied on the way costs one retain instead of one per field.
    private final class Storage: @unchecked Sendable {
        var title: String
        var level: Int
        var line: Int
        var parents: [String]
        var pathText: String
        var parentWords: [String]
        var words: String
        var blocks: [MarkdownBlock]
        var children: [Section]

        init(
            title: String, level: Int, line: Int, parents: [String], pathText: String, parentWords: [String],
            words: String,
            blocks: [MarkdownBlock], children: [Section]
        ) {
            self.title = title
            self.level = level
            self.line = line
            self.parents = parents
            self.pathText = pathText
            self.parentWords = parentWords
            self.words = words
            self.blocks = blocks
            self.children = children
        }

        func copy() -> Storage {
            Storage(
                title: title, level: level, line: line, parents: parents, pathText: pathText, parentWords: parentWords,
                words: words, blocks: blocks, children: children)
        }
    }

    private var storage: Storage

    private mutating func unique() {
        if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
    }

    public var title: String {
        get { storage.title }
        set {
            unique()
            storage.title = newValue
            storage.pathText = (storage.parents + [newValue]).joined(separator: " > ")
        }
    }
    public var level: Int {
        get { storage.level }
        set { unique(); storage.level = newValue }
    }
    public var line: Int {
        get { storage.line }
        set { unique(); storage.line = newValue }
    }
    /// Titles of the enclosing sections, outermost first (this one excluded).
    public var parents: [String] {
        get { storage.parents }
        set {
            unique()
            storage.parents = newValue
            storage.parentWords = newValue.map(HeadingText.words)
            storage.pathText = (newValue + [storage.title]).joined(separator: " > ")
        }
    }
    /// Heading path joined with " > ", built once: every command and block of the section
    /// shares this one string.
    public var pathText: String { storage.pathText }
    /// `words` of each parent, worked out once: every extractor tests them.
    public var parentWords: [String] { storage.parentWords }
    /// The heading's words without emoji and numbering ("🚨 Incident Response" → "incident response").
    public var words: String { storage.words }
    /// Blocks between this heading and its first sub-heading.
    public var blocks: [MarkdownBlock] {
        get { storage.blocks }
        _modify {
            unique()
            yield &storage.blocks
        }
    }
    public var children: [Section] {
        get { storage.children }
        _modify {
            unique()
            yield &storage.children
        }
    }

    public init(title: String, level: Int, line: Int, parents: [String], blocks: [MarkdownBlock], children: [Section]) {
        storage = Storage(
            title: title, level: level, line: line, parents: parents,
            pathText: (parents + [title]).joined(separator: " > "), parentWords: parents.map(HeadingText.words),
            words: HeadingText.words(title), blocks: blocks, children: children)
    }

    /// A new heading under open sections whose `words` are known: they are its `parentWords`
    /// (and `words` is `HeadingText.words(title)`).
    init(title: String, level: Int, line: Int, parents: [String], parentWords: [String], words: String) {
        storage = Storage(
            title: title, level: level, line: line, parents: parents,
            pathText: (parents + [title]).joined(separator: " > "), parentWords: parentWords,
            words: words, blocks: [], children: [])
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
        // Headings repeat ("Verify", "Rollback"): the words of each distinct title are worked out once.
        var wordsOfTitle: [String: String] = [:]
        for block in document.children {
            if let level = block.headingLevel {
                while stack.count > 1, stack[stack.count - 1].level >= level { closeTop() }
                let open = stack.dropFirst()
                let title = HeadingText.clean(block.inlines)
                let words: String
                if let known = wordsOfTitle[title] {
                    words = known
                } else {
                    words = HeadingText.words(title)
                    wordsOfTitle[title] = words
                }
                stack.append(
                    Section(
                        title: title, level: level, line: block.line,
                        parents: open.map(\.title), parentWords: open.map(\.words), words: words))
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
        if text.hasSuffix("}"), let open = text.lastRange(of: "{"),
            text[open.upperBound...].hasPrefix("#") || text[open.upperBound...].hasPrefix(".")
                || text[open.upperBound...].hasPrefix(":")
        {
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
        // Only a digit or "Step " can start a numbered title once emoji and spaces are gone (they
        // are not ASCII): the first ASCII byte past them says whether the walk can find one.
        let bytes = title.utf8
        guard let at = bytes.firstIndex(where: { $0 < 0x80 && $0 != 0x20 && $0 != 0x09 }) else { return nil }
        let first = bytes[at]
        if first >= 0x30 && first <= 0x39 { return numberingByCharacters(title) }
        guard first | 0x20 == 0x73 else { return nil }
        let word = bytes[at...].prefix(5).map { $0 | 0x20 }
        return word == Array("step ".utf8) ? numberingByCharacters(title) : nil
    }

    /// `numbering` without its byte shortcut: the walk over characters the shortcut must agree with.
    static func numberingByCharacters(_ title: String) -> (number: Int, rest: String)? {
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
