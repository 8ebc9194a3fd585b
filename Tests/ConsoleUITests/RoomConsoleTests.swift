import ConsoleUI
import IncidentKit
import Foundation
import RunbookKit
import Testing

/// Roles, hand-offs, follow-ups, status updates, escalation timers and the acknowledge offer,
/// driven through `AppUpdate` and read off the rendered screen.
@Suite("The room in the console (pure)")
struct RoomConsoleTests {
    static func screen(_ state: AppState) -> [String] {
        AppView.render(state, palette: BuiltinThemes.defaultTheme.palette(depth: .mono)).lines
    }

    static func run(_ line: String, _ state: inout AppState) -> [Effect] {
        AppFixture.press([.char(":")] + line.map { .char($0) } + [.enter], &state)
    }

    @Test("Roles go in the header after the commander, and :roles lists them")
    func roles() {
        var state = AppFixture.state()
        _ = AppUpdate.update(
            &state,
            .journalEvents([
                AppFixture.event(1, "role_assigned", "carol is scribe", .role("scribe", "carol")),
                AppFixture.event(2, "role_assigned", "dan is comms", .role("comms", "dan"))
            ]))
        #expect(Self.screen(state)[1].hasSuffix("IC: alice · scribe carol · comms dan"))
        #expect(Self.run("roles", &state).isEmpty)
        let screen = Self.screen(state).joined(separator: "\n")
        #expect(screen.contains("┃ commander  alice"))
        #expect(screen.contains("┃ scribe     carol"))
        #expect(screen.contains("┃ comms      dan"))
    }

    @Test("Hand-off: :handoff PERSON [ROLE] asks the runtime; the briefing arrives as a page")
    func handoff() {
        var state = AppFixture.state()
        #expect(Self.run("handoff bob", &state) == [.handoff(role: "commander", to: "bob")])
        #expect(Self.run("handoff carol comms", &state) == [.handoff(role: "comms", to: "carol")])
        #expect(Self.run("handoff Jane Doe", &state) == [.handoff(role: "commander", to: "Jane Doe")])
        #expect(Self.run("handoff alice", &state).isEmpty)
        #expect(state.footer == .error("alice is already commander"))
        #expect(Self.run("handoff", &state).isEmpty && state.messageIsError)
        _ = AppUpdate.update(
            &state,
            .page(
                title: "Hand-off briefing",
                lines: [
                    "Hand-off of commander: alice → bob",
                    "SLA: 28m 51s left"
                ]))
        let screen = Self.screen(state)
        #expect(screen.contains { $0.contains("━ Hand-off briefing ━") })
        #expect(screen.contains { $0.contains("┃ Hand-off of commander: alice → bob") })
        AppFixture.press([.escape], &state)
        #expect(state.overlays.isEmpty)
    }

    @Test("Follow-ups: added, listed, closed by id; a wrong id says which are open")
    func followUps() {
        var state = AppFixture.state()
        #expect(
            Self.run("action alert on pool saturation @bob", &state) == [.addFollowUp("alert on pool saturation @bob")])
        _ = AppUpdate.update(
            &state,
            .journalEvents([
                AppFixture.event(
                    4, "action_added", "Follow-up",
                    .followUp(FollowUpRow(id: 4, text: "alert on pool saturation", owner: "bob"))),
                AppFixture.event(5, "note", "TODO: rotate", .followUp(FollowUpRow(id: 5, text: "rotate the key")))
            ]))
        #expect(
            Self.run("action done 4", &state) == [.closeFollowUp(id: 4, text: "alert on pool saturation", reason: nil)])
        #expect(
            Self.run("action drop #5 covered by INC-2", &state)
                == [.closeFollowUp(id: 5, text: "rotate the key", reason: "covered by INC-2")])
        #expect(Self.run("action drop 5", &state).isEmpty && state.message?.contains("say why") == true)
        #expect(Self.run("action done 9", &state).isEmpty)
        #expect(state.footer == .error("No follow-up #9; open: #4 #5"))
        _ = AppUpdate.update(&state, .journalEvents([AppFixture.event(6, "action_closed", "done", .followUpClosed(4))]))
        #expect(Self.run("action done 4", &state).isEmpty && state.footer == .error("Follow-up #4 is already closed"))
        #expect(Self.run("actions", &state).isEmpty)
        let screen = Self.screen(state).joined(separator: "\n")
        #expect(screen.contains("Follow-ups · 1 open"))
        #expect(screen.contains("┃ [x] #4 alert on pool saturation  @bob"))
        #expect(screen.contains("┃ [ ] #5 rotate the key"))
    }

    @Test("Status update: drafted by the runtime, confirmed with Enter, edited with e, discarded with Esc")
    func statusUpdate() {
        var state = AppFixture.state()
        #expect(Self.run("update", &state) == [.draftUpdate(nil)])
        _ = AppUpdate.update(&state, .updateDrafted("Severity: SEV2\nImpact: slow checkouts"))
        let screen = Self.screen(state)
        #expect(screen.contains { $0.contains("Status update: Enter sends · e edits · Esc discards") })
        #expect(screen.contains { $0.contains("┃ Impact: slow checkouts") })
        #expect(screen.contains { $0.contains("No updates.command: it is recorded, not sent") })
        #expect(AppFixture.press([.char("e")], &state) == [.draftUpdate("Severity: SEV2\nImpact: slow checkouts")])
        _ = AppUpdate.update(&state, .updateDrafted("Severity: SEV2"))
        #expect(AppFixture.press([.enter], &state) == [.sendUpdate("Severity: SEV2")])
        _ = AppUpdate.update(&state, .updateDrafted("Severity: SEV2"))
        #expect(AppFixture.press([.escape], &state).isEmpty)
        #expect(state.footer == .notice("Update discarded: nothing sent or recorded") && state.overlays.isEmpty)
    }

    @Test("The next update is due a cadence after the last one; late, the header says so")
    func updateCadence() {
        var state = AppFixture.state() // 69 s in
        state.updateSettings = UpdateSettings(every: ["SEV2": 600])
        #expect(Self.screen(state)[1].contains(" ✉ update in 08:51 "))
        _ = AppUpdate.update(
            &state, .journalEvents([AppFixture.event(3, "status_update", "sent", .statusUpdate, at: 60)]))
        #expect(Self.screen(state)[1].contains(" ✉ update in 09:51 "))
        _ = AppUpdate.update(&state, .tick(AppFixture.start.addingTimeInterval(60 + 600 + 15)))
        #expect(Self.screen(state)[1].contains(" ✉ update due +00:15 (:update) "))
        _ = AppUpdate.update(
            &state,
            .journalEvents([
                AppFixture.event(
                    4, "milestone", "mitigated", .milestone(.mitigated, at: AppFixture.start.addingTimeInterval(700)))
            ]))
        #expect(!Self.screen(state)[1].contains("update"))
    }

    @Test("The runbook's first update is due at its own time, the later ones at its cadence")
    func firstUpdateTime() {
        var book = AppFixture.runbook
        book.severities = [
            SeverityLevel(
                id: "SEV2", rank: 2,
                communication: "First public update: within 20 minutes; Then: every 30 minutes", line: 1)
        ]
        var state = AppFixture.state() // 69 s in
        state.runbooks = [book]
        #expect(Self.screen(state)[1].contains(" ✉ update in 18:51 "))
        _ = AppUpdate.update(
            &state, .journalEvents([AppFixture.event(3, "status_update", "sent", .statusUpdate, at: 60)]))
        #expect(Self.screen(state)[1].contains(" ✉ update in 29:51 "))
    }

    @Test("Escalation steps with a delay count down, and each one due is recorded once")
    func escalation() {
        var book = AppFixture.runbook
        book.escalation = [
            EscalationStep(level: 1, who: "Payments on-call", line: 1),
            EscalationStep(level: 2, who: "Payments lead", after: "after 15 min", contact: "+44 20 7946 0000", line: 2),
            EscalationStep(level: 3, who: "VP Engineering", after: "after 1 hour", line: 3)
        ]
        var state = AppFixture.state()
        state.runbooks = [book]
        #expect(Self.screen(state)[1].contains(" ⇡ L2 Payments lead in 13:51 "))
        let due = AppUpdate.update(&state, .tick(AppFixture.start.addingTimeInterval(901)))
        #expect(
            due == [.recordEscalation(level: 2, who: "Payments lead", afterSeconds: 900, contact: "+44 20 7946 0000")])
        #expect(state.footer == .notice("Escalation due: L2 Payments lead — +44 20 7946 0000 (:contacts)"))
        #expect(AppUpdate.update(&state, .tick(AppFixture.start.addingTimeInterval(902))).isEmpty)
        #expect(Self.screen(state)[1].contains(" ⇡ L3 VP Engineering in 44:58 "))
        #expect(Self.run("contacts", &state).isEmpty)
        let page = Self.screen(state).joined(separator: "\n")
        #expect(page.contains("┃   L2 Payments lead  +44 20 7946 0000  (after 15 min) due"))
        #expect(page.contains("┃   L3 VP Engineering  (after 1 hour) in 44:58"))
    }

    @Test("Ticking a step that says acknowledge offers the milestone, once")
    func acknowledgeOffer() {
        var book = AppFixture.runbook
        book.checklists[0].items[0] = ChecklistItem(text: "Acknowledge the page in PagerDuty", line: 6)
        var state = AppFixture.state()
        state.runbooks = [book]
        let item = state.items[0]
        #expect(AppFixture.press([.char(" ")], &state) == [.appendTick(item)])
        #expect(state.overlays == [.offerMilestone("acknowledged")])
        #expect(Self.screen(state).contains { $0.contains("Record acknowledged now (stops the SLA clock)? y / n") })
        #expect(AppFixture.press([.char("y")], &state) == [.appendMilestone("acknowledged", at: nil)])
        _ = AppUpdate.update(
            &state,
            .journalEvents([
                AppFixture.event(
                    7, "milestone", "acknowledged",
                    .milestone(.acknowledged, at: AppFixture.start.addingTimeInterval(60)))
            ]))
        // Unticked and ticked again: the milestone is on the record, nothing is offered.
        state.marks = [:]
        #expect(AppFixture.press([.char(" ")], &state) == [.appendTick(item)])
        #expect(state.overlays.isEmpty)
    }

    @Test("The commands pane lists the current step's commands first, and selects the first")
    func stepCommandsFirst() throws {
        var state = AppFixture.state()
        #expect(state.commands.map(\.id) == [1, 2])
        AppFixture.press([.char("j")], &state)
        #expect(state.stepCommands.isEmpty)
        state.selection[.commands] = 1
        AppFixture.press([.char("j")], &state) // "Roll back the deploy" runs command 1
        #expect(state.commands.map(\.id) == [1, 2] && state.selected(.commands) == 0)
        let lines = Self.screen(state)
        let heading = try #require(lines.firstIndex { $0.contains("│▶ This step") })
        #expect(lines[heading + 1].contains("◆ change      Roll back"))
        AppFixture.press([.char("g")], &state) // guided mode starts at the first open step: none pinned
        #expect(state.guided == 0 && state.stepCommands.isEmpty)
    }

    @Test("The footer's kind follows its text: an error after a notice is an error, and back")
    func footerKinds() {
        var state = AppFixture.state()
        _ = AppUpdate.update(&state, .notice("Postmortem written to /x.md"))
        #expect(Self.run("sev SEV9", &state).isEmpty)
        #expect(state.footer == .error("Unknown severity SEV9: SEV1, SEV2, SEV4"))
        _ = Self.run("dry-run on", &state)
        #expect(state.footer == .notice("Dry run on: commands are recorded, not run"))
    }

    @Test("The usage line and the completions come from the one table of commands")
    func tableOfCommands() {
        let state = AppFixture.state()
        #expect(CommandPalette.candidates("ha", state) == ["handoff"])
        #expect(CommandPalette.candidates("act", state) == ["action", "actions"])
        for command in CommandPalette.commands {
            #expect(!CommandPalette.candidates(command, state).isEmpty, "\(command) completes")
        }
        var typo = AppFixture.state()
        #expect(Self.run("frob", &typo).isEmpty)
        for usage in ["handoff PERSON [ROLE]", "update", "action TEXT [@owner]", "contacts", "roles"] {
            #expect(typo.message?.contains(usage) == true, "\(usage) is in the usage line")
        }
    }
}
