import ConsoleUI
import Foundation
import Testing

/// Writes kept in the offline outbox (negative ids) show at the end of the timeline, marked as
/// waiting; when the server's copy comes back after the push, it takes their row instead of adding one.
@Suite("Offline writes on the timeline (pure)")
struct OfflineWriteRowsTests {
    @Test func aRunWrittenOfflineIsOneRowBeforeAndAfterThePush() {
        var state = AppFixture.state()
        state.focus = .timeline
        state.zoomed = true
        _ = AppUpdate.update(
            &state, .journalEvents((1...3).map { AppFixture.event($0, "note", "online \($0)", at: Double($0)) }))

        // Offline: a run and its finish, and a note, each kept under a temporary id.
        let start = TimelineRowsTests.run(-1, started: 20)
        var finish = AppFixture.event(
            -2, "command_finished", "Ran #1 → exit 0", .runFinished(started: -1, outcome: "✓ 0.4s"), at: 21,
            author: "alice")
        finish.detail = ["result: exit 0 after 0.4s"]
        let note = AppFixture.event(-3, "note", "rolled back", at: 22, author: "alice")
        _ = AppUpdate.update(&state, .journalEvents([start]))
        _ = AppUpdate.update(&state, .journalEvents([finish]))
        _ = AppUpdate.update(&state, .journalEvents([note]))
        #expect(state.timeline.map(\.id) == [1, 2, 3, -1, -3])
        let offline = TimelineRowsTests.screen(state)
        #expect(
            offline.contains {
                $0.contains("alice run       ⇡ waiting · #1 `kubectl rollout undo deploy/api`  ✓ 0.4s")
            }, "\(offline.filter { $0.contains("alice") })")
        #expect(offline.contains { $0.contains("alice note      ⇡ waiting · rolled back") })

        // The push: the server's copies, with server ids, the finish naming the start's server id.
        var pushedStart = TimelineRowsTests.run(4, started: 20)
        pushedStart.late = "late 2m"
        var pushedFinish = AppFixture.event(
            5, "command_finished", "Ran #1 → exit 0", .runFinished(started: 4, outcome: "✓ 0.4s"), at: 21,
            author: "alice")
        pushedFinish.detail = finish.detail
        let pushedNote = AppFixture.event(6, "note", "rolled back", at: 22, author: "alice")
        _ = AppUpdate.update(&state, .journalEvents([pushedStart, pushedFinish, pushedNote]))
        #expect(state.timeline.map(\.id) == [1, 2, 3, 4, 6])
        #expect(state.timeline[3].finishedID == 5 && state.timeline[3].detail == start.detail + finish.detail)
        #expect(state.lastEventID == 6)
        let pushed = TimelineRowsTests.screen(state)
        #expect(
            pushed.contains { $0.contains("alice run       ⇣ late 2m · #1 `kubectl rollout undo deploy/api`  ✓ 0.4s") },
            "\(pushed.filter { $0.contains("alice") })")
        #expect(!pushed.contains { $0.contains("waiting") })
    }
}
