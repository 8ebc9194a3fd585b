import ConsoleUI
import Foundation
import RunbookKit
import Testing

/// A key that cannot act says why in the footer, instead of doing nothing.
@Suite("Keys that cannot act say why (pure)")
struct KeysSayWhyTests {
    @Test func noListNoStepsNoCommands() {
        var state = AppState(
            runbooks: [Runbook(title: "Bare", source: "bare.md")],
            incident: IncidentSnapshot(
                id: "INC-1", title: "x", severity: "SEV2", status: "investigating",
                startedAt: AppFixture.start),
            now: AppFixture.start)
        #expect(AppFixture.press([.char(" ")], &state).isEmpty)
        #expect(state.footer == .error("No checklist or procedure shown: c chooses one"))
        #expect(AppFixture.press([.char("g")], &state).isEmpty && state.guided == nil)
        #expect(state.footer == .error("No checklist or procedure shown: c chooses one"))
        state.focus = .commands
        #expect(AppFixture.press([.enter], &state).isEmpty)
        #expect(state.footer == .error("The runbooks have no commands"))
        state.focus = .metrics
        #expect(AppFixture.press([.enter], &state).isEmpty)
        #expect(state.footer == .error("No metric to chart: the runbooks name none (or the filter hides them)"))
    }

    @Test func skippingAMarkedStep() {
        var state = AppFixture.state()
        let item = state.items[0]
        _ = AppUpdate.update(&state, .journalEvents([AppFixture.event(1, "item_ticked", "x", .ticked(item.key))]))
        #expect(AppFixture.press([.char("s")], &state).isEmpty)
        #expect(state.footer == .error("Already done: Space unticks it first"))
    }
}
