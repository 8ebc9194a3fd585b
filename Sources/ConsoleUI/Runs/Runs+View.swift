import Foundation
import IncidentKit
import RunbookKit

/// The runs list (in the commands pane), the run dialogs, `:vars` and the tick offer.
extension AppView {
    /// `#3 ✓ ok exit 0      00:00:12  Roll back  kubectl rollout undo…`, oldest first.
    static func runRows(_ state: AppState) -> [PaneRow] {
        state.runs.enumerated().map { index, run in
            let words = RunStateText.words(run)
            let padded = words + String(repeating: " ", count: max(0, 16 - words.count))
            let what = [run.title, run.text.split(separator: "\n", maxSplits: 1).first.map(String.init)]
                .compactMap { $0 }.joined(separator: "  ")
            let symbol = RunStateText.symbol(run, ascii: state.asciiOnly)
            return PaneRow(
                text: " #\(run.id) \(symbol) \(padded) \(RunStateText.elapsed(run, now: state.now))  \(what)",
                key: RunStateText.themeKey(run), item: index)
        }
    }

    /// Under the runs list: the selected run's latest output lines (Enter opens all of it).
    static func drawRunTail(
        _ canvas: inout Canvas, below list: Rect, in rect: Rect, _ state: AppState,
        _ palette: ThemePalette
    ) {
        let height = PaneGeometry.codeHeight(rect, state)
        guard height > 0, let run = state.selectedRun else { return }
        canvas.horizontalLine(x: rect.x, y: list.maxY, length: rect.width, style: palette[.paneBorderUnfocused])
        let lines = state.outputs[run.id]?.lines.suffix(height) ?? []
        guard !lines.isEmpty else {
            let note = run.lineCount == 0 ? "no output yet" : "\(run.lineCount) lines (Enter shows them)"
            canvas.write(note, x: rect.x, y: list.maxY + 1, width: rect.width, style: palette[.textMuted], clip: rect)
            return
        }
        for (i, line) in lines.enumerated() {
            canvas.write(
                line.text, x: rect.x, y: list.maxY + 1 + i, width: rect.width, style: palette[.text], clip: rect)
        }
    }

    /// The commands pane's title: what it shows, how many runs are going, dry-run mode.
    static func commandsTitle(_ state: AppState) -> String {
        var title = state.runsShown ? "Runs" : "Commands"
        let active = state.runs.filter(\.isActive).count
        if active > 0 {
            title += " · \(active) running"
        } else if !state.runs.isEmpty, !state.runsShown {
            title += " · \(state.runs.count) runs (R)"
        }
        if state.dryRun { title += " · DRY RUN" }
        return title
    }

    static func drawRunDialog(
        _ canvas: inout Canvas, _ shown: RunDialog, _ body: Rect, _ state: AppState,
        _ palette: ThemePalette
    ) {
        switch shown {
        case .form(let form):
            let title = (state.command(id: form.commandId)?.title).map { "Values for " + $0 } ?? "Values"
            let nameWidth = min(form.fields.map { DisplayWidth.of($0.name) }.max() ?? 4, 24)
            let inner = dialog(&canvas, body, width: 76, height: form.fields.count + 4, title: title, palette)
            canvas.write(
                "* no value yet. Values are data: they never run as code.", x: inner.x + 1, y: inner.y,
                style: palette[.textMuted], clip: inner)
            for (i, field) in form.fields.enumerated() {
                let y = inner.y + 1 + i
                let label = TextFit.pad(field.name, toWidth: nameWidth) + (field.missing ? " * " : "   ")
                let x = canvas.write(label, x: inner.x + 1, y: y, style: palette[.dialogTitle], clip: inner)
                let shown =
                    field.secret
                    ? LineEditor(String(repeating: "•", count: field.editor.characters.count))
                    : field.editor
                let rect = Rect(x: x, y: y, width: inner.maxX - x - 1, height: 1)
                if i == form.focused {
                    drawEditor(&canvas, shown, rect, palette)
                } else {
                    canvas.write(shown.text, x: rect.x, y: y, width: rect.width, style: palette[.dialog], clip: inner)
                }
            }
        case .preview(let preview):
            drawPreview(&canvas, preview, body, state, palette)
        case .manual(let commandId, let title):
            let inner = dialog(
                &canvas, body, width: 70, height: 5, title: "Manual step (command \(commandId))", palette)
            canvas.write(
                TextFit.truncate(title, toWidth: inner.width - 2), x: inner.x + 1, y: inner.y,
                style: palette[.text], clip: inner)
            canvas.write(
                "This is a manual step: it cannot be run. d: mark it done  Esc: close", x: inner.x + 1,
                y: inner.y + 2, style: palette[.dialog], clip: inner)
        case .problem(let commandId, let text):
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            let width = (lines.map { DisplayWidth.of($0) }.max() ?? 20) + 4
            let inner = dialog(
                &canvas, body, width: max(width, 40), height: lines.count + 4,
                title: "Command \(commandId) cannot run", palette)
            for (i, line) in lines.enumerated() {
                canvas.write(line, x: inner.x + 1, y: inner.y + i, style: palette[.error], clip: inner)
            }
            canvas.write(
                "Esc: close", x: inner.x + 1, y: inner.y + lines.count + 1, style: palette[.textMuted],
                clip: inner)
        }
    }

    /// The exact text, how and where it runs, its risk, and the question it asks.
    static func drawPreview(
        _ canvas: inout Canvas, _ preview: RunPreview, _ body: Rect, _ state: AppState,
        _ palette: ThemePalette
    ) {
        let run = preview.run
        let code = RunbookSecrets.shown(run.shownText).split(separator: "\n", omittingEmptySubsequences: false)
            .map(String.init)
        let shownCode = Array(code.prefix(max(body.height - 14, 1)))
        let reasonRows = run.risk == .destructive ? 1 : 0
        let height = shownCode.count + 9 + reasonRows + (run.values.isEmpty ? 0 : 1) + run.warnings.count
        var title = "Run " + (run.title ?? "command \(run.commandId)")
        if state.dryRun { title = "DRY RUN · " + title }
        let inner = dialog(&canvas, body, width: max(body.width - 8, 40), height: height, title: title, palette)
        var y = inner.y
        let key = ThemeKey.risk(run.risk)
        canvas.write(
            "\(Symbols.symbol(for: key, ascii: state.asciiOnly) ?? "") \(riskWord(run.risk))"
                + (state.dryRun ? "   DRY RUN: nothing will be executed, the run is recorded" : ""),
            x: inner.x + 1, y: y, style: palette[key], clip: inner)
        y += 1
        if run.risk == .destructive {
            canvas.write("Why: " + run.riskReason, x: inner.x + 1, y: y, style: palette[key], clip: inner)
            y += 1
        }
        let place = run.workingDirectory.map { " · in " + $0 } ?? ""
        canvas.write(
            "Runner: \(run.runnerName)\(place)" + (run.interactive ? " · interactive (real terminal)" : ""),
            x: inner.x + 1, y: y, style: palette[.textMuted], clip: inner)
        y += 1
        if !run.values.isEmpty {
            let values = run.maskedValues.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
            canvas.write(
                "Values: " + values.joined(separator: "  "), x: inner.x + 1, y: y, style: palette[.textMuted],
                clip: inner)
            y += 1
        }
        for warning in run.warnings {
            canvas.write("Warning: " + warning, x: inner.x + 1, y: y, style: palette[.metricWarn], clip: inner)
            y += 1
        }
        canvas.horizontalLine(x: inner.x, y: y, length: inner.width, style: palette[.dialogBorder])
        y += 1
        for line in shownCode {
            canvas.write(line, x: inner.x + 1, y: y, style: palette[.text], clip: inner)
            y += 1
        }
        if shownCode.count < code.count {
            canvas.write(
                "… \(code.count - shownCode.count) more lines", x: inner.x + 1, y: y, style: palette[.textMuted],
                clip: inner)
        }
        y = inner.maxY - 2
        canvas.horizontalLine(x: inner.x, y: y, length: inner.width, style: palette[.dialogBorder])
        y += 1
        switch (run.risk, run.confirmationWord) {
        case (_, let word?):
            let x = canvas.write(
                "Type \(word) to run it, Esc to cancel: ", x: inner.x + 1, y: y, style: palette[key],
                clip: inner)
            drawEditor(&canvas, preview.typed, Rect(x: x, y: y, width: inner.maxX - x, height: 1), palette)
        case (.read, nil):
            canvas.write("Enter: run   Esc: cancel", x: inner.x + 1, y: y, style: palette[.dialog], clip: inner)
        case (.unknown, nil):
            canvas.write(
                "warroom does not know what this does. Run it? y/N", x: inner.x + 1, y: y, style: palette[key],
                clip: inner)
        case (_, nil):
            canvas.write("Run this change? y/N", x: inner.x + 1, y: y, style: palette[key], clip: inner)
        }
    }

    static func drawVars(
        _ canvas: inout Canvas, _ editor: VarsEditor, _ body: Rect, _ state: AppState,
        _ palette: ThemePalette
    ) {
        let names = state.vars.keys.sorted()
        let inner = dialog(
            &canvas, body, width: 72, height: max(names.count, 1) + 4,
            title: "Remembered values (this incident)", palette)
        let nameWidth = min(names.map { DisplayWidth.of($0) }.max() ?? 4, 28)
        let selected = editor.selected.clamped(to: names.count)
        for (i, name) in names.enumerated() where i < inner.height - 2 {
            let secret = RunPreparer.isSecret(name)
            let y = inner.y + i
            let x = canvas.write(
                TextFit.pad(name, toWidth: nameWidth) + "  ", x: inner.x + 1, y: y,
                style: palette[i == selected ? .selection : .dialogTitle], clip: inner)
            if i == selected, let line = editor.editing {
                let shown = secret ? LineEditor(String(repeating: "•", count: line.characters.count)) : line
                drawEditor(&canvas, shown, Rect(x: x, y: y, width: inner.maxX - x, height: 1), palette)
            } else {
                let value = secret ? ConsoleEvent.maskedValue : state.vars[name] ?? ""
                canvas.write(value, x: x, y: y, style: palette[.dialog], clip: inner)
            }
        }
        canvas.write(
            "Enter: edit (an empty value forgets it)   Esc: close", x: inner.x + 1, y: inner.maxY - 1,
            style: palette[.textMuted], clip: inner)
    }

    static func drawOfferTick(_ canvas: inout Canvas, _ item: ItemRef, _ body: Rect, _ palette: ThemePalette) {
        let text = "Every command succeeded. Tick \"\(item.text)\"? y / n"
        let inner = dialog(&canvas, body, width: DisplayWidth.of(text) + 4, height: 3, title: "Step done?", palette)
        canvas.write(text, x: inner.x + 1, y: inner.y, style: palette[.dialog], clip: inner)
    }
}
