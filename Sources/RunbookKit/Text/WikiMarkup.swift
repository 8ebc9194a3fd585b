import Foundation

/// Rewrites wiki and MkDocs syntax that CommonMark does not know into plain Markdown, line
/// for line, so line numbers are kept:
/// - `[TOC]` / `[[_TOC_]]` macros are dropped;
/// - admonitions (`!!! warning "Title"` / `??? note` with an indented body) become a bold
///   title paragraph and their body is dedented, so lists and fences inside are read.
enum WikiMarkup {
    /// Cheap test: could any line be a macro or an admonition? (Does the text hold `!!! `,
    /// `??? `, `???+ `, `TOC]` or `toc]`: one pass over the bytes, it runs on every read.)
    static func mayApply(to text: String) -> Bool {
        var copy = text
        return copy.withUTF8 { b in
            let n = b.count
            var i = 0
            while i < n {
                switch b[i] {
                case UInt8(ascii: "!"):
                    if i + 3 < n, b[i + 1] == b[i], b[i + 2] == b[i], b[i + 3] == 0x20 { return true }
                case UInt8(ascii: "?"):
                    if i + 3 < n, b[i + 1] == b[i], b[i + 2] == b[i],
                        b[i + 3] == 0x20 || (b[i + 3] == UInt8(ascii: "+") && i + 4 < n && b[i + 4] == 0x20)
                    {
                        return true
                    }
                case UInt8(ascii: "]"):
                    if i >= 3,
                        (b[i - 3], b[i - 2], b[i - 1]) == (0x54, 0x4F, 0x43)
                            || (b[i - 3], b[i - 2], b[i - 1]) == (0x74, 0x6F, 0x63)
                    {
                        return true
                    }
                default: break
                }
                i += 1
            }
            return false
        }
    }

    static func normalise(_ lines: inout [String]) {
        var i = 0
        var inFence: Substring? = nil
        while i < lines.count {
            let line = lines[i]
            let stripped = line.drop { $0 == " " }
            if let fence = inFence {
                if stripped.hasPrefix(fence) { inFence = nil }
                i += 1
                continue
            }
            if stripped.hasPrefix("```") || stripped.hasPrefix("~~~") {
                inFence = stripped.prefix(3)
                i += 1
                continue
            }
            let upper = stripped.uppercased()
            if upper == "[TOC]" || upper == "[[_TOC_]]" || upper == "[[TOC]]" {
                lines[i] = ""
            } else if let title = admonitionTitle(stripped) {
                let indent = line.count - stripped.count
                lines[i] = String(repeating: " ", count: indent) + "**\(title)**"
                i += 1
                // The body: blank lines and lines indented 4 more than the marker.
                let bodyIndent = String(repeating: " ", count: indent + 4)
                var j = i
                while j < lines.count, lines[j].hasPrefix(bodyIndent) || lines[j].allSatisfy(\.isWhitespace) {
                    j += 1
                }
                // Leave trailing blank lines where they are.
                while j > i, lines[j - 1].allSatisfy(\.isWhitespace) { j -= 1 }
                for k in i..<j where lines[k].hasPrefix(bodyIndent) {
                    lines[k] = String(repeating: " ", count: indent) + lines[k].dropFirst(indent + 4)
                }
                continue
            }
            i += 1
        }
    }

    /// `!!! warning "Do not restart"` → "Do not restart"; `!!! danger` → "Danger".
    private static func admonitionTitle(_ line: Substring) -> String? {
        guard line.hasPrefix("!!! ") || line.hasPrefix("??? ") || line.hasPrefix("???+ ") else { return nil }
        let rest = line.drop { $0 == "!" || $0 == "?" || $0 == "+" }.drop { $0 == " " }
        guard let typeEnd = rest.firstIndex(where: { $0 == " " }) ?? Optional(rest.endIndex) else { return nil }
        let type = rest[rest.startIndex..<typeEnd]
        guard !type.isEmpty, type.allSatisfy({ $0.isLetter || $0 == "-" }) else { return nil }
        let after = rest[typeEnd...].trimmed
        if after.count >= 2, after.first == "\"", after.last == "\"" {
            let title = after.dropFirst().dropLast()
            if !title.isEmpty { return String(title) }
        }
        return type.prefix(1).uppercased() + type.dropFirst()
    }
}
