import Foundation

/// Thresholds stated in running prose rather than in tables or alert lists:
/// - judgements: "above 50% is ok, 75% is getting worrisome, above 85% it may be too late":
///   each clause with a number and a judgement word gives that level's threshold;
/// - trigger lists: "Be concerned if:" / "Page if:" followed by items such as "the graph has
///   been past the SLO for more than 5 min": each item with a comparison is a condition;
/// - symptom lists: the items of a "Symptoms" section that state a comparison;
/// - alert sentences: a comparison in a code span (`up == 0`) or a sentence about an alert.
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
        let name = metricName(in: paragraph) ?? subject(of: text, line: paragraph.line) ?? fallbackName
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
        var foundInSpans = false
        for span in spans
        where span.utf8.contains(where: { $0 == UInt8(ascii: ">") || $0 == UInt8(ascii: "<") })
            || span.contains("==") || span.contains("!=")
        {
            guard let op = comparisonStart(span) else { continue }
            let left = span[..<op].trimmed
            guard left.contains("_") || left.contains("(") || left.contains("{"), !left.contains(" | "),
                !left.hasPrefix("-"),
                InlineCommands.recognize(span) == nil,
                let threshold = ThresholdParser.threshold(String(span[op...]), line: paragraph.line)
            else { continue }
            var t = threshold
            t.text = span
            t.forSeconds =
                t.forSeconds ?? ThresholdParser.durations(in: sentence(of: span, in: paragraph.text)).forSeconds
            let name = left.count <= 60 ? left : String(left.prefix(60))
            add(t, name: name, critical: saysPage(paragraph.text), line: paragraph.line, into: &merger)
            foundInSpans = true
            // The left side is what to sample when it is PromQL: `rate(x[5m]) > 0.05`, `up{job="api"} == 0`.
            if looksLikePromQL(left) { merger.setQuery(left, forName: name) }
        }
        guard !foundInSpans,
            paragraph.text.utf8.contains(where: { $0 == UInt8(ascii: ">") || $0 == UInt8(ascii: "<") || $0 == 0xE2 })
                || paragraph.text.containsWord(comparisonWords)
        else { return }
        // A comparison written in code (`> 0.01`) was the span loop's to judge, not the sentence's.
        let comparingSpans = spans.filter { $0.contains(where: { "<>≥≤".contains($0) }) }
        // A line break inside the paragraph is a space: "… A warning fires when\np99 latency …".
        let text =
            paragraph.text.contains("\n") ? paragraph.text.replacingOccurrences(of: "\n", with: " ") : paragraph.text
        for sentence in text.components(separatedBy: ". ")
        where !comparingSpans.contains(where: { sentence.contains($0) }) {
            let lower = sentence.lowercased()
            // "We page when …", "The gateway pages when …", "A warning fires when …".
            guard lower.containsWord(["alert", "alerts", "fires", "triggers", "pages", "page when", "page if"]),
                sentence.contains(">") || sentence.contains("<") || sentence.contains("≥") || sentence.contains("≤")
                    || lower.containsWord(comparisonWords),
                let condition = merger.condition(sentence, line: paragraph.line), let threshold = condition.threshold
            else { continue }
            let name = MetricName.clean(trimVerbs(afterCondition(condition.name)))
            guard !name.isEmpty else { continue }
            add(threshold, name: name, critical: saysPage(sentence), line: paragraph.line, into: &merger)
        }
    }

    /// Where a code span's comparison starts: `>`, `<`, `==` or `!=` outside label matchers
    /// (`{code!="200"}`) and quotes, and outside parentheses when there is one there
    /// (`count(up == 1) < 1` compares the count).
    static func comparisonStart(_ span: String) -> String.Index? {
        var previous: Character? = nil
        var braces = 0
        var parens = 0
        var quoted = false
        var nested: String.Index? = nil
        for index in span.indices {
            let c = span[index]
            defer { previous = c }
            if c == "\"" { quoted.toggle() }
            if quoted { continue }
            if c == "{" { braces += 1 } else if c == "}" { braces = max(0, braces - 1) }
            if c == "(" { parens += 1 } else if c == ")" { parens = max(0, parens - 1) }
            guard braces == 0 else { continue }
            var found: String.Index? = nil
            if c == ">" || c == "<" { found = index }
            if c == "=", previous == "=" || previous == "!" { found = span.index(before: index) }
            guard let found else { continue }
            if parens == 0 { return found }
            if nested == nil { nested = found }
        }
        return nested
    }

    /// A selector, a function call or a range (`{`, `(`, `[`), or a metric name in Prometheus's
    /// style (`pg_replication_lag_seconds`: two underscores or more, no spaces).
    static func looksLikePromQL(_ text: String) -> Bool {
        if text.contains("{") || text.contains("(") || text.contains("[") { return true }
        return !text.contains(" ") && text.filter { $0 == "_" || $0 == ":" }.count >= 2
            && text.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == ":") }
    }

    static func saysPage(_ text: String) -> Bool {
        text.lowercased().containsWord(["page", "pages", "critical", "paging"])
    }

    /// "Queue alert fires at" → "Queue".
    /// Comparisons in words ("fires when the lag is above 10000 for 15 minutes").
    static let comparisonWords = ["above", "below", "exceeds", "more than", "greater than", "less than", "fewer than"]

    /// "The lag alert fires when the lag of the orders group": what follows the last "when" or "if",
    /// the thing compared, not the alert that compares it.
    static func afterCondition(_ name: String) -> String {
        let words = name.split(separator: " ")
        guard let last = words.lastIndex(where: { ["when", "if", "once", "whenever"].contains($0.lowercased()) }),
            last < words.count - 1
        else { return name }
        return words[(last + 1)...].joined(separator: " ")
    }

    static func trimVerbs(_ name: String) -> String {
        var words = name.split(separator: " ").map(String.init)
        let verbs: Set<String> = [
            "alert", "fires", "fire", "triggers", "trigger", "pages", "at", "when", "if", "is", "goes",
            "reaches", "hits", "exceeds", "the", "on", "of", "warns", "warn", "it", "holds", "has", "are", "gets",
            "stays", "remains", "rises", "climbs", "drops", "falls", "grows", "been", "was"
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
            for part in sentence.splitAtClauseCommas() {
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

    /// What a judgement's first comparison is about, when the sentence says it: "Consumer
    /// utilisation below 50% is a warning sign" → "Consumer utilisation". Without one ("above
    /// 85% it is too late") the section's title names the metric.
    static func subject(of text: String, line: Int) -> String? {
        guard let clause = clauses(text).first(where: { judgedNumber($0, line: line) != nil }),
            let condition = ThresholdParser.condition(clause, line: line), condition.threshold != nil
        else { return nil }
        let name = MetricName.clean(trimVerbs(afterCondition(condition.name)))
        let words = name.split(separator: " ")
        guard !words.isEmpty, words.count <= 4, let last = words.last?.lowercased(),
            !["from", "of", "in", "at", "on", "for", "to", "by", "with", "than", "is", "are"].contains(last)
        else { return nil }
        return name
    }

    /// What the paragraph measures: a metric-like code span (`redis_primary_cpu_component`).
    static func metricName(in paragraph: MarkdownBlock) -> String? {
        paragraph.inlines.codeSpans.first { span in
            span.contains("_") && !span.contains(" ") && span.first?.isLetter == true
        }
    }

    /// Lists that follow a trigger ("Be concerned if:", "Page when:"): their items are conditions.
    static func triggerLevel(_ intro: String) -> MetricExtractor.Level? {
        // Asked of the paragraph before every list: most have neither a colon nor "if"/"when".
        guard intro.utf8.contains(UInt8(ascii: ":")) || intro.hasLowercased(" if") || intro.hasLowercased(" when")
        else { return nil }
        let lower = intro.lowercased().trimmingTrailing(" :")
        guard intro.trimmed.hasSuffix(":") || lower.hasSuffix(" if") || lower.hasSuffix(" when") else { return nil }
        let triggers = [
            "concerned if", "worried if", "worry if", "alarmed if", "alert if", "alert when", "page if", "page when",
            "escalate if", "escalate when", "declare an incident if", "critical if", "critical when",
            "warning if", "warn if", "act if", "investigate if", "be concerned", "roll back when", "roll back if",
            "rollback when", "rollback if", "fail over when", "fail over if"
        ]
        guard let trigger = triggers.first(where: { lower.contains($0) }) else { return nil }
        return ["page", "escalate", "declare", "critical", "roll", "fail"].contains(where: { trigger.hasPrefix($0) })
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

    /// A section that lists what the incident looks like ("Symptoms", "Signals", "Detection"):
    /// its list items that state a comparison ("p99 latency above 2s for 10 minutes") are the
    /// incident's conditions, critical unless the item says it only warns. Items with code spans
    /// are left to the alert-sentence reading; a long sentence is not a metric's name.
    static func isSymptomSection(_ title: String) -> Bool {
        // Asked of every section: most titles have none of the words' stems.
        guard ["sympt", "sign", "detect", "indicator", "trigger", "when to"].contains(where: title.hasLowercased) else {
            return false
        }
        return title.lowercased().containsWord([
            "symptom", "symptoms", "signs", "signals", "detection", "detecting", "indicators", "triggers",
            "when to use", "when to page"
        ])
    }

    static func fromSymptomList(_ list: MarkdownBlock, into merger: inout MetricMerger) {
        for item in list.items where item.firstParagraph?.inlines.codeSpans.isEmpty != false {
            addSymptom(item.itemText, line: item.line, into: &merger)
        }
    }

    /// "Use this runbook when synthetic checks fail, or when the 5xx rate is above 2% for 5
    /// minutes": each clause of a symptom section's sentences that states a comparison.
    static func fromSymptomProse(_ paragraph: MarkdownBlock, into merger: inout MetricMerger) {
        guard paragraph.inlines.codeSpans.isEmpty else { return }
        // A sentence about an alert is `fromAlertSentences`'s.
        for sentence in paragraph.text.components(separatedBy: ". ")
        where !sentence.lowercased().containsWord(["alert", "alerts", "fires", "triggers", "pages"]) {
            for clause in sentence.components(separatedBy: ", or ").flatMap({ $0.components(separatedBy: " or when ") })
            {
                var text = clause.trimmed
                // "Use this runbook when the 5xx rate …": what follows the last "when" is the condition.
                if let when = (" " + text).range(of: " when ", options: [.caseInsensitive, .backwards]) {
                    text = String((" " + text)[when.upperBound...])
                }
                addSymptom(text, line: paragraph.line, into: &merger)
            }
        }
    }

    private static func addSymptom(_ text: String, line: Int, into merger: inout MetricMerger) {
        guard let condition = merger.condition(text, line: line),
            let threshold = condition.threshold, condition.name.split(separator: " ").count <= 8
        else { return }
        let name = MetricName.clean(trimVerbs(condition.name))
        // "checks from more than 3 regions fail": the number belongs to a phrase, not to a metric.
        guard !name.isEmpty, let last = name.split(separator: " ").last?.lowercased(),
            !["from", "of", "in", "at", "on", "for", "to", "by", "with", "than"].contains(last)
        else { return }
        if text.lowercased().containsWord(["warn", "warning", "warns"]) {
            merger.add(name: name, warning: threshold, line: line)
        } else {
            merger.add(name: name, critical: threshold, line: line)
        }
    }

    /// Walks a section's blocks for both structures.
    static func scan(_ section: Section, into merger: inout MetricMerger) {
        let symptoms = isSymptomSection(section.title)
        var intro: String? = nil
        func visit(_ block: MarkdownBlock) {
            switch block.kind {
            case .paragraph:
                // Every threshold has a number: most paragraphs have none and are passed over.
                if block.text.hasASCIIDigit, !NamedAlertProse.read(block, into: &merger),
                    !LevelledSentences.read(block, fallbackName: section.title, into: &merger)
                {
                    fromJudgements(block, fallbackName: section.title, into: &merger)
                    fromAlertSentences(block, into: &merger)
                    if symptoms { fromSymptomProse(block, into: &merger) }
                }
                intro = block.text
            case .list:
                if let intro, let level = triggerLevel(intro) {
                    fromTriggerList(block, level: level, into: &merger)
                } else if symptoms {
                    fromSymptomList(block, into: &merger)
                }
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

extension String {
    /// Split at `;` and at commas, except a comma between digits (`50,000` is one number).
    func splitAtClauseCommas() -> [String] {
        var parts: [String] = []
        var current = ""
        var previous: Character? = nil
        var iterator = makeIterator()
        var next = iterator.next()
        while let c = next {
            next = iterator.next()
            if c == ";" || (c == "," && !(previous?.isASCIIDigit == true && next?.isASCIIDigit == true)) {
                parts.append(current)
                current = ""
            } else {
                current.append(c)
            }
            previous = c
        }
        parts.append(current)
        return parts
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
