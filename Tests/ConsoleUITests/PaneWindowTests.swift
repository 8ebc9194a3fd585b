@testable import ConsoleUI
import Foundation
import RunbookKit
import Testing

/// Panes format only the rows on screen and keep their filters' results in the state: what is
/// drawn and what the filters let through must still be what a full rebuild gives.
@Suite("Pane windows and filter index")
struct PaneWindowTests {
    let palette = BuiltinThemes.defaultTheme.palette(depth: .ansi256)

    /// `count` events, a few seconds apart, crossing midnight a third of the way in.
    static func events(_ range: Range<Int>) -> [ConsoleEvent] {
        range.map { i in
            let kind = i % 3 == 0 ? "note" : i % 3 == 1 ? "milestone" : "status_changed"
            let text = i % 5 == 0 ? "deploy r\(i)" : "event \(i)"
            return AppFixture.event(
                Int64(i + 1), kind, text, at: 50_000 + Double(i) * 100, author: i % 2 == 0 ? "bob" : "ann")
        }
    }

    /// Each pane's cached filter result equals a fresh filter of the state.
    static func expectIndexFresh(_ state: AppState, _ comment: Comment) {
        for pane in PaneID.allCases {
            #expect(state.visible(pane) == PaneFilter.visible(pane, state), comment)
        }
    }

    @Test("the filter index follows filter edits, appends, out-of-order events, kinds and list changes")
    func filterIndexStaysFresh() {
        var state = AppFixture.state()
        _ = AppUpdate.update(&state, .journalEvents(Self.events(0..<200)))
        Self.expectIndexFresh(state, "no filter")
        #expect(state.visible(.timeline) == nil)

        state.filters[.timeline] = "deploy"
        Self.expectIndexFresh(state, "filter set")
        #expect(state.rowCount(.timeline) == 40)

        _ = AppUpdate.update(&state, .journalEvents(Self.events(200..<260)))
        Self.expectIndexFresh(state, "appended")
        #expect(state.rowCount(.timeline) == 52)

        // Another writer's earlier event arrives late: it goes in at its place.
        state.timeline.remove(at: 10)
        Self.expectIndexFresh(state, "removed")
        _ = AppUpdate.update(&state, .journalEvents(Self.events(10..<11)))
        Self.expectIndexFresh(state, "inserted")
        #expect(state.rowCount(.timeline) == 52)

        state.timelineKind = "note"
        Self.expectIndexFresh(state, "kind")
        state.filters[.timeline] = "DEPLOY r1"
        Self.expectIndexFresh(state, "filter edited")
        state.filters[.timeline] = nil
        Self.expectIndexFresh(state, "filter cleared, kind kept")
        #expect(state.visible(.timeline)?.count == 87)
        state.timelineKind = nil
        #expect(state.visible(.timeline) == nil)

        state.filters[.checklist] = "roll"
        state.filters[.commands] = "kubectl get"
        state.filters[.metrics] = "error"
        Self.expectIndexFresh(state, "other panes")
        #expect(state.visible(.checklist) == [2] && state.visible(.commands) == [1] && state.visible(.metrics) == [0])
        state.activeList = ListChoice(runbook: 0, source: .checklist(0))
        Self.expectIndexFresh(state, "list chosen")
        state.runbooks = []
        Self.expectIndexFresh(state, "runbooks gone")
        #expect(state.visible(.checklist) == [] && state.visible(.commands) == [])
    }

    /// The timeline pane's text rows, as drawn.
    func drawnTimeline(_ state: AppState) -> [String] {
        let canvas = AppView.render(state, palette: palette)
        guard let rect = PaneGeometry.panes(state)[.timeline]?.inset(by: 1) else { return [] }
        return (rect.y..<rect.maxY).map { y in
            let line = Array(canvas.lines[y])
            return String(line[rect.x..<min(rect.maxX, line.count)]).trimmingCharacters(in: .whitespaces)
        }
    }

    /// The same window worked out from every row: a date line per day, then `clock author kind text`,
    /// scrolled so the selected event is on the last row once it is below the first screenful.
    func expectedTimeline(_ state: AppState) -> [String] {
        let shown = PaneFilter.visible(.timeline, state) ?? Array(state.timeline.indices)
        var rows: [(text: String, item: Int?)] = []
        var day = ""
        for (row, index) in shown.enumerated() {
            let event = state.timeline[index]
            if TimeText.day(event.time) != day {
                day = TimeText.day(event.time)
                rows.append(("── \(day) ──", nil))
            }
            rows.append((TimelineText.row(event, authorWidth: state.timelineAuthorWidth), row))
        }
        guard let height = PaneGeometry.panes(state)[.timeline]?.inset(by: 1).height else { return [] }
        let selected = rows.firstIndex { $0.item == state.selected(.timeline) } ?? 0
        let offset = selected < height ? 0 : selected - height + 1
        let window = rows.dropFirst(offset).prefix(height).map(\.text)
        return window + Array(repeating: "", count: max(0, height - window.count))
    }

    @Test("the timeline draws the window a full rebuild would: scrolling, filters, new events, resize")
    func timelineWindow() {
        var state = AppFixture.state()
        _ = AppUpdate.update(&state, .journalEvents(Self.events(0..<1_000)))
        AppUpdate.resume(&state)
        state.focus = .timeline
        #expect(drawnTimeline(state) == expectedTimeline(state), "following the end")
        #expect(drawnTimeline(state).last?.hasSuffix("ann note      event 999") == true)

        AppFixture.press([KeyEvent(.home)], &state)
        #expect(drawnTimeline(state) == expectedTimeline(state), "top")
        #expect(drawnTimeline(state).first?.hasPrefix("── ") == true)
        AppFixture.press(Array(repeating: KeyEvent(.pageDown), count: 20) + [.down, .down, .up], &state)
        #expect(state.selected(.timeline) > 100)
        #expect(drawnTimeline(state) == expectedTimeline(state), "paged down")

        state.filters[.timeline] = "deploy"
        #expect(drawnTimeline(state) == expectedTimeline(state), "filtered")
        _ = AppUpdate.update(&state, .journalEvents(Self.events(1_000..<1_030)))
        #expect(drawnTimeline(state) == expectedTimeline(state), "new events while filtered")
        AppFixture.press([KeyEvent(.end)], &state)
        #expect(drawnTimeline(state).last?.hasSuffix("deploy r1025") == true)
        #expect(drawnTimeline(state) == expectedTimeline(state), "filtered, at the end")

        _ = AppUpdate.update(&state, .resize(width: 100, height: 30))
        #expect(drawnTimeline(state) == expectedTimeline(state), "resized")
        state.filters[.timeline] = nil
        #expect(drawnTimeline(state) == expectedTimeline(state), "filter cleared")
        state.zoomed = true
        #expect(drawnTimeline(state) == expectedTimeline(state), "zoomed")
    }

    @Test("a click maps to the row drawn under it in a scrolled pane")
    func clickOnScrolledRow() {
        var state = AppFixture.state()
        _ = AppUpdate.update(&state, .journalEvents(Self.events(0..<500)))
        AppUpdate.resume(&state)
        guard let rect = PaneGeometry.panes(state)[.timeline]?.inset(by: 1) else {
            Issue.record("no timeline pane")
            return
        }
        let drawn = drawnTimeline(state)
        let line = drawn.count - 3
        _ = AppUpdate.update(&state, .click(x: rect.x + 2, y: rect.y + line))
        let selected = state.timeline[state.selectedIndex(.timeline) ?? 0]
        #expect(drawn[line] == TimelineText.row(selected, authorWidth: state.timelineAuthorWidth))
    }

    @Test("command headings: one per section change among the shown commands, filtered or not")
    func commandHeadings() {
        var state = AppFixture.state()
        func command(_ id: Int, _ section: String) -> RunbookCommand {
            RunbookCommand(
                id: id, title: "step \(id)", language: "bash", code: "echo \(id)", section: section,
                line: id, placeholders: [], risk: .read, riskReason: "echo", runnable: true)
        }
        var book = AppFixture.runbook
        book.commands = [
            command(1, "Payments > Diagnosis"), command(2, "Payments > Mitigation"),
            command(3, "Payments > Diagnosis"), command(4, "Payments > Diagnosis")
        ]
        state.runbooks = [book]
        func texts() -> [String] { AppView.commandLines(state).all.map(\.text) }
        #expect(texts().filter { !$0.hasPrefix(" ") } == ["Diagnosis", "Mitigation", "Diagnosis"])
        state.filters[.commands] = "Diagnosis"
        #expect(texts().filter { !$0.hasPrefix(" ") } == ["Diagnosis"])
        #expect(texts().count == 4)
    }
}
