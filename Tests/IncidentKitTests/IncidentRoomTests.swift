import Foundation
@testable import RunbookKit
import Testing
@testable import IncidentKit

/// Follow-ups, the hand-off briefing and the status-update draft, folded from a real journal.
@Suite("Incident room")
struct IncidentRoomTests {
    let store = TempStore()
    let clock = TestClock("2026-12-03T13:00:00Z")

    let runbook = Runbook(
        title: "Payments", source: "payments.md",
        severities: [
            SeverityLevel(
                id: "SEV1", rank: 1, responseTime: Deadline(seconds: 300, text: "5 minutes"),
                communication: "Status page update every 30 minutes", line: 1),
            SeverityLevel(id: "SEV2", rank: 2, responseTime: Deadline(seconds: 1800, text: "30 minutes"), line: 2)
        ],
        checklists: [
            Checklist(
                title: "Response", kind: .incident, section: "Response", line: 3,
                items: [
                    ChecklistItem(text: "Page the on-call", line: 4),
                    ChecklistItem(text: "Roll back the deploy", line: 5),
                    ChecklistItem(text: "Post the all-clear", line: 6)
                ])
        ],
        templates: [
            RunbookTemplate(
                kind: .statusUpdate, title: "Update",
                body: """
                    Service: Payments API
                    Severity: SEV[1-4]
                    Status: INVESTIGATING / IDENTIFIED / RESOLVED
                    Impact: [who is affected]
                    Next update: [time]
                    """, fields: [], line: 9)
        ])

    func journalWithIncident() throws -> (Journal, String) {
        let journal = try SQLiteJournal(location: store.location, clock: clock.function)
        let id = try journal.openIncident(
            title: "Checkout 5xx", severity: "SEV2", runbookPath: nil, runbookHash: nil,
            author: "alice"
        ).id
        return (journal, id)
    }

    @Test func followUpsAreAddedFromActionsAndTodoNotesAndClosedByID() throws {
        let (journal, id) = try journalWithIncident()
        let added = try journal.append(
            ActionAddedPayload(text: "Alert on pool saturation", owner: "bob"), to: id, author: "alice")
        let todo = try journal.append(
            NotePayload(text: "TODO: rotate the API key @carol by Friday"), to: id, author: "alice")
        try journal.append(
            ActionClosedPayload(action: added.id, text: "Alert on pool saturation"), to: id, author: "bob")
        try journal.append(
            ActionClosedPayload(action: todo.id, text: "rotate", reason: "done in INC-2"), to: id, author: "bob")
        // An id that is no follow-up closes nothing.
        try journal.append(ActionClosedPayload(action: 999, text: "?"), to: id, author: "bob")

        let list = FollowUp.fold(try journal.events(incident: id))
        #expect(list.map(\.text) == ["Alert on pool saturation", "rotate the API key by Friday"])
        #expect(list.map(\.owner) == ["bob", "carol"])
        #expect(list.map(\.state) == ["done", "dropped"])
        #expect(list.map(\.closedBy) == ["bob", "bob"])
    }

    @Test func ownerIsTheFirstAtWord() {
        #expect(FollowUpText.parse("ping @dave, then @erin").text == "ping then @erin")
        #expect(FollowUpText.parse("ping @dave, then @erin").owner == "dave")
        #expect(FollowUpText.parse("mail ops@example.com").owner == nil)
        #expect(FollowUpText.parse("just text").owner == nil)
    }

    @Test func digestKnowsClocksStepsRunsBreachesAndHandoffs() throws {
        let (journal, id) = try journalWithIncident()
        clock.advance(120)
        try journal.append(MilestonePayload(milestone: .acknowledged), to: id, author: "alice")
        try journal.append(
            .itemTicked, ChecklistItemPayload(checklist: "Response", item: "Page the on-call", index: 0),
            to: id, author: "alice")
        try journal.setSeverity("SEV1", rules: SeverityRules(runbook: runbook), on: id, author: "alice")
        let started = try journal.append(
            CommandStartedPayload(command: "kubectl rollout undo deploy/api"), to: id, author: "bob")
        try journal.append(
            CommandFinishedPayload(
                command: "kubectl rollout undo deploy/api", exitStatus: 1, durationMs: 900,
                tail: ["error: no rollout history", ""], startedEvent: started.id),
            to: id, author: "bob")
        try journal.append(CommandStartedPayload(command: "kubectl get pods -w"), to: id, author: "bob")
        try journal.append(
            .metricBreached,
            MetricPayload(
                metric: "error_rate", value: 7, threshold: 5, level: "warning",
                unit: "%"), to: id, author: "warroom")
        try journal.assignRole("commander", to: "alice", on: id, author: "alice")
        clock.advance(60)
        try journal.append(
            RoleAssignedPayload(role: "commander", person: "bob", previous: "alice", handoff: true),
            to: id, author: "alice")
        let digest = IncidentDigest(
            incident: try journal.incident(id), events: try journal.events(incident: id),
            runbook: runbook, now: clock.now)

        #expect(digest.slaState == "met")
        #expect(digest.slaText == "met: acknowledged in 2m 00s (within 5m 00s)")
        #expect(digest.peakSeverity == "SEV1")
        #expect(digest.severitySpans.map(\.value) == ["SEV2", "SEV1"])
        #expect(digest.severitySpans.map(\.seconds) == [120, 60])
        #expect(digest.steps.map(\.state) == ["done", "open", "open"])
        #expect(digest.runs.map(\.result) == ["exit 1", "running"])
        #expect(digest.runs.map(\.failed) == [true, false])
        #expect(digest.breachedMetrics.count == 1)
        #expect(digest.handoffs.map(\.to) == ["bob"])

        let briefing = HandoffBriefing.text(digest, role: "commander", from: "alice", to: "bob")
        let lines = briefing.split(separator: "\n").map(String.init)
        #expect(lines[0] == "Hand-off of commander on \(id): alice → bob")
        #expect(lines.contains("Severity SEV1, status investigating, open for 3m 00s"))
        #expect(lines.contains("Steps (Response): 1 done, 0 skipped, 2 open"))
        #expect(lines.contains("  [ ] Roll back the deploy"))
        #expect(lines.contains("  running since 13:02:00 (bob): kubectl get pods -w"))
        #expect(lines.contains("  failed (exit 1) at 13:02:00: kubectl rollout undo deploy/api"))
        #expect(lines.contains("    error: no rollout history"))
        #expect(lines.contains("  error_rate breached warning: 7% (threshold 5%) since 13:02:00"))
    }

    @Test func slaIsBreachedWhenNotAcknowledgedInTime() throws {
        let (journal, id) = try journalWithIncident()
        clock.advance(1900)
        let digest = IncidentDigest(
            incident: try journal.incident(id), events: try journal.events(incident: id),
            runbook: runbook, now: clock.now)
        #expect(digest.slaState == "breached")
        #expect(digest.slaText == "breached by 1m 40s (30m 00s to acknowledge)")
    }

    @Test func draftFillsTheRunbookTemplateAndKeepsWhatItCannotKnow() throws {
        let (journal, id) = try journalWithIncident()
        try journal.append(NotePayload(text: "impact: a third of card payments fail"), to: id, author: "alice")
        try journal.setSeverity("SEV1", rules: SeverityRules(runbook: runbook), on: id, author: "alice")
        let digest = IncidentDigest(
            incident: try journal.incident(id), events: try journal.events(incident: id),
            runbook: runbook, now: clock.now)
        let cadence = try #require(runbook.updateCadence(for: "SEV1"))
        #expect(cadence.seconds == 1800)
        let draft = StatusUpdateDraft.text(
            digest, template: runbook.templates[0].body, nextUpdateSeconds: cadence.seconds)
        #expect(
            draft == """
                Service: Payments API
                Severity: SEV1
                Status: INVESTIGATING
                Impact: a third of card payments fail
                Next update: 2026-12-03 13:30 UTC
                """)
        let builtIn = StatusUpdateDraft.text(digest, template: nil, nextUpdateSeconds: nil)
        #expect(builtIn.contains("Incident: Checkout 5xx (\(id))"))
        #expect(builtIn.contains("Next update: [time]"))
    }

    @Test func blanksNamedInsideALineAreFilledUnknownOnesKept() throws {
        let (journal, id) = try journalWithIncident()
        let digest = IncidentDigest(
            incident: try journal.incident(id), events: try journal.events(incident: id), runbook: runbook,
            now: clock.now)
        let template = "[{{severity}}] Checkout — {status} ({region})\nImpact: <impact>\nNext update: {next_update}"
        let draft = StatusUpdateDraft.text(digest, template: template, nextUpdateSeconds: 900)
        #expect(
            draft == """
                [SEV2] Checkout — INVESTIGATING ({region})
                Impact: [who is affected and how]
                Next update: 2026-12-03 13:15 UTC
                """)
    }

    @Test func cadenceIsReadFromProseAboutUpdates() {
        #expect(
            UpdateCadenceText.seconds(
                in: "Provide regular status updates in Slack (roughly every 30mins)",
                requireUpdateWord: true) == 1800)
        #expect(UpdateCadenceText.seconds(in: "Update the status page hourly.", requireUpdateWord: true) == 3600)
        #expect(UpdateCadenceText.seconds(in: "Check the room every 5 min early on", requireUpdateWord: true) == nil)
        #expect(UpdateCadenceText.seconds(in: "Every 2 hours", requireUpdateWord: false) == 7200)
    }
}
