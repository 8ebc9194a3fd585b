import ConsoleUI
import Foundation
import Testing

/// An event that waited in a writer's offline outbox is marked on its timeline row and in its detail.
@Suite("Late events on the timeline (pure)")
struct LateEventRowTests {
    @Test func aLateEventIsMarkedAndAnOnTimeOneIsNot() {
        var state = AppFixture.state()
        state.focus = .timeline
        state.zoomed = true
        var late = AppFixture.event(7, "note", "rolled back to r41", at: 20, author: "bob")
        late.late = "late 3m"
        _ = AppUpdate.update(&state, .journalEvents([AppFixture.event(6, "note", "on time", at: 10), late]))
        let screen = TimelineRowsTests.screen(state)
        #expect(
            screen.contains { $0.contains("11:07:00 bob note      ⇣ late 3m · rolled back to r41") },
            "\(screen.filter { $0.contains("late") })")
        #expect(screen.contains { $0.contains("note      on time") && !$0.contains("⇣") })

        AppFixture.press([.enter], &state)
        let page = TimelineRowsTests.screen(state).joined(separator: "\n")
        #expect(page.contains("bob · note · arrived late 3m (written offline)"))
    }
}
