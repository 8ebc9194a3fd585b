import Foundation
import IncidentKit
import RunbookKit

extension AppView {
    /// A dialog box centred in `area`, at most `width`×`height`; returns its inner rect.
    static func dialog(
        _ canvas: inout Canvas, _ area: Rect, width: Int, height: Int, title: String,
        _ palette: ThemePalette
    ) -> Rect {
        let w = min(width, area.width), h = min(height, area.height)
        let rect = Rect(x: area.x + (area.width - w) / 2, y: area.y + (area.height - h) / 2, width: w, height: h)
        canvas.fill(rect, style: palette[.dialog])
        return canvas.box(
            rect, title: title, focused: true, borderStyle: palette[.dialogBorder],
            titleStyle: palette[.dialogTitle])
    }

    /// A read-only page of lines in a dialog, paged by `helpPage` when taller than the screen.
    static func drawPage(
        _ canvas: inout Canvas, _ body: Rect, title: String, _ lines: [(text: String, key: ThemeKey)],
        _ state: AppState, _ palette: ThemePalette
    ) {
        let rows = max(body.height - 2, 1)
        let pages = max((lines.count + rows - 1) / rows, 1)
        let page = min(state.helpPage, pages - 1)
        let shown = lines.dropFirst(page * rows).prefix(rows)
        let width = min((lines.map { DisplayWidth.of($0.text) }.max() ?? 20) + 4, body.width)
        let heading = title + (pages > 1 ? " · page \(page + 1)/\(pages) · PgDn/PgUp" : "")
        let inner = dialog(
            &canvas, body, width: max(width, DisplayWidth.of(heading) + 6), height: shown.count + 2,
            title: heading, palette)
        for (i, line) in shown.enumerated() {
            canvas.write(
                line.text, x: inner.x + 1, y: inner.y + i, width: inner.width - 1, style: palette[line.key], clip: inner
            )
        }
    }

    static func drawOverlay(
        _ canvas: inout Canvas, _ overlay: Overlay, _ body: Rect, _ footer: Rect,
        _ state: AppState, _ palette: ThemePalette
    ) {
        switch overlay {
        case .help:
            let pages = helpPages(helpColumns(Bindings.helpLines(), height: body.height - 2), width: body.width - 2)
            let page = min(state.helpPage, pages.count - 1)
            let columns = pages[page]
            let widths = columns.map { ($0.map { DisplayWidth.of($0) }.max() ?? 20) + 2 }
            let height = (columns.map(\.count).max() ?? 0) + 2
            let title = pages.count > 1 ? "Keys · page \(page + 1)/\(pages.count) · PgDn/PgUp" : "Keys"
            let inner = dialog(&canvas, body, width: widths.reduce(0, +) + 2, height: height, title: title, palette)
            var x = inner.x + 1
            for (c, lines) in columns.enumerated() {
                for (i, line) in lines.prefix(inner.height).enumerated() {
                    let key: ThemeKey = line.hasPrefix(" ") ? .dialog : .dialogTitle
                    canvas.write(line, x: x, y: inner.y + i, width: widths[c] - 1, style: palette[key], clip: inner)
                }
                x += widths[c]
            }
        case .alerts:
            drawPage(&canvas, body, title: "Alerts · \(state.firingCount) firing", alertLines(state), state, palette)
        case .page(let title, let lines):
            drawPage(&canvas, body, title: title, lines.map { ($0, ThemeKey.dialog) }, state, palette)
        case .sendUpdate(let text):
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            let width = min(max((lines.map { DisplayWidth.of($0) }.max() ?? 20) + 4, 60), body.width)
            let inner = dialog(
                &canvas, body, width: width, height: min(lines.count + 4, body.height),
                title: "Status update: Enter sends · e edits · Esc discards", palette)
            for (i, line) in lines.prefix(max(inner.height - 2, 0)).enumerated() {
                canvas.write(
                    line, x: inner.x + 1, y: inner.y + i, width: inner.width - 1, style: palette[.dialog], clip: inner)
            }
            let via =
                state.updateSettings.command.map { "Sent with: " + $0 }
                ?? "No updates.command: it is recorded, not sent"
            canvas.write(
                via, x: inner.x + 1, y: inner.maxY - 1, width: inner.width - 1, style: palette[.textMuted], clip: inner)
        case .offerMilestone(let name):
            let inner = dialog(&canvas, body, width: 60, height: 3, title: "Milestone", palette)
            let why = name == "acknowledged" ? " (stops the SLA clock)" : state.isWalk ? " (the walk is finished)" : ""
            canvas.write(
                "Record \(name) now\(why)? y / n", x: inner.x + 1, y: inner.y,
                style: palette[.dialog], clip: inner)
        case .note(let editor):
            let inner = dialog(&canvas, body, width: 72, height: 3, title: "Note", palette)
            drawEditor(&canvas, editor, inner, palette)
        case .command(let editor):
            drawPrompt(&canvas, ":", editor, footer, palette)
            // What Tab would complete to, on the row above the command line.
            let candidates = CommandPalette.candidates(editor.text, state)
            if !candidates.isEmpty, footer.y > body.y {
                let row = Rect(x: footer.x, y: footer.y - 1, width: footer.width, height: 1)
                canvas.fill(row, style: palette[.footer])
                canvas.write(
                    " Tab: " + candidates.joined(separator: "  "), x: row.x, y: row.y,
                    style: palette[.footerText], clip: row)
            }
        case .filter(let editor):
            drawPrompt(&canvas, "/", editor, footer, palette)
        case .severityPicker(let cursor):
            let levels = state.severityLevels
            let inner = dialog(&canvas, body, width: 60, height: levels.count + 2, title: "Severity", palette)
            for (i, level) in levels.enumerated() where i < inner.height {
                let current = level.id == state.incident.severity ? "●" : " "
                let text = "\(current) \(level.id)  \(level.name ?? level.description ?? "")"
                let style = i == cursor.index ? palette[.selection] : palette[ThemeKey.severity(level, among: levels)]
                canvas.write(text, x: inner.x, y: inner.y + i, width: inner.width, style: style, clip: inner)
            }
        case .chooser(let cursor):
            let all = ListChoice.all(in: state.runbooks)
            let labels = all.map { $0.label(in: state.runbooks) }
            let width = (labels.map { DisplayWidth.of($0) }.max() ?? 20) + 6
            let inner = dialog(
                &canvas, body, width: max(width, 40), height: max(all.count, 1) + 2,
                title: "Checklists and procedures", palette)
            if all.isEmpty {
                canvas.write(
                    "(the runbooks have none)", x: inner.x, y: inner.y, style: palette[.textMuted], clip: inner)
            }
            let offset = cursor.firstShown(height: inner.height)
            for (i, label) in labels.enumerated().dropFirst(offset).prefix(inner.height) {
                let current = all[i] == state.shownList ? "●" : " "
                canvas.write(
                    "\(current) \(label)", x: inner.x, y: inner.y + i - offset, width: inner.width,
                    style: palette[i == cursor.index ? .selection : .dialog], clip: inner)
            }
        case .offerProcedure(let choice):
            let label =
                choice.checklist(in: state.runbooks)?.title.replacingOccurrences(of: "Procedure: ", with: "") ?? ""
            let text = "Show the procedure \(label)? y / n"
            let inner = dialog(
                &canvas, body, width: DisplayWidth.of(text) + 4, height: 3, title: "Severity procedure",
                palette)
            canvas.write(text, x: inner.x + 1, y: inner.y, style: palette[.dialog], clip: inner)
        case .metricChart(let name, let series):
            drawMetricChart(&canvas, name, series, body, state, palette)
        case .run(let dialog):
            drawRunDialog(&canvas, dialog, body, state, palette)
        case .output(let viewer):
            drawOutputViewer(&canvas, viewer, body, footer, state, palette)
        case .vars(let editor):
            drawVars(&canvas, editor, body, state, palette)
        case .offerTick(let item):
            drawOfferTick(&canvas, item, body, palette)
        case .confirmQuit:
            let inner = dialog(&canvas, body, width: 44, height: 3, title: "Quit?", palette)
            canvas.write(
                "A command is running. Quit? y / n", x: inner.x + 1, y: inner.y, style: palette[.dialog],
                clip: inner)
        }
    }

    /// A one-line prompt (`:` or `/`) over the footer.
    static func drawPrompt(
        _ canvas: inout Canvas, _ prompt: String, _ editor: LineEditor, _ footer: Rect,
        _ palette: ThemePalette
    ) {
        canvas.fill(footer, style: palette[.dialog])
        canvas.write(prompt, x: footer.x, y: footer.y, style: palette[.dialogTitle], clip: footer)
        drawEditor(&canvas, editor, Rect(x: footer.x + 1, y: footer.y, width: footer.width - 1, height: 1), palette)
    }

    /// Columns grouped into pages no wider than `width` (at least one column a page).
    static func helpPages(_ columns: [[String]], width: Int) -> [[[String]]] {
        var pages: [[[String]]] = [[]]
        var used = 0
        for column in columns {
            let w = (column.map { DisplayWidth.of($0) }.max() ?? 20) + 2
            if !pages[pages.count - 1].isEmpty, used + w > width {
                pages.append([])
                used = 0
            }
            pages[pages.count - 1].append(column)
            used += w
        }
        return pages
    }

    /// Help in as few columns as fit `height`, each starting at a section title (an unindented line).
    static func helpColumns(_ lines: [String], height: Int) -> [[String]] {
        guard lines.count > height, height > 0 else { return [lines] }
        var sections: [[String]] = []
        for line in lines {
            if line.hasPrefix(" "), !sections.isEmpty {
                sections[sections.count - 1].append(line)
            } else {
                sections.append([line])
            }
        }
        var columns: [[String]] = [[]]
        for section in sections {
            if !columns[columns.count - 1].isEmpty, columns[columns.count - 1].count + section.count > height {
                columns.append([])
            }
            columns[columns.count - 1] += section
        }
        return columns
    }

    /// The text scrolled so the cursor shows; the cursor cell in reverse video.
    static func drawEditor(_ canvas: inout Canvas, _ editor: LineEditor, _ rect: Rect, _ palette: ThemePalette) {
        let chars = editor.characters
        var start = 0
        while start < editor.cursor,
            DisplayWidth.of(String(chars[start..<editor.cursor])) >= rect.width - 1
        { start += 1 }
        var x = rect.x
        for i in start...chars.count {
            let c: Character = i < chars.count ? chars[i] : " "
            var style = palette[.dialog]
            if i == editor.cursor { style.attributes.insert(.reverse) }
            guard x + DisplayWidth.of(c) <= rect.maxX else { break }
            x = canvas.write(String(c), x: x, y: rect.y, style: style, clip: rect)
        }
    }

    /// Guided mode: one step large over the panes, with its commands' code and its deadline.
    static func drawGuided(
        _ canvas: inout Canvas, _ body: Rect, _ index: Int, _ state: AppState,
        _ palette: ThemePalette
    ) {
        guard let checklist = state.checklist, index < checklist.items.count else { return }
        let item = checklist.items[index]
        canvas.fill(body, style: palette[.text])
        let title = "Step \(index + 1) of \(checklist.items.count)" + (item.phase.map { " · " + $0 } ?? "")
        let inner = canvas.box(
            body, title: title, focused: true, borderStyle: palette[.paneBorderFocused],
            titleStyle: palette[.paneTitleFocused])
        var y = inner.y
        let ref = ItemRef(checklist: checklist.title, index: index, text: item.text)
        let mark =
            switch state.marks[ref.key]?.state {
            case .done: "[x] done"
            case .skipped: "[-] skipped"
            case nil: "[ ] open"
            }
        canvas.write(mark, x: inner.x + 1, y: y, style: palette[.textMuted], clip: inner)
        y += 2
        var bold = palette[.text]
        bold.attributes.insert(.bold)
        for line in TextWrap.wrap(RunbookSecrets.shown(item.text), width: inner.width - 2) {
            canvas.write(line, x: inner.x + 1, y: y, style: bold, clip: inner)
            y += 1
        }
        if let deadline = item.deadlineSeconds {
            let left = Int(state.incident.startedAt.timeIntervalSince(state.now).rounded(.down)) + deadline
            let text =
                left < 0 ? "⏰ Deadline passed +" + TimeText.countdown(left) : "◷ Due in " + TimeText.countdown(left)
            y += 1
            canvas.write(
                text, x: inner.x + 1, y: y, style: palette[left < 0 ? .countdownBreached : .countdownOK],
                clip: inner)
            y += 1
        }
        for id in item.commands {
            guard let command = state.listRunbook?.command(id), y + 2 < inner.maxY else { continue }
            y += 1
            let key = ThemeKey.risk(command.risk)
            canvas.write(
                "\(Symbols.symbol(for: key) ?? "") \(riskWord(command.risk))  \(command.title ?? "")",
                x: inner.x + 1, y: y, style: palette[key], clip: inner)
            y += 1
            for line in RunbookSecrets.shown(command.code).split(separator: "\n") where y < inner.maxY {
                canvas.write("  " + line, x: inner.x + 1, y: y, style: palette[.text], clip: inner)
                y += 1
            }
        }
    }
}
