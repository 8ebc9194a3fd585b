import Testing

@testable import RunbookKit

/// Steps and the commands in them, as runbooks of other teams write them: a paragraph that
/// introduces a block, a checklist for after the incident, and what not to do.
struct StepStructureTests {
    @Test func aParagraphThatIntroducesABlockTitlesItsCommands() {
        let runbook = RunbookReader.parse(
            text: """
                # Queue

                ## Mitigation

                Scale the consumers:

                    kubectl scale deploy/worker --replicas=12

                Run the following command:

                    kubectl rollout status deploy/worker

                **Step 3.** Purge the dead-letter queue:

                    rabbitmqctl purge_queue jobs.dlq

                Force cert-manager to renew:

                ```sh
                kubectl -n <namespace> delete secret <tls-secret>
                cmctl renew <certificate> -n <namespace>
                ```
                """)
        #expect(
            runbook.commands.map(\.title) == [
                "Scale the consumers", "Mitigation", "Purge the dead-letter queue", "Force cert-manager to renew",
                "Force cert-manager to renew"
            ])
        #expect(runbook.commands.last?.code == "cmctl renew <certificate> -n <namespace>", "one command per command")
        #expect(CommandCollector.introduction(":::tip Raise the limit first:") == nil)
        #expect(CommandCollector.introduction("Example output:") == nil)
    }

    @Test func aChecklistForAfterTheIncidentIsNotTheIncidentChecklist() {
        let runbook = RunbookReader.parse(
            text: """
                # API latency

                ## Steps

                1. **Check recent deploys.** Roll back one from the last hour.
                2. **Scale out.**

                ## After the incident

                - [ ] Write the postmortem within 48 hours
                - [ ] File follow-up tickets
                """)
        #expect(runbook.checklists.map(\.isAftermath) == [false, true])
        #expect(runbook.incidentChecklist?.title == "Steps")
        #expect(
            runbook.checklists.first?.items.map(\.text) == [
                "Check recent deploys. Roll back one from the last hour.", "Scale out."
            ], "a label that is a sentence is followed, not labelled")
        var after = runbook
        after.checklists.removeFirst()
        #expect(after.incidentChecklist == nil, "the list for afterwards is no step of the response")
        let titles = ["Post-incident tasks", "Follow-ups", "Postmortem checklist", "Once resolved"]
        for title in titles {
            #expect(Checklist(title: title, kind: .incident, section: "", line: 1, items: []).isAftermath, "\(title)")
        }
        #expect(!Checklist(title: "Incident response", kind: .incident, section: "", line: 1, items: []).isAftermath)
    }

    @Test func whatNotToDoIsShownAsAnExampleNeverOfferedAsAStep() {
        let runbook = RunbookReader.parse(
            text: """
                # Deploy rollback

                ## Roll back

                Roll back when any of these hold after a deploy:

                - 5xx rate above 2% for 5 minutes

                ```
                helm rollback payments 41 -n payments
                ```

                - Don't `kubectl delete namespace payments` to start fresh.
                - Never run `git push --force` on main.
                - Don't do this: `echo FLUSHALL | redis-cli -h cache-1`
                - Avoid restarting until `kubectl get pods -n payments` shows the new pods.

                ## Don't

                ```
                kubectl delete pvc --all -n payments
                ```
                """)
        let offered = runbook.commands.filter(\.runnable).map(\.code)
        #expect(offered == ["helm rollback payments 41 -n payments", "kubectl get pods -n payments"])
        #expect(runbook.commands.filter { $0.origin == .example }.count == 4)
        #expect(runbook.metrics.first?.critical?.value == 2, "a roll-back trigger is a paging threshold")
        #expect(!InlineCommands.forbids(sectionTitle: "Avoiding data loss"))
    }

    @Test func aCommentThatForbidsMakesTheCommandsAfterItExamples() {
        let runbook = RunbookReader.parse(
            text: """
                # Stock reservations

                ## Clean up

                ```sql
                SELECT count(*) FROM stock_reservations WHERE expires_at < now();
                -- DO NOT RUN: this is what took the site down in March
                DELETE FROM stock_reservations;
                ```

                ```bash
                # Do not run this on the primary
                pg_ctl promote -D /var/lib/postgresql/data
                ```

                ```bash
                # bad gateway errors come from here
                tail -n 50 /var/log/nginx/error.log
                # WRONG:
                kubectl delete ns payments
                ```

                ## Manual cleanup (don't)

                ```
                DROP TABLE stock_reservations_old;
                ```

                ## Things people have done that made it worse

                - Running `aws s3 rm s3://payments-archive --recursive`
                """)
        let offered = runbook.commands.filter(\.runnable).map(\.code)
        #expect(
            offered == [
                "SELECT count(*) FROM stock_reservations WHERE expires_at < now();",
                "pg_ctl promote -D /var/lib/postgresql/data", "tail -n 50 /var/log/nginx/error.log"
            ])
        #expect(runbook.commands.filter { $0.origin == .example }.count == 4)
        for caution in ["# Do not run this unless the primary is gone", "# never run into this again", "# badge"] {
            #expect(InlineCommands.prohibitingCommentLine(in: caution + "\nls") == nil, "\(caution)")
        }
        for forbidding in ["# DO NOT RUN", "// don't run this!", "# Bad example", "-- wrong (deletes data)"] {
            #expect(InlineCommands.prohibitingCommentLine(in: "ls\n" + forbidding + "\nrm -rf x") == 1, "\(forbidding)")
        }
    }

    @Test func aTableOfContentsAndANumberedOutlineAreNoSteps() {
        let runbook = RunbookReader.parse(
            text: """
                # Payments gateway

                **Table of Contents**

                1. [Overview](#1-overview)
                2. [Diagnostics](#2-diagnostics)
                3. [Contacts](#3-contacts)

                ## 1. Overview

                The gateway takes card payments.

                ## 2. Diagnostics

                1. Check the pods: `kubectl get pods -n payments`
                2. Check the errors: `kubectl logs deploy/gateway -n payments --tail=100`

                ## 3. Contacts

                - Chat: #payments
                """)
        #expect(runbook.procedures.map(\.title) == ["2. Diagnostics"])
        #expect(runbook.procedures.first?.steps.count == 2)
        #expect(runbook.checklists.allSatisfy { !$0.items.contains { $0.text == "Overview" } })
    }

    @Test func aCommandTheTextWarnsAboutIsAnExample() {
        let runbook = RunbookReader.parse(
            text: """
                # Kafka lag

                ## Fix

                Never delete topics to get rid of lag. `kafka-topics.sh --delete --topic events.raw` has been
                suggested more than once; it destroys the data for every consumer.

                `git push --force` rewrites every branch for everyone.

                Scale the consumers with `kubectl scale deploy/enrich --replicas=6`.
                """)
        #expect(runbook.commands.filter(\.runnable).map(\.code) == ["kubectl scale deploy/enrich --replicas=6"])
        #expect(runbook.commands.filter { $0.origin == .example }.count == 2)
    }
}
