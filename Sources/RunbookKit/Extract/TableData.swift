/// A table (pipe or HTML) as header names and rows of cell texts, with source lines.
struct TableData {
    var header: [String]
    var rows: [[String]]
    var rowLines: [Int]
    var line: Int

    init?(_ block: MarkdownBlock) {
        guard block.kind == .table else { return nil }
        var header: [String] = []
        var rows: [[String]] = []
        var rowLines: [Int] = []
        for row in block.children {
            guard case .tableRow(let isHeader) = row.kind else { continue }
            let cells = row.children.map(\.text)
            if isHeader && header.isEmpty {
                header = cells
            } else if !cells.allSatisfy(\.isEmpty) {
                rows.append(cells)
                rowLines.append(row.line)
            }
        }
        guard !header.isEmpty || !rows.isEmpty else { return nil }
        self.header = header
        self.rows = rows
        self.rowLines = rowLines
        self.line = block.line
    }

    /// Index of the first column whose header contains any of `keywords` (lower-cased).
    func column(_ keywords: [String], excluding: Set<Int> = []) -> Int? {
        for (i, name) in header.enumerated() where !excluding.contains(i) {
            let lower = name.lowercased()
            if keywords.contains(where: { lower.contains($0) }) { return i }
        }
        return nil
    }

    func cell(_ row: Int, _ column: Int?) -> String? {
        guard let column, column < rows[row].count else { return nil }
        let text = rows[row][column].trimmed
        return text.isEmpty ? nil : text
    }
}

/// `**Label**: value`, `Label: value` or `**Label** - value` at the start of a paragraph.
struct LabeledText {
    var label: String
    var value: String
    /// The label lower-cased without emoji, for keyword tests.
    let key: String

    /// From a paragraph's cached facts (no re-walk of its inlines).
    init?(_ block: MarkdownBlock) {
        if let leading = block.leading {
            self.init(label: leading.label, value: leading.rest)
        } else {
            self.init(plain: block.text)
        }
    }

    /// Labels are short: at most five words, no sentence punctuation.
    init?(plain text: String) {
        guard let colon = Self.firstColon(text) else { return nil }
        let label = text[..<colon].trimmed
        let value = text[text.index(after: colon)...].trimmed
        guard !label.isEmpty, label.split(separator: " ").count <= 5, !label.contains("http"),
            !label.contains("`"), !label.contains(".")
        else { return nil }
        self.init(label: label, value: value)
    }

    /// `text.firstIndex(of: ":")` without walking characters when the text before the colon is
    /// ASCII and an ASCII byte follows it (then the byte is the character); paragraphs are long.
    private static func firstColon(_ text: String) -> String.Index? {
        let bytes = text.utf8
        var i = bytes.startIndex
        while i < bytes.endIndex {
            let b = bytes[i]
            if b >= 0x80 { return text.firstIndex(of: ":") }
            if b == UInt8(ascii: ":") {
                let next = bytes.index(after: i)
                return next == bytes.endIndex || bytes[next] < 0x80 ? i : text.firstIndex(of: ":")
            }
            bytes.formIndex(after: &i)
        }
        return nil
    }

    init(label: String, value: String) {
        self.label = label
        self.value = value
        self.key = label.withoutSymbols.lowercased()
    }

    func labelIs(_ keywords: [String]) -> Bool {
        keywords.contains { key.has($0) }
    }
}

extension Array where Element == Inline {
    /// The bold text when these inlines are only a bold label ("**Initial Assessment Checklist:**").
    var onlyBoldLabel: String? {
        // Most paragraphs are more than a label: leave before any text is built.
        guard count <= 4,
            contains(where: {
                if case .strong = $0 { return true }; return false
            })
        else { return nil }
        let content = filter {
            if case .text(let t) = $0 { return !t.trimmed.isEmpty && t.trimmed != ":" }
            return $0 != .softBreak
        }
        guard content.count == 1, case .strong(let inner) = content[0] else { return nil }
        let label = inner.plainText.trimmingTrailing(":")
        return label.isEmpty ? nil : label
    }
}

extension MarkdownBlock {
    /// Top-level items of a list. A parsed list holds nothing else: its children are handed
    /// back as they are, not copied into a new array at each of the many asks.
    var items: [MarkdownBlock] {
        let isItem = { (block: MarkdownBlock) -> Bool in
            if case .item = block.kind { return true }
            return false
        }
        return children.allSatisfy(isItem) ? children : children.filter(isItem)
    }

    var taskState: Bool?? {
        if case .item(let task) = kind { return task }
        return nil
    }

    /// Text of a list item's own paragraph (nested lists excluded).
    var itemText: String { firstParagraph?.text ?? "" }
}
