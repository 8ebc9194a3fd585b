import Foundation

/// Raw HTML tables (`<table>…</table>`) become ordinary table blocks, so a severity table
/// written in HTML is read like a pipe table.
enum HTMLBlocks {
    static func expandTables(in block: MarkdownBlock) -> MarkdownBlock {
        var copy = block
        copy.children = block.children.map { child in
            if child.kind == .html, child.literal.range(of: "<table", options: .caseInsensitive) != nil,
               let table = HTMLTable.parse(child.literal, line: child.line) {
                return table
            }
            return child.children.isEmpty ? child : expandTables(in: child)
        }
        return copy
    }
}
