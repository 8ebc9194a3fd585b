import Foundation

/// Alert catalogues (§10): a generated table `Name | Summary | Description | Severity | Runbook`,
/// or one section per alert with `Severity: critical|warning` and its condition in a
/// `Summary` / `Expression` / `Description` line.
enum AlertCatalogue {
    static func fromTable(_ table: TableData, into merger: inout MetricMerger) -> Bool {
        guard let severity = table.column(["severity", "level", "priority"]),
            let name = table.column(["name", "alert", "alarm", "monitor", "rule"], excluding: [severity]),
            !isLevelDefinitions(table)
        else { return false }
        let text = [
            table.column(["expr", "condition", "threshold", "rule"]), table.column(["summary"]),
            table.column(["description"])
        ].compactMap { $0 }
        // Prometheus's `for:` as a column of its own ("For", "Duration", "Pending").
        let holdFor = table.header.firstIndex {
            ["for", "duration", "pending", "for duration"].contains($0.lowercased())
        }
        // Levels given as ids (`SEV2`, `P3`): the table's most severe pages, the others warn.
        let topRank = table.rows.indices.compactMap { SeverityID.leading(table.cell($0, severity) ?? "")?.rank }.min()
        var any = false
        for row in table.rows.indices {
            let cell = table.cell(row, severity)
            let rank = SeverityID.leading(cell ?? "")?.rank
            guard let alert = table.cell(row, name),
                let level = level(cell) ?? rank.map({ $0 == topRank || $0 <= 1 ? .critical : .warning })
            else { continue }
            let texts = text.compactMap { table.cell(row, $0) }
            let forSeconds = table.cell(row, holdFor).flatMap { DurationParser.seconds(in: $0) }
            add(
                alert: alert, level: level, texts: texts, forSeconds: forSeconds, line: table.rowLines[row],
                into: &merger)
            any = true
        }
        return any
    }

    /// A table of the levels themselves (`| Priority | Name | Criteria | Acknowledge | Mitigate |`):
    /// a column of the time to answer is no alert's, alerts have none.
    static func isLevelDefinitions(_ table: TableData) -> Bool {
        table.header.contains { header in
            let lower = header.lowercased()
            return ["acknowledge", "ack", "respond", "response", "sla", "mitigate", "resolve", "update"].contains {
                lower.hasPrefix($0) || lower.contains(" " + $0)
            }
        }
    }

    /// A section with a `Severity: critical` line is one alert.
    static func fromSection(_ section: Section, into merger: inout MetricMerger) {
        guard section.blocks.contains(where: { $0.mentions("severity") }) else { return }
        var severity: String? = nil
        var texts: [String] = []
        func visit(_ block: MarkdownBlock) {
            switch block.kind {
            case .paragraph:
                for line in block.lines.map(\.text) {
                    guard let labeled = LabeledText(plain: line.replacingIfPresent("**", with: "")) else { continue }
                    if labeled.labelIs(["severity"]) { severity = labeled.value }
                    if labeled.labelIs([
                        "expr", "condition", "threshold", "summary", "description", "fires when", "trigger", "message"
                    ]) {
                        texts.append(labeled.value)
                    }
                }
            case .list, .item, .blockQuote: block.children.forEach(visit)
            default: break
            }
        }
        section.blocks.forEach(visit)
        // "Severity: SEV2 if evictions exceed 1000/s; SEV1 if …" defines the incident's levels
        // (`SeverityExtractor.fromSeverityField`); it is not an alert's level.
        guard let severity, !severity.lowercased().containsWord(["if", "when", "unless"]),
            let level = level(severity)
        else { return }
        add(
            alert: alertName(heading: section.title) ?? section.title, level: level, texts: texts, line: section.line,
            into: &merger)
    }

    /// Prometheus alerting rules pasted in a code block (`- alert: HighErrorRate`, `expr: … > 0.02`,
    /// `for: 10m`, `severity: critical`): each rule is an alert of the catalogue, its expression's
    /// left side the query. Read line by line, so a rule cut short in the page still counts.
    /// Returns whether the block held rules.
    static func fromRules(_ block: MarkdownBlock, into merger: inout MetricMerger) -> Bool {
        let code = block.literal
        guard code.contains("alert:"), code.contains("expr:") else { return false }
        struct Rule { var name: String; var line: Int; var expr = ""; var holdFor: String?; var severity: String? }
        var rules: [Rule] = []
        var continuing: Int? = nil // the indentation of a multi-line `expr: |` being read
        for (offset, raw) in code.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let indent = raw.prefix { $0 == " " }.count
            let text = raw.trimmed.trimmingLeading("- ")
            if let depth = continuing, !text.isEmpty, indent > depth, !rules.isEmpty {
                rules[rules.count - 1].expr += (rules[rules.count - 1].expr.isEmpty ? "" : " ") + text
                continue
            }
            continuing = nil
            guard let colon = text.firstIndex(of: ":") else { continue }
            let key = text[..<colon].trimmed
            let value = text[text.index(after: colon)...].trimmed.trimmingLeading("\"'").trimmingTrailing("\"'")
            switch key {
            case "alert": if !value.isEmpty { rules.append(Rule(name: value, line: block.line + 1 + offset)) }
            case "expr" where !rules.isEmpty:
                if value == "|" || value == ">" || value == "|-" || value == ">-" {
                    continuing = indent
                } else {
                    rules[rules.count - 1].expr = value
                }
            case "for" where !rules.isEmpty: rules[rules.count - 1].holdFor = value
            case "severity" where !rules.isEmpty: rules[rules.count - 1].severity = value
            default: break
            }
        }
        for rule in rules where !rule.expr.isEmpty {
            add(
                alert: rule.name, level: level(rule.severity) ?? .critical, texts: [rule.expr],
                forSeconds: rule.holdFor.flatMap { DurationParser.seconds(in: $0) }, line: rule.line, into: &merger)
        }
        return rules.contains { !$0.expr.isEmpty }
    }

    /// The alert a heading names as a field: `Alert Name: "KubeAPIDown"`, `Alert: HighLatency`.
    static func alertName(heading: String) -> String? {
        guard let labeled = LabeledText(plain: heading.replacingIfPresent("**", with: "")),
            ["alert", "alert name", "alertname", "alert rule", "rule"].contains(labeled.label.lowercased().trimmed)
        else { return nil }
        let name = labeled.value.trimmed.trimmingLeading("\"'`“”").trimmingTrailing("\"'`“”")
        return name.isEmpty ? nil : name
    }

    static func level(_ text: String?) -> MetricExtractor.Level? {
        guard let lower = text?.lowercased() else { return nil }
        if lower.containsWord(["critical", "page", "high", "error", "p1", "sev1", "emergency"]) { return .critical }
        if lower.containsWord(["warning", "warn", "medium", "ticket", "low"]) { return .warning }
        if lower.containsWord(["info", "informational", "none", "notice"]) { return .info }
        return nil
    }

    private static func add(
        alert: String, level: MetricExtractor.Level, texts: [String], forSeconds: Int? = nil, line: Int,
        into merger: inout MetricMerger
    ) {
        let name = splitCamelCase(alert.withoutSymbols)
        var threshold = texts.lazy.compactMap { text -> Threshold? in
            // A PromQL expression compares where its own comparison is, not at an `==` inside `count(…)`.
            if let op = ProseThresholds.comparisonStart(text), ProseThresholds.looksLikePromQL(text[..<op].trimmed),
                var t = ThresholdParser.threshold(String(text[op...]), line: line)
            {
                t.text = text
                return t
            }
            if let threshold = ThresholdParser.condition(text, line: line)?.threshold { return threshold }
            // A threshold column of its own (`>= 200`, `< 10 GiB`): the comparison alone.
            guard let first = text.trimmed.first, "<>≥≤=".contains(first) else { return nil }
            return ThresholdParser.threshold(text.trimmed, line: line)
        }.first
        if threshold?.forSeconds == nil {
            // "for 10 minutes" is often in the description rather than the summary.
            threshold?.forSeconds =
                forSeconds ?? texts.lazy.compactMap { ThresholdParser.durations(in: $0).forSeconds }.first
        }
        defer {
            // An expression in PromQL (`rate(x[5m]) > 0.05`, `up{job="api"} == 0`): its left side is what to sample.
            if let expression = texts.first, let op = ProseThresholds.comparisonStart(expression) {
                let left = expression[..<op].trimmed
                if ProseThresholds.looksLikePromQL(left) { merger.setQuery(left, forName: name, distinct: true) }
            }
        }
        // Each alert of a catalogue is its own entry: `…QueryErrorRateHigh` and
        // `…QueryRangeErrorRateHigh` are two alerts, however alike their words.
        let what = texts.first ?? alert
        switch (level, threshold) {
        case (.info, _): merger.add(name: name, condition: "info: " + what, line: line, distinct: true)
        case (.warning, let t?): merger.add(name: name, warning: t, line: line, distinct: true)
        case (_, let t?): merger.add(name: name, critical: t, line: line, distinct: true)
        case (_, nil):
            merger.add(
                name: name, condition: (level == .warning ? "warning: " : "critical: ") + what, line: line,
                distinct: true)
        }
    }

    /// "HighErrorRate" → "High Error Rate"; other names unchanged. The alert's own words are
    /// kept ("Slow Requests"): they are its name, and merging ignores them anyway.
    static func splitCamelCase(_ name: String) -> String {
        guard !name.contains(" "), name.contains(where: \.isLowercase) else { return name.trimmed }
        var out = ""
        var previous: Character? = nil
        for ch in name {
            if ch.isUppercase, let p = previous, p.isLowercase || p.isNumber { out.append(" ") }
            out.append(ch == "_" ? " " : ch)
            previous = ch
        }
        return out
    }
}
