import Testing
@testable import RunbookKit

/// Escalation written as sentences: each step names whom it brings in, when, and how they are
/// reached, not the whole sentence. From a fixture of its own and small texts.
struct EscalationSentenceTests {
    @Test func aChainInSentencesNamesEachPersonAndDelay() throws {
        let runbook = try Paths.fixtureRunbook("structures/escalation-sentences.md")
        #expect(
            runbook.escalation.map(\.who) == [
                "ledger on-call", "storage secondary", "storage lead (@kmorita)", "head of infrastructure, Ines Duarte"
            ], "the first is the one the condition waits on; the API endpoint and the status page are no one")
        #expect(runbook.escalation.map(\.after) == [nil, "within 10 minutes", "after 30 minutes", "in 2 hours"])
        #expect(runbook.escalation[2].contact == "#storage-war-room")
        #expect(runbook.escalation.map(\.level) == [1, 2, 3, 4])
    }

    @Test func theObjectStopsWhereTheClauseSaysWhenOrHow() {
        #expect(EscalationSentence.read("escalate to the duty manager in #ops-bridge")?.who == "duty manager")
        #expect(EscalationSentence.read("escalate to the duty manager in #ops-bridge")?.contact == "#ops-bridge")
        #expect(EscalationSentence.read("page the director unless customers are affected")?.who == "director")
        #expect(EscalationSentence.read("notify the VP in charge of billing")?.who == "VP in charge of billing")
        #expect(EscalationSentence.read("then loop in the DBA via PagerDuty")?.who == "DBA")
        #expect(EscalationSentence.read("page the engineer on call")?.who == "engineer on call")
        // Each stop found leaves less to search: a second "on" after the first stop is past the end.
        #expect(EscalationSentence.read("page the lead on the bridge on Slack on Monday")?.who == "lead")
        #expect(
            EscalationSentence.read("pull in the dev team, support, and PM to reassess")?.who
                == "dev team, support, and PM")
    }

    @Test func aNounIsNoVerb() {
        #expect(EscalationSentence.read("Open the status page for the history") == nil)
        #expect(EscalationSentence.read("Join the conference call on Zoom") == nil)
        #expect(EscalationSentence.read("The on-call engineer owns it") == nil)
        #expect(EscalationSentence.read("Call it a day") == nil)
        #expect(EscalationSentence.read("The acquirer calls time out after 8 seconds") == nil, "a thing that calls")
    }

    @Test func theSubjectOfAnUnansweredConditionComesFirst() {
        #expect(
            EscalationSentence.unanswered("If the primary on-call does not respond in 5 minutes") == "primary on-call")
        #expect(EscalationSentence.unanswered("If it does not recover in 5 minutes") == nil)
        #expect(EscalationSentence.unanswered("When the primary does not respond") == nil)
    }

    @Test func outsideAnEscalationSectionOnlyEscalationWordsCount() {
        let runbook = RunbookReader.parse(
            text: """
                # Cache warmup

                ## Steps

                Call the warmup endpoint for each region. Contact the CDN vendor only if it fails.
                """)
        #expect(runbook.escalation.isEmpty, "a step that calls an endpoint is no escalation")
    }

    /// The chain said the other way round ("the secondary is paged", "the page goes to …"), and
    /// an exception to it ("… skip this chain") is no step.
    @Test func aPassiveChainAndItsException() {
        let runbook = RunbookReader.parse(
            text: """
                # Platform on-call

                ## Escalation policy

                When something pages, PagerDuty notifies the primary on-call. If the primary has not
                acknowledged within 5 minutes, the secondary on-call is paged as well. If nobody has
                acknowledged after 15 minutes in total, the page goes to the engineering manager on duty.

                Security incidents skip this chain — page the security on-call directly.
                """)
        #expect(
            runbook.escalation.map(\.who) == ["primary on-call", "secondary on-call", "engineering manager on duty"])
        #expect(runbook.escalation.map(\.after) == [nil, "within 5 minutes", "after 15 minutes"])
    }

    /// A line listing other pages is not a step, even when a title names an escalation.
    @Test func relatedPagesAreNoStep() {
        let runbook = RunbookReader.parse(
            text: "# Billing\n\n## Steps\n\n1. Check the job.\n\n"
                + "_Related pages: Billing architecture, Finance escalation matrix_\n")
        #expect(runbook.escalation.isEmpty, "\(runbook.escalation.map(\.who))")
    }

    /// Clauses joined by a semicolon are steps of their own; "rolls to", "is phoned" and "are
    /// escalated to" bring someone in; "… are the exception" is no step.
    @Test func aChainOfClausesAndItsException() {
        let runbook = RunbookReader.parse(
            text: """
                # Edge

                ## Escalation

                The Edge on-call is paged first. If they have not acknowledged in 10 minutes the page rolls to
                the Network on-call; if neither has acknowledged by 30 minutes, the duty manager is phoned.
                Severity 1 incidents that are not mitigated within 90 minutes are escalated to the CTO by the
                duty manager. DDoS attacks are the exception: engage the CDN's emergency line right away.
                """)
        #expect(runbook.escalation.map(\.who) == ["Edge on-call", "Network on-call", "duty manager", "CTO"])
        #expect(runbook.escalation[1].after == "in 10 minutes")
    }

    /// A link to another page and a page's footer are no steps, whatever words they hold.
    @Test func linksAndFootersAreNoSteps() {
        let runbook = RunbookReader.parse(
            text: """
                # Search index

                ## Steps

                1. Check the indexer.

                See also:
                - [Search on-call escalation](https://wiki.example.com/search/oncall)

                Maintained by search-relevance · escalate questions to @search-lead
                """)
        #expect(runbook.escalation.isEmpty, "\(runbook.escalation.map(\.who))")
    }
}
