import Foundation
import RunbookKit
import Testing
@testable import IncidentKit

@Suite("Postmortem")
struct PostmortemTests {
    let store = TempStore()
    let clock = TestClock("2026-11-22T23:41:00Z")

    /// A scripted incident that crosses midnight, with every kind of event.
    func scriptedIncident(_ engine: JournalEngine) throws -> (any Journal, Incident, Runbook) {
        let journal = try engine.open(store, clock: clock.function)
        let alice = "alice@bastion", bob = "bob@laptop"
        let id = try journal.openIncident(
            title: "Checkout API returns 502", severity: "SEV3",
            runbookPath: "runbooks/checkout.md", runbookHash: "ab12", author: alice
        ).id
        func at(_ minutes: Double) { clock.advance(minutes * 60) }
        try journal.append(MilestonePayload(milestone: .detected), to: id, author: alice)
        try journal.append(
            MilestonePayload(milestone: .impactStarted, at: clock.now.addingTimeInterval(-600)), to: id,
            author: alice)
        at(1)
        try journal.assignRole("commander", to: "alice", on: id, author: alice)
        try journal.assignRole("scribe", to: "bob", on: id, author: alice)
        at(2)
        try journal.append(MilestonePayload(milestone: .acknowledged), to: id, author: alice)
        try journal.setSeverity("SEV2", rules: SeverityRules(runbook: nil), on: id, author: alice)
        try journal.append(
            .itemTicked, ChecklistItemPayload(checklist: "Incident", item: "Page the on-call"),
            to: id, author: alice)
        at(3)
        try journal.append(
            .metricBreached,
            MetricPayload(
                metric: "error_rate", value: 7.5, threshold: 5,
                level: "warning", unit: "%"), to: id, author: "warroom")
        let started = try journal.append(
            CommandStartedPayload(command: "kubectl get pods -n checkout", commandId: 3),
            to: id, author: bob)
        at(0.5)
        let output = try journal.writeOutput(
            "NAME READY\ncheckout-1 0/1 CrashLoopBackOff\n", incident: id,
            event: started.id)
        try journal.append(
            CommandFinishedPayload(
                command: "kubectl get pods -n checkout", commandId: 3, exitStatus: 0,
                durationMs: 1250, output: output,
                tail: ["checkout-1 0/1 CrashLoopBackOff"]), to: id, author: bob)
        try journal.append(
            .metricBreached,
            MetricPayload(
                metric: "error_rate", value: 12.25, threshold: 10,
                level: "critical", unit: "%"), to: id, author: "warroom")
        try journal.setStatus(.identified, on: id, author: alice)
        try journal.append(
            NotePayload(text: "Bad config push at 23:30; DB_PASSWORD=hunter2 was in the diff"),
            to: id, author: bob)
        at(15) // past midnight
        try journal.append(
            CommandFinishedPayload(
                command: "kubectl rollout undo deploy/checkout", exitStatus: nil,
                signal: 15, durationMs: 30000), to: id, author: bob)
        try journal.append(
            CommandRefusedPayload(
                command: "redis-cli FLUSHDB", commandId: 7, risk: "destructive",
                reason: "the confirmation typed was \"yes\", not FLUSHDB"),
            to: id, author: bob)
        try journal.append(CommandDonePayload(command: "Call the DBA on-call", commandId: 8), to: id, author: alice)
        try journal.append(
            .itemSkipped, ChecklistItemPayload(item: "Post status page update", reason: "internal only"),
            to: id, author: alice)
        try journal.append(MilestonePayload(milestone: .mitigated), to: id, author: alice)
        try journal.setStatus(.monitoring, on: id, author: alice)
        at(4)
        try journal.append(
            .metricRecovered,
            MetricPayload(
                metric: "error_rate", value: 0.4, threshold: 5,
                level: "warning", unit: "%"), to: id, author: "warroom")
        try journal.append(NotePayload(text: "TODO: add a config lint to the deploy pipeline"), to: id, author: bob)
        try journal.append(NotePayload(text: "action: alert on 502 rate per pod"), to: id, author: alice)
        let followUp = try journal.append(
            ActionAddedPayload(text: "Page the DBA team on config pushes", owner: "carol"),
            to: id, author: alice)
        try journal.append(
            StatusUpdatePayload(
                text: "Status: MONITORING\nImpact: checkout errors, now back to normal",
                sentWith: "slack-post", exitStatus: 0), to: id, author: alice)
        at(5)
        try journal.append(
            RoleAssignedPayload(role: "commander", person: "bob", previous: "alice", handoff: true),
            to: id, author: alice)
        try journal.append(
            ActionClosedPayload(action: followUp.id, text: "Page the DBA team on config pushes"),
            to: id, author: bob)
        at(15)
        try journal.append(MilestonePayload(milestone: .resolved), to: id, author: alice)
        let runbook = Runbook(
            title: "Checkout", source: "runbooks/checkout.md",
            severities: [
                SeverityLevel(id: "SEV2", rank: 2, responseTime: Deadline(seconds: 600, text: "10 minutes"), line: 1),
                SeverityLevel(id: "SEV3", rank: 3, responseTime: Deadline(seconds: 1800, text: "30 minutes"), line: 2)
            ],
            checklists: [
                Checklist(
                    title: "Incident", kind: .incident, section: "Response", line: 1,
                    items: [
                        ChecklistItem(text: "Page the on-call", line: 2),
                        ChecklistItem(text: "Post status page update", line: 3),
                        ChecklistItem(text: "Write the customer note", line: 4)
                    ])
            ])
        return (journal, try journal.incident(id), runbook)
    }

    /// The same events on both engines make the same postmortem.
    @Test(arguments: JournalEngine.testable)
    func defaultTemplateMatchesGoldenFile(engine: JournalEngine) throws {
        let (journal, incident, runbook) = try scriptedIncident(engine)
        let report = PostmortemReport(
            incident: incident, events: try journal.events(incident: incident.id),
            runbook: runbook)
        let markdown = try PostmortemRenderer.render(report)
        let goldenSource = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Golden/postmortem.md")
        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
            try markdown.write(to: goldenSource, atomically: true, encoding: .utf8)
        }
        let url = try #require(
            Bundle.module.url(forResource: "postmortem", withExtension: "md", subdirectory: "Golden"))
        let golden = try String(contentsOf: url, encoding: .utf8)
        #expect(markdown == golden)
    }

    @Test(arguments: JournalEngine.testable)
    func durationsComeFromTheEvents(engine: JournalEngine) throws {
        let (journal, incident, _) = try scriptedIncident(engine)
        let report = PostmortemReport(incident: incident, events: try journal.events(incident: incident.id))
        #expect(report.timeToAcknowledge == "3m 00s")
        #expect(report.timeToMitigate == "21m 30s")
        #expect(report.timeToResolve == "45m 30s")
        #expect(report.breaches.first?.peak == "12.25%")
        #expect(report.breaches.first?.level == "critical")
        #expect(
            report.actionItems.map(\.text) == ["add a config lint to the deploy pipeline", "alert on 502 rate per pod"])
        #expect(report.days.map(\.date) == ["2026-11-22", "2026-11-23"])
        #expect(!report.notes.map(\.text).joined().contains("hunter2"))
    }

    @Test(arguments: JournalEngine.testable)
    func unknownDurationsShowADash(engine: JournalEngine) throws {
        let journal = try engine.open(store, clock: clock.function)
        let incident = try journal.openIncident(title: "t", severity: "SEV3", author: "a")
        let report = PostmortemReport(incident: incident, events: try journal.events(incident: incident.id))
        #expect(
            [report.timeToAcknowledge, report.timeToMitigate, report.timeToResolve, report.end] == ["—", "—", "—", "—"])
    }

    @Test(arguments: JournalEngine.testable)
    func customTemplateSeesTheSameData(engine: JournalEngine) throws {
        let (journal, incident, _) = try scriptedIncident(engine)
        let report = PostmortemReport(incident: incident, events: try journal.events(incident: incident.id))
        let text = try PostmortemRenderer.render(
            report, template: "{{id}} {{severity}} <{{timeToResolve}}>{{#actionItems}} [{{text}}]{{/actionItems}}")
        #expect(
            text
                == "INC-20261122-1 SEV2 <45m 30s> [add a config lint to the deploy pipeline] [alert on 502 rate per pod]"
        )
    }

    @Test func durationsParseAndPrint() {
        #expect(Durations.parse("10m") == 600)
        #expect(Durations.parse("1h30m") == 5400)
        #expect(Durations.parse("ten") == nil)
        #expect(Durations.text(seconds: 3725) == "1h 02m")
        #expect(Durations.text(seconds: 1.25) == "1.2s")
        #expect(Durations.text(seconds: nil) == "—")
    }
}
