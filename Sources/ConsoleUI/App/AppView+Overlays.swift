import Foundation
import RunbookKit

extension AppView {
    /// A dialog box centred in `area`, at most `width`×`height`; returns its inner rect.
    static func dialog(_ canvas: inout Canvas, _ area: Rect, width: Int, height: Int, title: String,
                       _ palette: ThemePalette) -> Rect {
        let w = min(width, area.width), h = min(height, area.height)
        let rect = Rect(x: area.x + (area.width - w) / 2, y: area.y + (area.height - h) / 2, width: w, height: h)
        canvas.fill(rect, style: palette[.dialog])
        return canvas.box(rect, title: title, focused: true, borderStyle: palette[.dialogBorder],
                          titleStyle: palette[.dialogTitle])
    }

    static func drawOverlay(_ canvas: inout Canvas, _ overlay: Overlay, _ body: Rect, _ footer: Rect,
                            _ state: AppState, _ palette: ThemePalette) {
        switch overlay {
        case .help:
            let columns = helpColumns(Bindings.helpLines(), height: body.height - 2)
            let columnWidth = (columns.joined().map { DisplayWidth.of($0) }.max() ?? 20) + 2
            let height = (columns.map(\.count).max() ?? 0) + 2
            let inner = dialog(&canvas, body, width: columnWidth * columns.count + 2, height: height, title: "Keys",
                               palette)
            for (c, lines) in columns.enumerated() {
                for (i, line) in lines.prefix(inner.height).enumerated() {
                    let key: ThemeKey = line.hasPrefix(" ") || line.isEmpty ? .dialog : .dialogTitle
                    canvas.write(line, x: inner.x + 1 + c * columnWidth, y: inner.y + i, width: columnWidth - 1,
                                 style: palette[key], clip: inner)
                }
            }
        case .note(let editor):
            let inner = dialog(&canvas, body, width: 72, height: 3, title: "Note", palette)
            drawEditor(&canvas, editor, inner, palette)
        case .command(let editor):
            canvas.fill(footer, style: palette[.dialog])
            canvas.write(":", x: footer.x, y: footer.y, style: palette[.dialogTitle], clip: footer)
            drawEditor(&canvas, editor, Rect(x: footer.x + 1, y: footer.y, width: footer.width - 1, height: 1), palette)
        case .severityPicker(let selected):
            let levels = state.severityLevels
            let inner = dialog(&canvas, body, width: 60, height: levels.count + 2, title: "Severity", palette)
            for (i, level) in levels.enumerated() where i < inner.height {
                let current = level.id == state.incident.severity ? "●" : " "
                let text = "\(current) \(level.id)  \(level.name ?? level.description ?? "")"
                let style = i == selected ? palette[.selection] : palette[ThemeKey.severity(level, among: levels)]
                canvas.write(text, x: inner.x, y: inner.y + i, width: inner.width, style: style, clip: inner)
            }
        case .confirmQuit:
            let inner = dialog(&canvas, body, width: 44, height: 3, title: "Quit?", palette)
            canvas.write("A command is running. Quit? y / n", x: inner.x + 1, y: inner.y, style: palette[.dialog],
                         clip: inner)
        }
    }

    /// Help in one column when it fits `height`, else split in two at the section break nearest the middle.
    static func helpColumns(_ lines: [String], height: Int) -> [[String]] {
        guard lines.count > height else { return [lines] }
        let breaks = lines.indices.filter { lines[$0].isEmpty }
        guard let split = breaks.min(by: { abs($0 - lines.count / 2) < abs($1 - lines.count / 2) }) else { return [lines] }
        return [Array(lines[..<split]), Array(lines[(split + 1)...])]
    }

    /// The text scrolled so the cursor shows; the cursor cell in reverse video.
    static func drawEditor(_ canvas: inout Canvas, _ editor: LineEditor, _ rect: Rect, _ palette: ThemePalette) {
        let chars = editor.characters
        var start = 0
        while start < editor.cursor,
              DisplayWidth.of(String(chars[start..<editor.cursor])) >= rect.width - 1 { start += 1 }
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
    static func drawGuided(_ canvas: inout Canvas, _ body: Rect, _ index: Int, _ state: AppState,
                           _ palette: ThemePalette) {
        guard let checklist = state.checklist, index < checklist.items.count else { return }
        let item = checklist.items[index]
        canvas.fill(body, style: palette[.text])
        let title = "Step \(index + 1) of \(checklist.items.count)" + (item.phase.map { " · " + $0 } ?? "")
        let inner = canvas.box(body, title: title, focused: true, borderStyle: palette[.paneBorderFocused],
                               titleStyle: palette[.paneTitleFocused])
        var y = inner.y
        let ref = ItemRef(checklist: checklist.title, index: index, text: item.text)
        let mark = switch state.marks[ref.key]?.state {
        case .done: "[x] done"
        case .skipped: "[-] skipped"
        case nil: "[ ] open"
        }
        canvas.write(mark, x: inner.x + 1, y: y, style: palette[.textMuted], clip: inner)
        y += 2
        var bold = palette[.text]
        bold.attributes.insert(.bold)
        for line in TextWrap.wrap(item.text, width: inner.width - 2) {
            canvas.write(line, x: inner.x + 1, y: y, style: bold, clip: inner)
            y += 1
        }
        if let deadline = item.deadlineSeconds {
            let left = Int(state.incident.startedAt.timeIntervalSince(state.now).rounded(.down)) + deadline
            let text = left < 0 ? "⏰ Deadline passed +" + TimeText.countdown(left) : "◷ Due in " + TimeText.countdown(left)
            y += 1
            canvas.write(text, x: inner.x + 1, y: y, style: palette[left < 0 ? .countdownBreached : .countdownOK],
                         clip: inner)
            y += 1
        }
        for id in item.commands {
            guard let command = state.runbook?.command(id), y + 2 < inner.maxY else { continue }
            y += 1
            let key = ThemeKey.risk(command.risk)
            canvas.write("\(Symbols.symbol(for: key) ?? "") \(riskWord(command.risk))  \(command.title ?? "")",
                         x: inner.x + 1, y: y, style: palette[key], clip: inner)
            y += 1
            for line in command.code.split(separator: "\n") where y < inner.maxY {
                canvas.write("  " + line, x: inner.x + 1, y: y, style: palette[.text], clip: inner)
                y += 1
            }
        }
    }
}
