import ConsoleUI
import Foundation
import RunbookKit
import Testing

@Suite("Checklist chooser and several runbooks (pure)")
struct AppChooserTests {
    /// The fixture plus a deployment checklist, a procedure, and SEV1 linking that procedure.
    static func state() -> AppState {
        var book = AppFixture.runbook
        book.severities[0] = SeverityLevel(
            id: "SEV1", rank: 1, name: "Critical", description: "Checkout down",
            escalation: "page the payments lead", procedure: "Failover", line: 1)
        book.checklists.append(
            Checklist(
                title: "Deploy", kind: .deployment, section: "Deploy", line: 50,
                items: [
                    ChecklistItem(text: "Freeze merges", line: 51)
                ]))
        book.procedures = [
            Procedure(
                title: "Failover", section: "Procedures > Failover",
                steps: [
                    ProcedureStep(text: "Promote the replica", line: 61),
                    ProcedureStep(text: "Point DNS at it", commands: [2], line: 62)
                ], line: 60)
        ]
        var state = AppFixture.state()
        state.runbooks = [book]
        return state
    }

    static func screen(_ state: AppState) -> String {
        AppView.render(state, palette: BuiltinThemes.defaultTheme.palette(depth: .mono)).lines.joined(separator: "\n")
    }

    @Test("c lists checklists (with kind) and procedures; Enter shows one; its steps tick with a stable key")
    func chooser() {
        var state = Self.state()
        AppFixture.press([.char("c")], &state)
        let text = Self.screen(state)
        #expect(text.contains("● Incident Checklist"))
        #expect(text.contains("Incident Checklist  (checklist, incident)"))
        #expect(text.contains("Deploy  (checklist, deployment)"))
        #expect(text.contains("Failover  (procedure, 2 steps)"))
        AppFixture.press([.down, .down, .enter], &state)
        #expect(state.overlays.isEmpty)
        #expect(state.checklist?.title == "Procedure: Failover")
        #expect(Self.screen(state).contains("[ ] Promote the replica"))
        let step = ItemRef(checklist: "Procedure: Failover", index: 1, text: "Point DNS at it")
        #expect(AppFixture.press([.char("j"), .char(" ")], &state) == [.appendTick(step)])
        _ = AppUpdate.update(&state, .journalEvents([AppFixture.event(1, "item_ticked", "", .ticked(step.key))]))
        #expect(Self.screen(state).contains("[x] Point DNS at it"))
        #expect(AppFixture.press([.char("s")], &state).isEmpty)
        // Guided mode walks the procedure, with its commands from the same runbook.
        AppFixture.press([.char("g")], &state)
        #expect(state.guided == 0)
        AppFixture.press([.escape, .char("c")], &state)
        #expect(state.overlays == [.chooser(2)])
        AppFixture.press([.escape], &state)
        #expect(state.overlays.isEmpty)
    }

    @Test("The checklist pane says the level's description, escalation and procedure; picking it offers the procedure")
    func severityProcedure() {
        var state = Self.state()
        state.incident.severity = "SEV1"
        let text = Self.screen(state)
        #expect(text.contains("⚑ SEV1 Checkout down"))
        #expect(text.contains("escalate: page the payments lead · procedure: Failover"))
        state.incident.severity = "SEV2"
        #expect(AppFixture.press([.char("S"), .up, .enter], &state) == [.setSeverity("SEV1")])
        #expect(state.overlays == [.offerProcedure(ListChoice(runbook: 0, source: .procedure(0)))])
        #expect(Self.screen(state).contains("Show the procedure Failover? y / n"))
        AppFixture.press([.char("y")], &state)
        #expect(state.checklist?.title == "Procedure: Failover" && state.overlays.isEmpty)
        // :sev offers it too; n keeps the list.
        state.activeList = nil
        #expect(
            AppFixture.press([.char(":")] + "sev SEV1".map { .char($0) } + [.enter], &state) == [.setSeverity("SEV1")])
        AppFixture.press([.char("n")], &state)
        #expect(state.overlays.isEmpty && state.checklist?.title == "Incident Checklist")
    }

    @Test("Several runbooks: merged commands and metrics labelled by title, / searches all commands")
    func severalRunbooks() {
        var state = Self.state()
        state.runbooks.append(
            Runbook(
                title: "Search", source: "search.md",
                checklists: [
                    Checklist(
                        title: "Search triage", kind: .incident, section: "Search", line: 1,
                        items: [
                            ChecklistItem(text: "Check the index", line: 2)
                        ])
                ],
                commands: [
                    RunbookCommand(
                        id: 1, title: "Reindex", language: "bash", code: "es reindex",
                        section: "Search > Repair", line: 5, placeholders: [], risk: .change,
                        riskReason: "write", runnable: true)
                ],
                metrics: [MetricSpec(name: "search_latency", line: 9)]))
        #expect(state.commands.count == 3 && state.metrics.count == 2)
        let text = Self.screen(state)
        #expect(text.contains("── Payments ──") && text.contains("── Search ──"))
        #expect(text.contains("Search > Repair"))
        AppFixture.press([.char("c")], &state)
        #expect(Self.screen(state).contains("Search triage  (checklist, incident) · Search"))
        AppFixture.press([.escape, .tab, .tab, .char("/")] + "reindex".map { .char($0) } + [.enter], &state)
        #expect(state.rowCount(.commands) == 1 && state.selectedIndex(.commands) == 2)
    }
}
