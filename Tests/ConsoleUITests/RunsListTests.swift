import ConsoleUI
import Foundation
import RunbookKit
import Testing

@Suite("Runs list and cancelling (pure)")
struct RunsListTests {
    @Test("Each state reads with a symbol and words; elapsed ticks from now; new runs are shown and selected")
    func states() {
        var state = RunFixture.state()
        _ = AppUpdate.update(
            &state,
            .runs([
                RunFixture.snapshot(1, command: 6, .exited(0), started: 10, finished: 12),
                RunFixture.snapshot(2, command: 2, .exited(3), started: 20, finished: 25),
                RunFixture.snapshot(3, command: 1, .signalled(9), started: 30, finished: 31),
                RunFixture.snapshot(4, command: 1, .timedOut, started: 30, finished: 90),
                RunFixture.snapshot(5, command: 6, .dryRun, started: 50, finished: 50),
                RunFixture.snapshot(6, command: 4, .cancelling, started: 60),
                RunFixture.snapshot(7, command: 2, .running, started: 70, silent: true)
            ]))
        #expect(state.runsShown && state.runSelection == 6 && state.commandRunning)
        var text = RunFixture.screen(state).1
        #expect(text.contains("Runs · 2 running"))
        #expect(text.contains("#1 ✓ ok exit 0        00:00:02  Uptime  uptime"))
        #expect(text.contains("#2 ✗ failed exit 3"))
        #expect(text.contains("#3 ✗ killed by SIGKILL"))
        #expect(text.contains("#4 ✗ timed out        00:01:00"))
        #expect(text.contains("#5 ∅ dry run"))
        #expect(text.contains("#6 ⟳ cancelling       00:00:40"))
        #expect(text.contains("#7 ⟳ running SILENT   00:00:30  Pods"))
        _ = AppUpdate.update(&state, .tick(AppFixture.start.addingTimeInterval(105)))
        text = RunFixture.screen(state).1
        #expect(text.contains("#7 ⟳ running SILENT   00:00:35"))
        #expect(text.contains("#1 ✓ ok exit 0        00:00:02"))
        // An update replaces by id; when nothing is active any more, q no longer asks.
        _ = AppUpdate.update(
            &state,
            .runs([
                RunFixture.snapshot(7, command: 2, .exited(0), started: 70, finished: 80),
                RunFixture.snapshot(6, command: 4, .signalled(2), started: 60, finished: 64)
            ]))
        #expect(state.runs.count == 7 && !state.commandRunning)
        #expect(RunFixture.screen(state).1.contains("#7 ✓ ok exit 0"))
        // R switches back to the commands; the title still says there are runs.
        AppFixture.press([.char("R")], &state)
        #expect(RunFixture.screen(state).1.contains("Commands · 7 runs (R)"))
        // A run the user cancelled says so, with the signal that ended it.
        var cancelled = RunFixture.snapshot(8, command: 2, .signalled(2), started: 80, finished: 84)
        cancelled.cancelled = true
        _ = AppUpdate.update(&state, .runs([cancelled]))
        #expect(RunFixture.screen(state).1.contains("#8 ✗ cancelled (SIGINT)"))
    }

    @Test("Ctrl-C with nothing running does nothing (and never quits); with a run it cancels the selected one")
    func ctrlC() {
        var state = RunFixture.state()
        for focus in PaneID.allCases {
            state.focus = focus
            #expect(AppFixture.press([.ctrl("c")], &state).isEmpty)
        }
        #expect(!state.quitting && state.overlays.isEmpty)
        _ = AppUpdate.update(
            &state,
            .runs([
                RunFixture.snapshot(1, command: 6, .running),
                RunFixture.snapshot(2, command: 2, .exited(0), finished: 50)
            ]))
        state.focus = .checklist
        // The selected run (the newest) is done: the newest active one is cancelled.
        #expect(AppFixture.press([.ctrl("c")], &state) == [.cancelRun(1)])
        state.focus = .commands
        #expect(state.runsShown)
        AppFixture.press([.up], &state)
        #expect(AppFixture.press([.char("x")], &state) == [.cancelRun(1)])
        AppFixture.press([.down], &state)
        #expect(AppFixture.press([.char("x")], &state).isEmpty)
        #expect(state.message == "Run #2 is not running")
        // q asks first while a run is active.
        AppFixture.press([.char("q")], &state)
        #expect(state.overlays.last == .confirmQuit && !state.quitting)
    }

    @Test("Enter or o on a run opens its output; a click selects a run row")
    func openAndClick() {
        var state = RunFixture.state()
        _ = AppUpdate.update(
            &state,
            .runs([
                RunFixture.snapshot(1, command: 6, .running),
                RunFixture.snapshot(2, command: 2, .running)
            ]))
        let canvas = RunFixture.screen(state).0
        let row = canvas.lines.firstIndex { $0.contains("#1 ⟳ running") }!
        let column = canvas.lines[row].distance(of: "#1")
        _ = AppUpdate.update(&state, .click(x: column, y: row))
        #expect(state.runSelection == 0)
        #expect(state.viewedRunId == 1, "the selected run's latest lines show under the list")
        AppFixture.press([.char("o")], &state)
        #expect(state.overlays.last == .output(OutputViewer(runId: 1)))
        #expect(state.viewedRunId == 1)
        AppFixture.press([.escape, .down, .enter], &state)
        #expect(state.overlays.last == .output(OutputViewer(runId: 2)))
    }

    @Test("Under the runs list: the selected run's latest lines, or a note while it has none")
    func tailUnderTheList() {
        var state = RunFixture.state()
        _ = AppUpdate.update(
            &state,
            .runs([
                RunFixture.snapshot(1, command: 6, .running),
                RunFixture.snapshot(2, command: 2, .running)
            ]))
        #expect(state.viewedRunId == 2)
        #expect(RunFixture.screen(state).1.contains("no output yet"))
        let lines = (1...40).map { OutputLine(text: "log line \($0)") }
        _ = AppUpdate.update(&state, .runOutput(id: 2, firstLine: 0, lines: lines))
        let text = RunFixture.screen(state).1
        #expect(text.contains("log line 40") && text.contains("log line 38"))
        #expect(!text.contains("log line 1 "), "only the latest lines fit")
        // Selecting the other run asks for its lines instead.
        AppFixture.press([.up], &state)
        #expect(state.viewedRunId == 1)
        #expect(!RunFixture.screen(state).1.contains("log line 40"))
    }
}
