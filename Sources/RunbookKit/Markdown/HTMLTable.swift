import Foundation

/// A tolerant reader for HTML tables as people write them in Markdown: unclosed `<td>`,
/// `<th>` header cells, attributes, entities, tags inside cells.
enum HTMLTable {
    static func parse(_ html: String, line: Int) -> MarkdownBlock? {
        var rows: [MarkdownBlock] = []
        var cells: [String] = []
        var cellText: String? = nil
        var rowIsHeader = false
        var sawHeaderCell = false

        func closeCell() {
            if let text = cellText { cells.append(decodeEntities(text).collapsingWhitespace) }
            cellText = nil
        }
        func closeRow() {
            closeCell()
            if !cells.isEmpty {
                let lineOffset = rows.count
                let cellBlocks = cells.map {
                    MarkdownBlock(
                        kind: .tableCell, line: line + lineOffset, endLine: line + lineOffset, inlines: [.text($0)])
                }
                rows.append(
                    MarkdownBlock(
                        kind: .tableRow(header: rowIsHeader), line: line + lineOffset,
                        endLine: line + lineOffset, children: cellBlocks))
            }
            cells = []
            rowIsHeader = false
        }

        var i = html.startIndex
        while i < html.endIndex {
            if html[i] == "<" {
                // No closing ">" anywhere after: the rest is text; stop looking for tags.
                guard let close = html[i...].firstIndex(of: ">") else { break }
                let tag = html[html.index(after: i)..<close].lowercased()
                let name = tag.trimmingLeading("/").prefix { $0.isLetter || $0.isNumber }
                let closing = tag.hasPrefix("/")
                switch (name, closing) {
                case ("tr", false): closeRow()
                case ("tr", true), ("table", true): closeRow()
                case ("td", false), ("th", false):
                    closeCell()
                    cellText = ""
                    if name == "th" { rowIsHeader = true; sawHeaderCell = true }
                case ("td", true), ("th", true): closeCell()
                case ("br", _), ("p", _), ("li", _), ("div", _): cellText? += " "
                default: break
                }
                i = html.index(after: close)
                continue
            }
            cellText?.append(html[i])
            i = html.index(after: i)
        }
        closeRow()
        guard !rows.isEmpty else { return nil }
        if !sawHeaderCell, var first = rows.first {
            // No <th>: the first row is the header, as in pipe tables.
            first.kind = .tableRow(header: true)
            rows[0] = first
        }
        return MarkdownBlock(kind: .table, line: line, endLine: line + rows.count, children: rows)
    }

    static func decodeEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var s = text
        for (entity, value) in [
            ("&nbsp;", " "), ("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"),
            ("&apos;", "'"), ("&rarr;", "→"), ("&darr;", "↓"), ("&mdash;", "—"), ("&ndash;", "–"),
            ("&le;", "≤"), ("&ge;", "≥"), ("&amp;", "&")
        ] {
            s = s.replacingOccurrences(of: entity, with: value)
        }
        return s
    }
}
