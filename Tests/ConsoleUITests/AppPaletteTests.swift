import ConsoleUI
import Foundation
import RunbookKit
import Testing

@Suite("Command palette and filters (pure)")
struct AppPaletteTests {
    static func screen(_ state: AppState) -> String {
        AppView.render(state, palette: BuiltinThemes.defaultTheme.palette(depth: .mono)).lines.joined(separator: "\n")
    }

    static func type(_ text: String) -> [KeyEvent] { text.map { .char($0) } }

    /// Opens `:`, types `line`, presses Enter; returns the effects.
    static func run(_ line: String, _ state: inout AppState) -> [Effect] {
        AppFixture.press([.char(":")] + type(line) + [.enter], &state)
    }

    @Test("Each command gives its effect; nothing changes state before the journal")
    func commands() {
        var state = AppFixture.state()
        #expect(Self.run("sev sev1", &state) == [.setSeverity("SEV1")])
        #expect(Self.run("status identified", &state) == [.setStatus("identified")])
        #expect(Self.run("role commander=carol", &state) == [.assignRole(role: "commander", person: "carol")])
        #expect(Self.run("note db failover done", &state) == [.appendNote("db failover done")])
        #expect(Self.run("milestone mitigated", &state) == [.appendMilestone("mitigated", at: nil)])
        // A time of day (UTC) says when it was reached: the latest such moment, not in the future.
        let at = ClockTime.parse("00:01", near: state.now)
        #expect(at != nil && at! <= state.now)
        #expect(Self.run("milestone acknowledged 00:01", &state) == [.appendMilestone("acknowledged", at: at)])
        #expect(Self.run("postmortem", &state) == [.writePostmortem(nil)])
        #expect(Self.run("postmortem /tmp/pm.md", &state) == [.writePostmortem("/tmp/pm.md")])
        #expect(Self.run("theme dark", &state) == [.setTheme("dark")])
        #expect(state.incident.status == "investigating" && state.incident.severity == "SEV2")
        #expect(Self.run("quit", &state) == [.quit])
    }

    @Test("Mistakes leave an error naming what is valid")
    func errors() {
        var state = AppFixture.state()
        #expect(Self.run("frobnicate", &state).isEmpty)
        #expect(state.message?.contains("Unknown command frobnicate") == true)
        #expect(state.message?.contains("milestone") == true && state.messageIsError)
        #expect(Self.run("status fixed", &state).isEmpty)
        #expect(state.message?.contains("investigating|identified") == true)
        #expect(Self.run("role alice", &state).isEmpty)
        #expect(state.message?.contains("NAME=PERSON") == true)
        #expect(Self.run("milestone lunch", &state).isEmpty)
        _ = AppUpdate.update(&state, .notice("Postmortem written to /x.md"))
        #expect(state.message == "Postmortem written to /x.md" && !state.messageIsError)
    }

    @Test("Tab completes command names and each command's arguments")
    func completion() {
        var state = AppFixture.state()
        state.themeNames = ["dark", "default", "solarized"]
        func complete(_ typed: String) -> String {
            var s = state
            AppFixture.press([.char(":")] + Self.type(typed) + [.tab], &s)
            guard case .command(let editor) = s.overlays.last else { return "?" }
            return editor.text
        }
        #expect(complete("st") == "status ")
        #expect(complete("m") == "milestone ")
        #expect(complete("status mo") == "status monitoring ")
        #expect(complete("milestone a") == "milestone acknowledged ")
        #expect(complete("sev SEV") == "sev SEV")
        #expect(complete("sev sev4") == "sev SEV4 ")
        #expect(complete("theme d") == "theme d")
        #expect(complete("theme s") == "theme solarized ")
        #expect(complete("role comm") == "role comm")
        #expect(complete("role co") == "role comm")
        #expect(complete("role comma") == "role commander=")
        #expect(CommandPalette.candidates("sev ", state) == ["SEV1", "SEV2", "SEV4"])
    }

    @Test("The palette draws the candidates above the command line")
    func paletteView() {
        var state = AppFixture.state()
        AppFixture.press([.char(":")] + Self.type("status "), &state)
        let text = Self.screen(state)
        #expect(text.contains("Tab: investigating  identified  monitoring  resolved"))
        #expect(text.contains(":status"))
        // The footer still ends with the help and quit hints at 120 columns.
        #expect(Self.screen(AppFixture.state()).split(separator: "\n").last?.hasSuffix(" quit") == true)
    }

    @Test("/ filters the focused pane as typed; Enter keeps it, Esc clears it")
    func filter() {
        var state = AppFixture.state()
        AppFixture.press([.char("/")] + Self.type("roll"), &state)
        #expect(state.rowCount(.checklist) == 1)
        #expect(
            AppFixture.press([.enter, .char(" ")], &state)
                == [.appendTick(ItemRef(checklist: "Incident Checklist", index: 2, text: "Roll back the deploy"))])
        let text = Self.screen(state)
        #expect(text.contains("/roll"))
        #expect(!text.contains("Confirm the alert"))
        AppFixture.press([.char("/"), .escape], &state)
        #expect(state.rowCount(.checklist) == 3)
        #expect(state.selected(.checklist) == 2)
        // Guided mode walks every item: it drops the filter.
        AppFixture.press([.char("/"), .char("c"), .enter, .char("g"), .escape], &state)
        #expect(state.filters.isEmpty && state.guided == nil)

        // Commands by code or section.
        AppFixture.press([.tab, .tab, .char("/")] + Self.type("get pods") + [.enter], &state)
        #expect(state.focus == .commands && state.rowCount(.commands) == 1)
        #expect(state.selectedIndex(.commands) == 1)
    }

    @Test("Timeline: / by text and :filter by kind")
    func timelineFilter() {
        var state = AppFixture.state()
        _ = AppUpdate.update(
            &state,
            .journalEvents([
                AppFixture.event(1, "note", "db slow"), AppFixture.event(2, "severity_changed", "SEV2 → SEV1"),
                AppFixture.event(3, "note", "cache cold")
            ]))
        #expect(CommandPalette.candidates("filter ", state) == ["note", "severity_changed"])
        _ = Self.run("filter note", &state)
        #expect(state.rowCount(.timeline) == 2)
        let text = Self.screen(state)
        #expect(text.contains("Timeline [note]"))
        #expect(!text.contains("SEV2 → SEV1"))
        AppFixture.press([.shiftTab, .char("/")] + Self.type("cache") + [.enter], &state)
        #expect(state.focus == .timeline && state.rowCount(.timeline) == 1)
        _ = Self.run("filter", &state)
        AppFixture.press([.char("/"), .escape], &state)
        #expect(state.rowCount(.timeline) == 3)
    }
}
