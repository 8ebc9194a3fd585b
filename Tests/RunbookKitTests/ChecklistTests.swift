import Testing
@testable import RunbookKit

@Suite struct ChecklistTests {
    let runbook: Runbook

    init() throws { runbook = try Paths.fixtureRunbook("checklists.md") }

    @Test func numberedPhasesWithNestedItems() throws {
        let checklist = try #require(runbook.checklist("War Room Checklist"))
        #expect(checklist.kind == .incident)
        #expect(checklist.phases == ["Triage", "Coordinate", "Stabilise"])
        #expect(
            checklist.items.map(\.text) == [
                "Confirm the alert is real", "Pick a severity", "Open the incident channel",
                "Name a scribe", "Roll back if a deploy is suspect"
            ])
        #expect(runbook.incidentChecklist?.title == "War Room Checklist")
    }

    @Test func taskListUnderBoldLabelWithWrappedItem() throws {
        let checklist = try #require(runbook.checklist("First Ten Minutes Checklist"))
        #expect(checklist.kind == .incident)
        #expect(checklist.items.count == 3)
        #expect(checklist.items[1].checkedInSource)
        #expect(checklist.items[2].text == "Post a first status update with the customer-facing impact")
    }

    @Test func boldVerbSteps() throws {
        let checklist = try #require(runbook.checklist("Commander Steps"))
        #expect(checklist.items.map(\.text).first == "Acknowledge: Take the page in the paging tool")
        #expect(checklist.items.count == 3)
    }

    @Test func timedStepsBecomeDeadlines() throws {
        let checklist = try #require(runbook.checklist("Account Takeover Response"))
        #expect(checklist.kind == .security)
        #expect(
            checklist.items.map(\.text) == [
                "Lock the affected accounts", "Revoke active sessions", "Reset credentials",
                "Notify trust & safety", "Publish the customer notice"
            ])
        #expect(checklist.items.map(\.deadlineSeconds) == [0, 600, 3600, 3600, 86400])
    }

    @Test func otherKindsAreClassified() {
        #expect(runbook.checklist("Release Checklist")?.kind == .deployment)
        #expect(runbook.checklist("Database Upgrade Checklist")?.kind == .maintenance)
    }

    @Test func phaseWindowGivesDeadline() throws {
        let runbook = try Paths.fixtureRunbook("procedures.md")
        let checklist = try #require(runbook.checklists.first)
        #expect(checklist.title == "Detection & Triage (0-10 minutes)")
        #expect(checklist.items.map(\.deadlineSeconds) == [600])
    }

    @Test func timeLabelsOverTaskListsAreItsPhasesAndDeadlines() throws {
        let runbook = RunbookReader.parse(
            text: """
                # Credential leak

                ## Response checklist

                **Within 15 minutes:**

                - [ ] Open a private channel
                - [ ] Page the security on-call

                **Within 1 hour:**

                - [ ] Revoke the credential
                """)
        #expect(runbook.checklists.count == 1)
        let checklist = try #require(runbook.checklists.first)
        #expect(checklist.title == "Response checklist")
        #expect(checklist.items.map(\.deadlineSeconds) == [900, 900, 3600])
        #expect(checklist.items.map(\.phase) == ["Within 15 minutes", "Within 15 minutes", "Within 1 hour"])
    }

    /// Sibling headings that are each a time are one checklist, each heading a phase and its time
    /// the deadline; "What to do" is the incident's list, not a deployment list before it.
    @Test func timedSiblingHeadingsAreOneChecklistWithDeadlines() throws {
        let runbook = RunbookReader.parse(
            text: """
                # On-call

                ## Deploying

                - [ ] Tag the release
                - [ ] Run the migration

                ## What to do

                ### First 5 minutes

                - Acknowledge the page
                - Open the incident channel

                ### Within 1 hour

                - Write a summary for leadership
                """)
        let list = try #require(runbook.checklists.first { $0.title == "What to do" })
        #expect(list.kind == .incident)
        #expect(list.items.map(\.deadlineSeconds) == [300, 300, 3600])
        #expect(list.items.map(\.phase) == ["First 5 minutes", "First 5 minutes", "Within 1 hour"])
        #expect(runbook.checklists.count == 2)
        #expect(runbook.incidentChecklist?.title == "What to do")
    }

    /// Lists under time labels ("**T+0**", "**T+5 min**", "**Within 15 minutes**", "**First hour**")
    /// are one checklist whatever their shape: each item due by its label's time, nested items too.
    @Test func listsUnderTimeLabelsAreOneTimedChecklist() {
        let runbook = RunbookReader.parse(
            text: """
                # Mobile API

                ## The first hour

                **T+0**
                - Acknowledge the page

                **T+5 min**
                - Check the dashboard and the last deploy time
                  - If a deploy landed in the last 30 minutes, start a rollback

                **Within 15 minutes**
                1. Post the first customer-facing update

                **First hour**
                - Identify a mitigation
                """)
        let list = runbook.checklists.first
        #expect(runbook.checklists.count == 1 && list?.title == "The first hour" && list?.kind == .incident)
        #expect(list?.items.map(\.deadlineSeconds) == [0, 300, 300, 900, 3600])
        #expect(list?.items[2].text == "If a deploy landed in the last 30 minutes, start a rollback")
    }

    /// "Before you start" and "Verify" lists are things to tick, plain bullets or not.
    @Test func beforeYouStartAndVerifyListsAreChecklists() {
        let runbook = RunbookReader.parse(
            text: """
                # Upgrade

                ## Before you start

                - Announce the window in #infra
                - Take an etcd snapshot

                ## Verify

                - All nodes Ready
                - No pods pending
                """)
        #expect(runbook.checklists.map(\.title) == ["Before you start", "Verify"])
    }
}
