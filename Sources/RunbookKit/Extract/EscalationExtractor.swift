import Foundation

/// Escalation paths (§7): numbered or `Level N:` lists under an escalation heading, arrow
/// chains (`Engineering lead → CTO`), and arrow flows inside code blocks (`Level 1`, `↓`, …).
enum EscalationExtractor {
    static func extract(_ outline: Section, severities: [SeverityLevel]) -> [EscalationStep] {
        var steps: [EscalationStep] = []
        outline.forEach { section in
            guard steps.isEmpty else { return }
            let inEscalation = section.words.containsWord(EscalationExtractor.headingWords)
            var labelSaysEscalation = false
            for block in section.blocks {
                if let label = block.boldLabel {
                    labelSaysEscalation = label.lowercased().contains("escalat")
                    continue
                }
                // A contact table with an escalation column (`| Role | Name | Phone | Escalate after |`)
                // is the path wherever it is.
                if block.kind == .table,
                    block.children.first?.children.contains(where: { $0.text.hasLowercased("escalat") }) == true,
                    let table = TableData(block)
                {
                    let found = fromTable(table)
                    if found.count >= 2 { steps = found; return }
                }
                guard inEscalation || labelSaysEscalation else { continue }
                if block.isList {
                    let found = fromList(block)
                    if found.count >= 2 { steps = found; return }
                } else if block.kind == .table, let table = TableData(block) {
                    let found = fromTable(table)
                    if found.count >= 2 { steps = found; return }
                } else if case .code = block.kind {
                    let found = fromFlow(block.literal, line: block.line + 1)
                    if found.count >= 2 { steps = found; return }
                } else if block.kind == .paragraph, block.text.has("→") || block.text.has("->") {
                    // "Security on-call → Security manager → CISO (Dana, +1 212 …)." on a line of its own.
                    for line in block.lines {
                        let found = chain(line.text.trimmingTrailing("."), line: block.line + line.offset)
                        if found.count >= 2 { steps = found; return }
                    }
                }
            }
        }
        if steps.isEmpty {
            // "Escalation: Engineering lead → CTO" in a bullet anywhere.
            outline.forEach { section in
                guard steps.isEmpty else { return }
                for block in section.blocks { arrowChain(in: block, into: &steps); if !steps.isEmpty { return } }
            }
        }
        return steps
    }

    /// A heading over an escalation path: "Escalation", "Who to call", "Call tree".
    static let headingWords = [
        "escalation", "escalate", "escalations", "who to call", "who to page", "who to contact", "call tree",
        "paging order"
    ]

    /// `1. **On-Call Engineer**: Check PagerDuty`, `- Level 2: Engineering manager (after 30 min)`.
    static func fromList(_ list: MarkdownBlock) -> [EscalationStep] {
        if let path = chainOfMostSevereItem(list) { return path }
        var out: [EscalationStep] = []
        for (index, item) in list.items.enumerated() {
            guard let paragraph = item.firstParagraph else { continue }
            var level = index + 1
            var who: String
            var contact: String? = nil
            if let labeled = LabeledText(paragraph) {
                if let n = levelNumber(labeled.label) {
                    level = n
                    who = labeled.value
                } else if timing(in: labeled.label) != nil || DurationParser.isTimeLabel(labeled.label)
                    || orderWords.contains(labeled.label.lowercased().trimmed)
                {
                    // "After 30 minutes: the streaming lead", "Then: @kwame after 15m": the label
                    // says when, the rest who.
                    who = labeled.value
                } else {
                    who = labeled.label
                    contact = nonEmpty(labeled.value)
                }
            } else {
                who = paragraph.text
            }
            who = who.trimmingTrailing(".")
            guard !who.isEmpty else { continue }
            var after = timing(in: paragraph.text)
            // "@kwame after 15m": whom, without when.
            if let after, let range = who.range(of: " " + after, options: [.caseInsensitive, .backwards]),
                range.upperBound == who.endIndex
            {
                who = String(who[..<range.lowerBound]).trimmingTrailing(", ")
            }
            if after == nil, let (person, delay, rest) = dashDelay(who) {
                // "DBRE secondary - 15 min", "Head of Data, Marta - 30 min, phone +1 …".
                who = person
                after = delay
                contact = contact ?? rest
            }
            out.append(EscalationStep(level: level, who: who, after: after, contact: contact, line: item.line))
        }
        return out
    }

    /// Labels that only say the step's place in the order.
    static let orderWords: Set<String> = [
        "first", "then", "next", "finally", "last", "after that", "afterwards", "and then", "if no answer",
        "if no response", "if no ack", "still nothing", "still stuck"
    ]

    /// `- warning: on-call in hours` / `- critical: page on-call → if no ack in 10 minutes, secondary
    /// → EM`: items by level, one an arrow chain. The chain of the most severe level is the path.
    static func chainOfMostSevereItem(_ list: MarkdownBlock) -> [EscalationStep]? {
        var best: (rank: Int, steps: [EscalationStep])?
        for item in list.items {
            guard let paragraph = item.firstParagraph, paragraph.text.has("→") || paragraph.text.has("->") else {
                continue
            }
            let labeled = LabeledText(paragraph)
            let steps = chain(labeled?.value ?? paragraph.text, line: item.line)
            guard steps.count >= 2 else { continue }
            let rank = severityRank(labeled?.label ?? "")
            if best == nil || rank < best!.rank { best = (rank, steps) }
        }
        return best?.steps
    }

    /// How severe a label says a level is, lower first: P0 0, critical/page/SEV1 1, high 2, warning
    /// 3, … unknown 9.
    static func severityRank(_ label: String) -> Int {
        let lower = label.lowercased()
        if let match = SeverityID.leading(label) { return min(match.rank, 8) }
        if lower.containsWord(["critical", "page", "pages", "urgent", "emergency", "blocker"]) { return 1 }
        if lower.containsWord(["high", "major"]) { return 2 }
        if lower.containsWord(["warning", "warn", "medium"]) { return 3 }
        return 9
    }

    /// `| After | Who | How |`, `| Level | Contact | When |`: a row per step, when the table has a
    /// column of whom to call and one of when (or of the level). A table of contacts alone is
    /// the contacts' (ContactExtractor), not a path.
    static func fromTable(_ table: TableData) -> [EscalationStep] {
        guard
            let who = table.column([
                "who", "contact", "escalate to", "person", "team", "role", "name", "owner", "notify", "responder",
                "target"
            ])
        else { return [] }
        let when = table.column(["after", "when", "time", "delay", "wait"], excluding: [who])
        // PagerDuty's "Escalates after" (a timeout): how long a step has before the next one is
        // paged, so each step comes after the timeouts of the steps before it, added up. Told from
        // "Escalate after" (to this one, after that long) by the rows: the first step has a
        // timeout and the last none.
        let delays = table.rows.indices.map { row in table.cell(row, when).flatMap { DurationParser.seconds(in: $0) } }
        let header = when.map { table.header[$0].lowercased() } ?? ""
        let timeouts =
            header.contains("timeout")
            || (header.contains("escalat") && delays.count >= 2 && (delays.first ?? nil).map { $0 > 0 } == true
                && (delays.last ?? nil) == nil)
        var elapsed = 0
        let level = table.column(["level", "tier", "step", "stage"], excluding: [who])
        guard when != nil || level != nil else { return [] }
        let how = table.column(["how", "channel", "method", "phone", "page", "contact"], excluding: [who])
        var out: [EscalationStep] = []
        for row in table.rows.indices {
            guard let person = table.cell(row, who)?.trimmed.trimmingTrailing("."), !person.isEmpty else { continue }
            let number = table.cell(row, level).flatMap { levelNumber($0) ?? Int($0.trimmed) } ?? out.count + 1
            var after: String? = nil
            if timeouts {
                after = elapsed == 0 ? nil : elapsed % 60 == 0 ? "after \(elapsed / 60) min" : "after \(elapsed) s"
                elapsed += table.cell(row, when).flatMap { DurationParser.seconds(in: $0) } ?? 0
            } else if let cell = table.cell(row, when) {
                // "20 min" in an After column is "after 20 min"; "0 min" or "immediately" is at once.
                after = timing(in: cell)
                if after == nil, let seconds = DurationParser.seconds(in: cell), seconds > 0,
                    let quantity = DurationParser.scan(cell.lowercased()).first
                {
                    after = "after \(quantity.text)"
                }
            }
            out.append(
                EscalationStep(
                    level: number, who: person, after: after, contact: table.cell(row, how).flatMap { nonEmpty($0) },
                    line: table.rowLines[row]))
        }
        return out
    }

    /// A flow in a code block: chunks separated by `↓` / `|` / `->` lines. A `Level N` chunk
    /// followed by a chunk without a level is one step: the level, then who responds.
    static func fromFlow(_ code: String, line: Int) -> [EscalationStep] {
        var chunks: [(text: [String], line: Int)] = []
        var current: [String] = []
        var currentLine = line
        for (offset, raw) in code.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let text = raw.trimmed
            if text.isEmpty || ["↓", "|", "v", "V", "->", "→", "⬇", "⬇️", "▼"].contains(text) {
                if !current.isEmpty { chunks.append((current, currentLine)) }
                current = []
                continue
            }
            if current.isEmpty { currentLine = line + offset }
            current.append(text.trimmingLeading("-*• "))
        }
        if !current.isEmpty { chunks.append((current, currentLine)) }
        let isFlow = code.contains(where: { "↓→⬇▼".contains($0) }) || code.lowercased().contains("level")
        guard chunks.count >= 2, isFlow else { return [] }

        var out: [EscalationStep] = []
        var i = 0
        while i < chunks.count {
            let first = chunks[i].text.joined(separator: " ")
            let levelText = first.split(separator: "(").first.map(String.init) ?? first
            if let n = levelNumber(levelText.split(separator: ":").first.map(String.init) ?? levelText) {
                var who = first.split(separator: ":", maxSplits: 1).dropFirst().first.map { $0.trimmed } ?? ""
                var detail = first
                if who.isEmpty, i + 1 < chunks.count, levelNumber(chunks[i + 1].text[0]) == nil {
                    who = chunks[i + 1].text.joined(separator: " ")
                    detail += " " + who
                    i += 1
                }
                out.append(
                    EscalationStep(
                        level: n, who: who.isEmpty ? first : who, after: timing(in: detail),
                        line: chunks[i].line))
            } else {
                out.append(
                    EscalationStep(level: out.count + 1, who: first, after: timing(in: first), line: chunks[i].line))
            }
            i += 1
        }
        return out
    }

    private static func arrowChain(in block: MarkdownBlock, into steps: inout [EscalationStep]) {
        switch block.kind {
        case .paragraph:
            guard block.text.has("→") || block.text.has("->"), let labeled = LabeledText(block),
                labeled.labelIs(["escalat"])
            else { return }
            steps = chain(labeled.value, line: block.line)
        default:
            for child in block.children {
                arrowChain(in: child, into: &steps)
                if !steps.isEmpty { return }
            }
        }
    }

    /// `primary -> secondary (after 15m) -> @lead`: a step per link; empty for fewer than two links.
    static func chain(_ text: String, line: Int) -> [EscalationStep] {
        let parts = text.components(separatedBy: "→").flatMap { $0.components(separatedBy: "->") }
            .map(\.trimmed).filter { !$0.isEmpty }
        guard parts.count >= 2 else { return [] }
        return parts.enumerated().map { offset, part in
            // "Payments lead (after 15 min)": the delay is when, the rest is who.
            let (who, after) = chainStep(part)
            return EscalationStep(level: offset + 1, who: who, after: after, line: line)
        }
    }

    /// One link of an arrow chain: `Lead (after 15 min)` → (`Lead`, `after 15 min`).
    static func chainStep(_ part: String) -> (who: String, after: String?) {
        let part = withoutPagingVerb(part)
        guard let after = timing(in: part) else { return (part, nil) }
        if part.hasSuffix(")"), let open = part.lastIndex(of: "("),
            timing(in: String(part[open...])) != nil
        {
            let who = String(part[..<open]).trimmed
            if !who.isEmpty { return (who, after) }
        }
        // "if no ack in 10 minutes, platform secondary": the clause says when, the rest who.
        if let comma = part.range(of: ", "), timing(in: String(part[..<comma.lowerBound])) != nil {
            let who = withoutPagingVerb(String(part[comma.upperBound...]))
            if !who.isEmpty { return (who, after) }
        }
        return (part, after)
    }

    /// "page platform on-call" → "platform on-call": whom, not what is done to them.
    static func withoutPagingVerb(_ text: String) -> String {
        let lower = text.lowercased()
        for verb in ["escalate to ", "page ", "call ", "notify ", "ping ", "wake "] where lower.hasPrefix(verb) {
            let rest = String(text.dropFirst(verb.count)).trimmed
            if !rest.isEmpty { return rest }
        }
        return text.trimmed
    }

    /// `DBRE secondary - 15 min, phone +1 …`: who, then a dash and the delay to wait before them,
    /// then maybe how to reach them. Nil when no part after a dash starts with a duration.
    static func dashDelay(_ text: String) -> (who: String, after: String, rest: String?)? {
        for dash in [" - ", " – ", " — "] {
            guard let cut = text.range(of: dash) else { continue }
            let tail = String(text[cut.upperBound...])
            guard let q = DurationParser.scan(tail).first, tail.hasPrefix(q.text) else { continue }
            let who = String(text[..<cut.lowerBound]).trimmed
            guard !who.isEmpty else { continue }
            let rest = tail.dropFirst(q.text.count).trimmingLeading(" ,;:-–—").trimmingTrailing(".")
            return (who, "after \(q.text)", nonEmpty(rest))
        }
        return nil
    }

    /// "Level 2", "L2", "Tier 3" → 2, 2, 3.
    static func levelNumber(_ text: String) -> Int? {
        let lower = text.withoutSymbols.lowercased().replacingIfPresent("*", with: "").trimmed
        for prefix in ["level ", "level", "tier ", "tier", "l"] where lower.hasPrefix(prefix) {
            let rest = lower.dropFirst(prefix.count).prefix { $0.isNumber }
            if !rest.isEmpty, lower.dropFirst(prefix.count).count <= rest.count + 12, let n = Int(rest) { return n }
        }
        return nil
    }

    /// "after 30 minutes", "within 5 minutes", "if no response in 15 min"; "after an hour" is
    /// "after 1 hour", "within half an hour" "within 30 minutes".
    static func timing(in text: String) -> String? {
        var lower = text.lowercased()
        for (words, number) in [("half an hour", "30 minutes"), ("an hour", "1 hour"), ("a minute", "1 minute")]
        where lower.has(words) {
            lower = lower.replacingOccurrences(of: words, with: number)
        }
        for word in ["after", "within", "if no response", "in "] {
            if let range = lower.range(of: word), DurationParser.seconds(in: String(lower[range.lowerBound...])) != nil,
                let q = DurationParser.scan(String(lower[range.lowerBound...])).first
            {
                return "\(word.trimmed) \(q.text)"
            }
        }
        return nil
    }
}
