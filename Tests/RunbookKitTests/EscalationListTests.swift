import Testing
@testable import RunbookKit

/// Escalation paths as teams write them in lists: a delay after a dash, and one arrow chain per
/// level. Each read in general, from small texts of their own.
struct EscalationListTests {
    /// `2. DBRE secondary - 15 min`: the delay after a dash is when; a number after it is how.
    @Test func escalationStepsWithTheirDelayAfterADash() {
        let runbook = RunbookReader.parse(
            text: """
                # Database failover

                ## Escalation

                1. DBRE on-call (PagerDuty `dbre-primary`) - 5 min
                2. DBRE secondary - 15 min
                3. Head of Data Platform, Marta Silva - 30 min, phone +1 415 555 0134
                """)
        #expect(
            runbook.escalation.map(\.who) == [
                "DBRE on-call (PagerDuty dbre-primary)", "DBRE secondary", "Head of Data Platform, Marta Silva"
            ])
        #expect(runbook.escalation.map(\.after) == ["after 5 min", "after 15 min", "after 30 min"])
        #expect(runbook.escalation.last?.contact == "phone +1 415 555 0134")
        let phone = runbook.contacts.first { $0.role == "phone or bridge" }
        #expect(phone?.contact == "+1 415 555 0134")
        #expect(phone?.name == "Head of Data Platform, Marta Silva")
    }

    /// Items by level under an escalation heading, the critical one an arrow chain: that chain is
    /// the path, each link whom to page and when.
    @Test func theMostSevereLevelsArrowChainIsThePath() {
        let runbook = RunbookReader.parse(
            text: """
                # Node pressure

                ## Escalation

                - warning: platform on-call handles during business hours
                - critical: page platform on-call → if no ack in 10 minutes, platform secondary → platform EM
                """)
        #expect(runbook.escalation.map(\.who) == ["platform on-call", "platform secondary", "platform EM"])
        #expect(runbook.escalation.map(\.after) == [nil, "in 10 minutes", nil])
    }

    /// PagerDuty's policy as a table: "Escalates after" is each step's timeout (the last step has
    /// none), so a step comes after the timeouts before it, added up.
    @Test func aPolicyTableOfTimeoutsGivesEachStepItsTime() {
        let runbook = RunbookReader.parse(
            text: """
                # Platform on-call

                ## Escalation policy

                | Step | Notify | Escalates after |
                |---|---|---|
                | 1 | Platform Primary (schedule) | 10 min |
                | 2 | Platform Secondary (schedule) | 10 min |
                | 3 | Engineering Manager on duty | 15 min |
                | 4 | Director of Infrastructure | — |
                """)
        #expect(
            runbook.escalation.map(\.who) == [
                "Platform Primary (schedule)", "Platform Secondary (schedule)", "Engineering Manager on duty",
                "Director of Infrastructure"
            ])
        #expect(runbook.escalation.map(\.after) == [nil, "after 10 min", "after 20 min", "after 35 min"])
    }

    /// "Then: @kwame after 15m": a label of order says when; whom is the rest, without the delay.
    @Test func orderLabelsAreNotPeople() {
        let runbook = RunbookReader.parse(
            text: """
                # Sessions

                ## Escalation

                - First: identity on-call
                - Then: @kwame after 15m
                - Then: #identity-leads
                """)
        #expect(runbook.escalation.map(\.who) == ["identity on-call", "@kwame", "#identity-leads"])
        #expect(runbook.escalation.map(\.after) == [nil, "after 15m", nil])
    }
}
