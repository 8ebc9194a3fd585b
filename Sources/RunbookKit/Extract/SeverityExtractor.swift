/// Finds severity levels in every form of RUNBOOK-FORMATS.md §1: pipe or HTML tables, bullet
/// lists with bold ids and nested `Label: value` bullets, one heading per level, and one
/// section per incident type with the level in its heading (which also yields a procedure).
enum SeverityExtractor {
    struct Result {
        var levels: [SeverityLevel]
        /// Sections of the form `### P1: API Completely Down` (level + incident type).
        var incidentTypeSections: [(level: SeverityID.Match, section: Section)]
        /// Lines of the tables and lists that defined levels: they are not checklists.
        var definitionLines: Set<Int>
    }

    static func extract(_ outline: Section, context: ExtractionContext) -> Result {
        var definitions: [SeverityLevel] = []
        var incidentTypes: [(SeverityID.Match, Section)] = []
        var definitionLines = Set<Int>()
        let bareLevels = bareLevelHeadings(outline, context: context)
        // Each heading is a parent of all the sections under it: its words are judged once.
        var saysContext: [String: Bool] = [:]
        outline.forEach { section in
            let severityContext = section.pathWords.contains { words in
                if let known = saysContext[words] { return known }
                let says = saysSeverityContext(words)
                saysContext[words] = says
                return says
            }
            for block in section.blocks {
                collect(
                    block, severityContext: severityContext, into: &definitions, lines: &definitionLines,
                    context: context)
            }
            if severityContext {
                definitions += fromParagraphs(section.blocks, context: context)
                definitions += fromBoldInSentences(section.blocks, context: context)
                definitions += SeveritySentences.levels(section.blocks, context: context)
            }
            if section.level > 0,
                let match = headingLevel(section, siblingLevels: bareLevels.contains(section.line), context: context)
            {
                if match.name != nil || match.rest.isEmpty || (severityContext && !hasSteps(section)) {
                    definitions.append(levelFromHeading(section, match))
                } else {
                    incidentTypes.append((match, section))
                }
            }
        }
        var levels = merge(definitions)
        for i in levels.indices where levels[i].responseTime == nil {
            levels[i].responseTime = levels[i].description.flatMap(responseInProse)
        }
        // Incident-type sections add levels the runbook defines nowhere else, and link procedures.
        for (match, section) in incidentTypes {
            let title = match.rest.isEmpty ? section.title : match.rest
            let fields = labeledFields(section.blocks)
            if let i = levels.firstIndex(where: { $0.id == match.id }) {
                if levels[i].procedure == nil { levels[i].procedure = title }
                if levels[i].responseTime == nil {
                    levels[i].responseTime = fields.response.flatMap(responseField)
                }
            } else {
                var level = SeverityLevel(id: match.id, rank: match.rank, line: section.line)
                level.description = fields.description
                level.responseTime = fields.response.flatMap(responseField)
                level.escalation = fields.escalation
                level.procedure = title
                levels.append(level)
            }
        }
        levels.sort { ($0.rank, $0.line) < ($1.rank, $1.line) }
        for level in levels where level.responseTime?.isUnbounded == true {
            context.warn(
                level.line,
                "\(level.id) response time \"\(level.responseTime!.text)\" has no fixed duration; shown without a "
                    + "countdown"
            )
        }
        return Result(levels: levels, incidentTypeSections: incidentTypes, definitionLines: definitionLines)
    }

    // MARK: - Structures

    /// `SeverityID.leading`, through the read's table of texts already asked about.
    static func leading(_ text: String, _ context: ExtractionContext?) -> SeverityID.Match? {
        if let context { return context.severityID(text) }
        return SeverityID.leading(text)
    }

    private static func collect(
        _ block: MarkdownBlock, severityContext: Bool, into out: inout [SeverityLevel],
        lines: inout Set<Int>, context: ExtractionContext
    ) {
        var found: [SeverityLevel] = []
        switch block.kind {
        case .table:
            if let table = TableData(block) {
                found = fromTable(table, severityContext: severityContext, context: context)
            }
        case .list:
            found = fromList(block, severityContext: severityContext, context: context)
        case .blockQuote:
            for child in block.children {
                collect(child, severityContext: severityContext, into: &out, lines: &lines, context: context)
            }
        case .paragraph:
            found = fromSeverityField(block, context: context)
        default:
            break
        }
        if !found.isEmpty {
            out += found
            lines.insert(block.line)
        }
    }

    /// (a)/(d): a table whose first column (or a Level/Severity/Priority column) holds ids.
    static func fromTable(_ table: TableData, severityContext: Bool, context: ExtractionContext? = nil)
        -> [SeverityLevel]
    {
        let levelColumn = table.column(["level", "severity", "priority", "sev", "classification"]) ?? 0
        // `| Alert | Condition | Severity |`: each row is an alert, its severity the level it pages at.
        if levelColumn > 0, isAlertTable(table) { return [] }
        let matches = table.rows.indices.map { row -> SeverityID.Match? in
            guard let cell = table.cell(row, levelColumn), let match = leading(cell, context) else { return nil }
            return acceptable(match, wordsAllowed: levelColumn == 0 || severityContext) ? match : nil
        }
        let found = matches.compactMap { $0 }
        guard found.count >= 2 || (found.count == 1 && table.rows.count == 1 && severityContext) else { return [] }
        let used: Set<Int> = [levelColumn]
        let description = table.column(
            ["description", "definition", "impact", "meaning", "criteria", "condition", "what it means", "means"],
            excluding: used)
        // A column of when ("Response time", "How fast") before one of who ("Who responds").
        let whoColumns = Set(table.header.indices.filter { table.header[$0].lowercased().hasPrefix("who") })
        let response =
            table.header.indices.first { i in
                !used.contains(i)
                    && table.header[i].containsWord(["time", "sla", "how fast", "how soon", "ack", "reaction", "within"]
                    )
            } ?? table.column(["response", "respond"], excluding: used.union(whoColumns))
        let escalation = table.column(["escalat"], excluding: used)
        let examples = table.column(["example"], excluding: used)
        let communication = table.column(["communicat", "notif", "update"], excluding: used)
        let name = table.column(["name", "label", "title"], excluding: used)
        var out: [SeverityLevel] = []
        for (row, match) in matches.enumerated() {
            guard let match else { continue }
            var level = SeverityLevel(id: match.id, rank: match.rank, name: match.name, line: table.rowLines[row])
            level.name = level.name ?? table.cell(row, name) ?? nonEmpty(match.rest)
            level.description = table.cell(row, description)
            level.responseTime = table.cell(row, response).flatMap(DurationParser.deadline)
            level.escalation = table.cell(row, escalation)
            level.examples = table.cell(row, examples)
            level.communication = table.cell(row, communication)
            out.append(level)
        }
        return out
    }

    /// A table whose first column names alerts, alarms, monitors or rules: its rows are alerts.
    static func isAlertTable(_ table: TableData) -> Bool {
        guard let first = table.header.first?.lowercased() else { return false }
        return first.containsWord([
            "alert", "alerts", "alarm", "alarms", "monitor", "monitors", "rule", "rules",
            "alertname", "check", "checks", "signal", "slo", "sli", "metric", "metrics", "symptom", "condition"
        ])
    }

    /// (b): list items that start with an id, with nested `Label: value` bullets.
    static func fromList(_ list: MarkdownBlock, severityContext: Bool, context: ExtractionContext? = nil)
        -> [SeverityLevel]
    {
        let items = list.items
        let matches = items.map { item -> SeverityID.Match? in
            guard let paragraph = item.firstParagraph else { return nil }
            let label = paragraph.leading?.label ?? paragraph.text
            guard let match = leading(label, context) else { return nil }
            return acceptable(match, wordsAllowed: severityContext) ? match : nil
        }
        let found = matches.compactMap { $0 }
        guard found.count >= 2 || (found.count == 1 && severityContext) else { return [] }
        var out: [SeverityLevel] = []
        for (item, match) in zip(items, matches) {
            guard let match, let paragraph = item.firstParagraph else { continue }
            var level = SeverityLevel(id: match.id, rank: match.rank, name: match.name, line: item.line)
            // "**P0 (Critical)**: Complete outage" — the rest after the bold is the description;
            // "P1 - High: Partial outage" — the rest after the name.
            if let (_, rest) = paragraph.leading.map({ ($0.label, $0.rest) }) {
                level.description = nonEmpty(rest)
            } else if let name = match.name, match.rest.lowercased().hasPrefix(name.lowercased()) {
                level.description = nonEmpty(match.rest.dropFirst(name.count).trimmingLeading(":-–— "))
            } else if match.name != nil {
                // "Critical: page immediately.": a word level's rest is already past its name.
                level.description = nonEmpty(match.rest.trimmingLeading(":-–— ").trimmingTrailing("."))
            } else {
                level.description = nonEmpty(match.rest)
            }
            let fields = labeledFields(item.children.filter { $0 != paragraph })
            level.description = fields.description ?? level.description
            level.responseTime = fields.response.flatMap(responseField)
            level.escalation = fields.escalation
            level.communication = fields.communication
            level.examples = fields.examples
            out.append(level)
        }
        return out
    }

    /// A response field's time: its first sentence's when that names one ("page immediately. Join
    /// the bridge within 5 minutes." is 0 s), else the first time anywhere in it.
    static func responseField(_ text: String) -> Deadline? {
        guard let whole = DurationParser.deadline(text) else { return nil }
        let first = text.components(separatedBy: ". ").first ?? text
        guard first.count < text.count, let seconds = DurationParser.seconds(in: first) else { return whole }
        return Deadline(seconds: seconds, text: whole.text)
    }

    /// The time a level's own words give when no sentence is about responding ("Minor: 4 hours"):
    /// "normal working hours" is a time with no countdown; nil when they say no time. Only the
    /// first sentence, and not a cadence in it: "We post … every 30 minutes" is how often to
    /// update, not how soon to respond.
    static func timeSaid(_ text: String) -> Deadline? {
        var said = (text.components(separatedBy: ". ").first ?? text).trimmingTrailing(".")
        if let every = said.range(of: "every ", options: .caseInsensitive) { said = String(said[..<every.lowerBound]) }
        let seconds = DurationParser.seconds(in: said)
        let saysWhen = seconds != nil || said.lowercased().containsWord(["hours", "business", "day", "days", "week"])
        return saysWhen ? Deadline(seconds: seconds, text: text.trimmingTrailing(".")) : nil
    }

    /// Levels defined in prose under a severity heading, a paragraph each:
    /// "Critical: page immediately." / "Minor: normal working hours." (two at least).
    /// `**Severity:** SEV2 when lag > 5 minutes, SEV1 when the replica is stopped`: one field that
    /// defines two levels or more, each by the condition after its id.
    static func fromSeverityField(_ block: MarkdownBlock, context: ExtractionContext? = nil) -> [SeverityLevel] {
        guard let field = LabeledText(block), field.labelIs(["severity", "severities", "priority", "priorities"])
        else { return [] }
        var clauses: [(SeverityID.Match, String)] = []
        for part in field.value.split(whereSeparator: { $0 == "," || $0 == ";" }) {
            let text = part.trimmed
            if let match = leading(text, context), let first = match.rest.split(separator: " ").first,
                ["when", "if", "for", "on"].contains(first.lowercased())
            {
                clauses.append((match, String(match.rest.dropFirst(first.count)).trimmed))
            } else if !clauses.isEmpty {
                clauses[clauses.count - 1].1 += ", " + text
            }
        }
        guard clauses.count >= 2, Set(clauses.map(\.0.id)).count == clauses.count else { return [] }
        return clauses.map { match, condition in
            var level = SeverityLevel(id: match.id, rank: match.rank, name: match.name, line: block.line)
            level.description = nonEmpty(condition.trimmingTrailing("."))
            return level
        }
    }

    static func fromParagraphs(_ blocks: [MarkdownBlock], context: ExtractionContext? = nil) -> [SeverityLevel] {
        var out: [SeverityLevel] = []
        for block in blocks where block.kind == .paragraph {
            // "**SEV1**: …" or "**SEV1 — Critical**: …": the label is the id, maybe with its name.
            guard let labeled = LabeledText(block), let match = leading(labeled.label, context),
                match.rest.isEmpty || match.rest == match.name
            else { continue }
            var level = SeverityLevel(id: match.id, rank: match.rank, name: match.name, line: block.line)
            let value = labeled.value.trimmingTrailing(".")
            level.description = nonEmpty(value)
            level.responseTime = value.isEmpty ? nil : responseInProse(value) ?? timeSaid(value)
            out.append(level)
        }
        return out.count >= 2 ? out : []
    }

    /// Levels named in bold at the head of a sentence about an incident, under a severity heading:
    /// "A **critical** incident stops payments; page the on-call immediately." / "A **minor**
    /// incident can wait for normal working hours." (two at least). The line is the level's text.
    static func fromBoldInSentences(_ blocks: [MarkdownBlock], context: ExtractionContext? = nil) -> [SeverityLevel] {
        let nouns = [" incident", " issue", " outage", " event", " problem", " severity"]
        var out: [SeverityLevel] = []
        for block in blocks where block.kind == .paragraph {
            let inlines = block.inlines
            var lineOffset = 0
            for (index, inline) in inlines.enumerated() {
                if inline == .softBreak || inline == .lineBreak { lineOffset += 1 }
                guard case .strong(let inner) = inline, index + 1 < inlines.count,
                    case .text(let after) = inlines[index + 1],
                    nouns.contains(where: after.lowercased().hasPrefix)
                else { continue }
                // At the head of its sentence: nothing before it on its line but an article.
                var before = ""
                if index > 0, case .text(let text) = inlines[index - 1] { before = text }
                let lead = before.split(separator: ".").last.map { String($0).trimmed.lowercased() } ?? ""
                guard ["", "a", "an", "the", "any"].contains(lead),
                    let match = leading(inner.plainText, context), match.rest.isEmpty || match.rest == match.name,
                    let text = block.lines.first(where: { $0.offset == lineOffset })?.text
                else { continue }
                var level = SeverityLevel(
                    id: match.id, rank: match.rank, name: match.name, line: block.line + lineOffset)
                let said = text.trimmingTrailing(".")
                level.description = nonEmpty(said)
                level.responseTime = responseInProse(said) ?? timeSaid(said)
                out.append(level)
            }
        }
        return out.count >= 2 ? out : []
    }

    /// (c): `#### **SEV-1: Critical** 🚨` followed by labelled bullets.
    static func levelFromHeading(_ section: Section, _ match: SeverityID.Match) -> SeverityLevel {
        let fields = labeledFields(section.blocks)
        var level = SeverityLevel(
            id: match.id, rank: match.rank, name: match.name ?? nonEmpty(match.rest), line: section.line)
        // Without a "Definition:" field, the paragraph right under the heading says what the level is
        // when the section is only prose: where lists or code follow, it leads into them ("First
        // check the labels:").
        let prose = section.blocks.allSatisfy { $0.kind == .paragraph }
        level.description =
            fields.description
            ?? section.blocks.first.flatMap { block in
                prose && LabeledText(block) == nil ? nonEmpty(block.text) : nil
            }
        level.responseTime = fields.response.flatMap(responseField)
        level.escalation = fields.escalation
        level.communication = fields.communication
        level.examples = fields.examples
        return level
    }

    private static func headingLevel(_ section: Section, siblingLevels: Bool, context: ExtractionContext) -> SeverityID
        .Match?
    {
        guard let match = leading(section.title, context) else { return nil }
        return acceptable(match, wordsAllowed: siblingLevels || isSeverityContext(section.parentWords)) ? match : nil
    }

    /// Lines of headings that are nothing but a level word ("## Critical", "## Warning") and
    /// have at least one sibling of the same kind: two such headings side by side are levels,
    /// whatever their parent is called.
    static func bareLevelHeadings(_ outline: Section, context: ExtractionContext? = nil) -> Set<Int> {
        var out = Set<Int>()
        outline.forEach { parent in
            let bare = parent.children.filter { child in
                guard let match = leading(child.title, context) else { return false }
                return match.rest.isEmpty && SeverityID.levelWords[match.id.lowercased()] != nil
            }
            if bare.count >= 2 { out.formUnion(bare.map(\.line)) }
        }
        return out
    }

    /// "Immediate response is required", "respond within 30 minutes": a response time stated
    /// in a level's description. Only sentences about responding count, and sentences that say
    /// the level waits for working time ("handle during business hours": a time with no countdown).
    static func responseInProse(_ description: String) -> Deadline? {
        let sentences = description.components(separatedBy: ". ")
        for sentence in sentences {
            let lower = sentence.lowercased()
            guard
                lower.containsWord([
                    "response", "respond", "responded", "acknowledge", "acknowledged", "ack", "page", "paged"
                ])
            else { continue }
            // "Respond immediately and update #pay-status every 15 minutes": the cadence is no response time.
            var said = Substring(sentence)
            if let every = said.range(of: "every ", options: .caseInsensitive) { said = said[..<every.lowerBound] }
            if let seconds = DurationParser.seconds(in: String(said)) {
                return Deadline(seconds: seconds, text: sentence.trimmed.trimmingTrailing("."))
            }
        }
        // A sentence that is only a time ("SEV2: degraded, partial results. 30 min."): a level's
        // description names no other time than the one to respond in.
        if let bare = sentences.dropFirst().map({ $0.trimmed.trimmingTrailing(".") }).first(
            where: DurationParser.isTimeLabel),
            let seconds = DurationParser.seconds(in: bare)
        {
            return Deadline(seconds: seconds, text: bare)
        }
        let workingTime = ["business hours", "working hours", "office hours", "business day", "best effort"]
        if let sentence = sentences.first(where: { s in workingTime.contains { s.lowercased().contains($0) } }) {
            return Deadline(seconds: nil, text: sentence.trimmed.trimmingTrailing("."))
        }
        return nil
    }

    /// Word-only levels ("High") are accepted only where the context is about severity,
    /// and only when the word stands alone as a label ("High: ...", "High (P2)").
    private static func acceptable(_ match: SeverityID.Match, wordsAllowed: Bool) -> Bool {
        let numbered = match.id.hasPrefix("SEV") || match.id.hasPrefix("P")
        if numbered, match.id.dropFirst(match.id.hasPrefix("SEV") ? 3 : 1).allSatisfy(\.isNumber) { return true }
        guard wordsAllowed else { return false }
        let rest = match.rest
        return rest.isEmpty || rest.first.map { ":-–—(".contains($0) } == true || rest.count < 60
    }

    /// `pathWords`: heading words as `Section.pathWords` gives them.
    static func isSeverityContext(_ pathWords: [String]) -> Bool {
        pathWords.contains(where: saysSeverityContext)
    }

    /// One heading's words (see `isSeverityContext`).
    static func saysSeverityContext(_ words: String) -> Bool {
        contextPhrases.contains { words.has($0) } || words.trimmed == "levels"
    }

    static let contextPhrases = [
        "severity", "severities", "priority", "priorities", "incident level", "incident classification",
        "sev level", "impact level", "how bad", "how severe"
    ]

    private static func hasSteps(_ section: Section) -> Bool {
        section.blocks.contains { $0.isOrderedList || $0.isCode }
    }

    // MARK: - Fields

    struct Fields {
        var description: String?
        var response: String?
        var escalation: String?
        var communication: String?
        var examples: String?
    }

    /// Reads `Label: value` lines from paragraphs and bullets.
    static func labeledFields(_ blocks: [MarkdownBlock]) -> Fields {
        var fields = Fields()
        // "First update: within 20 minutes" then "Then: every 30 minutes": one cadence, both parts.
        var afterCommunication = false
        func visit(_ block: MarkdownBlock) {
            switch block.kind {
            case .paragraph:
                guard let labeled = LabeledText(block) else { return }
                let value = nonEmpty(labeled.value)
                let continues = afterCommunication && labeled.labelIs(["then", "after", "subsequent"])
                afterCommunication = false
                if !continues, labeled.labelIs(["response", "sla", "acknowledge", "time to respond", "reaction"]) {
                    fields.response = fields.response ?? value
                } else if !continues, labeled.labelIs(["escalat"]) {
                    fields.escalation = fields.escalation ?? value
                } else if continues || labeled.labelIs(["communicat", "notif", "update"]) {
                    afterCommunication = true
                    guard let value else { return }
                    // "First update: within 20 minutes": the label says which update the time is for.
                    let saysWhich = labeled.labelIs(["first", "initial"])
                    fields.communication =
                        fields.communication.map { "\($0); \(labeled.label): \(value)" }
                        ?? (saysWhich ? "\(labeled.label): \(value)" : value)
                } else if labeled.labelIs(["example"]) {
                    fields.examples = fields.examples ?? value
                } else if labeled.labelIs([
                    "definition", "description", "symptom", "impact", "criteria", "what", "meaning"
                ]) {
                    fields.description = fields.description ?? value
                }
            case .list, .item, .blockQuote:
                block.children.forEach(visit)
            default:
                break
            }
        }
        blocks.forEach(visit)
        return fields
    }

    /// Several structures may define the same level: the first definition wins, later ones
    /// fill the fields it left empty.
    static func merge(_ levels: [SeverityLevel]) -> [SeverityLevel] {
        var out: [SeverityLevel] = []
        for level in levels {
            if let i = out.firstIndex(where: { $0.id == level.id }) {
                out[i].name = out[i].name ?? level.name
                out[i].description = out[i].description ?? level.description
                out[i].responseTime = out[i].responseTime ?? level.responseTime
                out[i].escalation = out[i].escalation ?? level.escalation
                out[i].communication = out[i].communication ?? level.communication
                out[i].examples = out[i].examples ?? level.examples
            } else {
                out.append(level)
            }
        }
        return out
    }
}

func nonEmpty<S: StringProtocol>(_ text: S?) -> String? {
    guard let text else { return nil }
    let t = String(text).trimmed
    return t.isEmpty ? nil : t
}
