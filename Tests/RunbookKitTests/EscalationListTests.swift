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
}
