import ConsoleUI
import Foundation
import RunbookKit
import Testing

@Suite("Output viewer (pure)")
struct OutputViewerTests {
    static func lines(_ range: Range<Int>, _ text: (Int) -> String = { "line \($0)" }) -> [OutputLine] {
        range.map { OutputLine(text: text($0)) }
    }

    /// A running run with `count` lines, its viewer open (120×40: 32 text rows).
    static func viewing(_ count: Int = 100) -> AppState {
        var state = RunFixture.state()
        _ = AppUpdate.update(
            &state,
            .runs([
                RunFixture.snapshot(
                    1, command: 6, .running, lines: count,
                    outputPath: "/store/out/1.log")
            ]))
        _ = AppUpdate.update(&state, .runOutput(id: 1, firstLine: 0, lines: lines(0..<count)))
        AppFixture.press([.enter], &state)
        return state
    }

    static func textRows(_ state: AppState) -> [String] {
        let lines = RunFixture.screen(state).0.lines
        return Array(lines[6..<38]).map { String($0.dropFirst().dropLast()).trimmingCharacters(in: .whitespaces) }
    }

    @Test("Follow sticks to the end as lines arrive; scrolling up leaves it; F returns; Home goes to the top")
    func follow() {
        var state = Self.viewing()
        var rows = Self.textRows(state)
        #expect(rows.first == "line 68" && rows.last == "line 99")
        let text = RunFixture.screen(state).1
        #expect(text.contains("$ uptime"))
        #expect(text.contains("⟳ running · 00:01:00 · 100 lines · following"))
        _ = AppUpdate.update(&state, .runOutput(id: 1, firstLine: 0, lines: Self.lines(0..<120)))
        #expect(Self.textRows(state).last == "line 119")
        AppFixture.press([.up], &state)
        rows = Self.textRows(state)
        #expect(rows.first == "line 87" && rows.last == "line 118")
        #expect(RunFixture.screen(state).1.contains("scrolled (F: follow)"))
        _ = AppUpdate.update(&state, .runOutput(id: 1, firstLine: 0, lines: Self.lines(0..<150)))
        #expect(Self.textRows(state).first == "line 87")
        AppFixture.press([.char("F")], &state)
        #expect(Self.textRows(state).last == "line 149")
        AppFixture.press([KeyEvent(.home)], &state)
        #expect(Self.textRows(state).first == "line 0")
        AppFixture.press([KeyEvent(.pageDown)], &state)
        #expect(Self.textRows(state).first == "line 31")
        AppFixture.press([KeyEvent(.pageUp), .up], &state)
        #expect(Self.textRows(state).first == "line 0")
        AppFixture.press([KeyEvent(.end)], &state)
        #expect(Self.textRows(state).last == "line 149")
    }

    @Test("When earlier lines are no longer kept the header says where they are")
    func droppedLines() {
        var state = Self.viewing()
        #expect(!RunFixture.screen(state).1.contains("lines before"))
        _ = AppUpdate.update(&state, .runOutput(id: 1, firstLine: 500, lines: Self.lines(500..<600)))
        #expect(RunFixture.screen(state).1.contains("lines before 501 are in /store/out/1.log"))
        AppFixture.press([KeyEvent(.home)], &state)
        #expect(Self.textRows(state).first == "line 500")
    }

    @Test("/ searches (case-insensitively), highlights matches, n and N move between them")
    func search() {
        var state = RunFixture.state()
        _ = AppUpdate.update(&state, .runs([RunFixture.snapshot(1, command: 6, .exited(1), finished: 50)]))
        _ = AppUpdate.update(
            &state,
            .runOutput(
                id: 1, firstLine: 0,
                lines: Self.lines(0..<100) {
                    $0 == 10 || $0 == 40 ? "line \($0) ERROR disk full" : "line \($0)"
                }))
        AppFixture.press([.enter, .char("/")] + RunFixture.type("error") + [.enter], &state)
        #expect(Self.textRows(state).first == "line 10 ERROR disk full")
        let (canvas, text) = RunFixture.screen(state)
        #expect(text.contains("/error"))
        let column = canvas.lines[6].distance(of: "ERROR")
        #expect(canvas.style(at: column, 6).attributes.contains(.reverse))
        #expect(canvas.style(at: column + 4, 6).attributes.contains(.reverse))
        #expect(!canvas.style(at: column - 2, 6).attributes.contains(.reverse))
        // line 40 is already on screen: n selects it without scrolling; N goes back.
        AppFixture.press([.char("n")], &state)
        guard case .output(let viewer) = state.overlays.last else { Issue.record("closed"); return }
        #expect(viewer.match == 40)
        AppFixture.press([.char("N")], &state)
        guard case .output(let back) = state.overlays.last else { Issue.record("closed"); return }
        #expect(back.match == 10)
        // Typing a search: n and q are letters, Esc cancels the typing only.
        AppFixture.press([.char("/"), .ctrl("u")] + RunFixture.type("nq") + [.enter], &state)
        #expect(state.message == "Not found: nq")
        AppFixture.press([.char("/"), .escape], &state)
        guard case .output = state.overlays.last else { Issue.record("closed"); return }
    }

    @Test("w wraps long lines onto the next rows; without it they are cut at the edge")
    func wrap() {
        var state = RunFixture.state()
        _ = AppUpdate.update(&state, .runs([RunFixture.snapshot(1, command: 6, .running)]))
        let long = String(repeating: "abcdefghij", count: 15) + "END"
        _ = AppUpdate.update(
            &state, .runOutput(id: 1, firstLine: 0, lines: [OutputLine(text: long), OutputLine(text: "next")]))
        AppFixture.press([.enter], &state)
        var rows = Self.textRows(state).filter { !$0.isEmpty }
        #expect(rows.count == 2 && rows[0].count == 118 && rows[1] == "next")
        AppFixture.press([.char("w")], &state)
        rows = Self.textRows(state).filter { !$0.isEmpty }
        #expect(rows == [String(long.prefix(118)), String(long.dropFirst(118)), "next"])
        #expect(RunFixture.screen(state).1.contains("· wrap"))
    }

    @Test("The command's colours: ANSI colours stay the terminal's, 256 colours resolve, mono keeps only bold")
    func colours() {
        var state = RunFixture.state()
        _ = AppUpdate.update(&state, .runs([RunFixture.snapshot(1, command: 6, .running)]))
        _ = AppUpdate.update(
            &state,
            .runOutput(
                id: 1, firstLine: 0,
                lines: [
                    OutputLine(
                        text: "ok FAIL warn",
                        colors: [
                            ColorRun(start: 3, length: 4, foreground: 1, bold: true),
                            ColorRun(start: 8, length: 4, foreground: 214, background: 4)
                        ])
                ]))
        AppFixture.press([.enter], &state)
        let (canvas, _) = RunFixture.screen(state)
        let row = canvas.lines.firstIndex { $0.contains("ok FAIL warn") }!
        let x = canvas.lines[row].distance(of: "ok FAIL")
        #expect(canvas.style(at: x + 3, row).foreground == .ansi(1))
        #expect(canvas.style(at: x + 3, row).attributes.contains(.bold))
        #expect(canvas.style(at: x + 6, row).foreground == .ansi(1))
        #expect(canvas.style(at: x + 8, row).foreground == .palette(214))
        #expect(canvas.style(at: x + 8, row).background == .ansi(4))
        #expect(!canvas.style(at: x, row).attributes.contains(.bold))
        let sixteen = RunFixture.screen(state, depth: .ansi16).0
        #expect(sixteen.style(at: x + 8, row).foreground != .palette(214))
        let mono = RunFixture.screen(state, depth: .mono).0
        #expect(mono.style(at: x + 3, row).foreground == .terminalDefault)
        #expect(mono.style(at: x + 8, row).background == .terminalDefault)
        #expect(mono.style(at: x + 3, row).attributes.contains(.bold))
    }

    @Test("x and Ctrl-C cancel the viewed run while it is active; Esc closes")
    func cancel() {
        var state = Self.viewing()
        #expect(AppFixture.press([.char("x")], &state) == [.cancelRun(1)])
        #expect(AppFixture.press([.ctrl("c")], &state) == [.cancelRun(1)])
        _ = AppUpdate.update(&state, .runs([RunFixture.snapshot(1, command: 6, .signalled(2), finished: 70)]))
        #expect(AppFixture.press([.ctrl("c")], &state).isEmpty)
        #expect(RunFixture.screen(state).1.contains("✗ killed by SIGINT · 00:00:30"))
        AppFixture.press([.escape], &state)
        #expect(state.overlays.isEmpty && !state.quitting)
    }
}
