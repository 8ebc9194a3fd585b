import ConsoleUI
import Foundation
import RunbookKit
import Testing

@Suite("Guided r: the step's commands in order (pure)")
struct GuidedRunTests {
    /// Guided mode on the first step ("Look at the pods": commands 6 then 2), `r` pressed.
    static func guidedRun() -> AppState {
        var state = RunFixture.state()
        state.focus = .checklist
        AppFixture.press([.char("g")], &state)
        #expect(RunFixture.screen(state).1.contains("r  run"))
        AppFixture.press([.char("r")], &state)
        return state
    }

    static func finish(_ id: Int, command: Int, _ end: RunState, _ state: inout AppState) {
        _ = AppUpdate.update(&state, .runs([RunFixture.snapshot(id, command: command, .running)]))
        _ = AppUpdate.update(&state, .runs([RunFixture.snapshot(id, command: command, end, finished: 60)]))
    }

    @Test("Each command goes through its preview; all succeeded → the tick is offered; y ticks and moves on")
    func success() {
        var state = Self.guidedRun()
        #expect(RunFixture.started(AppFixture.press([.enter], &state))?.commandId == 6)
        #expect(state.overlays.isEmpty)
        Self.finish(1, command: 6, .exited(0), &state)
        // The second command's preview opens by itself.
        guard case .run(.preview(let second)) = state.overlays.last else { Issue.record("no preview"); return }
        #expect(second.run.commandId == 2)
        #expect(RunFixture.started(AppFixture.press([.enter], &state))?.commandId == 2)
        Self.finish(2, command: 2, .exited(0), &state)
        let item = ItemRef(checklist: "Incident Checklist", index: 0, text: "Look at the pods")
        #expect(state.overlays.last == .offerTick(item))
        #expect(RunFixture.screen(state).1.contains("Every command succeeded. Tick \"Look at the pods\"? y / n"))
        #expect(AppFixture.press([.char("y")], &state) == [.appendTick(item)])
        #expect(state.guided == 1 && state.guidedRun == nil)
    }

    @Test("A failure stops the walk and says where; nothing more is asked, nothing ticked")
    func stopsAtFailure() {
        var state = Self.guidedRun()
        AppFixture.press([.enter], &state)
        Self.finish(1, command: 6, .exited(3), &state)
        #expect(state.overlays.isEmpty && state.guidedRun == nil)
        #expect(state.message == "Guided run stopped: command 6 ended failed exit 3")
        // A later run of the same command does not restart anything.
        Self.finish(2, command: 6, .exited(0), &state)
        #expect(state.overlays.isEmpty)
    }

    @Test("A cancelled or timed-out run is a failure too; n on the offer leaves the item open")
    func otherEnds() {
        var state = Self.guidedRun()
        AppFixture.press([.enter], &state)
        Self.finish(1, command: 6, .signalled(2), &state)
        #expect(state.message?.contains("killed by SIGINT") == true)
        AppFixture.press([.char("r"), .enter], &state)
        Self.finish(2, command: 6, .exited(0), &state)
        AppFixture.press([.enter], &state)
        Self.finish(3, command: 2, .timedOut, &state)
        #expect(state.message?.hasSuffix("timed out") == true)

        AppFixture.press([.char("r"), .enter], &state)
        Self.finish(4, command: 6, .exited(0), &state)
        AppFixture.press([.enter], &state)
        Self.finish(5, command: 2, .exited(0), &state)
        #expect(AppFixture.press([.char("n")], &state).isEmpty)
        #expect(state.overlays.isEmpty && state.guided == 0)
    }

    @Test("Esc in a command's dialog stops the walk; a step without commands says so")
    func cancelAndNoCommands() {
        var state = Self.guidedRun()
        #expect(AppFixture.press([.escape], &state).isEmpty)
        #expect(state.guidedRun == nil && state.message == "Guided run stopped: command 6 was not run")
        #expect(state.guided == 0)
        AppFixture.press([.char("s"), .char("r")], &state)
        #expect(state.message == "This step has no commands to run")
    }
}
