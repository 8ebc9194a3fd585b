import Foundation

/// Thresholds stated in running prose rather than in tables or alert lists:
/// - judgements: "above 50% is ok, 75% is getting worrisome, above 85% it may be too late":
///   each clause with a number and a judgement word gives that level's threshold;
/// - trigger lists: "Be concerned if:" / "Page if:" followed by items such as "the graph has
///   been past the SLO for more than 5 min": each item with a comparison is a condition.
enum ProseThresholds {
    static let criticalWords = [
        "too late", "critical", "danger", "severe", "emergency", "urgent", "outage", "page someone",
        "act now", "immediately"
    ]
    static let warningWords = [
        "worrisome", "worrying", "worried", "concern", "warning", "watch it", "attention",
        "investigate", "getting high", "elevated"
    ]
    /// Either list: a paragraph without any is passed over (`containsWord` folds case itself).
    static let judgementWords = criticalWords + warningWords
    static let fineWords = [" ok", "okay", "fine", "normal", "healthy", "expected", "acceptable"]

    /// Judgement clauses of one paragraph.
    static func fromJudgements(_ paragraph: MarkdownBlock, fallbackName: String, into merger: inout MetricMerger) {
        let text = paragraph.text
        guard text.contains("%") || text.containsWord(["ms", "seconds", "minutes"]),
            text.containsWord(judgementWords)
        else { return }
        var found: [(MetricExtractor.Level, Threshold)] = []
        for clause in clauses(text) {
            let lower = " " + clause.lowercased()
            let level: MetricExtractor.Level
            if criticalWords.contains(where: { lower.contains($0) }) {
                level = .critical
            } else if fineWords.contains(where: { lower.contains($0) }) {
                continue
            } else if warningWords.contains(where: { lower.contains($0) }) {
                level = .warning
            } else {
                continue
            }
            guard let threshold = judgedNumber(clause, line: paragraph.line) else { continue }
            found.append((level, threshold))
        }
        guard !found.isEmpty else { return }
        let name = metricName(in: paragraph) ?? fallbackName
        for (level, threshold) in found {
            if level == .critical {
                merger.add(name: name, critical: threshold, line: paragraph.line)
            } else {
                merger.add(name: name, warning: threshold, line: paragraph.line)
            }
        }
    }

    /// Alerting rules written in a sentence: a comparison in a code span (`` `pg_lag_seconds > 30` ``)
    /// or a sentence about an alert with a comparison ("the queue alert fires at >= 200 for 10m").
    static func fromAlertSentences(_ paragraph: MarkdownBlock, into merger: inout MetricMerger) {
        let spans = paragraph.inlines.codeSpans
        for span in spans where span.utf8.contains(where: { $0 == UInt8(ascii: ">") || $0 == UInt8(ascii: "<") }) {
            guard let op = span.firstIndex(where: { $0 == ">" || $0 == "<" }) else { continue }
            let left = span[..<op].trimmed
            guard left.contains("_") || left.contains("("), !left.contains(" | "), !left.hasPrefix("-"),
                InlineCommands.recognize(span) == nil,
                let threshold = ThresholdParser.threshold(String(span[op...]), line: paragraph.line)
            else { continue }
            var t = threshold
            t.text = span
            t.forSeconds =
                t.forSeconds ?? ThresholdParser.durations(in: sentence(of: span, in: paragraph.text)).forSeconds
            let name = left.count <= 60 ? left : String(left.prefix(60))
            add(t, name: name, critical: saysPage(paragraph.text), line: paragraph.line, into: &merger)
        }
        guard spans.isEmpty,
            paragraph.text.utf8.contains(where: { $0 == UInt8(ascii: ">") || $0 == UInt8(ascii: "<") || $0 == 0xE2 })
        else { return }
        for sentence in paragraph.text.components(separatedBy: ". ") {
            let lower = sentence.lowercased()
            guard lower.containsWord(["alert", "alerts", "fires", "triggers", "pages"]),
                sentence.contains(">") || sentence.contains("<") || sentence.contains("≥") || sentence.contains("≤"),
                let condition = merger.condition(sentence, line: paragraph.line), let threshold = condition.threshold
            else { continue }
            let name = MetricName.clean(trimVerbs(condition.name))
            guard !name.isEmpty else { continue }
            add(threshold, name: name, critical: saysPage(sentence), line: paragraph.line, into: &merger)
        }
    }

    static func saysPage(_ text: String) -> Bool {
        text.lowercased().containsWord(["page", "pages", "critical", "paging"])
    }

    /// "Queue alert fires at" → "Queue".
    static func trimVerbs(_ name: String) -> String {
        var words = name.split(separator: " ").map(String.init)
        let verbs: Set<String> = [
            "alert", "fires", "fire", "triggers", "trigger", "pages", "at", "when", "if", "is", "goes",
            "reaches", "hits", "exceeds", "the", "on", "of"
        ]
        while let last = words.last, verbs.contains(last.lowercased()) { words.removeLast() }
        return words.joined(separator: " ")
    }

    static func sentence(of span: String, in text: String) -> String {
        text.components(separatedBy: ". ").first { $0.contains(span) } ?? text
    }

    static func add(_ t: Threshold, name: String, critical: Bool, line: Int, into merger: inout MetricMerger) {
        if critical {
            merger.add(name: name, critical: t, line: line)
        } else {
            merger.add(name: name, warning: t, line: line)
        }
    }

    /// Clauses: a sentence cut at commas, semicolons and "but"/"and" joins.
    static func clauses(_ text: String) -> [String] {
        var out: [String] = []
        for sentence in text.components(separatedBy: ". ") {
            for part in sentence.components(separatedBy: CharacterSet(charactersIn: ",;")) {
                out += part.components(separatedBy: " and ").map(\.trimmed).filter { !$0.isEmpty }
            }
        }
        return out
    }

    /// "above 85%", "75% is …" (a bare number reads as "at or above it"), "below 10% free".
    static func judgedNumber(_ clause: String, line: Int) -> Threshold? {
        if let t = ThresholdParser.threshold(clause, line: line) { return t }
        guard let percent = clause.range(of: "%") else { return nil }
        let digits = clause[..<percent.lowerBound].reversed().prefix { $0.isNumber || $0 == "." }
        guard let value = Double(String(digits.reversed())) else { return nil }
        return Threshold(op: .greaterOrEqual, value: value, unit: "%", text: clause, line: line)
    }

    /// What the paragraph measures: a metric-like code span (`redis_primary_cpu_component`).
    static func metricName(in paragraph: MarkdownBlock) -> String? {
        paragraph.inlines.codeSpans.first { span in
            span.contains("_") && !span.contains(" ") && span.first?.isLetter == true
        }
    }

    /// Lists that follow a trigger ("Be concerned if:", "Page when:"): their items are conditions.
    static func triggerLevel(_ intro: String) -> MetricExtractor.Level? {
        let lower = intro.lowercased().trimmingTrailing(" :")
        guard intro.trimmed.hasSuffix(":") || lower.hasSuffix(" if") || lower.hasSuffix(" when") else { return nil }
        let triggers = [
            "concerned if", "worried if", "worry if", "alarmed if", "alert if", "alert when", "page if", "page when",
            "escalate if", "escalate when", "declare an incident if", "critical if", "critical when",
            "warning if", "warn if", "act if", "investigate if", "be concerned"
        ]
        guard let trigger = triggers.first(where: { lower.contains($0) }) else { return nil }
        return ["page", "escalate", "declare", "critical"].contains(where: { trigger.hasPrefix($0) })
            ? .critical : .warning
    }

    static func fromTriggerList(_ list: MarkdownBlock, level: MetricExtractor.Level, into merger: inout MetricMerger) {
        for item in list.items {
            guard let condition = merger.condition(item.itemText, line: item.line),
                let threshold = condition.threshold
            else { continue }
            if level == .critical {
                merger.add(name: condition.name, critical: threshold, line: item.line)
            } else {
                merger.add(name: condition.name, warning: threshold, line: item.line)
            }
        }
    }

    /// Walks a section's blocks for both structures.
    static func scan(_ section: Section, into merger: inout MetricMerger) {
        var intro: String? = nil
        func visit(_ block: MarkdownBlock) {
            switch block.kind {
            case .paragraph:
                fromJudgements(block, fallbackName: section.title, into: &merger)
                fromAlertSentences(block, into: &merger)
                intro = block.text
            case .list:
                if let intro, let level = triggerLevel(intro) { fromTriggerList(block, level: level, into: &merger) }
                for item in block.items {
                    intro = nil
                    for child in item.children {
                        visit(child)
                    }
                }
                intro = nil
            case .blockQuote:
                block.children.forEach(visit)
            default:
                intro = nil
            }
        }
        section.blocks.forEach(visit)
    }
}
