import Foundation

/// Markdown links that lead nowhere: `#anchor` matching no heading, relative files that do
/// not exist. Code (fences and inline spans) is skipped; URLs with a scheme are not fetched.
enum LinkLint {
    static func broken(_ runbook: Runbook, lines: [String], directory: URL?) -> [(Int, String, LintFinding.Kind)] {
        let anchors = AnchorSet(runbook: runbook, lines: lines)
        var out: [(Int, String, LintFinding.Kind)] = []
        for link in links(in: lines) {
            let target = link.target
            if target.hasPrefix("#") {
                let anchor = String(target.dropFirst())
                if !anchor.isEmpty, !anchors.contains(anchor) {
                    out.append((link.line, "link to #\(anchor) matches no heading in this file", .missingAnchor))
                }
                continue
            }
            guard let directory, isRelativeFile(target) else { continue }
            var path = target
            if let cut = path.firstIndex(where: { $0 == "#" || $0 == "?" }) { path = String(path[..<cut]) }
            path = path.removingPercentEncoding ?? path
            guard !path.isEmpty else { continue }
            let url = path.hasPrefix("/") ? URL(fileURLWithPath: path) : directory.appendingPathComponent(path)
            if !FileManager.default.fileExists(atPath: url.path) {
                out.append((link.line, "link to \(path) names a file that does not exist", .missingFile))
            }
        }
        return out
    }

    /// Not `https:`, `mailto:`, `//host`…: a path on disk.
    static func isRelativeFile(_ target: String) -> Bool {
        if target.hasPrefix("//") { return false }
        if let colon = target.firstIndex(of: ":") {
            let scheme = target[..<colon]
            if !scheme.isEmpty, scheme.allSatisfy({ $0.isLetter || $0.isNumber || "+-.".contains($0) }) { return false }
        }
        return true
    }

    struct Link { var target: String, line: Int }

    static let inlineLink = try! NSRegularExpression(pattern: #"!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+["'(][^)]*)?\)"#)
    static let referenceDefinition = try! NSRegularExpression(pattern: #"^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s+.*)?$"#)
    static let codeSpan = try! NSRegularExpression(pattern: #"(`+)[^`].*?\1"#)

    /// Inline links, images and reference definitions outside fenced code and code spans.
    static func links(in lines: [String]) -> [Link] {
        var out: [Link] = []
        var fence: String?
        for (index, raw) in lines.enumerated() {
            let trimmed = raw.trimmingCharacters(in: .whitespaces)
            if let open = fence {
                if trimmed.hasPrefix(open) { fence = nil }
                continue
            }
            if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
                fence = String(trimmed.prefix(3))
                continue
            }
            let line = codeSpan.stringByReplacingMatches(
                in: raw, range: NSRange(raw.startIndex..., in: raw), withTemplate: "")
            let range = NSRange(line.startIndex..., in: line)
            for regex in [inlineLink, referenceDefinition] {
                for match in regex.matches(in: line, range: range) {
                    if let r = Range(match.range(at: 1), in: line) {
                        out.append(Link(target: String(line[r]), line: index + 1))
                    }
                }
            }
        }
        return out
    }
}

/// The anchors a runbook's headings and HTML give, as GitHub-style slugs (duplicates get
/// `-1`, `-2`…) plus explicit `{#id}` attributes and `id="…"` / `name="…"`.
struct AnchorSet {
    private var anchors: Set<String> = []

    init(runbook: Runbook, lines: [String]) {
        var counts: [String: Int] = [:]
        for section in runbook.sections {
            let slug = Self.slug(section.title)
            let seen = counts[slug, default: 0]
            counts[slug] = seen + 1
            let unique = seen == 0 ? slug : "\(slug)-\(seen)"
            anchors.insert(unique)
            anchors.insert(Self.collapsed(unique))
        }
        let explicit = try! NSRegularExpression(
            pattern: #"\{#([^}\s]+)[^}]*\}\s*$|\b(?:id|name)\s*=\s*["']([^"']+)["']"#)
        for line in lines {
            let range = NSRange(line.startIndex..., in: line)
            for match in explicit.matches(in: line, range: range) {
                for group in 1...2 {
                    if let r = Range(match.range(at: group), in: line) { anchors.insert(String(line[r]).lowercased()) }
                }
            }
        }
    }

    func contains(_ anchor: String) -> Bool {
        let wanted = (anchor.removingPercentEncoding ?? anchor).lowercased()
        return anchors.contains(wanted) || anchors.contains(Self.collapsed(wanted))
    }

    /// GitHub's rule: lower-case, drop everything but letters, digits, `_`, `-` and spaces, spaces become `-`.
    static func slug(_ title: String) -> String {
        var out = ""
        for character in title.lowercased() {
            if character == " " {
                out.append("-")
            } else if character == "-" || character == "_" || character.isLetter || character.isNumber {
                if character.unicodeScalars.allSatisfy({ !$0.properties.isEmojiPresentation }) { out.append(character) }
            }
        }
        return out
    }

    /// Other renderers squeeze repeated `-` and trim them at the ends.
    static func collapsed(_ slug: String) -> String {
        slug.split(separator: "-", omittingEmptySubsequences: true).joined(separator: "-")
    }
}
