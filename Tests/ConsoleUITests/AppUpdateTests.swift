import ConsoleUI
import Foundation
import Testing

@Suite("App update (pure)")
struct AppUpdateTests {
    @Test("Space ticks the selected item; the mark appears only once the event comes back")
    func tickAfterJournal() {
        var state = AppFixture.state()
        let effects = AppFixture.press([.char("j"), .char(" ")], &state)
        let item = ItemRef(checklist: "Incident Checklist", index: 1, text: "Pick a severity")
        #expect(effects == [.appendTick(item)])
        #expect(state.marks.isEmpty)
        _ = AppUpdate.update(
            &state, .journalEvents([AppFixture.event(1, "item_ticked", "Pick a severity", .ticked(item.key))]))
        #expect(state.marks[item.key]?.state == .done)
        #expect(state.marks[item.key]?.author == "bob")
        #expect(AppFixture.press([.char(" ")], &state) == [.appendUntick(item)])
        // A duplicate delivery (append result and watcher) is applied once.
        _ = AppUpdate.update(&state, .journalEvents([AppFixture.event(1, "item_ticked", "x", .ticked(item.key))]))
        #expect(state.timeline.count == 1)
    }

    @Test("s skips; skipping a marked item does nothing")
    func skip() {
        var state = AppFixture.state()
        let item = ItemRef(checklist: "Incident Checklist", index: 0, text: "Confirm the alert")
        #expect(AppFixture.press([.char("s")], &state) == [.appendSkip(item)])
        _ = AppUpdate.update(&state, .journalEvents([AppFixture.event(3, "item_skipped", "", .skipped(item.key))]))
        #expect(state.marks[item.key]?.state == .skipped)
        #expect(AppFixture.press([.char("s")], &state).isEmpty)
    }

    @Test("Note editor: Unicode insert, cursor, Backspace, Ctrl-W, Ctrl-U, Enter commits, Esc cancels")
    func noteEditor() {
        var state = AppFixture.state()
        AppFixture.press([.char("n")] + "checkout fixd 🚀".map { .char($0) }, &state)
        AppFixture.press([.left, .left, .left, .char("z"), .backspace, .char("e")], &state)
        guard case .note(let editor) = state.overlays.last else { Issue.record("no editor"); return }
        #expect(editor.text == "checkout fixed 🚀")
        // Ctrl-C and q are not quitting from inside the editor.
        AppFixture.press([.ctrl("c")], &state)
        #expect(AppFixture.press([.enter], &state) == [.appendNote("checkout fixed 🚀")])
        #expect(state.overlays.isEmpty)

        AppFixture.press([.char("n")] + "one two".map { .char($0) } + [.ctrl("w")], &state)
        guard case .note(let e2) = state.overlays.last else { Issue.record("no editor"); return }
        #expect(e2.text == "one ")
        AppFixture.press([.ctrl("u"), .char("q")], &state)
        guard case .note(let e3) = state.overlays.last else { Issue.record("no editor"); return }
        #expect(e3.text == "q")
        #expect(AppFixture.press([.escape], &state).isEmpty)
        #expect(state.overlays.isEmpty && !state.quitting)
    }

    @Test("Focus, movement, zoom, help; q quits, Ctrl-C does not")
    func navigation() {
        var state = AppFixture.state()
        AppFixture.press([.tab, .tab], &state)
        #expect(state.focus == .commands)
        AppFixture.press([.down, .down, .down], &state)
        #expect(state.selected(.commands) == 1)
        AppFixture.press([KeyEvent(.home)], &state)
        #expect(state.selected(.commands) == 0)
        AppFixture.press([.shiftTab, .char("z")], &state)
        #expect(state.focus == .metrics && state.zoomed)
        AppFixture.press([.char("?")], &state)
        #expect(state.overlays == [.help])
        AppFixture.press([.escape], &state)
        #expect(state.overlays.isEmpty)
        #expect(AppFixture.press([.ctrl("c")], &state).isEmpty)
        #expect(AppFixture.press([.char("q")], &state) == [.quit])
        #expect(state.quitting)
    }

    @Test("q asks first while a command runs")
    func confirmQuit() {
        var state = AppFixture.state()
        _ = AppUpdate.update(&state, .runs([RunFixture.snapshot(1, command: 6, .running, started: 10)]))
        #expect(AppFixture.press([.char("q")], &state).isEmpty)
        #expect(state.overlays == [.confirmQuit])
        #expect(AppFixture.press([.char("n")], &state).isEmpty)
        AppFixture.press([.char("q")], &state)
        #expect(AppFixture.press([.char("y")], &state) == [.quit])
    }

    @Test("Severity picker and :sev set the severity through an effect")
    func severity() {
        var state = AppFixture.state()
        AppFixture.press([.char("S")], &state)
        #expect(state.overlays == [.severityPicker(1)])
        #expect(AppFixture.press([.up, .enter], &state) == [.setSeverity("SEV1")])
        #expect(state.incident.severity == "SEV2")
        _ = AppUpdate.update(
            &state, .journalEvents([AppFixture.event(5, "severity_changed", "SEV2 → SEV1", .severity("SEV1"))]))
        #expect(state.incident.severity == "SEV1")
        #expect(
            AppFixture.press([.char(":")] + "sev sev4".map { .char($0) } + [.enter], &state) == [.setSeverity("SEV4")])
        AppFixture.press([.char(":")] + "sev".map { .char($0) } + [.enter], &state)
        #expect(state.overlays == [.severityPicker(0)])
    }

    @Test("Guided mode: Enter ticks and advances, s skips, b goes back, Esc leaves")
    func guided() {
        var state = AppFixture.state()
        AppFixture.press([.char("g")], &state)
        #expect(state.guided == 0)
        let items = state.items
        #expect(AppFixture.press([.enter], &state) == [.appendTick(items[0])])
        #expect(AppFixture.press([.char("s")], &state) == [.appendSkip(items[1])])
        #expect(state.guided == 2)
        AppFixture.press([.char("b")], &state)
        #expect(state.guided == 1)
        AppFixture.press([.char("n")] + "mid-step".map { .char($0) }, &state)
        // A note written in guided mode is linked to the step on screen.
        #expect(AppFixture.press([.enter], &state) == [.appendNote("mid-step", step: items[1])])
        #expect(state.guided == 1)
        AppFixture.press([.escape], &state)
        #expect(state.guided == nil && state.selected(.checklist) == 1)
    }

    @Test("Role and status events update the header snapshot")
    func snapshot() {
        var state = AppFixture.state()
        _ = AppUpdate.update(
            &state,
            .journalEvents([
                AppFixture.event(1, "role_assigned", "commander carol", .role("commander", "carol")),
                AppFixture.event(2, "status_changed", "mitigated", .status("mitigated"))
            ]))
        #expect(state.incident.commander == "carol")
        #expect(state.incident.status == "mitigated")
    }

    @Test("An earlier event that arrives late goes in at its place, once")
    func outOfOrder() {
        var state = AppFixture.state()
        _ = AppUpdate.update(
            &state, .journalEvents([AppFixture.event(1, "opened", "o"), AppFixture.event(3, "note", "mine")]))
        _ = AppUpdate.update(
            &state, .journalEvents([AppFixture.event(2, "note", "theirs"), AppFixture.event(3, "note", "mine")]))
        #expect(state.timeline.map(\.id) == [1, 2, 3])
    }

    @Test("PgDn, End and PgUp move by pages within the pane")
    func paging() {
        var state = AppFixture.state(width: 120, height: 40)
        for i in 1...60 { state.timeline.append(AppFixture.event(Int64(i), "note", "n\(i)")) }
        state.focus = .timeline
        state.selection[.timeline] = 0
        AppFixture.press([KeyEvent(.pageDown)], &state)
        #expect(state.selected(.timeline) > 5)
        AppFixture.press([KeyEvent(.end)], &state)
        #expect(state.selected(.timeline) == 59)
        AppFixture.press([KeyEvent(.pageUp)], &state)
        #expect(state.selected(.timeline) < 59)
    }

    @Test("Unknown : commands and severities are reported, not written")
    func commandErrors() {
        var state = AppFixture.state()
        #expect(AppFixture.press([.char(":")] + "sev SEV9".map { .char($0) } + [.enter], &state).isEmpty)
        #expect(state.message?.contains("Unknown severity SEV9") == true)
        #expect(AppFixture.press([.char(":")] + "frobnicate".map { .char($0) } + [.enter], &state).isEmpty)
        #expect(state.message?.hasPrefix("Unknown command frobnicate — valid: sev LEVEL, status") == true)
        #expect(
            AppFixture.press([.char(":")] + "note hi there".map { .char($0) } + [.enter], &state)
                == [.appendNote("hi there")])
    }
}
