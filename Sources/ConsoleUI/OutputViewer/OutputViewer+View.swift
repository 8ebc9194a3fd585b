import Foundation
import RunbookKit

/// The output viewer: a header (text, state, elapsed, lines, where dropped lines are) over the
/// kept lines, coloured as the command asked, search matches in reverse video.
extension AppView {
    static func drawOutputViewer(
        _ canvas: inout Canvas, _ viewer: OutputViewer, _ body: Rect, _ footer: Rect,
        _ state: AppState, _ palette: ThemePalette
    ) {
        canvas.fill(body, style: palette[.text])
        let run = state.runs.first { $0.id == viewer.runId }
        let output = state.outputs[viewer.runId] ?? RunOutput()
        let title = "Output of run #\(viewer.runId)" + (run?.title.map { " · " + $0 } ?? "")
        let inner = canvas.box(
            body, title: title, focused: true, borderStyle: palette[.paneBorderFocused],
            titleStyle: palette[.paneTitleFocused])
        guard !inner.isEmpty else { return }
        if let run {
            let firstLine = run.text.split(separator: "\n", maxSplits: 1).first.map(String.init) ?? ""
            canvas.write(
                "$ " + firstLine, x: inner.x, y: inner.y, width: inner.width, style: palette[.text].with(.bold),
                clip: inner)
            var status =
                "\(RunStateText.symbol(run, ascii: state.asciiOnly)) \(RunStateText.words(run)) · "
                + RunStateText.elapsed(run, now: state.now) + " · \(max(run.lineCount, output.endLine)) lines"
            status += viewer.follow ? " · following" : " · scrolled (F: follow)"
            if viewer.wrap { status += " · wrap" }
            if let query = viewer.query { status += " · /" + query }
            canvas.write(
                status, x: inner.x, y: inner.y + 1, width: inner.width, style: palette[RunStateText.themeKey(run)],
                clip: inner)
            if output.firstLine > 0 {
                let place = run.outputPath ?? "the output file"
                canvas.write(
                    "lines before \(output.firstLine + 1) are in \(place)", x: inner.x, y: inner.y + 2,
                    style: palette[.textMuted], clip: inner)
            }
        }
        let rect = OutputGeometry.textRect(state)
        if output.lines.isEmpty {
            canvas.write("(no output yet)", x: rect.x, y: rect.y, style: palette[.textMuted], clip: rect)
        }
        var y = rect.y
        var number = OutputGeometry.top(viewer, output, rect)
        while y < rect.maxY, let line = output.line(number) {
            for piece in OutputGeometry.pieces(line.text, width: rect.width, wrap: viewer.wrap) where y < rect.maxY {
                drawOutputPiece(&canvas, line, piece, x: rect.x, y: y, query: viewer.query, clip: rect, palette)
                y += 1
            }
            number += 1
        }
        if let editor = viewer.search { drawPrompt(&canvas, "/", editor, footer, palette) }
    }

    static func drawOutputPiece(
        _ canvas: inout Canvas, _ line: OutputLine, _ piece: (start: Int, text: String),
        x: Int, y: Int, query: String?, clip: Rect, _ palette: ThemePalette
    ) {
        let characters = Array(piece.text)
        var styles = OutputStyle.styles(
            line, start: piece.start, count: characters.count, base: palette[.text],
            depth: palette.depth)
        if let query, !query.isEmpty {
            var from = piece.text.startIndex
            while let found = piece.text.range(of: query, options: .caseInsensitive, range: from..<piece.text.endIndex)
            {
                let start = piece.text.distance(from: piece.text.startIndex, to: found.lowerBound)
                let count = piece.text.distance(from: found.lowerBound, to: found.upperBound)
                for i in start..<(start + count) { styles[i].attributes.insert(.reverse) }
                from = found.upperBound
            }
        }
        var column = x
        for (i, character) in characters.enumerated() {
            guard column < clip.maxX else { break }
            column += canvas.put(character == "\t" ? " " : character, x: column, y: y, style: styles[i], clip: clip)
        }
    }
}
