/// Finds checklists (RUNBOOK-FORMATS.md §3): task lists, lists under a heading or bold label
/// that says "checklist", numbered phases with a bold title and nested items, and timed steps
/// (`**15 min**: …`) whose times become deadlines after the incident starts.
enum ChecklistExtractor {
    struct Result {
        var checklists: [Checklist]
        /// Source lines of the lists used, so procedures do not read them again.
        var usedListLines: Set<Int>
    }

    static func extract(_ outline: Section, skipping definitionLines: Set<Int>, context: ExtractionContext) -> Result {
        var result = Result(checklists: [], usedListLines: definitionLines)
        var found: [Found] = []
        // The H1 names the whole file; without one (a title in front matter), the outermost
        // headings name their own lists.
        let titled = outline.children.contains { $0.level == 1 }
        // A heading is a parent of every list under it: whether its words name a checklist is
        // worked out once.
        var namesChecklist: [String: Bool] = [:]
        func saysChecklist(_ words: String) -> Bool {
            if let known = namesChecklist[words] { return known }
            let says = words.containsWord(checklistNames)
            namesChecklist[words] = says
            return says
        }
        outline.forEach { section in
            var label: String? = nil
            for block in section.blocks {
                if let bold = block.boldLabel {
                    label = bold
                    continue
                }
                // "**Within 15 minutes:**" over a list: its items are due then, in that phase, and
                // the section's lists so labelled are one checklist.
                let due = label.flatMap { context.timeLabelSeconds($0.trimmingTrailing(":")) }
                if block.isList, !definitionLines.contains(block.line), !block.isTableOfContents,
                    var checklist = checklist(
                        from: block, label: due == nil ? label : nil, section: section, titled: titled,
                        underTimeLabel: due != nil, namesChecklist: saysChecklist, context: context)
                {
                    if let due, let label {
                        // Steps due minutes after it starts are the incident's, whatever the heading says.
                        if checklist.kind == .other { checklist.kind = .incident }
                        for i in checklist.items.indices {
                            checklist.items[i].phase = checklist.items[i].phase ?? label.trimmingTrailing(":")
                            checklist.items[i].deadlineSeconds = checklist.items[i].deadlineSeconds ?? due
                        }
                    }
                    let isTask = block.items.contains { $0.taskState != nil && $0.taskState! != nil }
                    if due != nil, let last = found.last, last.timed, last.section.line == section.line {
                        found[found.count - 1].checklist.items += checklist.items
                    } else {
                        found.append(
                            Found(
                                checklist: checklist, isTask: isTask && label == nil, section: section,
                                timed: due != nil))
                    }
                    result.usedListLines.insert(block.line)
                }
                if block.kind == .paragraph || block.isList || block.isCode { label = nil }
            }
        }
        result.checklists = mergeSiblingTaskLists(found)
        return result
    }

    struct Found {
        var checklist: Checklist
        var isTask: Bool
        var section: Section
        /// Made under a time label ("**Within 1 hour:**").
        var timed = false
    }

    /// One task list spread over sibling headings (`### Step 1` … `### Step 4`, a `- [ ]` or two
    /// under each) is one checklist, titled by the parent heading; each step is a phase.
    static func mergeSiblingTaskLists(_ found: [Found]) -> [Checklist] {
        var out: [Checklist] = []
        var index = 0
        while index < found.count {
            // `### First 5 minutes`, `### First 30 minutes`, `### Within 4 hours` under one heading:
            // one checklist, each heading a phase whose time is its items' deadline.
            if let (checklist, end) = timedSiblings(found, from: index) {
                out.append(checklist)
                index = end
                continue
            }
            var end = index + 1
            if found[index].isTask, !found[index].section.parents.isEmpty {
                let parents = found[index].section.parents
                while end < found.count, found[end].isTask, found[end].section.parents == parents { end += 1 }
            }
            let run = found[index..<end]
            let sections = Set(run.map(\.section.line))
            // Steps, not separate lists: numbered step headings, or a task or two under each.
            let steps = run.allSatisfy { part in
                part.checklist.items.count <= 2 || HeadingText.numbering(part.section.title) != nil
                    || part.section.words.containsWord(["step"])
            }
            if run.count >= 2, sections.count >= 2, steps, let first = run.first {
                let parentTitle = first.section.parents.last!
                let parentWords = Array(first.section.parentWords)
                var items: [ChecklistItem] = []
                for part in run {
                    items += part.checklist.items.map { item in
                        var item = item
                        item.phase = item.phase ?? part.checklist.title
                        return item
                    }
                }
                let title = HeadingText.numbering(parentTitle)?.rest ?? parentTitle
                let kind = ChecklistKindClassifier.classify(
                    title: title.withoutSymbols.lowercased(), pathWords: parentWords)
                out.append(
                    Checklist(
                        title: title, kind: kind, section: first.section.parents.joined(separator: " > "),
                        line: first.checklist.line, items: items))
            } else {
                out += run.map(\.checklist)
            }
            index = end
        }
        return out
    }

    /// The checklist of sibling headings that are each a time ("First 5 minutes", "Within 1 hour"),
    /// two at least, and where the next run starts; nil when `found[start]` begins no such run.
    private static func timedSiblings(_ found: [Found], from start: Int) -> (Checklist, Int)? {
        func seconds(_ part: Found) -> Int? {
            let title = part.section.title
            guard DurationParser.isTimeLabel(title) else { return nil }
            return DurationParser.window(in: title)?.endSeconds ?? DurationParser.seconds(in: title)
        }
        let first = found[start]
        guard let parentTitle = first.section.parents.last, seconds(first) != nil else { return nil }
        var end = start + 1
        while end < found.count, found[end].section.parents == first.section.parents, seconds(found[end]) != nil {
            end += 1
        }
        let run = found[start..<end]
        guard Set(run.map(\.section.line)).count >= 2 else { return nil }
        var items: [ChecklistItem] = []
        for part in run {
            let due = seconds(part)
            items += part.checklist.items.map { item in
                var item = item
                item.phase = item.phase ?? part.section.title
                item.deadlineSeconds = item.deadlineSeconds ?? due
                return item
            }
        }
        let title = HeadingText.numbering(parentTitle)?.rest ?? parentTitle
        var kind = ChecklistKindClassifier.classify(
            title: title.withoutSymbols.lowercased(), pathWords: Array(first.section.parentWords))
        // Steps due minutes after it starts are the incident's, whatever the heading says.
        if kind == .other { kind = .incident }
        let checklist = Checklist(
            title: title, kind: kind, section: first.section.parents.joined(separator: " > "),
            line: first.checklist.line, items: items)
        return (checklist, end)
    }

    /// Headings or labels that name a list of things to do.
    static let checklistNames = [
        "checklist", "checklists", "check list", "first steps", "what to do", "to-do", "todo", "to do list",
        "immediate actions", "first actions", "steps to take", "initial steps", "first response",
        // Things to confirm before or after the work: each is ticked, not run in order.
        "before you start", "before you begin", "before starting", "pre-flight", "preflight", "prerequisites",
        "verification", "verify", "post-checks", "sanity checks"
    ]

    /// `underTimeLabel`: the list follows a time label ("**T+5 min**", "**Within 15 minutes:**"), so
    /// its items are things to have done by then, whatever their shape.
    private static func checklist(
        from list: MarkdownBlock, label: String?, section: Section, titled: Bool, underTimeLabel: Bool = false,
        namesChecklist: (String) -> Bool, context: ExtractionContext
    ) -> Checklist? {
        let items = list.items
        guard !items.isEmpty else { return nil }
        // Worked out only when the list's own shape does not already make it a checklist.
        func saysChecklist() -> Bool {
            (label ?? "").lowercased().containsWord(checklistNames)
                // The document's own H1 names the whole file, not one list.
                || section.pathWords.dropFirst(titled && !section.parents.isEmpty ? 1 : 0).contains(
                    where: namesChecklist)
        }
        let isTask = items.contains { $0.taskState != nil && $0.taskState! != nil }
        let deadlines = items.map { timeLabel(of: $0, context: context) } // once per item: the loop below reuses them
        let timedCount = deadlines.filter { $0 != nil }.count
        // "After 30 minutes: the lead" under "Who to call" is an escalation path, not a checklist.
        let isTimed = timedCount * 2 >= items.count && timedCount >= 2 && !isContactContext(section.pathWords)
        let phased = items.filter { $0.firstParagraph?.leading != nil && !$0.sublists.isEmpty }.count
        let hasCode = items.contains { item in
            var found = false
            item.forEachDescendant { if $0.isCode { found = true } }
            return found
        }
        let isPhased = phased >= 2 && phased * 2 >= items.count && !hasCode
        // "1. **Acknowledge** - Take the page": numbered steps led by a bold verb.
        func boldSteps() -> Bool {
            list.isOrderedList && items.count >= 2 && !hasCode && !isContactContext(section.pathWords)
                && items.allSatisfy { ($0.firstParagraph?.leading?.label.split(separator: " ").count ?? 9) <= 3 }
        }
        guard isTask || isTimed || isPhased || underTimeLabel || saysChecklist() || boldSteps() else { return nil }
        let title = label ?? HeadingText.numbering(section.title)?.rest ?? section.title

        let window = sectionWindow(section)
        var checklistItems: [ChecklistItem] = []
        for (item, deadline) in zip(items, deadlines) {
            let paragraph = item.firstParagraph
            let text = itemText(item)
            let nested = item.sublists.flatMap(\.items)
            if !nested.isEmpty && !underTimeLabel && (isPhased || deadline != nil || (text.count < 60 && !isTask)) {
                // A phase: its nested bullets are the items.
                let phase = paragraph?.leading?.label ?? text
                for child in nested {
                    checklistItems.append(
                        ChecklistItem(
                            text: itemText(child), phase: phase.trimmingTrailing(":"),
                            deadlineSeconds: deadline ?? window?.endSeconds,
                            commands: context.commandIDs(in: child), checkedInSource: child.taskState == .some(true),
                            line: child.line))
                }
                continue
            }
            var entryText = text
            if deadline != nil, let (_, rest) = paragraph?.leading.map({ ($0.label, $0.rest) }), !rest.isEmpty {
                entryText = rest
            }
            guard !entryText.isEmpty else { continue }
            checklistItems.append(
                ChecklistItem(
                    text: entryText, phase: nil, deadlineSeconds: deadline ?? window?.endSeconds,
                    commands: context.commandIDs(in: item), checkedInSource: item.taskState == .some(true),
                    line: item.line))
            // Nested task items under a plain item are items too, in that item's phase (under a time
            // label every nested item is: "If a deploy landed …, start a rollback").
            for child in nested where underTimeLabel || (child.taskState != nil && child.taskState! != nil) {
                checklistItems.append(
                    ChecklistItem(
                        text: itemText(child), phase: entryText, deadlineSeconds: deadline ?? window?.endSeconds,
                        commands: context.commandIDs(in: child), checkedInSource: child.taskState == .some(true),
                        line: child.line))
            }
        }
        guard !checklistItems.isEmpty else { return nil }
        let kind = ChecklistKindClassifier.classify(
            title: title.withoutSymbols.lowercased(), pathWords: section.pathWords)
        return Checklist(
            title: title.trimmingTrailing(":"), kind: kind, section: section.pathText, line: list.line,
            items: checklistItems)
    }

    /// Escalation paths and contact lists also come as bold-led numbered lists; they are not checklists.
    static func isContactContext(_ pathWords: [String]) -> Bool {
        pathWords.contains { $0.containsWord(contactWords) }
    }

    private static let contactWords = ["contact", "contacts", "people", "vendor"] + EscalationExtractor.headingWords

    /// "**Acknowledge** - Acknowledge alert" → "Acknowledge: Acknowledge alert"; a label that is a
    /// sentence of its own ("**Check the database.** Connect …") is followed, not labelled;
    /// plain text otherwise.
    static func itemText(_ item: MarkdownBlock) -> String {
        guard let paragraph = item.firstParagraph else { return "" }
        if let (label, rest) = paragraph.leading.map({ ($0.label, $0.rest) }) {
            if rest.isEmpty { return label }
            return label.last.map { ".?!".contains($0) } == true ? "\(label) \(rest)" : "\(label): \(rest)"
        }
        // "Find the previous revision:" introduces the block under it; the colon is no part of the step.
        return paragraph.text.hasSuffix(":") ? paragraph.text.trimmingTrailing(":") : paragraph.text
    }

    /// Seconds of a timed step's label: "**15 min**: …", "**Within 1 hour**:", "Immediate: …";
    /// else of a deadline in its words: "Acknowledge the page within 5 minutes".
    static func timeLabel(of item: MarkdownBlock, context: ExtractionContext? = nil) -> Int? {
        guard let paragraph = item.firstParagraph else { return nil }
        var label: String? = nil
        if let (bold, _) = paragraph.leading.map({ ($0.label, $0.rest) }) {
            label = bold
        } else if let labeled = LabeledText(plain: paragraph.text) {
            label = labeled.label
        }
        if let label {
            let seconds =
                context.map { $0.timeLabelSeconds(label) }
                ?? (DurationParser.isTimeLabel(label) ? DurationParser.seconds(in: label) : nil)
            if let seconds { return seconds }
        }
        return withinDeadline(paragraph.text)
    }

    /// "within 5 minutes" / "within 1 hour" in a step's words: the time it must be done by. Working
    /// time ("within 2 business days") has no clock, and a number that is not a time is no deadline.
    static func withinDeadline(_ text: String) -> Int? {
        guard text.hasLowercased("within "), let range = text.range(of: "within ", options: .caseInsensitive)
        else { return nil }
        let after = String(text[range.upperBound...].prefix(40))
        let lower = after.lowercased()
        guard let first = after.first, first.isNumber || lower.hasPrefix("an ") || lower.hasPrefix("a "),
            !lower.contains("business"), !lower.contains("working"),
            let quantity = DurationParser.scan(after).first, lower.hasPrefix(quantity.text.lowercased().prefix(1))
        else { return nil }
        return DurationParser.wholeSeconds(quantity.upper * Double(quantity.unitSeconds))
    }

    /// The time window of the nearest enclosing phase heading, "(0-15 minutes)".
    static func sectionWindow(_ section: Section) -> TimeWindow? {
        for title in section.path.reversed() {
            if let window = DurationParser.window(in: title) { return window }
        }
        return nil
    }
}
