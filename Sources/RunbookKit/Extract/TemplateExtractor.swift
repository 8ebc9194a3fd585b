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
                } else if block.kind == .blockQuote, let template = quoted(block, title: label ?? section.title) {
                    templates.append(template)
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

    /// Each section name's group and bytes, by its first byte: a heading is compared only with the
    /// names that start as it does (a large runbook has thousands of headings).
    static let sectionNamesByFirstByte: [[(group: Int, name: [UInt8])]] = {
        var table = [[(group: Int, name: [UInt8])]](repeating: [], count: 256)
        for (group, names) in postmortemSections.enumerated() {
            for name in names { table[Int(name.utf8.first!)].append((group, Array(name.utf8))) }
        }
        return table
    }()

    /// The postmortem section a heading's words name: the whole words ("?" or ":" after them
    /// aside), or their start before a space ("Timeline (UTC)").
    static func postmortemGroup(_ words: String) -> Int? {
        var words = words
        return words.withUTF8 { bytes -> Int? in
            var end = bytes.count
            while end > 0, bytes[end - 1] == UInt8(ascii: "?") || bytes[end - 1] == UInt8(ascii: ":") { end -= 1 }
            guard end > 0 else { return nil }
            for (group, name) in sectionNamesByFirstByte[Int(bytes[0])] where name.count <= end {
                guard name.indices.allSatisfy({ bytes[$0] == name[$0] }) else { continue }
                if name.count == end || bytes[name.count] == UInt8(ascii: " ") { return group }
            }
            return nil
        }
    }

    /// A document whose own headings are a postmortem's sections (summary, impact, timeline,
    /// root cause, action items …) is a postmortem template, even when it never says so.
    static func documentTemplate(_ outline: Section) -> RunbookTemplate? {
        var matched: [String] = []
        var groups = Set<Int>()
        var first: Section? = nil
        outline.forEach { section in
            guard section.level >= 2, let group = postmortemGroup(section.words) else { return }
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

    /// A message quoted under a heading or label that calls it a template (`## Status update
    /// template` then `> Impact: {impact}` lines): its lines are the body.
    static func quoted(_ quote: MarkdownBlock, title: String) -> RunbookTemplate? {
        let lower = title.lowercased()
        guard lower.contains("template") || lower.contains("status update") || lower.contains("announcement")
        else { return nil }
        let paragraphs = quote.children.compactMap { block -> String? in
            guard block.kind == .paragraph else { return nil }
            return block.lines.map(\.text).joined(separator: "\n")
        }
        guard !paragraphs.isEmpty else { return nil }
        let body = paragraphs.joined(separator: "\n\n")
        if let found = template(body, language: "", title: title, line: quote.line) { return found }
        // The heading says what it is when the words are few.
        let kind: RunbookTemplate.Kind =
            lower.contains("postmortem") || lower.contains("post-mortem") ? .postmortem : .statusUpdate
        return RunbookTemplate(
            kind: kind, title: title.trimmingTrailing(":"), body: body, fields: fields(in: body), line: quote.line)
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
        } else if saysStatusUpdate(titleLower), !fields(in: body).isEmpty {
            // Text with blanks to fill under "Public status page update": the heading says what it is.
            kind = .statusUpdate
        } else if saysMessage(titleLower), !fields(in: body).isEmpty {
            // "Resolution message", "Executive summary email": a message to send, blanks and all.
            kind = .statusUpdate
        } else {
            return nil
        }
        return RunbookTemplate(
            kind: kind, title: title.trimmingTrailing(":"), body: body, fields: fields(in: body), line: line)
    }

    /// A heading or label that names a message to stakeholders.
    static func saysStatusUpdate(_ title: String) -> Bool {
        ["status update", "status page", "statuspage", "announcement", "customer update", "stakeholder update"]
            .contains(where: title.contains)
    }

    /// A heading or label that names a message to send ("Resolution message", "Customer email"),
    /// not one about messages read ("Error messages", "Log messages").
    static func saysMessage(_ title: String) -> Bool {
        title.containsWord(["message", "email", "e-mail", "notice", "notification", "announcement", "post"])
            && !title.containsWord(["error", "errors", "log", "logs", "commit", "warning", "exception", "sample"])
    }

    /// `[Brief description]`, `[Time]`, `{impact}`, `{{next_update}}`, `<status>` — blanks the author
    /// fills in. One pass: each closing bracket closes the nearest opening one of its kind before it.
    static func fields(in body: String) -> [String] {
        var out: [String] = []
        var seen = Set<String>()
        var open: [Character: String.Index] = [:]
        let pairs: [Character: Character] = ["]": "[", "}": "{", ">": "<"]
        var i = body.startIndex
        while i < body.endIndex {
            let c = body[i]
            if c == "[" || c == "{" || c == "<" {
                open[c] = i
            } else if let opener = pairs[c], let start = open[opener] {
                var inner = body[body.index(after: start)..<i]
                let next = body.index(after: i)
                let isLink = c == "]" && next < body.endIndex && body[next] == "("
                // `{{name}}`: the inner braces are the name's, not part of it.
                if c == "}" { inner = inner.drop { $0 == "{" } }
                // `[P{severity}]` holds a blank; it is not one of its own.
                let wordy =
                    c == "]"
                    ? !inner.contains("{") && !inner.contains("<")
                    : inner.allSatisfy { $0.isLetter || $0.isNumber || " _-.".contains($0) }
                if !inner.isEmpty, inner.count <= 60, !isLink, wordy, inner != " ", inner != "x",
                    seen.insert(String(inner)).inserted
                {
                    out.append(String(inner))
                }
                open[opener] = nil
            } else if c == "\n" {
                open = [:]
            }
            i = body.index(after: i)
        }
        return out
    }
}
