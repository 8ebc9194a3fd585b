import Foundation
import IncidentKit
import RunbookKit

/// One row of a pane: text in a style; `selectable` rows carry the pane's item index.
struct PaneRow {
    var text: String
    var key: ThemeKey
    var item: Int?
    /// Right-aligned text (a countdown) and its style.
    var trailing: (String, ThemeKey)?
}

/// Each pane's lines: listed as slots for every shown item, formatted only for the lines drawn.
extension AppView {
    static func drawPane(
        _ canvas: inout Canvas, _ pane: PaneID, _ rect: Rect, _ state: AppState,
        _ palette: ThemePalette
    ) {
        let focused = pane == state.focus && state.guided == nil
        let inner = canvas.box(
            rect, title: paneTitle(pane, state), focused: focused,
            borderStyle: palette[focused ? .paneBorderFocused : .paneBorderUnfocused],
            titleStyle: palette[focused ? .paneTitleFocused : .paneTitleUnfocused])
        guard !inner.isEmpty else { return }
        if state.readingRunbooks, pane != .timeline {
            canvas.write("reading runbook…", x: inner.x, y: inner.y, style: palette[.textMuted], clip: inner)
            return
        }
        switch pane {
        case .checklist: drawRows(&canvas, checklistLines(state), inner, state.selected(pane), focused, palette)
        case .metrics: drawRows(&canvas, metricLines(state), inner, state.selected(pane), focused, palette)
        case .commands: drawCommands(&canvas, inner, state, focused, palette)
        case .timeline: drawRows(&canvas, timelineLines(state), inner, state.selected(pane), focused, palette)
        }
    }

    /// Draws rows scrolled so the selected item shows; the selected row gets the selection style.
    /// Only the lines on screen are formatted.
    static func drawRows(
        _ canvas: inout Canvas, _ lines: PaneLines, _ rect: Rect, _ selected: Int, _ focused: Bool,
        _ palette: ThemePalette
    ) {
        if lines.isEmpty {
            canvas.write("(nothing here)", x: rect.x, y: rect.y, style: palette[.textMuted], clip: rect)
            return
        }
        let offset = PaneGeometry.offset(lines, selected: selected, height: rect.height)
        for line in offset..<min(offset + max(rect.height, 0), lines.count) {
            let row = lines.row(line)
            let y = rect.y + line - offset
            let isSelected = row.item != nil && row.item == selected
            let style = isSelected ? palette[focused ? .selection : .selectionUnfocused] : palette[row.key]
            var width = rect.width
            if let (text, key) = row.trailing {
                let w = DisplayWidth.of(text)
                if w + 4 < rect.width {
                    canvas.write(text, x: rect.maxX - w, y: y, style: palette[key], clip: rect)
                    width -= w + 1
                }
            }
            canvas.write(row.text, x: rect.x, y: y, width: width, style: style, clip: rect)
        }
    }

    /// The shown item indices: the filter's, else every index (no array built).
    static func shownIndices(_ pane: PaneID, _ state: AppState, count: Int) -> ShownIndices {
        ShownIndices(filtered: state.visible(pane), count: count)
    }

    // MARK: Checklist

    static func checklistLines(_ state: AppState) -> PaneLines {
        let fixed = severityRows(state)
        var slots = fixed.indices.map(PaneSlot.fixed)
        guard let checklist = state.checklist else {
            return PaneLines(slots: slots, fixed: fixed) { _ in PaneRow(text: "", key: .text) }
        }
        let items = checklist.items
        let shown = shownIndices(.checklist, state, count: items.count)
        slots.reserveCapacity(slots.count + shown.count)
        var phase: String?
        for row in 0..<shown.count {
            if let p = items[shown[row]].phase, p != phase {
                slots.append(.heading(row: row))
                phase = p
            }
            slots.append(.item(row: row))
        }
        return PaneLines(slots: slots, fixed: fixed) { slot in
            switch slot {
            case .heading(let row): return PaneRow(text: items[shown[row]].phase ?? "", key: .paneTitleUnfocused)
            case .item(let row): return checklistRow(state, checklist, index: shown[row], row: row)
            case .fixed, .detail: return PaneRow(text: "", key: .text)
            }
        }
    }

    static func checklistRow(_ state: AppState, _ checklist: Checklist, index: Int, row: Int) -> PaneRow {
        let item = checklist.items[index]
        let key = ItemRef.key(checklist: checklist.title, index: index)
        let mark = state.marks[key]
        let box =
            switch mark?.state {
            case .done: "[x]"
            case .skipped: "[-]"
            case nil: "[ ]"
            }
        var trailing: (String, ThemeKey)?
        if let mark {
            // Who and when: "03:16 carol".
            let who = TextFit.truncate(mark.author, toWidth: 12)
            trailing = (String(TimeText.clock(mark.time).prefix(5)) + " " + who, .textMuted)
        } else if let deadline = item.deadlineSeconds {
            let left = Int(state.incident.startedAt.timeIntervalSince(state.now).rounded(.down)) + deadline
            trailing =
                left < 0
                ? ("⏰ +" + TimeText.countdown(left), .countdownBreached)
                : ("◷ " + TimeText.countdown(left), left < 300 ? .countdownWarn : .countdownOK)
        }
        return PaneRow(
            text: " \(box) \(RunbookSecrets.shown(item.text))", key: mark == nil ? .text : .textMuted, item: row,
            trailing: trailing)
    }

    /// The current level's description, escalation and linked procedure, above the items.
    static func severityRows(_ state: AppState) -> [PaneRow] {
        guard let level = state.severityLevel else { return [] }
        func oneLine(_ text: String) -> String { text.split(whereSeparator: \.isNewline).joined(separator: " ") }
        var rows: [PaneRow] = []
        if let d = level.description { rows.append(PaneRow(text: "⚑ \(level.id) " + oneLine(d), key: .textMuted)) }
        var parts: [String] = []
        if let e = level.escalation { parts.append("escalate: " + oneLine(e)) }
        if let p = level.procedure {
            // Say so when the pane shows another list, so header and pane never seem to disagree.
            let shown = ListChoice.procedure(named: p, in: state.runbooks) == state.shownList
            parts.append("procedure: " + oneLine(p) + (shown ? "" : " (not shown: c chooses)"))
        }
        if !parts.isEmpty { rows.append(PaneRow(text: "  " + parts.joined(separator: " · "), key: .textMuted)) }
        return rows
    }

    /// The runbook title of each item of a merged list, when there are several runbooks.
    static func owners<T>(_ state: AppState, _ list: (Runbook) -> [T]) -> [String]? {
        guard state.runbooks.count > 1 else { return nil }
        return state.runbooks.flatMap { book in list(book).map { _ in book.title } }
    }

    // MARK: Metrics

    static func metricLines(_ state: AppState) -> PaneLines {
        let metrics = state.metrics
        let shown = shownIndices(.metrics, state, count: metrics.count)
        let titles = owners(state, \.metrics)
        var slots: [PaneSlot] = []
        var owner: String?
        for row in 0..<shown.count {
            let index = shown[row]
            if let titles, titles[index] != owner {
                owner = titles[index]
                slots.append(.heading(row: row))
            }
            slots.append(.item(row: row))
            let metric = metrics[index]
            if state.metricReadings[metric.name] != nil || !limits(metric).isEmpty { slots.append(.detail(row: row)) }
        }
        return PaneLines(slots: slots) { slot in
            switch slot {
            case .heading(let row): return PaneRow(text: "── \(titles?[shown[row]] ?? "") ──", key: .paneTitleUnfocused)
            case .item(let row), .detail(let row):
                let metric = metrics[shown[row]]
                let detail = slot == .detail(row: row)
                if let reading = state.metricReadings[metric.name] {
                    return liveRows(reading, item: row, ascii: state.asciiOnly)[detail ? 1 : 0]
                }
                if detail { return PaneRow(text: "   " + limits(metric).joined(separator: " · "), key: .textMuted) }
                let symbol = Symbols.symbol(for: .metricStale) ?? ""
                return PaneRow(
                    text: "\(symbol) \(metric.name)", key: .metricStale, item: row,
                    trailing: ("no source", .metricStale))
            case .fixed: return PaneRow(text: "", key: .text)
            }
        }
    }

    /// A metric's bounds from the runbook: `target 200ms`, `warn > 300ms`, `crit > 1s`.
    static func limits(_ metric: MetricSpec) -> [String] {
        var limits: [String] = []
        if let target = metric.target { limits.append("target \(target)") }
        if let warning = metric.warning { limits.append("warn \(warning.text)") }
        if let critical = metric.critical { limits.append("crit \(critical.text)") }
        return limits
    }

    /// `✖ Queue Depth  150  ▁▃█  > 100` then the state word on its own row.
    static func liveRows(_ reading: MetricReading, item: Int, ascii: Bool) -> [PaneRow] {
        let key = reading.themeKey
        let symbol = Symbols.symbol(for: key, ascii: ascii) ?? ""
        let spark = Sparkline.render(reading.samples, width: 12, ascii: ascii)
        let head = [symbol, reading.name, reading.valueText, spark].filter { !$0.isEmpty }.joined(separator: " ")
        let limit = reading.threshold.map { "threshold \($0) · " } ?? ""
        return [
            PaneRow(
                text: head, key: key, item: item,
                trailing: (reading.state == .unbound ? "no source" : reading.state.rawValue.uppercased(), key)),
            PaneRow(text: "   " + limit + reading.stateText, key: reading.state == .ok ? .textMuted : key)
        ]
    }

    // MARK: Commands

    static func riskWord(_ risk: Risk) -> String {
        switch risk {
        case .read: "read"
        case .change: "change"
        case .unknown: "unknown"
        case .destructive: "DESTRUCTIVE"
        }
    }

    /// A command's title, or its first line when it has none. Commands cut from one block share
    /// their block's title: beside a neighbour of the same title, the first line tells them apart.
    static func commandLabel(_ all: [RunbookCommand], _ index: Int) -> String {
        let command = all[index]
        let firstLine =
            RunbookSecrets.shown(command.code).split(separator: "\n", maxSplits: 1).first.map(String.init) ?? ""
        guard let title = command.title else { return firstLine }
        let shared = [index - 1, index + 1].contains { other in
            all.indices.contains(other) && all[other].title == title && all[other].section == command.section
        }
        return shared ? title + " · " + firstLine : title
    }

    static func commandLines(_ state: AppState) -> PaneLines {
        let all = state.commands
        let shown = shownIndices(.commands, state, count: all.count)
        var slots: [PaneSlot] = []
        slots.reserveCapacity(shown.count + 1)
        var section: Int?
        let sections = state.commandSectionIDs
        for row in 0..<shown.count {
            let commandSection = sections[shown[row]]
            if commandSection != section {
                slots.append(.heading(row: row))
                section = commandSection
            }
            slots.append(.item(row: row))
        }
        let several = state.runbooks.count > 1
        return PaneLines(slots: slots) { slot in
            switch slot {
            case .heading(let row):
                // The path without the runbook's own title: "Diagnosis > Health".
                // With several runbooks the title stays, to say whose command it is.
                if sections[shown[row]] == AppState.stepSection {
                    return PaneRow(text: "▶ This step", key: .paneTitleFocused)
                }
                let section = all[shown[row]].section
                let parts = section.components(separatedBy: " > ")
                let text = parts.count > 1 && !several ? parts.dropFirst().joined(separator: " > ") : section
                return PaneRow(text: text, key: .paneTitleUnfocused)
            case .item(let row):
                let command = all[shown[row]]
                let key = ThemeKey.risk(command.risk)
                let symbol = Symbols.symbol(for: key) ?? ""
                let what = RoomPresenceText.mark(command, state) + commandLabel(all, shown[row])
                let word = riskWord(command.risk)
                let risk = word + String(repeating: " ", count: max(0, 11 - word.count))
                return PaneRow(text: " \(symbol) \(risk) \(what)", key: key, item: row)
            case .fixed, .detail: return PaneRow(text: "", key: .text)
            }
        }
    }

    /// The list above, the selected command's code below a rule.
    static func drawCommands(
        _ canvas: inout Canvas, _ rect: Rect, _ state: AppState, _ focused: Bool,
        _ palette: ThemePalette
    ) {
        if state.runsShown {
            let listRect = PaneGeometry.listRect(.commands, inner: rect, state)
            drawRows(
                &canvas, PaneLines(rows: runRows(state)), listRect, state.runSelection.clamped(to: state.runs.count),
                focused, palette)
            drawRunTail(&canvas, below: listRect, in: rect, state, palette)
            return
        }
        let commands = state.commands
        guard !commands.isEmpty else {
            drawRows(&canvas, PaneLines(rows: []), rect, 0, focused, palette)
            return
        }
        let selected = state.selected(.commands)
        let code = (state.selectedIndex(.commands).map { RunbookSecrets.shown(commands[$0].code) } ?? "").split(
            separator: "\n", omittingEmptySubsequences: false
        ).map(String.init)
        let codeHeight = PaneGeometry.codeHeight(rect, state)
        let listRect = PaneGeometry.listRect(.commands, inner: rect, state)
        drawRows(&canvas, commandLines(state), listRect, selected, focused, palette)
        guard codeHeight > 0 else { return }
        canvas.horizontalLine(x: rect.x, y: listRect.maxY, length: rect.width, style: palette[.paneBorderUnfocused])
        for (i, line) in code.prefix(codeHeight).enumerated() {
            canvas.write(
                line, x: rect.x, y: listRect.maxY + 1 + i, width: rect.width, style: palette[.text], clip: rect)
        }
    }

    // MARK: Timeline

    static func timelineKey(_ kind: EventKind) -> ThemeKey {
        switch kind {
        case .opened: .timelineOpened
        case .severityChanged: .timelineSeverity
        case .statusChanged: .timelineStatus
        case .roleAssigned: .timelineRole
        case .itemTicked, .itemUnticked, .itemSkipped: .timelineChecklist
        case .commandStarted, .commandFinished: .timelineCommand
        case .metricBreached, .metricRecovered: .timelineMetric
        case .note: .timelineNote
        case .milestone: .timelineMilestone
        case .slaBreached: .countdownBreached
        default: .text
        }
    }

    /// `HH:MM:SS author kind text`, oldest first, with a date line whenever the day changes.
    static func timelineLines(_ state: AppState) -> PaneLines {
        let events = state.timeline
        let shown = shownIndices(.timeline, state, count: events.count)
        var slots: [PaneSlot] = []
        slots.reserveCapacity(shown.count + 1)
        var day: Int?
        for row in 0..<shown.count {
            // The day's number: formatting a date is too slow for every event of every frame.
            let eventDay = Int(floor(events[shown[row]].time.timeIntervalSince1970 / 86_400))
            if eventDay != day {
                slots.append(.heading(row: row))
                day = eventDay
            }
            slots.append(.item(row: row))
        }
        let authorWidth = state.timelineAuthorWidth
        return PaneLines(slots: slots) { slot in
            switch slot {
            case .heading(let row):
                return PaneRow(text: "── \(TimeText.day(events[shown[row]].time)) ──", key: .textMuted)
            case .item(let row):
                let event = events[shown[row]]
                let failed = event.outcome?.hasPrefix("✗") == true
                return PaneRow(
                    text: TimelineText.row(event, authorWidth: authorWidth),
                    key: failed ? .error : timelineKey(event.kind), item: row)
            case .fixed, .detail: return PaneRow(text: "", key: .text)
            }
        }
    }
}
