import Foundation
import RunbookKit

/// The output viewer's state: which run, where it is scrolled, wrap and search.
/// Line numbers count every line of the run from 0, kept or not (`RunOutput.firstLine`).
public struct OutputViewer: Sendable, Equatable {
    public var runId: Int
    /// Sticks to the end as lines arrive; scrolling up leaves it, `F`/End returns.
    public var follow = true
    /// First line shown when not following.
    public var top = 0
    public var wrap = false
    /// The search being typed (after `/`), nil when not typing.
    public var search: LineEditor?
    /// The search in force: its matches are highlighted, `n`/`N` move between them.
    public var query: String?
    /// Line number of the current match.
    public var match: Int?

    public init(runId: Int) {
        self.runId = runId
    }
}

/// Where the viewer draws and how its lines fold: shared by the view and `update` so paging
/// and following agree with what is on screen.
enum OutputGeometry {
    /// Rows above the text inside the box: the command, its state, the note about dropped lines.
    static let headerRows = 3

    /// The text area: the body less the box and the header rows.
    static func textRect(_ state: AppState) -> Rect {
        let layout = ScreenLayout.compute(width: state.width, height: state.height, activePane: state.focus)
        let body = Rect(x: 0, y: layout.header.maxY, width: state.width, height: layout.footer.y - layout.header.maxY)
        let inner = body.inset(by: 1)
        return Rect(x: inner.x, y: inner.y + headerRows, width: inner.width, height: max(inner.height - headerRows, 1))
    }

    /// A line cut into pieces of at most `width` columns (one piece unless wrapping):
    /// each piece's first character offset and text.
    static func pieces(_ text: String, width: Int, wrap: Bool) -> [(start: Int, text: String)] {
        guard wrap, width > 0, DisplayWidth.of(text) > width else { return [(0, text)] }
        var result: [(Int, String)] = []
        var piece = "", start = 0, offset = 0, used = 0
        for character in text {
            let w = DisplayWidth.of(character)
            if used + w > width, !piece.isEmpty {
                result.append((start, piece))
                piece = ""
                start = offset
                used = 0
            }
            piece.append(character)
            used += w
            offset += 1
        }
        result.append((start, piece))
        return result
    }

    static func height(_ line: OutputLine?, width: Int, wrap: Bool) -> Int {
        guard wrap, let line else { return 1 }
        return pieces(line.text, width: width, wrap: true).count
    }

    /// The first line shown when following: as many of the last lines as fill the rows.
    static func followTop(_ output: RunOutput, _ rect: Rect, wrap: Bool) -> Int {
        var top = output.endLine
        var used = 0
        while top > output.firstLine {
            let h = height(output.line(top - 1), width: rect.width, wrap: wrap)
            if used + h > rect.height { break }
            used += h
            top -= 1
        }
        return min(top, max(output.endLine - 1, output.firstLine))
    }

    /// The first line shown now.
    static func top(_ viewer: OutputViewer, _ output: RunOutput, _ rect: Rect) -> Int {
        let end = followTop(output, rect, wrap: viewer.wrap)
        if viewer.follow { return end }
        return min(max(viewer.top, output.firstLine), max(end, output.firstLine))
    }
}
