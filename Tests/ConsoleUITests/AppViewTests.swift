import ConsoleUI
import Foundation
import Testing

@Suite("App view (pure)")
struct AppViewTests {
    let palette = BuiltinThemes.defaultTheme.palette(depth: .ansi256)

    func screen(_ state: AppState) -> (Canvas, String) {
        let canvas = AppView.render(state, palette: palette)
        return (canvas, canvas.lines.joined(separator: "\n"))
    }

    @Test("120×40: header, four panes, marks, progress, footer hints")
    func full() {
        var state = AppFixture.state()
        let item = state.items[0]
        _ = AppUpdate.update(
            &state,
            .journalEvents([
                AppFixture.event(1, "opened", "Checkout failing", at: 0),
                AppFixture.event(2, "item_ticked", item.text, .ticked(item.key), at: 30)
            ]))
        let (canvas, text) = screen(state)
        #expect(text.contains("INC-20261118-1"))
        #expect(text.contains("⚑ SEV2 Degraded"))
        #expect(text.contains("00:01:09"))
        #expect(text.contains("SLA 28:51 left"))
        #expect(text.contains("IC: alice"))
        #expect(text.contains("Checklist 1/3"))
        #expect(text.contains("[x] Confirm the alert"))
        #expect(text.contains("[ ] Pick a severity"))
        #expect(text.contains("◷ 13:51"))
        #expect(text.contains("Assess") && text.contains("Mitigate"))
        #expect(text.contains("error_rate") && text.contains("no source"))
        #expect(text.contains("warn > 1%") && text.contains("crit > 5%"))
        #expect(text.contains("change") && text.contains("Roll back"))
        #expect(text.contains("kubectl rollout undo deploy/api"))
        #expect(text.contains("bob done      Confirm the alert"))
        #expect(text.contains("── 2026-11-18 ──"))
        #expect(text.contains("Space  tick") || text.contains(" Space  tick "))
        // The selected checklist row is drawn in the selection style (reverse in the default theme).
        let lines = canvas.lines
        let row = lines.firstIndex { $0.contains("[x] Confirm the alert") }!
        let column = lines[row].distance(from: lines[row].startIndex, to: lines[row].range(of: "[x]")!.lowerBound)
        #expect(canvas.style(at: column, row) == palette[.selection])
        // The badge is drawn in its severity's style.
        let badgeColumn = lines[0].distance(from: lines[0].startIndex, to: lines[0].range(of: "⚑")!.lowerBound)
        #expect(canvas.style(at: badgeColumn, 0) == palette[.sev2])
    }

    @Test("SLA breached and unbounded")
    func sla() {
        let late = AppFixture.state(now: AppFixture.start.addingTimeInterval(1800 + 65))
        #expect(AppView.slaText(late).0.contains("SLA BREACHED +01:05"))
        #expect(AppView.slaText(AppFixture.state(severity: "SEV4")).0 == "SLA n/a")
    }

    @Test("80×24 uses tabs; 50×10 says too small")
    func smaller() {
        let (_, tabbed) = screen(AppFixture.state(width: 80, height: 24))
        #expect(tabbed.contains(" Checklist 0/3   Metrics   Commands   Timeline"))
        #expect(tabbed.contains("[ ] Confirm the alert"))
        #expect(!tabbed.contains("┌─ Metrics"))
        let (_, small) = screen(AppFixture.state(width: 50, height: 10))
        #expect(small.contains("Terminal too small"))
    }

    @Test("Overlays: note editor, help from the bindings table, guided step")
    func overlays() {
        var state = AppFixture.state()
        AppFixture.press([.char("n")] + "fixed 🚀".map { .char($0) }, &state)
        #expect(screen(state).1.contains("fixed 🚀"))
        #expect(screen(state).1.contains("Enter  add"))
        state.overlays = [.help]
        let help = screen(state).1
        for binding in Bindings.all where binding.context == .checklist { #expect(help.contains(binding.help)) }
        state.overlays = []
        AppFixture.press([.char("g"), .enter, .enter], &state)
        let guided = screen(state).1
        #expect(guided.contains("Step 3 of 3 · Mitigate"))
        #expect(guided.contains("Roll back the deploy"))
        #expect(guided.contains("kubectl rollout undo deploy/api"))
    }

    @Test("Footer hints come from the bindings table")
    func hints() {
        let hints = Bindings.hints(for: .checklist)
        #expect(hints.first?.keys == "Space" && hints.first?.text == "tick")
        #expect(hints.contains { $0.keys == "q" && $0.text == "quit" })
        // Ctrl-C only cancels a run; with none running it does nothing (see RunsListTests).
        #expect(Bindings.action(for: .ctrl("c"), in: .checklist) == .cancelRun)
        #expect(Bindings.helpLines().contains("Guided mode"))
    }

    @Test("Zoom gives the focused pane the whole body; the timeline shows a date line per day")
    func zoomAndDays() {
        var state = AppFixture.state()
        _ = AppUpdate.update(
            &state,
            .journalEvents([
                AppFixture.event(1, "note", "day one", at: 10),
                AppFixture.event(2, "note", "day two", at: 86_400)
            ]))
        state.focus = .timeline
        state.zoomed = true
        let (canvas, text) = screen(state)
        #expect(!text.contains("Metrics"))
        #expect(canvas.lines[2].hasPrefix("┏━ Timeline"))
        #expect(text.contains("── 2026-11-18 ──") && text.contains("── 2026-11-19 ──"))
        #expect(text.contains("bob note      day two"))
    }

    @Test("Help on a 120×40 screen: every context over its pages, PgDn/PgUp turn them")
    func helpColumns() {
        var state = AppFixture.state()
        state.overlays = [.help]
        let first = screen(state).1
        #expect(first.contains("Keys · page 1/"))
        var text = first
        for _ in 0..<4 {
            AppFixture.press([KeyEvent(.pageDown)], &state)
            text += screen(state).1
        }
        for context in BindingContext.allCases { #expect(text.contains(context.title)) }
        AppFixture.press([KeyEvent(.pageUp), KeyEvent(.pageUp), KeyEvent(.pageUp), KeyEvent(.pageUp)], &state)
        #expect(screen(state).1 == first)
        AppFixture.press([.escape], &state)
        #expect(state.overlays.isEmpty && state.helpPage == 0)
    }

    @Test("Without colour the selected row is reverse video and marks say who and when")
    func mono() {
        let mono = BuiltinThemes.defaultTheme.palette(depth: .mono)
        var state = AppFixture.state()
        let item = state.items[0]
        _ = AppUpdate.update(
            &state, .journalEvents([AppFixture.event(2, "item_ticked", item.text, .ticked(item.key), at: 30)]))
        let canvas = AppView.render(state, palette: mono)
        let row = canvas.lines.firstIndex { $0.contains("[x] Confirm the alert") }!
        #expect(canvas.style(at: 2, row).attributes.contains(.reverse))
        #expect(canvas.lines[row].contains("11:07 bob"))
        #expect(!canvas.style(at: 2, row + 1).attributes.contains(.reverse))
    }
}
