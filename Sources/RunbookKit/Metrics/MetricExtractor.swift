/// Collects metrics and thresholds from every place a runbook states them (§6) and merges
/// the ones about the same metric: tables, warning/critical alert lists (bullets or plain
/// code blocks), headings with thresholds, shell threshold checks, and PromQL in commands.
enum MetricExtractor {
    /// `info` is for alert catalogues only: an alert that notifies and pages no one.
    enum Level { case warning, critical, target, info }

    static func extract(_ outline: Section, commands: [RunbookCommand])
        -> (metrics: [MetricSpec], queries: [MetricQuery])
    {
        var merger = MetricMerger()
        // Headings and labels repeat ("Critical Alerts", "**Fix**"): each distinct one is read once.
        var levels: [String: Level?] = [:]
        func level(_ title: String) -> Level? {
            if let known = levels[title] { return known }
            let found = alertLevel(title)
            levels[title] = found
            return found
        }
        var alertExpressions: Set<String> = []
        outline.forEach { section in
            let sectionLevel = level(section.title)
            var labelLevel: Level? = nil
            var intro: MarkdownBlock? = nil
            for block in section.blocks {
                if let label = block.boldLabel {
                    labelLevel = level(label)
                    continue
                }
                let level = labelLevel ?? sectionLevel
                defer { intro = block.kind == .paragraph ? block : nil }
                switch block.kind {
                case .table:
                    if let table = TableData(block), !AlertCatalogue.fromTable(table, into: &merger) {
                        fromTable(table, into: &merger)
                    }
                case .list:
                    if let level {
                        fromAlertList(block, level: level, into: &merger)
                    } else if isObjectives(section.title) {
                        fromObjectives(block, into: &merger)
                    } else {
                        fromQueryList(block, into: &merger)
                        fromMarkedLines(block, into: &merger)
                    }
                case .code:
                    // Alerting rules are read as rules, not as lines of an alert list.
                    guard !AlertCatalogue.fromRules(block, into: &merger) else { break }
                    // Worked out only for a block something says alerts: most blocks are commands.
                    var known: String?? = nil
                    func language() -> String? {
                        if let known { return known }
                        let found = CommandExtraction.blockLanguage(info: blockInfo(block), code: block.literal)
                        known = .some(found)
                        return found
                    }
                    let read = PromQLAlerts.fromBlock(
                        block, language: language, level: level, intro: intro, into: &merger)
                    alertExpressions.formUnion(read)
                    if read.isEmpty, let level, language() == nil {
                        fromAlertLines(block, level: level, into: &merger)
                    }
                default:
                    break
                }
                if !block.isList { labelLevel = nil }
            }
            ProseThresholds.scan(section, into: &merger)
            if section.level > 0 {
                fromHeading(section, into: &merger)
                AlertCatalogue.fromSection(section, into: &merger)
            }
        }
        for command in commands {
            ShellThresholds.find(in: command, into: &merger)
        }
        let queries = PromQLFinder.queries(in: commands)
        var unnamed: [MetricQuery] = []
        for query in queries where !alertExpressions.contains(query.query.collapsingWhitespace) {
            if !merger.attach(query: query.query) { unnamed.append(query) }
        }
        return (merger.metrics, unnamed)
    }

    /// "Critical Alerts" → critical; "Warning Alerts (Review Within Hours)" → warning.
    static func alertLevel(_ title: String) -> Level? {
        // `Alert Name: "KubeAPIDown"` names one alert of a catalogue; its level is in its fields.
        if AlertCatalogue.alertName(heading: title) != nil { return nil }
        var lower = title.withoutSymbols.lowercased()
        // A page that is read, not sent: "Public status page update", "This page".
        for phrase in pagesThatAreRead where lower.contains(phrase) {
            lower = lower.replacingOccurrences(of: phrase, with: " ")
        }
        guard lower.containsWord(["alert", "alerts", "alarm", "threshold", "page", "paging"]) else { return nil }
        if lower.containsWord(["critical", "page", "paging", "urgent", "p1", "sev1", "high"]) { return .critical }
        if lower.containsWord(["warning", "warn", "ticket", "medium", "minor"]) { return .warning }
        if lower.containsWord(["info", "informational"]) { return nil }
        return .critical
    }

    static let pagesThatAreRead = [
        "status page", "statuspage", "web page", "wiki page", "this page", "landing page", "home page", "runbook page"
    ]

    private static func blockInfo(_ block: MarkdownBlock) -> String {
        if case .code(let info, _) = block.kind { return info }
        return ""
    }

    /// `Metric | Target | Alert Threshold` (or Warning / Critical columns).
    static func fromTable(_ table: TableData, into merger: inout MetricMerger) {
        guard let first = table.header.first?.lowercased(),
            ["metric", "indicator", "signal", "sli", "slo", "objective", "measure", "kpi", "alert", "name", "what"]
                .contains(
                    where: { first.contains($0) })
        else { return }
        let used: Set<Int> = [0]
        let warning = table.column(["warn", "ticket", "heads-up", "heads up", "notify"], excluding: used)
        let critical =
            table.column(["crit", "page", "wake", "urgent"], excluding: used)
            ?? table.column(["alert", "threshold", "limit", "max"], excluding: used.union(warning.map { [$0] } ?? []))
        let target = table.column(
            ["target", "slo", "goal", "normal", "expected", "baseline", "healthy"], excluding: used)
        guard warning != nil || critical != nil || target != nil else { return }
        // `| … | Page when burn rate | Window |`: how long the thresholds are measured over or held.
        let taken = used.union([warning, critical, target].compactMap { $0 })
        func column(saying words: [String]) -> Int? {
            table.header.indices.first { !taken.contains($0) && table.header[$0].lowercased().containsWord(words) }
        }
        let window = column(saying: ["window", "period", "over"])
        let holds = column(saying: ["for", "duration", "sustained"])
        let burnRate = [warning, critical].compactMap { $0 }.contains { table.header[$0].lowercased().contains("burn") }
        for row in table.rows.indices {
            guard let name = table.cell(row, 0).map(MetricName.clean), !name.isEmpty else { continue }
            let line = table.rowLines[row]
            var warn = table.cell(row, warning).flatMap { ThresholdParser.threshold($0, line: line) }
            var crit = table.cell(row, critical).flatMap { ThresholdParser.threshold($0, line: line) }
            if warn == nil, crit == nil {
                (warn, crit) = bareLevels(table.cell(row, warning), table.cell(row, critical), line: line)
            }
            let windowSeconds = table.cell(row, window).flatMap(DurationParser.seconds)
            let forSeconds = table.cell(row, holds).flatMap(DurationParser.seconds)
            for index in [0, 1] {
                guard var t = index == 0 ? warn : crit else { continue }
                t.windowSeconds = t.windowSeconds ?? windowSeconds
                t.forSeconds = t.forSeconds ?? forSeconds
                if index == 0 { warn = t } else { crit = t }
            }
            if burnRate, warn != nil || crit != nil {
                // The levels judge how fast the error budget burns, not the objective's own value:
                // a metric of its own, beside the objective and its target.
                merger.add(name: name, target: table.cell(row, target), line: line)
                merger.add(name: name + " burn rate", warning: warn, critical: crit, line: line, distinct: true)
                continue
            }
            merger.add(
                name: name, target: table.cell(row, target), warning: warn, critical: crit, condition: nil, line: line)
        }
    }

    /// `| Memory used | 80% | 95% |` under Warning and Critical: a bare value is reached at it, in
    /// the direction the levels go (critical above warning: `>=`; below, as free disk: `<=`).
    static func bareLevels(_ warnCell: String?, _ critCell: String?, line: Int) -> (Threshold?, Threshold?) {
        func bare(_ cell: String?, _ op: String) -> Threshold? {
            guard let cell = cell?.trimmed, cell.first?.isNumber == true, cell.count <= 24,
                var t = ThresholdParser.threshold(op + " " + cell, line: line)
            else { return nil }
            t.text = cell
            return t
        }
        let up = (bare(warnCell, ">="), bare(critCell, ">="))
        if let w = up.0, let c = up.1, c.value < w.value { return (bare(warnCell, "<="), bare(critCell, "<=")) }
        return up
    }

    static func fromAlertList(_ list: MarkdownBlock, level: Level, into merger: inout MetricMerger) {
        // Severity ids as markers page on the list's most severe and warn on the rest.
        let ranks = list.items.flatMap { markedParts($0.itemText) }.compactMap(\.marker?.rank)
        let topRank = ranks.min()
        for item in list.items {
            // A query the alert is about ("Total lag: `sum(…)`") is not itself a condition.
            if fromQueryItem(item, into: &merger) { continue }
            // "over 150ms for 10 minutes (SEV3); over 1s for 5 minutes (SEV2)": a threshold per part.
            let parts = markedParts(item.itemText)
            if parts.count >= 2 {
                // The line's own most severe id pages and its others warn: one metric, two levels.
                let lineTop = parts.compactMap(\.marker?.rank).min()
                for part in parts {
                    var partLevel = part.marker?.level ?? level
                    if let rank = part.marker?.rank, let lineTop { partLevel = rank == lineTop ? .critical : .warning }
                    add(line: part.text, at: item.line, level: partLevel, into: &merger)
                }
                continue
            }
            if let marker = parts.first?.marker, let rank = marker.rank, let topRank,
                namedAlert(item, level: level) == nil
            {
                add(line: marker.condition, at: item.line, level: rank == topRank ? .critical : .warning, into: &merger)
                continue
            }
            if let named = namedAlert(item, level: level) {
                // `**SearchBurnRateSlow** (ticket): burn rate above 6 over 6 hours`: the bold name is the
                // alert's, the word in parentheses its level; each named alert is its own entry.
                let name = AlertCatalogue.splitCamelCase(named.name)
                // `**Latency**: warn when p99 is over 800ms, page over 2s`: each level as it says.
                if named.level == level, saysItsLevels(named.condition, name: name, line: item.line, into: &merger) {
                    continue
                }
                add(line: named.condition, at: item.line, level: named.level, name: name, into: &merger)
                continue
            }
            // "p95 latency > 750ms for 10m -> warning": the item's own level wins over the section's.
            // "API 5xx rate `sum(rate(…))` above 20/s → ticket": the PromQL between name and
            // comparison is how to sample the metric, not part of its name.
            var text = item.itemText
            let query = item.firstParagraph?.inlines.codeSpans.first { span in
                ProseThresholds.looksLikePromQL(span) && ProseThresholds.comparisonStart(span) == nil
                    && text.contains(span)
            }
            if let query { text = text.replacingOccurrences(of: query, with: " ").collapsingWhitespace }
            let (condition, own) = ownLevel(text)
            add(line: condition, at: item.line, level: own ?? level, into: &merger)
            if let query, let name = merger.condition(condition, line: item.line)?.name, !name.isEmpty {
                merger.setQuery(query, forName: name)
            }
        }
    }

    /// An alert's text whose clauses say their own level ("warn when … over 800ms", "page if …
    /// above 2%"): each such clause's comparison is added at its level. False when none says one.
    static func saysItsLevels(_ text: String, name: String, line: Int, into merger: inout MetricMerger) -> Bool {
        let found = NamedAlertProse.levelled(text, line: line)
        guard !found.isEmpty else { return false }
        for (critical, threshold) in found {
            if critical {
                merger.add(name: name, critical: threshold, line: line, distinct: true)
            } else {
                merger.add(name: name, warning: threshold, line: line, distinct: true)
            }
        }
        return true
    }

    /// A line cut at "; " where each part says its own level ("p99 over 150ms (SEV3); over 1s
    /// (SEV2)"): each part's text (the first part's subject carried into the next) and marker.
    /// One part, the whole line, when it is not so cut.
    static func markedParts(_ text: String) -> [(text: String, marker: LevelMarker?)] {
        guard text.has("; ") else { return [(text, LevelMarker.read(text))] }
        let pieces = text.components(separatedBy: "; ")
        let markers = pieces.map(LevelMarker.read)
        guard pieces.count >= 2, markers.allSatisfy({ $0 != nil }) else { return [(text, LevelMarker.read(text))] }
        let subject = ThresholdParser.condition(markers[0]!.condition, line: 0)?.name ?? ""
        return markers.enumerated().map { index, marker in
            let condition = marker!.condition
            // "over 1s for 5 minutes", "past 7.5 GiB": a comparison with no subject of its own.
            let lower = condition.lowercased()
            let bare =
                index > 0
                && (lower.first.map { "<>≥≤".contains($0) } == true || lower.hasPrefix("past ")
                    || ThresholdParser.wordOperators.contains { lower.hasPrefix($0.0 + " ") })
            return (bare ? subject + " " + condition : condition, marker)
        }
    }

    /// An alert list under a heading that names no level ("### Consul servers"): its lines that
    /// say their own level and compare ("Leader changes over 3 in 10 minutes (SEV2)").
    static func fromMarkedLines(_ list: MarkdownBlock, into merger: inout MetricMerger) {
        let marked = list.items.filter { item in
            // Every alert line compares with a number: most items have none and are passed over.
            item.itemText.hasASCIIDigit
                && markedParts(item.itemText).contains { part in
                    part.marker != nil && ThresholdParser.condition(part.marker!.condition, line: 0)?.threshold != nil
                }
        }
        guard !marked.isEmpty else { return }
        var subList = list
        subList.children = marked
        fromAlertList(subList, level: .critical, into: &merger)
    }

    /// The level an alert line says of itself (`LevelMarker`), and the line without it; nil and
    /// the whole line when it names none.
    static func ownLevel(_ text: String) -> (condition: String, level: Level?) {
        guard let marker = LevelMarker.read(text) else { return (text, nil) }
        return (marker.condition, marker.level)
    }

    /// "SLOs", "Service level objectives", "SLIs and SLOs": a list of the service's targets.
    static func isObjectives(_ title: String) -> Bool {
        // Asked of every list under a heading without an alert level: most titles have no "sl".
        guard title.hasLowercased("sl") || title.hasLowercased("objectives") || title.hasLowercased("service level")
        else { return false }
        let lower = title.lowercased()
        let words = Set(lower.split(whereSeparator: { !$0.isLetterQuickly }).map(String.init))
        return !words.isDisjoint(with: ["slo", "slos", "sla", "slas", "objectives"]) || lower.contains("service level")
    }

    /// `Availability: 99.9% of requests succeed over 30 days`: a metric and its target.
    static func fromObjectives(_ list: MarkdownBlock, into merger: inout MetricMerger) {
        for item in list.items {
            guard let paragraph = item.firstParagraph, let field = LabeledText(paragraph),
                field.value.hasASCIIDigit, field.label.count <= 40,
                field.value.count <= 100
            else { continue }
            let name = MetricName.clean(field.label)
            guard !name.isEmpty else { continue }
            merger.add(name: name, target: field.value.trimmingTrailing("."), line: item.line)
        }
    }

    /// `- p99 latency: `histogram_quantile(0.99, …)``: an item that names a metric and gives its
    /// PromQL and nothing else is that metric's query (its thresholds may come from elsewhere).
    static func fromQueryList(_ list: MarkdownBlock, into merger: inout MetricMerger) {
        for item in list.items { _ = fromQueryItem(item, into: &merger) }
    }

    /// `- Total lag: `sum(kafka_consumergroup_lag)``: a labelled PromQL query with no comparison
    /// names a metric and how to sample it. False when the item is not one.
    static func fromQueryItem(_ item: MarkdownBlock, into merger: inout MetricMerger) -> Bool {
        guard let paragraph = item.firstParagraph, paragraph.text.utf8.contains(UInt8(ascii: ":")),
            paragraph.inlines.holdsCodeSpan,
            let field = LabeledText(paragraph), field.label.count <= 40,
            let span = paragraph.inlines.codeSpans.first, field.value == span || field.value == "`\(span)`",
            ProseThresholds.looksLikePromQL(span), ProseThresholds.comparisonStart(span) == nil,
            // An alert's message template (`{{ $labels.pod }} is restarting`) is not a query.
            !span.contains("{{"), !span.contains("$"), span.contains("_"),
            InlineCommands.recognize(span) == nil
        else { return false }
        let name = MetricName.clean(field.label)
        guard !name.isEmpty else { return false }
        merger.add(name: name, line: item.line)
        merger.setQuery(span, forName: name)
        return true
    }

    /// An item that starts with a bold name, then maybe its level in parentheses, then the condition.
    static func namedAlert(_ item: MarkdownBlock, level: Level) -> (name: String, level: Level, condition: String)? {
        guard let leading = item.firstParagraph?.leading, !leading.rest.isEmpty,
            !leading.label.contains(" ") || leading.label.count <= 40
        else { return nil }
        var rest = Substring(leading.rest)
        var itemLevel = level
        if rest.hasPrefix("("), let close = rest.firstIndex(of: ")") {
            itemLevel = AlertCatalogue.level(String(rest[rest.index(after: rest.startIndex)..<close])) ?? level
            rest = rest[rest.index(after: close)...]
        }
        let condition = String(rest).trimmingLeading(" :-–—")
        return condition.isEmpty ? nil : (leading.label, itemLevel, condition)
    }

    static func fromAlertLines(_ block: MarkdownBlock, level: Level, into merger: inout MetricMerger) {
        for (offset, raw) in block.literal.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let text = raw.trimmed
            guard !text.isEmpty, !text.hasPrefix("#") else { continue }
            add(line: text, at: block.line + 1 + offset, level: level, into: &merger)
        }
    }

    /// `name`: the alert's own name (kept apart from others, `distinct`); else the condition names it.
    static func add(
        line text: String, at line: Int, level: Level, name: String? = nil, into merger: inout MetricMerger
    ) {
        guard let condition = merger.condition(text, line: line) else { return }
        // "1. Open the dashboard." under "When the alert fires" is a step, not an alert.
        if condition.threshold == nil, name == nil, Instruction.reads(text) { return }
        let metric = name ?? condition.name
        let distinct = name != nil
        switch (level, condition.threshold) {
        case (.info, _): merger.add(name: metric, condition: "info: " + condition.text, line: line, distinct: distinct)
        case (.warning, let t?): merger.add(name: metric, warning: t, line: line, distinct: distinct)
        case (_, let t?): merger.add(name: metric, critical: t, line: line, distinct: distinct)
        case (_, nil):
            let prefix = level == .warning ? "warning: " : "critical: "
            merger.add(name: metric, condition: prefix + condition.text, line: line, distinct: distinct)
        }
    }

    /// `### P2: High Error Rate (> 0.1%)`.
    static func fromHeading(_ section: Section, into merger: inout MetricMerger) {
        guard
            section.title.contains("<") || section.title.contains(">") || section.title.contains("≥")
                || section.title.contains("≤"),
            let condition = ThresholdParser.condition(section.title, line: section.line),
            let threshold = condition.threshold
        else { return }
        // The most severe levels (P0, P1, SEV1) page; lower ones warn.
        if let rank = SeverityID.leading(section.title).map(\.rank), rank >= 2 {
            merger.add(name: condition.name, warning: threshold, line: section.line)
        } else {
            merger.add(name: condition.name, critical: threshold, line: section.line)
        }
    }
}
