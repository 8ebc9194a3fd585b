import Foundation
import RunbookKit

/// One row of a pane: text in a style; `selectable` rows carry the pane's item index.
struct PaneRow {
    var text: String
    var key: ThemeKey
    var item: Int?
    /// Right-aligned text (a countdown) and its style.
    var trailing: (String, ThemeKey)?
}

extension AppView {
    static func drawPane(_ canvas: inout Canvas, _ pane: PaneID, _ rect: Rect, _ state: AppState,
                         _ palette: ThemePalette) {
        let focused = pane == state.focus && state.guided == nil
        let inner = canvas.box(rect, title: paneTitle(pane, state), focused: focused,
                               borderStyle: palette[focused ? .paneBorderFocused : .paneBorderUnfocused],
                               titleStyle: palette[focused ? .paneTitleFocused : .paneTitleUnfocused])
        guard !inner.isEmpty else { return }
        switch pane {
        case .checklist: drawRows(&canvas, checklistRows(state), inner, state.selected(pane), focused, palette)
        case .metrics: drawRows(&canvas, metricRows(state), inner, state.selected(pane), focused, palette)
        case .commands: drawCommands(&canvas, inner, state, focused, palette)
        case .timeline: drawRows(&canvas, timelineRows(state), inner, state.selected(pane), focused, palette)
        }
    }

    /// Draws rows scrolled so the selected item shows; the selected row gets the selection style.
    static func drawRows(_ canvas: inout Canvas, _ rows: [PaneRow], _ rect: Rect, _ selected: Int, _ focused: Bool,
                         _ palette: ThemePalette) {
        if rows.isEmpty {
            canvas.write("(nothing here)", x: rect.x, y: rect.y, style: palette[.textMuted], clip: rect)
            return
        }
        let offset = PaneGeometry.offset(rows, selected: selected, height: rect.height)
        for (line, row) in rows.dropFirst(offset).prefix(rect.height).enumerated() {
            let y = rect.y + line
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

    // MARK: Checklist

    static func checklistRows(_ state: AppState) -> [PaneRow] {
        var rows: [PaneRow] = severityRows(state)
        guard let checklist = state.checklist else { return rows }
        var phase: String?
        let shown = state.visible(.checklist) ?? Array(checklist.items.indices)
        for (row, index) in shown.enumerated() {
            let item = checklist.items[index]
            if let p = item.phase, p != phase {
                rows.append(PaneRow(text: p, key: .paneTitleUnfocused))
                phase = p
            }
            let key = ItemRef.key(checklist: checklist.title, index: index)
            let mark = state.marks[key]
            let box = switch mark?.state {
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
                trailing = left < 0 ? ("⏰ +" + TimeText.countdown(left), .countdownBreached)
                    : ("◷ " + TimeText.countdown(left), left < 300 ? .countdownWarn : .countdownOK)
            }
            rows.append(PaneRow(text: " \(box) \(item.text)", key: mark == nil ? .text : .textMuted, item: row,
                                trailing: trailing))
        }
        return rows
    }

    /// The current level's description, escalation and linked procedure, above the items.
    static func severityRows(_ state: AppState) -> [PaneRow] {
        guard let level = state.severityLevel else { return [] }
        func oneLine(_ text: String) -> String { text.split(whereSeparator: \.isNewline).joined(separator: " ") }
        var rows: [PaneRow] = []
        if let d = level.description { rows.append(PaneRow(text: "⚑ \(level.id) " + oneLine(d), key: .textMuted)) }
        var parts: [String] = []
        if let e = level.escalation { parts.append("escalate: " + oneLine(e)) }
        if let p = level.procedure { parts.append("procedure: " + oneLine(p)) }
        if !parts.isEmpty { rows.append(PaneRow(text: "  " + parts.joined(separator: " · "), key: .textMuted)) }
        return rows
    }

    /// The runbook title of each item of a merged list, when there are several runbooks.
    static func owners<T>(_ state: AppState, _ list: (Runbook) -> [T]) -> [String]? {
        guard state.runbooks.count > 1 else { return nil }
        return state.runbooks.flatMap { book in list(book).map { _ in book.title } }
    }

    // MARK: Metrics

    static func metricRows(_ state: AppState) -> [PaneRow] {
        var rows: [PaneRow] = []
        let shown = state.visible(.metrics) ?? Array(state.metrics.indices)
        let titles = owners(state, \.metrics)
        var owner: String?
        for (index, metric) in shown.map({ state.metrics[$0] }).enumerated() {
            if let titles, titles[shown[index]] != owner {
                owner = titles[shown[index]]
                rows.append(PaneRow(text: "── \(owner ?? "") ──", key: .paneTitleUnfocused))
            }
            if let reading = state.metricReadings[metric.name] {
                rows += liveRows(reading, item: index, ascii: state.asciiOnly)
                continue
            }
            let symbol = Symbols.symbol(for: .metricStale) ?? ""
            rows.append(PaneRow(text: "\(symbol) \(metric.name)", key: .metricStale, item: index,
                                trailing: ("no source", .metricStale)))
            var limits: [String] = []
            if let target = metric.target { limits.append("target \(target)") }
            if let warning = metric.warning { limits.append("warn \(warning.text)") }
            if let critical = metric.critical { limits.append("crit \(critical.text)") }
            if !limits.isEmpty { rows.append(PaneRow(text: "   " + limits.joined(separator: " · "), key: .textMuted)) }
        }
        return rows
    }

    /// `✖ Queue Depth  150  ▁▃█  > 100` then the state word on its own row.
    static func liveRows(_ reading: MetricReading, item: Int, ascii: Bool) -> [PaneRow] {
        let key = reading.themeKey
        let symbol = Symbols.symbol(for: key, ascii: ascii) ?? ""
        let spark = Sparkline.render(reading.samples, width: 12, ascii: ascii)
        let head = [symbol, reading.name, reading.valueText, spark].filter { !$0.isEmpty }.joined(separator: " ")
        let limit = reading.threshold.map { "threshold \($0) · " } ?? ""
        return [PaneRow(text: head, key: key, item: item, trailing: (reading.state == .unbound ? "no source" : reading.state.rawValue.uppercased(), key)),
                PaneRow(text: "   " + limit + reading.stateText, key: reading.state == .ok ? .textMuted : key)]
    }

    // MARK: Commands

    static func riskWord(_ risk: Risk) -> String {
        switch risk {
        case .read: "read"
        case .change: "change"
        case .destructive: "DESTRUCTIVE"
        }
    }

    static func commandRows(_ state: AppState) -> [PaneRow] {
        var rows: [PaneRow] = []
        var section: String?
        let all = state.commands
        let shown = state.visible(.commands) ?? Array(all.indices)
        for (index, command) in shown.map({ all[$0] }).enumerated() {
            if command.section != section {
                // The path without the runbook's own title: "Diagnosis > Health".
                // With several runbooks the title stays, to say whose command it is.
                let parts = command.section.components(separatedBy: " > ")
                let shown = parts.count > 1 && state.runbooks.count == 1
                    ? parts.dropFirst().joined(separator: " > ") : command.section
                rows.append(PaneRow(text: shown, key: .paneTitleUnfocused))
                section = command.section
            }
            let key = ThemeKey.risk(command.risk)
            let symbol = Symbols.symbol(for: key) ?? ""
            // Split once, not into every line: this runs for every command each frame.
            let what = command.title ?? command.code.split(separator: "\n", maxSplits: 1).first.map(String.init) ?? ""
            let word = riskWord(command.risk)
            let risk = word + String(repeating: " ", count: max(0, 11 - word.count))
            rows.append(PaneRow(text: " \(symbol) \(risk) \(what)", key: key, item: index))
        }
        return rows
    }

    /// The list above, the selected command's code below a rule.
    static func drawCommands(_ canvas: inout Canvas, _ rect: Rect, _ state: AppState, _ focused: Bool,
                             _ palette: ThemePalette) {
        if state.runsShown {
            drawRows(&canvas, runRows(state), rect, min(state.runSelection, max(state.runs.count - 1, 0)), focused,
                     palette)
            return
        }
        let commands = state.commands
        guard !commands.isEmpty else {
            drawRows(&canvas, [], rect, 0, focused, palette)
            return
        }
        let selected = state.selected(.commands)
        let code = (state.selectedIndex(.commands).map { commands[$0].code } ?? "").split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let codeHeight = PaneGeometry.codeHeight(rect, state)
        let listRect = PaneGeometry.listRect(.commands, inner: rect, state)
        drawRows(&canvas, commandRows(state), listRect, selected, focused, palette)
        guard codeHeight > 0 else { return }
        canvas.horizontalLine(x: rect.x, y: listRect.maxY, length: rect.width, style: palette[.paneBorderUnfocused])
        for (i, line) in code.prefix(codeHeight).enumerated() {
            canvas.write(line, x: rect.x, y: listRect.maxY + 1 + i, width: rect.width, style: palette[.text], clip: rect)
        }
    }

    // MARK: Timeline

    static func timelineKey(_ kind: String) -> ThemeKey {
        switch kind {
        case "opened": .timelineOpened
        case "severity_changed": .timelineSeverity
        case "status_changed": .timelineStatus
        case "role_assigned": .timelineRole
        case "item_ticked", "item_unticked", "item_skipped": .timelineChecklist
        case "command_started", "command_finished": .timelineCommand
        case "metric_breached", "metric_recovered": .timelineMetric
        case "note": .timelineNote
        case "milestone": .timelineMilestone
        default: .text
        }
    }

    /// `HH:MM:SS author kind text`, oldest first, with a date line whenever the day changes.
    static func timelineRows(_ state: AppState) -> [PaneRow] {
        var rows: [PaneRow] = []
        var day: Int?
        let shown = state.visible(.timeline) ?? Array(state.timeline.indices)
        rows.reserveCapacity(shown.count + 1)
        for (index, event) in shown.map({ state.timeline[$0] }).enumerated() {
            // The day's number first: formatting a date is too slow for every row of every frame.
            let eventDay = Int(floor(event.time.timeIntervalSince1970 / 86_400))
            if eventDay != day {
                rows.append(PaneRow(text: "── \(TimeText.day(event.time)) ──", key: .textMuted))
                day = eventDay
            }
            let line = "\(TimeText.clock(event.time)) \(event.author) \(event.kind) \(event.text)"
            rows.append(PaneRow(text: line, key: timelineKey(event.kind), item: index))
        }
        return rows
    }
}
