import ConsoleUI
import Foundation
import RunbookKit
import Testing

/// The console as a person sees it, whole, at the two sizes people use most (120×40 and 80×24).
@Suite("Screens (golden files)")
struct ScreenGoldenTests {
    /// A room with a bit of everything: ticks, a run, roles, a follow-up, a breach-free clock.
    static func room(width: Int, height: Int) -> AppState {
        var state = AppFixture.state(width: width, height: height)
        state.updateSettings = UpdateSettings(every: ["SEV2": 1800])
        let items = state.items
        _ = AppUpdate.update(
            &state,
            .journalEvents([
                AppFixture.event(1, "opened", "Checkout failing (SEV2)", at: 0, author: "alice"),
                AppFixture.event(
                    2, "role_assigned", "carol is scribe", .role("scribe", "carol"), at: 5, author: "alice"),
                AppFixture.event(3, "item_ticked", "Confirm the alert", .ticked(items[0].key), at: 20, author: "alice"),
                AppFixture.event(4, "command_started", "#2 `kubectl get pods`", at: 30, author: "bob"),
                AppFixture.event(
                    5, "command_finished", "Ran #2", .runFinished(started: 4, outcome: "✓ 1.2s"), at: 31, author: "bob"),
                AppFixture.event(6, "note", "error rate back under 1%", at: 40, author: "carol"),
                AppFixture.event(
                    7, "action_added", "alert on pool saturation (@bob)",
                    .followUp(FollowUpRow(id: 7, text: "alert on pool saturation", owner: "bob")), at: 50,
                    author: "alice")
            ]))
        return state
    }

    @Test func roomAt120x40() throws {
        try ScreenGolden.expect(Self.room(width: 120, height: 40), matches: "room-120x40")
    }

    @Test func roomAt80x24IsTabbed() throws {
        try ScreenGolden.expect(Self.room(width: 80, height: 24), matches: "room-80x24")
    }

    @Test func guidedStepAt120x40() throws {
        var state = Self.room(width: 120, height: 40)
        AppUpdate.startGuided(&state)
        try ScreenGolden.expect(state, matches: "guided-120x40")
    }

    @Test func handoffBriefingAt120x40() throws {
        var state = Self.room(width: 120, height: 40)
        _ = AppUpdate.update(
            &state,
            .page(
                title: "Hand-off briefing",
                lines: [
                    "Hand-off of commander on INC-20261118-1: alice → bob", "Checkout failing",
                    "Severity SEV2, status investigating, open for 1m 09s", "SLA: 28m 51s left to acknowledge (30m 00s)"
                ]))
        try ScreenGolden.expect(state, matches: "briefing-120x40")
    }
}
