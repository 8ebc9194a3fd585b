import Foundation

/// Postmortem and status-update templates (§8), found in ```markdown and plain code blocks.
enum TemplateExtractor {
    static let postmortemWords = [
        "summary", "timeline", "impact", "root cause", "resolution", "prevention",
        "lessons learned", "action items", "what went well", "contributing factors"
    ]
    static let statusWords = [
        "service:", "severity:", "status:", "started:", "impact:", "next update", "eta:",
        "affected", "current status", "investigating", "identified", "resolved"
    ]

    static func extract(_ outline: Section) -> [RunbookTemplate] {
        var templates: [RunbookTemplate] = []
        outline.forEach { section in
            var label: String? = nil
            for block in section.blocks {
                if let bold = block.boldLabel { label = bold; continue }
                if case .code(let info, _) = block.kind {
                    let lang = info.split(separator: " ").first.map { $0.lowercased() } ?? ""
                    if let template = template(
                        block.literal, language: lang, title: label ?? section.title, line: block.line)
                    {
                        templates.append(template)
                    }
                }
                label = nil
            }
        }
        if let document = documentTemplate(outline) { templates.append(document) }
        return templates
    }

    /// Section headings that a postmortem has, however a team words them.
    static let postmortemSections: [[String]] = [
        ["summary", "overview", "executive summary", "tl;dr"], ["impact", "customer impact", "user impact"],
        ["timeline", "time line", "chronology"], ["root cause", "contributing factors", "cause", "why it happened"],
        ["resolution", "remediation", "mitigation", "how it was fixed", "recovery"],
        ["action items", "follow-ups", "follow ups", "corrective actions", "next steps", "prevention"],
        ["what happened", "description", "incident details"],
        [
            "lessons learned", "what went well", "how'd we do",
            "what didn't go so well", "what went wrong", "learnings"
        ]
    ]

    /// `postmortemSections` with the space that must follow a name at the start of a longer heading.
    static let postmortemSectionPrefixes: [[String]] = postmortemSections.map { $0.map { $0 + " " } }

    /// A document whose own headings are a postmortem's sections (summary, impact, timeline,
    /// root cause, action items …) is a postmortem template, even when it never says so.
    static func documentTemplate(_ outline: Section) -> RunbookTemplate? {
        var matched: [String] = []
        var groups = Set<Int>()
        var first: Section? = nil
        outline.forEach { section in
            guard section.level >= 2 else { return }
            let words = section.words.trimmingTrailing("?:")
            guard
                let group = postmortemSections.indices.first(where: { group in
                    postmortemSections[group].indices.contains { name in
                        words == postmortemSections[group][name]
                            || words.hasPrefix(postmortemSectionPrefixes[group][name])
                    }
                })
            else { return }
            if first == nil { first = section }
            groups.insert(group)
            matched.append(section.title)
        }
        guard groups.count >= 4, let first else { return nil }
        var body: [String] = []
        outline.forEach { section in
            guard section.level >= 2, section.line >= first.line else { return }
            body.append(String(repeating: "#", count: section.level) + " " + section.title)
            body += section.blocks.compactMap { $0.text.isEmpty ? nil : $0.text }
        }
        return RunbookTemplate(
            kind: .postmortem, title: outline.children.first?.level == 1 ? outline.children[0].title : outline.title,
            body: body.joined(separator: "\n\n"), fields: matched, line: first.line)
    }

    static func template(_ body: String, language: String, title: String, line: Int) -> RunbookTemplate? {
        guard ["", "markdown", "md", "text", "txt", "plain", "plaintext", "yaml"].contains(language) else { return nil }
        let lower = body.lowercased()
        let headingWords = postmortemWords.filter { word in
            lower.contains("# \(word)") || lower.contains("**\(word)") || lower.contains("\n\(word):")
        }
        let titleLower = title.lowercased()
        let isPostmortemTitle =
            titleLower.contains("postmortem") || titleLower.contains("post-mortem")
            || titleLower.contains("incident report") || titleLower.contains("retrospective")
        let kind: RunbookTemplate.Kind
        if headingWords.count >= 3 || (headingWords.count >= 1 && isPostmortemTitle) {
            kind = .postmortem
        } else if statusWords.filter({ lower.contains($0) }).count >= 3 {
            kind = .statusUpdate
        } else {
            return nil
        }
        return RunbookTemplate(
            kind: kind, title: title.trimmingTrailing(":"), body: body, fields: fields(in: body), line: line)
    }

    /// `[Brief description]`, `[Time]`, `[INC-YYYY-MM-DD-N]` — blanks the author fills in.
    /// One pass: each `]` closes the nearest `[` before it.
    static func fields(in body: String) -> [String] {
        var out: [String] = []
        var seen = Set<String>()
        var open: String.Index? = nil
        var i = body.startIndex
        while i < body.endIndex {
            let c = body[i]
            if c == "[" {
                open = i
            } else if c == "]", let start = open {
                let inner = body[body.index(after: start)..<i]
                let next = body.index(after: i)
                let isLink = next < body.endIndex && body[next] == "("
                if !inner.isEmpty, inner.count <= 60, !isLink, inner != " ", inner != "x",
                    seen.insert(String(inner)).inserted
                {
                    out.append(String(inner))
                }
                open = nil
            } else if c == "\n" {
                open = nil
            }
            i = body.index(after: i)
        }
        return out
    }
}
