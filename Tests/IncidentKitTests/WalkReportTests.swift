import Foundation
import RunbookKit
import Testing
@testable import IncidentKit

/// A walk (`warroom walk`) exports its own report: each step, who, when and how long it took.
@Suite("Walk report")
struct WalkReportTests {
    let store = TempStore()
    let clock = TestClock("2026-12-03T09:00:00Z")

    @Test func stepsWithWhoWhenAndHowLongTheyTook() throws {
        let journal = try SQLiteJournal(location: store.location, clock: clock.function)
        let id = try journal.openIncident(
            title: "Walk: Deployment checklist", severity: WalkRecord.severity,
            runbookPath: "deploy.md", author: "alice"
        ).id
        func mark(_ kind: EventKind, _ item: String, _ index: Int, after seconds: Double, reason: String? = nil) throws
        {
            clock.advance(seconds)
            try journal.append(
                kind,
                ChecklistItemPayload(
                    checklist: "Deployment checklist", item: item, index: index,
                    reason: reason), to: id, author: "alice")
        }
        try mark(.itemTicked, "Announce the deploy", 0, after: 30)
        try journal.append(
            NotePayload(
                text: "error rate 0.2%", step: "Check the error rate", checklist: "Deployment checklist",
                index: 1), to: id, author: "bob")
        try mark(.itemTicked, "Check the error rate", 1, after: 90)
        try mark(.itemSkipped, "Deploy the canary | blue", 2, after: 15, reason: "no canary pool today")
        clock.advance(60)
        try journal.append(MilestonePayload(milestone: .resolved), to: id, author: "alice")
        let runbook = Runbook(
            title: "Deploys", source: "deploy.md",
            checklists: [
                Checklist(
                    title: "Deployment checklist", kind: .deployment, section: "Deploy", line: 1,
                    items: [
                        ChecklistItem(text: "Announce the deploy", line: 2),
                        ChecklistItem(text: "Check the error rate", line: 3),
                        ChecklistItem(text: "Deploy the canary | blue", line: 4),
                        ChecklistItem(text: "Promote to all pods", line: 5)
                    ])
            ])
        let incident = try journal.incident(id)
        let report = PostmortemReport(incident: incident, events: try journal.events(incident: id), runbook: runbook)
        let text = try PostmortemRenderer.render(report)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.first == "# Walk: Deployment checklist")
        #expect(lines.contains("| Duration | 3m 15s |"))
        #expect(lines.contains("2 done, 1 skipped, 1 not done."))
        #expect(lines.contains("| Announce the deploy | done | 2026-12-03 09:00:30 | alice | 30s |"))
        #expect(lines.contains("| Check the error rate | done | 2026-12-03 09:02:00 | alice | 1m 30s |"))
        #expect(
            lines.contains(
                "| Deploy the canary \\| blue | skipped (no canary pool today) | 2026-12-03 09:02:15 | alice | 15s |"))
        #expect(lines.contains("| Promote to all pods | untouched | — | — | — |"))
        #expect(lines.contains("- 2026-12-03 09:00:30 UTC, bob: error rate 0.2% (on step: Check the error rate)"))
        #expect(lines.contains("- 09:00:00 Walk started: Deployment checklist — alice"))
        #expect(!text.contains("SLA"))
    }
}
