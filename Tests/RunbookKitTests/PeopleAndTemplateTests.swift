import Testing
@testable import RunbookKit

@Suite struct EscalationAndContactTests {
    let runbook: Runbook

    init() throws { runbook = try Paths.fixtureRunbook("escalation-contacts.md") }

    @Test func flowInCodeBlock() {
        #expect(runbook.escalation.map(\.level) == [1, 2])
        #expect(runbook.escalation.map(\.who) == ["Identity on-call acknowledges within 5 minutes", "Identity lead"])
        #expect(runbook.escalation.map(\.after) == ["within 5 minutes", "after 20 minutes"])
    }

    @Test func contactTableWithMethodColumn() throws {
        let identity = try #require(runbook.contacts.first { $0.name == "Identity Oncall" })
        #expect(identity.role == "Identity")
        #expect(identity.contact.hasPrefix("#identity-oncall"))
        #expect(runbook.contacts.contains { $0.name == "Dana Reyes" && $0.role == "Primary" })
        #expect(runbook.contacts.contains { $0.name == "Security" && $0.contact == "secops@example.net" })
        #expect(!runbook.contacts.contains { $0.contact.contains("Rotates") })
    }

    @Test func arrowChain() throws {
        let runbook = RunbookReader.parse(text: "# X\n\n## On-call\n\n- Escalation: Support → Team lead → CTO\n")
        #expect(runbook.escalation.map(\.who) == ["Support", "Team lead", "CTO"])
    }

    @Test func arrowChainWithDelays() throws {
        let runbook = RunbookReader.parse(
            text: "# X\n\n- Escalation: Support → Team lead (after 15 min) → CTO (if no response in 1 hour)\n")
        #expect(runbook.escalation.map(\.who) == ["Support", "Team lead", "CTO"])
        #expect(runbook.escalation.map(\.after) == [nil, "after 15 min", "if no response 1 hour"])
    }

    @Test func numberedEscalationPath() {
        let runbook = RunbookReader.parse(
            text: """
                # X

                ### Escalation Path
                1. **Level 1**: On-call engineer
                2. **Level 2**: Engineering manager (after 30 minutes)
                """)
        #expect(runbook.escalation.map(\.who) == ["On-call engineer", "Engineering manager (after 30 minutes)"])
        #expect(runbook.escalation[1].after == "after 30 minutes")
        #expect(runbook.checklists.isEmpty)
    }
}

@Suite struct TemplateTests {
    @Test func postmortemAndStatusUpdate() throws {
        let runbook = try Paths.fixtureRunbook("templates.md")
        #expect(runbook.templates.map(\.kind) == [.postmortem, .statusUpdate])
        #expect(runbook.templates[0].title == "Postmortem Template")
        #expect(runbook.templates[0].fields.contains("Incident title"))
        #expect(runbook.templates[1].fields.contains("ISO timestamp"))
        #expect(runbook.templates[1].body.contains("Status: INVESTIGATING / IDENTIFIED / RESOLVED"))
    }

    @Test func aMessageQuotedUnderATemplateHeadingIsATemplateWithItsNamedBlanks() throws {
        let text = """
            # Gateway

            ## Status update template

            > **[P{severity}] Payment gateway timeouts — {status}**
            > Impact: {impact}
            > Next update: {{next_update}}

            ## Notes

            > A quote that is no template: {this}.
            """
        let templates = RunbookReader.parse(text: text).templates
        #expect(templates.map(\.kind) == [.statusUpdate])
        #expect(templates.first?.fields == ["severity", "status", "impact", "next_update"])
        #expect(
            templates.first?.body
                == "[P{severity}] Payment gateway timeouts — {status}\nImpact: {impact}\nNext update: {{next_update}}")
    }

    /// A block with blanks under a heading that names a message to send is a template; one under
    /// a heading about messages read (errors, logs) is not.
    @Test func aMessageWithBlanksUnderAMessageHeadingIsATemplate() {
        let text = """
            # Comms

            ## Resolution message

            ```
            Resolved: <feature> is operating normally as of <HH:MM UTC>.
            ```

            ## Error messages

            ```
            ERROR <nil> connection refused
            ```
            """
        let templates = RunbookReader.parse(text: text).templates
        #expect(templates.map(\.title) == ["Resolution message"])
        #expect(templates.first?.kind == .statusUpdate)
        #expect(templates.first?.fields == ["feature"])
    }

    @Test func aLabelledCommandIsNoContact() {
        let runbook = RunbookReader.parse(
            text: """
                # Search

                ## Misc

                - port-forward: `kubectl -n search port-forward svc/es-http 9200:9200`
                - alias swap: `curl -XPOST localhost:9200/_aliases -d @swap.json`
                - Chat: `#search-oncall`
                - Lead: search-lead@example.com
                """)
        #expect(runbook.contacts.map(\.contact) == ["#search-oncall", "search-lead@example.com"])
        #expect(runbook.commands.count == 2)
    }

    @Test func textWithBlanksUnderAStatusPageHeadingIsAStatusUpdateNoAlert() {
        let runbook = RunbookReader.parse(
            text: """
                # Comms

                ## Public status page update

                ```
                Title: [Degraded performance | Partial outage] - <feature>

                We are investigating reports of {{symptom}} affecting {{segment}}.
                ```
                """)
        #expect(runbook.templates.map(\.kind) == [.statusUpdate])
        #expect(runbook.templates.first?.fields.contains("symptom") == true)
        #expect(runbook.metrics.isEmpty)
        #expect(MetricExtractor.alertLevel("Paging thresholds") == .critical)
        #expect(MetricExtractor.alertLevel("Updating the status page") == nil)
    }

    /// Two contacts in one cell, kept apart by `<br>`; a channel made per incident is no contact.
    @Test func aLineBreakTagSeparatesAndAPerIncidentChannelIsNoContact() {
        let runbook = RunbookReader.parse(
            text: """
                # Billing

                ## Contacts

                | Role | Name | How to reach |
                |---|---|---|
                | Billing EM | Priya Raman | priya.raman@example.com<br>+1 415 555 0133 |

                Open `#sec-inc-<date>` for the incident.
                """)
        #expect(runbook.contacts.first?.contact == "priya.raman@example.com; +1 415 555 0133")
        #expect(!runbook.contacts.contains { $0.contact.hasPrefix("#sec-inc") }, "\(runbook.contacts)")
        #expect(!runbook.contacts.contains { $0.contact.contains("com+1") })
    }
}
