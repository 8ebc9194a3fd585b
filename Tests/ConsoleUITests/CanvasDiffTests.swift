import Testing
@testable import ConsoleUI

@Suite("Canvas diff")
struct CanvasDiffTests {
    @Test("Identical frames produce nothing")
    func identical() {
        var a = Canvas(width: 20, height: 5)
        a.write("hello", x: 2, y: 2)
        #expect(CanvasDiff.runs(from: a, to: a).isEmpty)
    }

    @Test("One changed cell is one run of one cell")
    func single() {
        var a = Canvas(width: 20, height: 5)
        a.write("hello", x: 2, y: 2)
        var b = a
        b.write("j", x: 2, y: 2)
        let runs = CanvasDiff.runs(from: a, to: b)
        #expect(runs == [CanvasRun(row: 2, column: 2, cells: [Cell("j")])])
    }

    @Test("Separate changes are separate runs; a style change counts")
    func separate() {
        let a = Canvas(width: 20, height: 3)
        var b = a
        b.write("ab", x: 1, y: 0)
        b.write("cd", x: 10, y: 0)
        b.restyle(Rect(x: 5, y: 2, width: 3, height: 1), style: Style(attributes: .bold))
        let runs = CanvasDiff.runs(from: a, to: b)
        #expect(runs.map { "\($0.row):\($0.column):\($0.width)" } == ["0:1:2", "0:10:2", "2:5:3"])
    }

    @Test("Runs keep wide characters whole")
    func wide() {
        var a = Canvas(width: 10, height: 1)
        a.write("漢字", x: 0, y: 0)
        var b = a
        b.write("漢x", x: 0, y: 0) // 字 (cols 2-3) becomes "x" + space
        let runs = CanvasDiff.runs(from: a, to: b)
        #expect(runs.count == 1)
        #expect(runs[0].column == 2)
        #expect(runs[0].cells.map(\.character) == ["x", " "])
        var c = Canvas(width: 10, height: 1)
        c.write("ab", x: 0, y: 0)
        var d = c
        d.write("🚨", x: 1, y: 0)
        let wideRuns = CanvasDiff.runs(from: c, to: d)
        #expect(wideRuns.count == 1)
        #expect(wideRuns[0].column == 1 && wideRuns[0].cells.count == 2)
        #expect(wideRuns[0].cells[1].isContinuation)
    }

    @Test("No previous frame or a new size redraws every row")
    func full() {
        let b = Canvas(width: 4, height: 3)
        #expect(CanvasDiff.runs(from: nil, to: b).count == 3)
        #expect(CanvasDiff.runs(from: Canvas(width: 5, height: 3), to: b).map(\.width) == [4, 4, 4])
        #expect(CanvasDiff.runs(from: nil, to: Canvas(width: 0, height: 0)).isEmpty)
    }
}
