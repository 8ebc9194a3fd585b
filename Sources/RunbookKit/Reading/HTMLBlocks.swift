import Foundation

/// Raw HTML tables (`<table>…</table>`) become ordinary table blocks, so a severity table
/// written in HTML is read like a pipe table.
enum HTMLBlocks {
    /// Returns the block untouched (no copy of the tree) when it holds no HTML table.
    static func expandTables(in block: MarkdownBlock) -> MarkdownBlock {
        guard holdsTable(block) else { return block }
        var copy = block
        copy.children = block.children.map { child in
            if child.kind == .html, child.literal.range(of: "<table", options: .caseInsensitive) != nil,
                let table = HTMLTable.parse(child.literal, line: child.line)
            {
                return table
            }
            return child.children.isEmpty ? child : expandTables(in: child)
        }
        return copy
    }

    /// Whether an HTML block mentioning `<table` is anywhere inside (the test `expandTables` makes).
    private static func holdsTable(_ block: MarkdownBlock) -> Bool {
        block.children.contains { child in
            (child.kind == .html && child.literal.range(of: "<table", options: .caseInsensitive) != nil)
                || holdsTable(child)
        }
    }
}
