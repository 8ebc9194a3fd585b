import ConsoleUI
import Foundation
import RunbookKit
import Testing

@Suite("Steps on any runbook: a level's procedure is the checklist (pure)")
struct ProcedureStepsTests {
    /// A runbook with no checklist: each level has its own procedure (`### P1: API down` … steps).
    static func state(severity: String) -> AppState {
        var book = AppFixture.runbook
        book.checklists = []
        book.severities = [
            SeverityLevel(
                id: "P1", rank: 1, responseTime: Deadline(seconds: 300, text: "5 minutes"),
                procedure: "API Completely Down", line: 1),
            SeverityLevel(id: "P2", rank: 2, procedure: "High Error Rate", line: 2)
        ]
        book.procedures = [
            Procedure(
                title: "API Completely Down", section: "P1: API Completely Down",
                steps: [
                    ProcedureStep(text: "Check the load balancer", line: 11),
                    ProcedureStep(text: "Fail over to the standby region", commands: [1], line: 12)
                ], line: 10),
            Procedure(
                title: "High Error Rate", section: "P2: High Error Rate",
                steps: [
                    ProcedureStep(text: "Find the failing endpoint", line: 21)
                ], line: 20)
        ]
        var state = AppFixture.state(severity: severity)
        state.runbooks = [book]
        return state
    }

    static func screen(_ state: AppState) -> String {
        AppView.render(state, palette: BuiltinThemes.defaultTheme.palette(depth: .mono)).lines.joined(separator: "\n")
    }

    @Test("At P1 the pane shows P1's steps at once, ticked like items")
    func topSeverityShowsItsSteps() {
        var state = Self.state(severity: "P1")
        #expect(state.checklist?.title == "Procedure: API Completely Down")
        let text = Self.screen(state)
        #expect(text.contains("[ ] Check the load balancer"))
        #expect(text.contains("procedure: API Completely Down"))
        #expect(!text.contains("not shown"))
        let step = ItemRef(checklist: "Procedure: API Completely Down", index: 0, text: "Check the load balancer")
        #expect(AppFixture.press([.char(" ")], &state) == [.appendTick(step)])
    }

    @Test("Changing severity offers the new procedure; n keeps the pane on the old one and the header says so")
    func decliningKeepsTheOldSteps() {
        var state = Self.state(severity: "P1")
        #expect(AppFixture.press([.char(":")] + "sev P2".map { .char($0) } + [.enter], &state) == [.setSeverity("P2")])
        AppFixture.press([.char("n")], &state)
        state.incident.severity = "P2" // the journal's answer
        #expect(state.checklist?.title == "Procedure: API Completely Down")
        #expect(Self.screen(state).contains("procedure: High Error Rate (not shown: c chooses)"))
    }

    @Test("Accepting shows the new level's steps, header and pane agree")
    func acceptingFollowsTheLevel() {
        var state = Self.state(severity: "P1")
        AppFixture.press([.char(":")] + "sev P2".map { .char($0) } + [.enter, .char("y")], &state)
        state.incident.severity = "P2"
        #expect(state.checklist?.title == "Procedure: High Error Rate")
        let text = Self.screen(state)
        #expect(text.contains("[ ] Find the failing endpoint"))
        #expect(!text.contains("not shown"))
    }

    @Test("Without a level's procedure, the procedure named like the incident is shown")
    func procedureNamedLikeTheIncident() {
        var state = Self.state(severity: "SEV9")
        state.incident.title = "Checkout: high error rate"
        #expect(state.checklist?.title == "Procedure: High Error Rate")
    }

    @Test("Without a checklist, levels or a matching name, the runbook's only procedure of steps is shown")
    func theOnlyProcedure() {
        var state = Self.state(severity: "SEV9")
        state.incident.title = "Checkout slow"
        state.runbooks[0].severities = []
        state.runbooks[0].procedures[1].steps = [] // not a walk-through: one procedure of steps is left
        state.runbooks[0].checklists = [
            Checklist(
                title: "After the incident", kind: .incident, section: "After the incident", line: 90,
                items: [ChecklistItem(text: "Write the postmortem", line: 91)])
        ]
        #expect(state.checklist?.title == "Procedure: API Completely Down", "a checklist for afterwards is no step")
        state.runbooks[0].procedures[1].steps = [
            ProcedureStep(text: "Find the failing endpoint", line: 21), ProcedureStep(text: "Roll back", line: 22)
        ]
        #expect(state.checklist == nil, "two procedures: which one is the commander's to choose")
    }
}
