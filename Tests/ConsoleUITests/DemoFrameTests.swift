import Testing
@testable import ConsoleUI

@Suite("Demo frame and symbols")
struct DemoFrameTests {
    let palette = BuiltinThemes.defaultTheme.palette(depth: .ansi256)

    @Test(
        "Renders at any size without crashing",
        arguments: [(200, 60), (120, 40), (80, 24), (60, 15), (59, 15), (1, 1), (0, 0)])
    func sizes(width: Int, height: Int) {
        let canvas = DemoFrame.render(width: width, height: height, palette: palette)
        #expect(canvas.width == max(width, 0) && canvas.height == max(height, 0))
        for line in canvas.lines { #expect(DisplayWidth.of(line) <= width) }
    }

    @Test("Full layout: panes, focus, styles and wide text")
    func full() {
        let canvas = DemoFrame.render(width: 120, height: 40, palette: palette, focus: .metrics)
        let lines = canvas.lines
        #expect(lines[0].hasPrefix(" warroom canvas demo   🚨 SEV1"))
        #expect(lines[2].hasPrefix("┌─ Checklist ─"))
        #expect(lines[2].contains("┏━ Metrics ━"))
        #expect(canvas.style(at: 60, 2) == palette[.paneBorderFocused])
        #expect(canvas.style(at: 0, 2) == palette[.paneBorderUnfocused])
        #expect(lines.last?.contains("Shift-Tab") == true)
        // Every row is exactly as wide as the screen once trailing blanks are counted.
        for y in 0..<canvas.height {
            #expect(canvas.row(y).count == 120)
        }
    }

    @Test("Tabbed and too-small screens")
    func small() {
        let tabbed = DemoFrame.render(width: 80, height: 24, palette: palette, focus: .timeline)
        #expect(tabbed.lines[1].hasSuffix(" Timeline"))
        #expect(tabbed.style(at: DisplayWidth.of(" Checklist   Metrics   Commands  ") + 1, 1) == palette[.tabActive])
        #expect(tabbed.lines[2].hasPrefix("┏━ Timeline"))
        let tiny = DemoFrame.render(width: 40, height: 10, palette: palette)
        #expect(tiny.lines.contains { $0.hasPrefix("Terminal too small") })
    }

    @Test("Mono screens keep meaning through attributes and symbols")
    func mono() {
        let mono = BuiltinThemes.defaultTheme.palette(depth: .mono)
        let canvas = DemoFrame.render(width: 120, height: 40, palette: mono)
        let critRow = canvas.lines.firstIndex { $0.contains("db_conns") } ?? 0
        let column = canvas.row(critRow).firstIndex { $0.character == "✖" }.map { $0 - critRow * canvas.width } ?? 0
        #expect(column > 0)
        #expect(canvas.style(at: column, critRow) == Style(attributes: [.reverse, .bold]))
        #expect(canvas.style(at: column, critRow).foreground == .terminalDefault)
        #expect(Symbols.symbol(for: .metricCrit) == "✖")
        #expect(Symbols.symbol(for: .metricCrit, ascii: true) == "X")
        #expect(Symbols.symbol(for: .text) == nil)
        let meaningful: [ThemeKey] = [.metricOK, .metricWarn, .metricCrit, .metricPending, .metricStale, .metricError]
        #expect(Set(meaningful.compactMap { Symbols.symbol(for: $0) }).count == meaningful.count)
    }
}
