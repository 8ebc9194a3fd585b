/// Finds procedures (RUNBOOK-FORMATS.md §4): a heading with ordered steps, code blocks,
/// bold labels that split it (`**Check**`, `**Fix**`), and numbered sub-headings that are
/// its steps or phases (`#### 1. Detection & Triage (0-15 minutes)`).
enum ProcedureExtractor {
    static func extract(
        _ outline: Section, severities: SeverityExtractor.Result, usedLists: Set<Int>,
        context: ExtractionContext
    ) -> [Procedure] {
        var procedures: [Procedure] = []
        var consumed = Set<Int>() // lines of sections read as phases of a parent
        let incidentTypes = Dictionary(
            severities.incidentTypeSections.map { ($0.section.line, $0.level) },
            uniquingKeysWith: { a, _ in a })
        outline.forEach { section in
            guard section.level > 0, !consumed.contains(section.line) else { return }
            var steps = Self.steps(in: section.blocks, phase: nil, window: nil, usedLists: usedLists, context: context)
            let ownSteps = steps.count
            // Numbered sub-headings are steps or phases of this procedure.
            let numbered = section.children.filter { HeadingText.numbering($0.title) != nil }
            // "1. Overview", "2. Severity Matrix", "5. Contacts": the document's numbered outline.
            let outlineNumbers =
                numbered.filter { Self.namesNoProcedure(HeadingText.numbering($0.title)!.rest.lowercased()) }.count >= 2
            if numbered.count >= 2, !outlineNumbers {
                for child in numbered {
                    consumed.insert(child.line)
                    child.forEach { consumed.insert($0.line) }
                    let phase = HeadingText.numbering(child.title)!.rest
                    let window = DurationParser.window(in: child.title)
                    var childSteps = Self.steps(
                        in: child.allBlocks, phase: phase, window: window, usedLists: usedLists, context: context)
                    if childSteps.isEmpty {
                        childSteps = [
                            ProcedureStep(
                                text: phase, phase: phase, window: window,
                                commands: child.allBlocks.flatMap(context.commandIDs), line: child.line)
                        ]
                    }
                    steps += childSteps
                }
            }
            let match = incidentTypes[section.line]
            guard steps.count >= 2 || steps.contains(where: { !$0.commands.isEmpty }) || match != nil else { return }
            // "## Who to call: 1. On-call 2. After 30 minutes: the lead" is the escalation path
            // (EscalationExtractor), not steps to walk, unless its steps run commands.
            if match == nil, section.words.containsWord(EscalationExtractor.headingWords),
                steps.allSatisfy({ $0.commands.isEmpty })
            {
                return
            }
            // Read only for sections that are procedures: most sections are not.
            let fields = SeverityExtractor.labeledFields(section.blocks)
            var title = match.map { $0.rest.isEmpty ? section.title : $0.rest } ?? section.title
            // `### Step 1 …` headings placed under `## Roles`: the steps are not the roles'.
            if ownSteps == 0, match == nil, Self.namesNoProcedure(section.words) {
                title = section.parents.last(where: { !Self.namesNoProcedure($0.lowercased()) }) ?? outline.title
            }
            procedures.append(
                Procedure(
                    title: title, section: section.pathText, severity: match?.id,
                    responseTime: fields.response.flatMap(DurationParser.deadline),
                    symptoms: symptoms(section.blocks), steps: steps, line: section.line))
        }
        return procedures
    }

    /// Sections that are about something else than steps, when numbered step headings sit under them.
    static let otherSections: Set<String> = [
        "roles", "contacts", "people", "team", "owners", "ownership", "on-call", "oncall", "severity", "severities",
        "severity levels", "escalation", "overview", "background", "about", "context", "references", "links",
        "glossary", "communication", "communications", "notes", "faq", "appendix", "related", "prerequisites"
    ]

    static func namesNoProcedure(_ words: String) -> Bool {
        otherSections.contains(words.trimmingTrailing(":"))
    }

    /// Steps from a run of blocks: ordered-list items, bullets under a bold label, and code
    /// blocks standing alone under a label.
    static func steps(
        in blocks: [MarkdownBlock], phase startPhase: String?, window: TimeWindow?,
        usedLists: Set<Int>, context: ExtractionContext
    ) -> [ProcedureStep] {
        var steps: [ProcedureStep] = []
        var phase = startPhase
        var label: String? = nil
        // A step written as a numbered bold paragraph ("**Step 5.** Tell the channel"): the code
        // blocks after it are its commands.
        var numberedStep: Int? = nil
        // The last step of a numbered list that code right after it belongs to: the item says so
        // ("1. Check the lag:"), or the numbering goes on after the code (a fence not indented
        // under its item ends the list, and "2." starts a new one).
        var openItem: Int? = nil
        for (index, block) in blocks.enumerated() {
            if let step = openItem, block.isCode {
                steps[step].commands += context.commandIDs(in: block)
                continue
            }
            openItem = nil
            if let bold = block.boldLabel {
                label = bold
                numberedStep = nil
                continue
            }
            if block.kind == .paragraph, let leading = block.leading, isStepNumber(leading.label) {
                let text = leading.rest.trimmingTrailing(" :")
                steps.append(
                    ProcedureStep(
                        text: text.isEmpty ? leading.label : text, phase: phase, window: window,
                        commands: context.commandIDs(in: block), line: block.line))
                numberedStep = steps.count - 1
                continue
            }
            if let step = numberedStep, block.isCode {
                steps[step].commands += context.commandIDs(in: block)
                continue
            }
            numberedStep = nil
            switch block.kind {
            case .list(let ordered, _):
                guard !usedLists.contains(block.line), !block.isTableOfContents else { continue }
                // A bullet list counts as steps only under a label ("**Fix**") or in a phase.
                guard ordered || label != nil || startPhase != nil else { continue }
                let stepPhase = label ?? phase
                for item in block.items {
                    let text = ChecklistExtractor.itemText(item)
                    guard !text.isEmpty else { continue }
                    steps.append(
                        ProcedureStep(
                            text: text, phase: stepPhase, window: window,
                            commands: context.commandIDs(in: item), line: item.line))
                }
                if ordered, let last = block.items.last, !steps.isEmpty,
                    last.firstParagraph?.text.hasSuffix(":") == true
                        || numberingGoesOn(after: block, in: blocks[(index + 1)...])
                {
                    openItem = steps.count - 1
                }
                if let label { phase = label }
            case .code:
                let ids = context.commandIDs(in: block)
                guard !ids.isEmpty else { continue }
                let text = label ?? context.command(ids[0])?.title ?? phase ?? "Run the commands"
                steps.append(ProcedureStep(text: text, phase: phase, window: window, commands: ids, line: block.line))
            case .table:
                steps += tableSteps(block, phase: label ?? phase, window: window, context: context)
            case .paragraph:
                // "**Symptoms**: …" style paragraphs are fields, not steps; a labelled
                // paragraph with inline commands is a step.
                let ids = context.commandIDs(in: block)
                if !ids.isEmpty {
                    steps.append(
                        ProcedureStep(text: block.text, phase: phase, window: window, commands: ids, line: block.line))
                }
            default:
                break
            }
            if !block.isList { label = nil }
        }
        return steps
    }

    /// Whether, past the code blocks after `list`, an ordered list takes its numbering up.
    private static func numberingGoesOn(after list: MarkdownBlock, in rest: ArraySlice<MarkdownBlock>) -> Bool {
        guard case .list(true, let start) = list.kind,
            let next = rest.first(where: { !$0.isCode }), case .list(true, let nextStart) = next.kind
        else { return false }
        return nextStart == start + list.items.count
    }

    /// "Step 5", "Step 5.", "5.", "3)": a label that is nothing but a step's number (a bare
    /// "2024" is not one).
    static func isStepNumber(_ label: String) -> Bool {
        var rest = Substring(label.trimmed.lowercased())
        let named = rest.hasPrefix("step")
        if named { rest = rest.dropFirst(4).drop { $0 == " " } }
        let digits = rest.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, digits.count <= 3 else { return false }
        let after = rest.dropFirst(digits.count)
        return (named && after.isEmpty) || (after.count == 1 && ".):".contains(after))
    }

    /// A table of steps (`| Step | Action | Command |`): each row is a step, the action its text.
    /// A table is one when a column names the action and another numbers the steps or holds
    /// their commands: a table of contacts, severities or evidence has neither.
    static func tableSteps(
        _ table: MarkdownBlock, phase: String?, window: TimeWindow?, context: ExtractionContext
    ) -> [ProcedureStep] {
        guard let data = TableData(table), data.rows.count >= 2 else { return [] }
        let numbers = data.column(["step", "#", "no.", "order"]).flatMap { column in
            (0..<data.rows.count).allSatisfy { row in
                data.cell(row, column).map { Int($0.trimmingTrailing(".)")) != nil } ?? false
            } ? column : nil
        }
        let commands = data.column(["command", "run"])
        guard numbers != nil || commands != nil,
            let action = data.column(
                ["action", "task", "what to do", "instruction", "step"],
                excluding: Set([numbers, commands].compactMap { $0 }))
        else { return [] }
        let rows = table.children.filter { if case .tableRow(false) = $0.kind { return true } else { return false } }
        return rows.compactMap { row in
            guard action < row.children.count else { return nil }
            let text = row.children[action].text.trimmed
            guard !text.isEmpty else { return nil }
            return ProcedureStep(
                text: text, phase: phase, window: window, commands: context.commandIDs(in: row), line: row.line)
        }
    }

    private static func symptoms(_ blocks: [MarkdownBlock]) -> String? {
        for block in blocks where block.kind == .paragraph {
            if let labeled = LabeledText(block), labeled.labelIs(["symptom"]) { return nonEmpty(labeled.value) }
        }
        return nil
    }
}
