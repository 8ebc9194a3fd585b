import ConsoleUI
import Foundation
import Testing

@Suite("Resuming an incident (pure)")
struct AppResumeTests {
    @Test(
        "Replaying the journal restores marks, severity, status, notes; selection and guided mode start at the first open item"
    )
    func resume() {
        var state = AppFixture.state()
        let items = state.items
        _ = AppUpdate.update(
            &state,
            .journalEvents([
                AppFixture.event(1, "opened", "Checkout failing"),
                AppFixture.event(2, "item_ticked", "", .ticked(items[0].key)),
                AppFixture.event(3, "item_skipped", "", .skipped(items[1].key)),
                AppFixture.event(4, "severity_changed", "SEV2 → SEV1", .severity("SEV1")),
                AppFixture.event(5, "status_changed", "identified", .status("identified")),
                AppFixture.event(6, "note", "db failover started")
            ]))
        AppUpdate.resume(&state)
        #expect(state.selected(.checklist) == 2)
        #expect(state.marks[items[0].key]?.state == .done && state.marks[items[1].key]?.state == .skipped)
        #expect(state.incident.severity == "SEV1" && state.incident.status == "identified")
        #expect(state.timeline.last?.text == "db failover started")
        AppFixture.press([.char("g")], &state)
        #expect(state.guided == 2)

        // All done: the last item is selected; an item unticked later is where guided mode starts.
        _ = AppUpdate.update(&state, .journalEvents([AppFixture.event(7, "item_ticked", "", .ticked(items[2].key))]))
        var all = state
        all.guided = nil
        AppUpdate.resume(&all)
        #expect(all.selected(.checklist) == 2)
        _ = AppUpdate.update(&all, .journalEvents([AppFixture.event(8, "item_unticked", "", .unticked(items[0].key))]))
        AppUpdate.resume(&all)
        #expect(all.selected(.checklist) == 0)
    }
}
