import Testing
@testable import ConsoleUI

@Suite("Canvas")
struct CanvasTests {
    let red = Style(foreground: .ansi(1), attributes: [.bold])

    @Test("Text and styles read back")
    func textAndStyle() {
        var canvas = Canvas(width: 10, height: 2)
        let end = canvas.write("hello", x: 1, y: 0, style: red)
        #expect(end == 6)
        #expect(canvas.lines == [" hello", ""])
        #expect(canvas.style(at: 1, 0) == red)
        #expect(canvas.style(at: 0, 0) == .plain)
        #expect(canvas.style(at: 6, 0) == .plain)
    }

    @Test("Clipping to a rectangle and the canvas")
    func clipping() {
        var canvas = Canvas(width: 8, height: 3)
        canvas.write("abcdefgh", x: 2, y: 1, clip: Rect(x: 3, y: 0, width: 3, height: 3))
        #expect(canvas.lines == ["", "   bcd", ""])
        canvas.write("0123456789", x: -2, y: 2)
        #expect(canvas.text(row: 2) == "23456789")
        canvas.write("zzz", x: 0, y: 5) // outside: ignored, no crash
        canvas.write("zzz", x: 0, y: -1)
        #expect(canvas.lines.count == 3)
    }

    @Test("Wide characters stay aligned")
    func wideAlignment() {
        var canvas = Canvas(width: 12, height: 3)
        canvas.write("🚨 alert", x: 0, y: 0)
        canvas.write("漢字 ok", x: 0, y: 1)
        canvas.write("ab cd", x: 0, y: 2)
        #expect(canvas.lines == ["🚨 alert", "漢字 ok", "ab cd"])
        // "alert" starts at column 3, "ok" at column 5: cells line up.
        #expect(canvas[3, 0].character == "a")
        #expect(canvas[1, 0].isContinuation)
        #expect(canvas[5, 1].character == "o")
        #expect(canvas[1, 1].isContinuation && canvas[3, 1].isContinuation)
        // A ZWJ sequence is one cell plus continuation.
        var family = Canvas(width: 4, height: 1)
        family.write("👩‍💻x", x: 0, y: 0)
        #expect(family[0, 0].character == "👩‍💻")
        #expect(family[1, 0].isContinuation)
        #expect(family[2, 0].character == "x")
    }

    @Test("A row with ⚠️ or 🛠️ keeps the box's right border in its column")
    func variationSelectorInABox() {
        var canvas = Canvas(width: 20, height: 5)
        let inner = canvas.box(Rect(x: 0, y: 0, width: 20, height: 5), title: "Checklist")
        canvas.write("⚠️ Check the DB", x: inner.x, y: inner.y, clip: inner)
        canvas.write("🛠️ Fix it", x: inner.x, y: inner.y + 1, clip: inner)
        canvas.write("⚠ text style", x: inner.x, y: inner.y + 2, clip: inner)
        for row in 1...3 { #expect(canvas[19, row].character == "│", "row \(row)") }
        #expect(canvas[1, 1].character == "⚠️")
        #expect(canvas[2, 1].isContinuation)
        #expect(canvas[3, 1].character == " ")
        #expect(canvas[2, 3].character == " " && canvas[3, 3].character == "t", "⚠ without VS16 is one column")
        for row in 0..<5 {
            #expect(
                canvas.row(row).filter { !$0.isContinuation }.map { DisplayWidth.of($0.character) }.reduce(0, +) == 20)
        }
    }

    @Test("A wide character that does not fit in the last column becomes a space")
    func wideAtEdge() {
        var canvas = Canvas(width: 5, height: 1)
        canvas.write("abcd漢", x: 0, y: 0, style: red)
        #expect(canvas.text(row: 0) == "abcd")
        #expect(canvas[4, 0].character == " ")
        #expect(!canvas[4, 0].isContinuation)
        #expect(canvas[4, 0].style == red)
        var clipped = Canvas(width: 10, height: 1)
        clipped.write("a漢字", x: 0, y: 0, clip: Rect(x: 0, y: 0, width: 4, height: 1))
        #expect(clipped.text(row: 0) == "a漢")
        #expect(!clipped[3, 0].isContinuation)
    }

    @Test("Overwriting half of a wide character blanks the other half")
    func overwriteHalf() {
        var canvas = Canvas(width: 6, height: 1)
        canvas.write("漢字", x: 0, y: 0)
        canvas.write("x", x: 1, y: 0) // right half of 漢
        #expect(canvas.text(row: 0) == " x字")
        #expect(!canvas[1, 0].isContinuation)
        canvas.write("y", x: 2, y: 0) // left half of 字
        #expect(canvas.text(row: 0) == " xy")
        #expect(!canvas[3, 0].isContinuation)
    }

    @Test("ASCII text over wide characters, tabs and control characters")
    func asciiOverWide() {
        var canvas = Canvas(width: 8, height: 2)
        canvas.write("漢字漢", x: 0, y: 0)
        canvas.write("abc", x: 1, y: 0)
        #expect(canvas.text(row: 0) == " abc漢")
        #expect(canvas[5, 0].isContinuation)
        #expect(!canvas[3, 0].isContinuation)
        let end = canvas.write("a\tb\u{1}c", x: 0, y: 1)
        #expect(end == 4)
        #expect(canvas.text(row: 1) == "a bc")
        var cell = Cell("x")
        cell.character = "y"
        #expect(cell == Cell("y"))
    }

    @Test("Combining marks attach to their base")
    func combining() {
        var canvas = Canvas(width: 4, height: 1)
        canvas.write("e\u{301}x", x: 0, y: 0)
        #expect(canvas[0, 0].character == "e\u{301}")
        #expect(canvas[1, 0].character == "x")
    }

    @Test("Truncation with an ellipsis and padding")
    func truncation() {
        #expect(TextFit.truncate("database", toWidth: 5) == "data…")
        #expect(TextFit.truncate("db", toWidth: 5) == "db")
        #expect(TextFit.truncate("漢字漢字", toWidth: 4) == "漢…")
        #expect(TextFit.truncate("abc", toWidth: 0) == "")
        #expect(TextFit.pad("ab", toWidth: 5, alignment: .right) == "   ab")
        #expect(TextFit.pad("ab", toWidth: 5, alignment: .center) == " ab  ")
        #expect(TextFit.pad("🚨", toWidth: 4) == "🚨  ")
        var canvas = Canvas(width: 12, height: 1)
        canvas.write("connections", x: 1, y: 0, width: 6)
        #expect(canvas.text(row: 0) == " conne…")
        canvas.write("7", x: 8, y: 0, width: 4, alignment: .right)
        #expect(canvas.text(row: 0) == " conne…    7")
    }

    @Test("Boxes with titles, focused and unfocused")
    func boxes() {
        var canvas = Canvas(width: 14, height: 4)
        let inner = canvas.box(
            Rect(x: 0, y: 0, width: 14, height: 4), title: "Metrics and more", focused: true,
            borderStyle: red)
        #expect(inner == Rect(x: 1, y: 1, width: 12, height: 2))
        #expect(canvas.lines == ["┏━ Metrics… ━┓", "┃            ┃", "┃            ┃", "┗━━━━━━━━━━━━┛"])
        #expect(canvas.style(at: 0, 0) == red)
        var plain = Canvas(width: 9, height: 3)
        plain.box(plain.bounds, title: "Log")
        #expect(plain.lines == ["┌─ Log ─┐", "│       │", "└───────┘"])
        var narrow = Canvas(width: 8, height: 3)
        narrow.box(narrow.bounds, title: "Log")
        #expect(narrow.text(row: 0) == "┌─ L… ─┐")
        var tiny = Canvas(width: 1, height: 1)
        tiny.box(tiny.bounds, title: "x")
        tiny.box(Rect(x: 0, y: 0, width: 0, height: 0))
        #expect(tiny.lines == ["─"])
    }

    @Test("Lines and fills")
    func linesAndFill() {
        var canvas = Canvas(width: 5, height: 3)
        canvas.horizontalLine(x: 0, y: 0, length: 10)
        canvas.verticalLine(x: 2, y: 0, length: 3)
        canvas.fill(Rect(x: 3, y: 1, width: 2, height: 2), with: "#", style: red)
        #expect(canvas.lines == ["──│──", "  │##", "  │##"])
        #expect(canvas.style(at: 4, 2) == red)
        canvas.restyle(Rect(x: 0, y: 2, width: 5, height: 1), style: .plain.with(.reverse))
        #expect(canvas.style(at: 4, 2).attributes == [.reverse])
        #expect(canvas.text(row: 2) == "  │##")
    }

    @Test("Degenerate canvases never crash")
    func degenerate() {
        var empty = Canvas(width: 0, height: 0)
        empty.write("abc", x: 0, y: 0)
        empty.fill(empty.bounds)
        empty.box(empty.bounds, title: "t")
        #expect(empty.lines == [])
        var negative = Canvas(width: -3, height: 2)
        negative.write("x", x: 0, y: 0)
        #expect(negative.width == 0)
    }
}
