import CCmarkGFM
import Foundation

/// Parses Markdown with cmark-gfm (tables, task lists, strikethrough, autolinks) into
/// `MarkdownBlock` values.
public enum MarkdownParser {
    /// Deeper nesting than this is flattened: real runbooks never come near it, and it keeps
    /// the recursive copy within any thread's stack.
    public static let maximumDepth = 48

    public struct Result: Sendable {
        public var document: MarkdownBlock
        /// Line numbers where nesting was flattened.
        public var flattenedLines: [Int]
        /// Whether an HTML block of the document mentions `<table` (the test
        /// `HTMLBlocks.expandTables` makes), noted while copying so the tree is not walked for it.
        public var holdsHTMLTable = false
    }

    public static func parse(_ text: String) -> Result { parse(text, inHalves: false) }

    /// Up to this size a document may be copied in two halves at once: the C tree is then freed
    /// only once both are copied, and beside the whole Swift copy it costs ~13 bytes per byte.
    static let halvesBelow = 8 << 20

    /// `inHalves`: the document is parsed in two parts at once, cut at a heading near its middle
    /// (`MarkdownSplit`), for documents under `halvesBelow`; when no cut is safe, it is parsed
    /// whole and the two halves of its top-level blocks are copied at once (`SideBySide`).
    static func parse(_ text: String, inHalves: Bool) -> Result {
        guard inHalves, text.utf8.count < halvesBelow else { return parseWhole(text) }
        var utf8 = text
        if let parts = utf8.withUTF8({ parseInParts($0) }) { return parts }
        return parseWhole(text, inHalves: true)
    }

    /// The two parts of a document cut by `MarkdownSplit`, each parsed and copied on its own
    /// thread; nil when there is no cut or the first part left a block open across it.
    static func parseInParts(_ bytes: UnsafeBufferPointer<UInt8>) -> Result? {
        guard let cut = MarkdownSplit.point(in: bytes) else { return nil }
        return parse(bytes, cutAt: cut.offset, line: cut.line)
    }

    /// `bytes` parsed as two documents cut at `offset` (the start of line `line`), their blocks
    /// put together; nil when the first part's tree shows the cut was not between blocks.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>, cutAt offset: Int, line: Int) -> Result? {
        let (head, tail) = SideBySide.run(together: true) {
            Part(UnsafeBufferPointer(rebasing: bytes[..<offset]), lineOffset: 0, closedBefore: line - 1)
        } _: {
            Part(UnsafeBufferPointer(rebasing: bytes[offset...]), lineOffset: line - 1, closedBefore: nil)
        }
        guard let head, let tail else { return nil }
        var document = MarkdownBlock(kind: .document, line: head.startLine, endLine: tail.endLine)
        document.children = head.blocks + tail.blocks
        return Result(
            document: document, flattenedLines: head.flattened + tail.flattened,
            holdsHTMLTable: head.sawHTMLTable || tail.sawHTMLTable)
    }

    /// One parse of the whole text. `inHalves`: its top-level blocks are copied in two halves at once.
    private static func parseWhole(_ text: String, inHalves: Bool = false) -> Result {
        let (parser, root) = tree(text)
        defer {
            cmark_node_free(root)
            cmark_parser_free(parser)
        }
        guard inHalves else {
            // Each top-level block's C nodes are freed as soon as it is copied: the whole C tree
            // and the whole Swift copy never exist at once (for a 50 MB runbook, hundreds of MB).
            var converter = Converter(freeTopLevel: true)
            let document = converter.block(root, depth: 0)
            return Result(
                document: document, flattenedLines: converter.flattened, holdsHTMLTable: converter.sawHTMLTable)
        }
        var nodes: [OpaquePointer] = []
        var child = cmark_node_first_child(root)
        while let current = child {
            nodes.append(current)
            child = cmark_node_next(current)
        }
        // Halves of about equal text: split at the block where the second half of the lines starts.
        let lastLine = Int(cmark_node_get_end_line(root))
        let middle = nodes.firstIndex { Int(cmark_node_get_start_line($0)) > lastLine / 2 } ?? nodes.count
        var first = Converter(), second = Converter()
        let (head, tail) = SideBySide.run(together: true) {
            nodes[..<middle].map { first.block($0, depth: 1) }
        } _: {
            nodes[middle...].map { second.block($0, depth: 1) }
        }
        var document = MarkdownBlock(
            kind: .document, line: Int(cmark_node_get_start_line(root)), endLine: lastLine)
        document.children = head + tail
        return Result(
            document: document, flattenedLines: first.flattened + second.flattened,
            holdsHTMLTable: first.sawHTMLTable || second.sawHTMLTable)
    }

    /// One part of a cut document, parsed and copied with its lines counted from `lineOffset`.
    private struct Part {
        var blocks: [MarkdownBlock] = []
        var flattened: [Int]
        var sawHTMLTable: Bool
        var startLine: Int
        var endLine: Int

        /// nil when `closedBefore` (the blank line before the cut) is given and a block of this
        /// part runs into it (`MarkdownSplit.firstPartIsClosed`).
        init?(_ bytes: UnsafeBufferPointer<UInt8>, lineOffset: Int, closedBefore blankLine: Int?) {
            let (parser, root) = MarkdownParser.tree(bytes)
            defer {
                cmark_node_free(root)
                cmark_parser_free(parser)
            }
            if let blankLine, !MarkdownSplit.firstPartIsClosed(root, blankLine: blankLine) { return nil }
            var converter = Converter(lineOffset: lineOffset)
            var child = cmark_node_first_child(root)
            while let current = child {
                blocks.append(converter.block(current, depth: 1))
                child = cmark_node_next(current)
            }
            flattened = converter.flattened
            sawHTMLTable = converter.sawHTMLTable
            startLine = Int(cmark_node_get_start_line(root)) + lineOffset
            endLine = Int(cmark_node_get_end_line(root)) + lineOffset
        }
    }

    /// Parses and frees the tree without copying it: the baseline the benchmark compares to.
    public static func parseOnly(_ text: String) {
        let (parser, root) = tree(text)
        cmark_node_free(root)
        cmark_parser_free(parser)
    }

    /// cmark-gfm with the GitHub extensions attached, fed `text`; the caller frees both.
    private static func tree(_ text: String) -> (parser: OpaquePointer, root: OpaquePointer) {
        var utf8 = text
        return utf8.withUTF8 { tree($0) }
    }

    /// cmark-gfm with the GitHub extensions attached, fed `bytes`; the caller frees both.
    fileprivate static func tree(_ bytes: UnsafeBufferPointer<UInt8>) -> (parser: OpaquePointer, root: OpaquePointer) {
        ensureExtensionsRegistered()
        let parser = cmark_parser_new(CMARK_OPT_DEFAULT | CMARK_OPT_UNSAFE)!
        for name in ["table", "tasklist", "strikethrough", "autolink"] {
            if let ext = cmark_find_syntax_extension(name) { cmark_parser_attach_syntax_extension(parser, ext) }
        }
        bytes.withMemoryRebound(to: CChar.self) { cmark_parser_feed(parser, $0.baseAddress, $0.count) }
        return (parser, inlinePass.withLock { cmark_parser_finish(parser)! })
    }

    /// cmark-gfm keeps its extensions' special inline characters (`~`, and `:` and `w` for
    /// autolinks) in one table for the whole process: each parse's inline pass, in
    /// `cmark_parser_finish`, adds them and clears them when it ends. Two passes at once, and one
    /// clears them in the middle of the other, whose links and strikethroughs are then read as
    /// plain text. Only that pass is one at a time; the block pass (`feed`) runs at once.
    private static let inlinePass = NSLock()

    private static let registration: Void = { cmark_gfm_core_extensions_ensure_registered() }()
    private static func ensureExtensionsRegistered() { _ = registration }
}

/// Copies a cmark tree into Swift values.
/// One copy of each distinct string of a document: runbooks repeat their steps, labels and
/// commands, and a copy shared is memory not held twice. Strings of 15 bytes or less are stored
/// inline and are not looked up.
final class StringTable {
    private var strings = Set<String>()

    func callAsFunction(_ string: String) -> String {
        guard string.utf8.count > 15 else { return string }
        return strings.insert(string).memberAfterInsert
    }
}

private struct Converter {
    var flattened: [Int] = []
    let strings = StringTable()
    /// Free each child of the document once it is converted.
    var freeTopLevel = false
    /// An HTML block mentioning `<table` was copied.
    var sawHTMLTable = false
    /// Added to cmark's line numbers: the lines before the part of a cut document being copied.
    var lineOffset = 0

    mutating func block(_ node: OpaquePointer, depth: Int) -> MarkdownBlock {
        let line = Int(cmark_node_get_start_line(node)) + lineOffset
        let endLine = Int(cmark_node_get_end_line(node)) + lineOffset
        let kind = Self.kind(of: node)
        var result = MarkdownBlock(kind: kind, line: line, endLine: endLine)
        switch kind {
        case .heading, .paragraph, .tableCell:
            result.inlines = inlines(of: node, depth: 0)
            result.shareDerivedText { strings($0) }
        case .code, .html:
            result.literal = strings(Self.literal(node))
            if kind == .html, !sawHTMLTable, result.literal.range(of: "<table", options: .caseInsensitive) != nil {
                sawHTMLTable = true
            }
        default:
            var child = cmark_node_first_child(node)
            while let current = child {
                if depth >= MarkdownParser.maximumDepth {
                    flattened.append(line)
                    flattenLeaves(current, into: &result.children)
                } else {
                    result.children.append(block(current, depth: depth + 1))
                }
                child = cmark_node_next(current)
                if freeTopLevel, depth == 0 { cmark_node_free(current) }
            }
        }
        return result
    }

    /// Too deep: keep the text of everything below as plain paragraphs, without recursion.
    /// (An iterator made on a node walks that node's subtree only.)
    private mutating func flattenLeaves(_ start: OpaquePointer, into out: inout [MarkdownBlock]) {
        guard let iter = cmark_iter_new(start) else { return }
        defer { cmark_iter_free(iter) }
        while true {
            let event = cmark_iter_next(iter)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iter) else { continue }
            let kind = Self.kind(of: node)
            if kind == .paragraph || kind.isHeading {
                out.append(
                    MarkdownBlock(
                        kind: .paragraph, line: Int(cmark_node_get_start_line(node)) + lineOffset,
                        endLine: Int(cmark_node_get_end_line(node)) + lineOffset,
                        inlines: inlines(of: node, depth: 0)))
            } else if case .code = kind {
                out.append(
                    MarkdownBlock(
                        kind: kind, line: Int(cmark_node_get_start_line(node)) + lineOffset,
                        endLine: Int(cmark_node_get_end_line(node)) + lineOffset, literal: strings(Self.literal(node))))
            }
        }
    }

    private func inlines(of node: OpaquePointer, depth: Int) -> [Inline] {
        var out: [Inline] = []
        var child = cmark_node_first_child(node)
        while let current = child {
            out.append(inline(current, depth: depth))
            child = cmark_node_next(current)
        }
        return out
    }

    private func inline(_ node: OpaquePointer, depth: Int) -> Inline {
        let type = cmark_node_get_type(node)
        let nested = depth < MarkdownParser.maximumDepth
        switch type {
        case CMARK_NODE_TEXT: return .text(strings(Self.literal(node)))
        case CMARK_NODE_CODE: return .code(strings(Self.literal(node)))
        case CMARK_NODE_STRONG: return .strong(nested ? inlines(of: node, depth: depth + 1) : [])
        case CMARK_NODE_EMPH: return .emphasis(nested ? inlines(of: node, depth: depth + 1) : [])
        case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
            let url = strings(cmark_node_get_url(node).map { String(cString: $0) } ?? "")
            return .link(text: nested ? inlines(of: node, depth: depth + 1) : [], url: url)
        case CMARK_NODE_HTML_INLINE: return .html(strings(Self.literal(node)))
        case CMARK_NODE_SOFTBREAK: return .softBreak
        case CMARK_NODE_LINEBREAK: return .lineBreak
        default:
            // Strikethrough and other extension inlines: keep their text.
            return .emphasis(nested ? inlines(of: node, depth: depth + 1) : [])
        }
    }

    static func literal(_ node: OpaquePointer) -> String {
        guard let c = cmark_node_get_literal(node) else { return "" }
        return String(cString: c)
    }

    static func kind(of node: OpaquePointer) -> MarkdownBlock.Kind {
        switch cmark_node_get_type(node) {
        case CMARK_NODE_DOCUMENT: return .document
        case CMARK_NODE_HEADING: return .heading(level: Int(cmark_node_get_heading_level(node)))
        case CMARK_NODE_PARAGRAPH: return .paragraph
        case CMARK_NODE_LIST:
            let ordered = cmark_node_get_list_type(node) == CMARK_ORDERED_LIST
            return .list(ordered: ordered, start: Int(cmark_node_get_list_start(node)))
        case CMARK_NODE_ITEM:
            // Task items keep the item type; the extension shows in the type string.
            let name = cmark_node_get_type_string(node).map { String(cString: $0) } ?? ""
            return .item(task: name == "tasklist" ? cmark_gfm_extensions_get_tasklist_item_checked(node) : nil)
        case CMARK_NODE_CODE_BLOCK:
            let info = cmark_node_get_fence_info(node).map { String(cString: $0) } ?? ""
            var length: Int32 = 0, offset: Int32 = 0
            var character: CChar = 0
            let fenced = cmark_node_get_fenced(node, &length, &offset, &character) != 0
            return .code(info: info, fenced: fenced)
        case CMARK_NODE_HTML_BLOCK: return .html
        case CMARK_NODE_BLOCK_QUOTE: return .blockQuote
        case CMARK_NODE_THEMATIC_BREAK: return .thematicBreak
        default:
            let name = cmark_node_get_type_string(node).map { String(cString: $0) } ?? "unknown"
            switch name {
            case "table": return .table
            case "table_row", "table_header":
                return .tableRow(header: cmark_gfm_extensions_get_table_row_is_header(node) != 0)
            case "table_cell": return .tableCell
            case "tasklist": return .item(task: cmark_gfm_extensions_get_tasklist_item_checked(node))
            default: return .other(name)
            }
        }
    }
}

extension MarkdownBlock.Kind {
    var isHeading: Bool {
        if case .heading = self { return true }
        return false
    }
}
