import ConsoleUI
import Foundation
import RunbookKit
import Testing

/// The timeline a person reads: one row per run with its result, kinds in words, the detail on
/// Enter, "N new ↓" while scrolled up, and wide terminals using the space.
@Suite("Timeline rows (pure)")
struct TimelineRowsTests {
    static func screen(_ state: AppState) -> [String] {
        AppView.render(state, palette: BuiltinThemes.defaultTheme.palette(depth: .mono)).lines
    }

    static func run(_ id: Int64, started at: TimeInterval) -> ConsoleEvent {
        AppFixture.event(id, "command_started", "#1 `kubectl rollout undo deploy/api`", at: at, author: "alice")
    }

    @Test("A run is one row: running, then its result; the finish adds no row")
    func oneRowPerRun() {
        var state = AppFixture.state()
        state.focus = .timeline
        state.zoomed = true
        _ = AppUpdate.update(&state, .journalEvents([Self.run(5, started: 20)]))
        #expect(
            Self.screen(state).contains {
                $0.contains("alice run       #1 `kubectl rollout undo deploy/api`  ▶ running")
            })
        var finished = AppFixture.event(
            6, "command_finished", "Ran #1 → exit 6", .runFinished(started: 5, outcome: "✗ exit 6 · 2.1s"),
            at: 22, author: "alice")
        finished.detail = ["result: exit 6 after 2.1s", "last lines:", "  error: no rollout history"]
        _ = AppUpdate.update(&state, .journalEvents([finished]))
        // Delivered twice (its own append and the watch): folded once.
        _ = AppUpdate.update(&state, .journalEvents([finished]))
        #expect(state.timeline.count == 1 && state.lastEventID == 6)
        #expect(
            Self.screen(state).contains {
                $0.contains("alice run       #1 `kubectl rollout undo deploy/api`  ✗ exit 6 · 2.1s")
            })

        AppFixture.press([.enter], &state)
        let page = Self.screen(state).joined(separator: "\n")
        #expect(page.contains("━ Event #5 · run ━"))
        #expect(page.contains("┃ #1 `kubectl rollout undo deploy/api`  ✗ exit 6 · 2.1s"))
        #expect(page.contains("┃   error: no rollout history"))
    }

    @Test("Events arriving while scrolled up are counted in the title until the end is reached")
    func newBelow() {
        var state = AppFixture.state()
        _ = AppUpdate.update(&state, .journalEvents((1...30).map { AppFixture.event($0, "note", "note \($0)") }))
        state.focus = .timeline
        AppFixture.press([KeyEvent(.home)], &state)
        _ = AppUpdate.update(&state, .journalEvents((31...33).map { AppFixture.event($0, "note", "note \($0)") }))
        #expect(Self.screen(state).contains { $0.contains("Timeline · 3 new ↓") })
        AppFixture.press([KeyEvent(.end)], &state)
        #expect(!Self.screen(state).contains { $0.contains("new ↓") })
    }

    @Test("From 160 columns: three full-height columns, the timeline on the right")
    func wideLayout() {
        let wide = ScreenLayout.compute(width: 200, height: 60)
        let checklist = wide.panes[.checklist]!, timeline = wide.panes[.timeline]!
        #expect(checklist.height == 57 && timeline.height == 57)
        #expect(checklist.x == 0 && timeline.maxX == 200)
        #expect(wide.panes[.metrics]!.x == wide.panes[.commands]!.x)
        let grid = ScreenLayout.compute(width: 159, height: 60)
        #expect(grid.panes[.timeline]!.height < 57)
        let state = AppFixture.state(width: 200, height: 60)
        let lines = Self.screen(state)
        #expect(lines[2].hasPrefix("┏━ Checklist"))
        #expect(
            lines[2].contains("┌─ Metrics")
                && lines[2].hasSuffix("┌─ Timeline " + String(repeating: "─", count: 54) + "┐"))
    }
}
