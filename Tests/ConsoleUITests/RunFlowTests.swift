import ConsoleUI
import Foundation
import RunbookKit
import Testing

@Suite("Running a command: form, preview, confirmation (pure)")
struct RunFlowTests {
    @Test("Missing values are asked in one form; known ones are shown; secrets are masked while typed")
    func form() {
        var state = RunFixture.state()
        state.vars["pod-name"] = "api-7f9"
        RunFixture.select(3, &state)
        #expect(AppFixture.press([.enter], &state).isEmpty)
        guard case .run(.form(let form)) = state.overlays.last else { Issue.record("no form"); return }
        #expect(form.fields.map(\.name) == ["API_TOKEN", "pod-name"])
        #expect(form.focused == 0)
        AppFixture.press(RunFixture.type("s3cr3t-yn"), &state)
        var text = RunFixture.screen(state).1
        #expect(text.contains("•••••••••"))
        #expect(!text.contains("s3cr3t"))
        #expect(text.contains("api-7f9"))
        // Tab and ↑/↓ move between fields; typing goes to the focused one.
        AppFixture.press([.tab, .char("x"), .up, .char("!")], &state)
        guard case .run(.form(let typed)) = state.overlays.last else { Issue.record("no form"); return }
        #expect(typed.values == ["API_TOKEN": "s3cr3t-yn!", "pod-name": "api-7f9x"])
        // Enter continues to the preview with the exact text; the secret stays masked on screen.
        #expect(AppFixture.press([.enter], &state).isEmpty)
        guard case .run(.preview(let preview)) = state.overlays.last else { Issue.record("no preview"); return }
        #expect(preview.run.values["API_TOKEN"] == "s3cr3t-yn!")
        text = RunFixture.screen(state).1
        // #11: the preview shows the text with the secret masked, never the secret.
        #expect(text.contains(preview.run.shownText.prefix(40)))
        #expect(!text.contains("s3cr3t-yn!"))
        #expect(text.contains("API_TOKEN=••••••"))
        #expect(state.vars["pod-name"] == "api-7f9x")
        // A read command runs on Enter.
        let effects = AppFixture.press([.enter], &state)
        #expect(RunFixture.started(effects) == preview.run)
        #expect(state.overlays.isEmpty)
    }

    @Test("An empty field keeps the form open and says which; Esc cancels with nothing run")
    func formNeedsValues() {
        var state = RunFixture.state()
        RunFixture.select(1, &state)
        AppFixture.press([.enter, .enter], &state)
        #expect(state.message == "A value for deploy is needed")
        guard case .run(.form) = state.overlays.last else { Issue.record("form closed"); return }
        #expect(AppFixture.press([.escape], &state).isEmpty)
        #expect(state.overlays.isEmpty)
    }

    @Test("Values from the environment need no form; the preview shows runner, risk and text")
    func readPreview() {
        var state = RunFixture.state()
        state.runnerSettings.workingDirectory = "/srv/ops"
        RunFixture.select(2, &state)
        AppFixture.press([.enter], &state)
        guard case .run(.preview(let preview)) = state.overlays.last else { Issue.record("no preview"); return }
        let (canvas, text) = RunFixture.screen(state)
        #expect(text.contains(preview.run.text))
        // #11: the environment's value reaches the command through its environment, not its text.
        #expect(preview.run.text.contains("${NAMESPACE}") && preview.run.environment["NAMESPACE"] == "payments")
        #expect(text.contains("● read"))
        #expect(text.contains("Runner: bash · in /srv/ops"))
        #expect(text.contains("Enter: run   Esc: cancel"))
        let row = canvas.lines.firstIndex { $0.contains("● read") }!
        let column = canvas.lines[row].distance(of: "● read")
        #expect(canvas.style(at: column, row) == BuiltinThemes.defaultTheme.palette(depth: .ansi256)[.riskRead])
        #expect(!text.contains("DRY RUN"))
    }

    @Test("A change asks y/N: Enter and n do not run it, y does")
    func changeAsks() {
        var state = RunFixture.state()
        state.vars["deploy"] = "api"
        RunFixture.select(1, &state)
        AppFixture.press([.enter], &state)
        #expect(RunFixture.screen(state).1.contains("Run this change? y/N"))
        #expect(RunFixture.screen(state).1.contains("◆ change"))
        // The footer offers only what this dialog answers to.
        let footer = RunFixture.screen(state).0.lines.last ?? ""
        #expect(footer.contains("y  yes") && !footer.contains("continue") && !footer.contains("done"))
        #expect(AppFixture.press([.enter], &state).isEmpty)
        #expect(state.overlays.isEmpty && state.message?.contains("Not run") == true)
        AppFixture.press([.enter, .char("n")], &state)
        #expect(state.overlays.isEmpty)
        let effects = AppFixture.press([.enter, .char("y")], &state)
        #expect(RunFixture.started(effects)?.text.contains("api") == true)
    }

    @Test("Destructive: the reason shows; a wrong word refuses and says so, the right word runs")
    func destructive() {
        var state = RunFixture.state()
        RunFixture.select(4, &state)
        AppFixture.press([.enter], &state)
        guard case .run(.preview(let preview)) = state.overlays.last, let word = preview.run.confirmationWord else {
            Issue.record("no confirmation"); return
        }
        let text = RunFixture.screen(state).1
        #expect(text.contains("⚠ DESTRUCTIVE"))
        #expect(text.contains("Why: FLUSHDB empties the database"))
        #expect(text.contains("Type \(word) to run it"))
        let footer = RunFixture.screen(state).0.lines.last ?? ""
        #expect(footer.contains("Enter  continue") && !footer.contains("yes"))
        // y, n and d are letters of the word here, not keys.
        #expect(
            AppFixture.press(RunFixture.type("yes") + [.enter], &state)
                == [.recordRefusal(preview.run, reason: "the confirmation typed was \"yes\", not \(word)")])
        #expect(state.overlays.isEmpty)
        #expect(state.message == "Refused: \"yes\" is not \(word); nothing ran")
        AppFixture.press([.enter] + RunFixture.type(word), &state)
        #expect(RunFixture.screen(state).1.contains(word + " "))
        let effects = AppFixture.press([.enter], &state)
        #expect(effects == [.startRun(preview.run, dryRun: false)])
    }

    @Test("A manual step cannot run: the dialog says so and d marks it done")
    func manual() {
        var state = RunFixture.state()
        RunFixture.select(5, &state)
        AppFixture.press([.enter], &state)
        #expect(RunFixture.screen(state).1.contains("This is a manual step: it cannot be run. d: mark it done"))
        #expect(AppFixture.press([.char("y")], &state).isEmpty)
        #expect(AppFixture.press([.char("d")], &state) == [.markCommandDone(commandId: 5)])
        #expect(state.overlays.isEmpty)
    }

    @Test("A command that cannot be prepared shows why instead of a preview; Esc closes, nothing runs")
    func problem() {
        var state = RunFixture.state()
        state.runbooks[0].commands.append(
            RunFixture.command(7, "Locks", "SELECT count(*) FROM pg_locks;", language: "sql"))
        RunFixture.select(7, &state)
        AppFixture.press([.enter], &state)
        var text = RunFixture.screen(state).1
        #expect(text.contains("Command 7 cannot run"))
        #expect(text.contains("no runner for sql commands; add one to warroom.yaml"))
        #expect(text.contains("sql: psql \"$DATABASE_URL\" -v ON_ERROR_STOP=1 -f -"))
        #expect(AppFixture.press([.char("y"), .escape], &state).isEmpty)
        #expect(state.overlays.isEmpty)

        // A configured runner whose program is not installed is named, not guessed around.
        state.runnerSettings.runners["sql"] = RunnerSettings.Runner(commandLine: "no-such-sql-client-xyz -f -")
        AppFixture.press([.enter], &state)
        text = RunFixture.screen(state).1
        #expect(text.contains("needs no-such-sql-client-xyz, which is not installed"))
        #expect(AppFixture.press([.enter, .escape], &state).isEmpty)
    }

    @Test("! runs interactively; :run ID does what Enter does; dry run is labelled and passed on")
    func interactiveRunAndDryRun() {
        var state = RunFixture.state()
        RunFixture.select(6, &state)
        AppFixture.press([.char("!")], &state)
        #expect(RunFixture.screen(state).1.contains("interactive (real terminal)"))
        #expect(RunFixture.started(AppFixture.press([.enter], &state))?.interactive == true)

        state.focus = .checklist
        AppFixture.press([.char(":")] + RunFixture.type("dry-run on") + [.enter], &state)
        #expect(state.dryRun)
        AppFixture.press([.char(":")] + RunFixture.type("run 2") + [.enter], &state)
        let text = RunFixture.screen(state).1
        #expect(text.contains("DRY RUN · Run Pods"))
        #expect(text.contains("DRY RUN: nothing will be executed"))
        guard case .startRun(let run, let dry)? = AppFixture.press([.enter], &state).last else {
            Issue.record("not started"); return
        }
        #expect(run.commandId == 2 && dry)
        AppFixture.press([.char(":")] + RunFixture.type("run 99") + [.enter], &state)
        #expect(state.message?.hasPrefix("No command 99") == true)
        AppFixture.press([.char(":")] + RunFixture.type("dry-run off") + [.enter], &state)
        #expect(!state.dryRun)
        // Completion knows the new palette words.
        #expect(CommandPalette.complete("dry", state) == "dry-run ")
        #expect(CommandPalette.candidates("run ", state).contains("4"))
        #expect(CommandPalette.candidates("run ", state).allSatisfy { $0 != "5" })
    }

    @Test(
        ":vars lists remembered values, masks secrets, edits one; the journal's values are remembered, masked ones not")
    func vars() {
        var state = RunFixture.state()
        let started = ConsoleEvent(
            id: 1, time: AppFixture.start, author: "bob", kind: "command_started", text: "…",
            change: .commandValues(["pod-name": "api-1", "API_TOKEN": ConsoleEvent.maskedValue]))
        _ = AppUpdate.update(&state, .journalEvents([started]))
        #expect(state.vars == ["pod-name": "api-1"])
        state.vars["API_TOKEN"] = "hunter2"
        AppFixture.press([.char(":")] + RunFixture.type("vars") + [.enter], &state)
        var text = RunFixture.screen(state).1
        #expect(text.contains("API_TOKEN") && text.contains("••••••") && !text.contains("hunter2"))
        #expect(text.contains("api-1"))
        AppFixture.press([.down, .enter, .ctrl("u")] + RunFixture.type("api-2") + [.enter], &state)
        #expect(state.vars["pod-name"] == "api-2")
        AppFixture.press([.up, .enter] + RunFixture.type("new"), &state)
        text = RunFixture.screen(state).1
        #expect(text.contains("•••") && !text.contains("new"))
        AppFixture.press([.escape, .escape], &state)
        #expect(state.vars["API_TOKEN"] == "hunter2" && state.overlays.isEmpty)
    }
}

extension String {
    /// Column of the first occurrence (for ASCII-and-symbol rows as drawn).
    func distance(of part: String) -> Int {
        guard let range = range(of: part) else { return -1 }
        return self[..<range.lowerBound].count
    }
}
