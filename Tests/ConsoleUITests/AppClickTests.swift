import ConsoleUI
import Foundation
import Testing

@Suite("Mouse clicks (pure)")
struct AppClickTests {
    static func screen(_ state: AppState) -> [String] {
        AppView.render(state, palette: BuiltinThemes.defaultTheme.palette(depth: .mono)).lines
    }

    /// The screen cell where `text` is drawn.
    static func find(_ text: String, _ state: AppState) -> (x: Int, y: Int)? {
        for (y, line) in screen(state).enumerated() {
            if let range = line.range(of: text) {
                return (line.distance(from: line.startIndex, to: range.lowerBound), y)
            }
        }
        return nil
    }

    @Test("A click on a row focuses its pane and selects the row the view drew there")
    func clickRow() throws {
        var state = AppFixture.state()
        let at = try #require(Self.find("Roll back the deploy", state))
        _ = AppUpdate.update(&state, .click(x: at.x, y: at.y))
        #expect(state.focus == .checklist && state.selected(.checklist) == 2)

        let command = try #require(Self.find("kubectl get pods", state))
        _ = AppUpdate.update(&state, .click(x: command.x, y: command.y))
        #expect(state.focus == .commands && state.selectedIndex(.commands) == 1)

        // A phase heading or the border focuses the pane but keeps the selection.
        let heading = try #require(Self.find("Assess", state))
        _ = AppUpdate.update(&state, .click(x: heading.x, y: heading.y))
        #expect(state.focus == .checklist && state.selected(.checklist) == 2)
        _ = AppUpdate.update(&state, .click(x: 100, y: 5))
        #expect(state.focus == .metrics)
        // The header is not a pane.
        _ = AppUpdate.update(&state, .click(x: 3, y: 0))
        #expect(state.focus == .metrics)
    }

    @Test("In tabbed mode a click on a tab shows that pane")
    func clickTab() throws {
        var state = AppFixture.state(width: 80, height: 24)
        let tab = try #require(Self.find("Timeline", state))
        _ = AppUpdate.update(&state, .click(x: tab.x, y: tab.y))
        #expect(state.focus == .timeline)
    }

    @Test("Clicks follow the scrolled, filtered and zoomed rows; overlays take no clicks")
    func clickScrolled() throws {
        var state = AppFixture.state(width: 100, height: 30)
        _ = AppUpdate.update(
            &state, .journalEvents((1...40).map { AppFixture.event(Int64($0), "note", "event \($0)") }))
        // The timeline follows the newest event, so early ones scrolled away.
        let at = try #require(Self.find("note      event 38", state))
        _ = AppUpdate.update(&state, .click(x: at.x, y: at.y))
        #expect(state.focus == .timeline && state.selectedIndex(.timeline) == 37)
        AppFixture.press([.char("z")], &state)
        let zoomed = try #require(Self.find("note      event 30", state))
        _ = AppUpdate.update(&state, .click(x: zoomed.x, y: zoomed.y))
        #expect(state.selectedIndex(.timeline) == 29)
        AppFixture.press([.char("z"), .char("/")] + "event 1".map { .char($0) } + [.enter], &state)
        let filtered = try #require(Self.find("note      event 12", state))
        _ = AppUpdate.update(&state, .click(x: filtered.x, y: filtered.y))
        #expect(state.selectedIndex(.timeline) == 11)
        AppFixture.press([.char("?")], &state)
        _ = AppUpdate.update(&state, .click(x: 2, y: 5))
        #expect(state.focus == .timeline && state.overlays == [.help])
    }
}
