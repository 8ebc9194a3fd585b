import Testing
@testable import RunbookKit

/// One small fixture per structure other teams write (Fixtures/structures), each read in
/// general: nothing here depends on a particular runbook's words.
struct StructureTests {
    func read(_ name: String) throws -> Runbook { try Paths.fixtureRunbook("structures/\(name).md") }

    @Test func pastedOutputAndFormsAreNeverCommands() throws {
        let runbook = try read("pasted-output")
        #expect(
            runbook.commands.map(\.code) == [
                "kubectl get pods -n jobs -l app=worker",
                "kubectl -n jobs logs worker-7f9c4-a --tail=50",
                "SELECT count(*) FROM jobs WHERE state = 'stuck';"
            ])
        #expect(runbook.commands.map(\.risk) == [.read, .read, .read])
        #expect(runbook.commands.last?.language == "sql")
    }

    @Test func promptsOfEveryShapeAreStripped() throws {
        let runbook = try read("prompts")
        #expect(
            runbook.commands.map(\.code) == [
                "uptime", "df -h /srv", "python3 manage.py check", "Get-Service spooler",
                "SELECT 1;", "INFO memory"
            ])
        #expect(runbook.commands.map(\.language) == ["bash", "bash", "bash", "bash", "sql", "redis"])
        #expect(runbook.commands.allSatisfy { $0.origin == .session })
    }

    @Test func commandsOnBareLinesOneLineFencesAndUnlabelledBlocks() throws {
        let runbook = try read("bare-commands")
        #expect(
            runbook.commands.map(\.code) == [
                "oc get subscriptions -n billing", "sudo site-redis-cli --stat", "sudo site-psql -c 'select 1'",
                "synctool --dry-run --verbose", "select pg_cancel_backend(4242);"
            ])
        #expect(runbook.commands.map(\.risk) == [.read, .read, .read, .unknown, .change])
        #expect(runbook.commands[4].language == "sql")
    }

    @Test func cloudVerbsDecideAndUnknownIsSaid() throws {
        let runbook = try read("cloud-risk")
        #expect(runbook.commands.map(\.risk) == [.read, .change, .read, .destructive, .read, .unknown, .unknown])
        #expect(runbook.commands[5].riskReason.hasPrefix("unknown:"))
        // Output kept in a scratch file changes nothing: only the unknown program decides.
        #expect(!runbook.commands[6].riskReason.contains("file write"))
    }

    @Test func alertFieldsAndCatalogueRowsAreAlertsNotMetricsOfTheirLabels() throws {
        let runbook = try read("alert-fields")
        #expect(
            runbook.metrics.map(\.name) == [
                "Queue Backlog Growing", "Queue Consumer Down", "Store Write Error Rate High",
                "Store Write Range Error Rate High", "Store Compaction Slow"
            ])
        let backlog = try #require(runbook.metrics.first)
        #expect(backlog.critical == nil && backlog.warning?.value == 20 && backlog.warning?.unit == "min")
        #expect(runbook.metrics[1].conditions.first?.hasPrefix("critical:") == true)
        #expect(runbook.metrics[4].conditions == ["info: Compaction is slow."])
    }

    @Test func thresholdsInProseAndTriggerLists() throws {
        let runbook = try read("prose-thresholds")
        let cpu = try #require(runbook.metric("cache_primary_cpu_ratio"))
        #expect(cpu.warning?.value == 65 && cpu.critical?.value == 90 && cpu.critical?.op == .greater)
        let hits = try #require(runbook.metrics.first { $0.name.lowercased().contains("hit ratio") })
        #expect(hits.warning?.op == .less && hits.warning?.value == 80 && hits.warning?.forSeconds == 600)
        #expect(runbook.metrics.count == 2, "the item without a number is not a metric")
    }

    @Test func symptomListsAndStateComparisonsAreConditions() throws {
        let runbook = try read("symptoms-and-states")
        let latency = try #require(runbook.metrics.first { $0.name.lowercased().contains("latency") })
        #expect(latency.critical?.op == .greater && latency.critical?.value == 2 && latency.critical?.unit == "s")
        #expect(latency.critical?.forSeconds == 600)
        let queue = try #require(runbook.metrics.first { $0.name.lowercased().contains("indexing queue") })
        #expect(queue.warning?.value == 5000 && queue.critical == nil, "an item that says it warns is a warning")
        #expect(!runbook.metrics.contains { $0.name.lowercased().contains("users") }, "no number, no metric")
        // `== 1` is a state: its selector is the query to sample.
        let red = try #require(runbook.metrics.first { $0.query?.hasPrefix("search_cluster_health_status") == true })
        #expect(red.warning?.op == .equal && red.warning?.value == 1 && red.warning?.forSeconds == 300)
        #expect(red.warning?.isBreached(by: 1) == true && red.warning?.isBreached(by: 0) == false)
        let up = try #require(runbook.metrics.first { $0.query == "up{job=\"search\"}" })
        #expect(up.warning?.op == .notEqual && up.warning?.value == 0)
    }

    @Test func anAlertRulesTableGivesHoldTimesAndQueries() throws {
        let runbook = try read("alert-rules-table")
        let errors = try #require(runbook.metrics.first { $0.name == "Orders Errors High" })
        #expect(errors.critical?.value == 0.02 && errors.critical?.forSeconds == 600)
        #expect(errors.query == "sum(rate(orders_failed_total[5m])) / sum(rate(orders_total[5m]))")
        let down = try #require(runbook.metrics.first { $0.name == "Orders Down" })
        #expect(down.critical?.op == .equal && down.critical?.forSeconds == 120 && down.query == "up{job=\"orders\"}")
        let queue = try #require(runbook.metrics.first { $0.name == "Orders Queue Long" })
        #expect(queue.warning?.forSeconds == 900 && queue.query == "orders_queue_depth")
    }

    @Test func commandsInTablesAndSentencesAreTitledByTheirOwnWords() throws {
        let runbook = try read("alert-rules-table")
        let titles = Dictionary(uniqueKeysWithValues: runbook.commands.map { ($0.code, $0.title ?? "") })
        #expect(titles["kubectl -n orders get pods"] == "List the pods")
        #expect(titles["kubectl -n orders rollout undo deploy/orders"] == "Roll back the last deploy")
        #expect(titles["kubectl -n orders get deploy consumer"] == "Look at the consumers")
        #expect(titles["kubectl -n orders scale deploy/consumer --replicas=6"] == "If they are saturated, scale them")
    }

    @Test func aFenceIndentedUnderADocsSiteTabIsStillAFence() {
        let runbook = RunbookReader.parse(
            text: """
                ## Investigation

                === "kubectl"

                    ```bash
                    kubectl get nodes -o wide
                    ```

                === "Console"

                    Open the instances page and look for failed checks.
                """)
        #expect(runbook.commands.map(\.code) == ["kubectl get nodes -o wide"])
        #expect(runbook.commands.first?.line == 6)
        #expect(runbook.commands.first?.risk == .read)
    }

    @Test func roleTablesAreContactsAndStepsWithinATimeHaveDeadlines() throws {
        let runbook = try read("response-tables")
        #expect(runbook.contacts.map(\.role) == ["Incident Commander", "Scribe", "Comms"])
        #expect(runbook.contacts.first?.name == "On-call lead")
        #expect(runbook.contacts.first?.contact.contains("Runs the incident") == true)
        let first = try #require(runbook.checklist("Immediate actions"))
        #expect(first.items.map(\.deadlineSeconds) == [300, nil, nil, 900])
        let after = try #require(runbook.checklist("After the incident"))
        #expect(after.items.allSatisfy { $0.deadlineSeconds == nil }, "business days have no clock")
        #expect(runbook.severities.map { $0.responseTime?.seconds } == [600, 1800, nil, nil])
    }

    @Test func aCommandCalledAMistakeAfterItIsAnExampleToo() {
        let runbook = RunbookReader.parse(
            text: """
                ## Lag

                A common mistake is running `kafka-topics --delete --topic orders`; never do that.

                Restarting with `kubectl rollout restart deploy/consumer` is safe. Never delete the topic.
                """)
        let examples = runbook.commands.filter { $0.origin == .example }
        #expect(examples.map(\.code) == ["kafka-topics --delete --topic orders"])
        #expect(examples.allSatisfy { !$0.runnable })
        #expect(runbook.commands.first { $0.code.hasPrefix("kubectl rollout") }?.runnable == true)
    }

    @Test func anEscalationSentenceWithThenIsAStepPerPerson() throws {
        let runbook = try read("symptoms-and-states")
        #expect(runbook.escalation.count == 2)
        #expect(runbook.escalation.first?.who == "search lead", "whom the sentence brings in, not all of it")
        #expect(runbook.escalation.first?.after == "within 30 minutes")
        #expect(runbook.escalation.last?.who == "engineering manager")
        #expect(runbook.escalation.last?.after == "after 1 hour")
    }

    @Test func levelsFromSiblingHeadingsAndResponseInProse() throws {
        let runbook = try read("levels-prose")
        #expect(runbook.severities.map(\.id) == ["CRITICAL", "MAJOR", "WARNING", "MINOR"])
        #expect(runbook.severities.first { $0.id == "MAJOR" }?.responseTime?.seconds == 0)
        #expect(runbook.severities.first { $0.id == "MINOR" }?.responseTime?.seconds == 14400)
        #expect(runbook.severities.first { $0.id == "CRITICAL" }?.responseTime == nil, "no time is invented")
    }

    @Test func checklistsNamedByAHeadingAboveAndSpreadOverSteps() throws {
        let runbook = try read("checklist-structures")
        #expect(runbook.checklists.map(\.title) == ["Look around", "Procedure"])
        let steps = try #require(runbook.checklist("Procedure"))
        #expect(steps.items.map(\.text) == ["Drain the node", "Patch the kernel", "Uncordon the node"])
        #expect(steps.phases == ["Drain", "Patch", "Return"])
    }

    @Test func contactsAndEscalationWrittenInProse() throws {
        let runbook = try read("people-prose")
        #expect(runbook.contacts.map(\.role) == ["chat channel", "phone or bridge", "e-mail"])
        #expect(runbook.contacts.first?.contact == "#ops-escalations")
        #expect(runbook.contacts[1].contact == "+1 415 555 0100 (PIN 4242)", "the number and its PIN, not the line")
        #expect(runbook.contacts[1].name == "the bridge")
        #expect(runbook.escalation.count == 2, "the status page is not an escalation")
        #expect(runbook.escalation.map(\.who) == ["duty manager", "director"])
        #expect(runbook.escalation.first?.contact == "#ops-escalations")
    }

    @Test func ownerFieldsAtThePageHeadAreContactsEachOnItsLine() throws {
        let runbook = try read("owner-fields")
        #expect(
            runbook.contacts.map { [$0.role ?? "", $0.contact] } == [
                ["Owner", "@search-platform"], ["PagerDuty", "search-indexer-primary"], ["Slack", "#search-oncall"],
                ["Escalation", "search-managers@example.org"], ["Maintainer", "data-infra"], ["Chat", "#data-infra"]
            ], "a template's blank and a sentence's 'Team: search.' are no contacts")
        #expect(runbook.contacts.map(\.line) == [3, 4, 5, 6, 16, 16])
        // Each field is its own text: the escalation is that line's, not the whole block's.
        #expect(runbook.escalation.map(\.who) == ["Escalation: search-managers@example.org"])
    }

    @Test func anAlertSentenceWithAComparisonInWordsGivesTheThingItCompares() throws {
        let runbook = try read("alert-in-words")
        let names = runbook.metrics.map(\.name)
        #expect(names == ["Backlog of the billing-worker queue", "Oldest job"], "\(names)")
        let backlog = try #require(runbook.metrics.first)
        #expect(
            backlog.warning.map { "\($0.op.rawValue) \($0.value) for \($0.forSeconds ?? 0)" } == "> 5000.0 for 600")
        #expect(runbook.metrics.last?.critical?.value == 30, "it pages: critical")
    }

    @Test func ownerFieldsOfTheFrontMatterAreContactsOnTheirLines() {
        let text = """
            ---
            title: Consumer lag
            owner: streaming
            slack_channel: "#streaming-oncall"
            description: What to do when the consumers fall behind.
            ---

            ## Check

            Ask in #streaming-oncall.
            """
        let runbook = RunbookReader.parse(text: text)
        #expect(
            runbook.contacts.map { [$0.role ?? "", $0.contact, "\($0.line)"] } == [
                ["owner", "streaming", "3"], ["slack_channel", "#streaming-oncall", "4"]
            ], "the description is no contact; the channel named again in the text is not twice")
    }

    @Test func aPlaceholderWrittenInProseIsKeptThoughMarkdownReadsItAsATag() {
        let text = """
            # Roll back

            ## Checklist

            - [ ] Announce in #deploys: "Rolling back checkout to <previous-version>".
            - [ ] Page <team> if it fails<br>and note it
            - [ ] Ask incident.<unlink></unlink>io for a timeline
            """
        let items = RunbookReader.parse(text: text).checklists.first?.items.map(\.text) ?? []
        #expect(
            items == [
                "Announce in #deploys: \"Rolling back checkout to <previous-version>\".",
                "Page <team> if it fails; and note it", "Ask incident.io for a timeline"
            ], "a line break tag (<br>) keeps its sides apart; markup inside a word (<unlink>) is not text")
    }

    @Test func prometheusAlertingRulesInACodeBlockAreTheAlertsOfACatalogue() throws {
        let runbook = try read("alert-rules")
        #expect(runbook.metrics.map(\.name) == ["Queue Backlog High", "Queue Consumers Down"])
        let backlog = try #require(runbook.metrics.first)
        #expect(backlog.query == "sum(queue_depth{queue=\"billing\"})", "a multi-line expr is one expression")
        #expect(
            backlog.warning.map { [$0.op.rawValue, "\($0.value)", "\($0.forSeconds ?? 0)"] } == [">", "5000.0", "600"])
        #expect(backlog.line == 9)
        let down = try #require(runbook.metrics.last)
        #expect(down.critical.map { [$0.op.rawValue, "\($0.value)", "\($0.forSeconds ?? 0)"] } == ["<", "1.0", "120"])
        #expect(down.query == "count(up{job=\"billing-worker\"} == 1)")
    }

    @Test func namedAlertsKeepTheirNameAndLevelAndObjectivesAreTargets() throws {
        let runbook = try read("named-alerts-and-slos")
        func metric(_ name: String) -> MetricSpec? { runbook.metrics.first { $0.name == name } }
        #expect(metric("Availability")?.target == "99.9% of requests succeed over 30 days")
        #expect(metric("Latency")?.target == "p99 below 300 ms, measured over 5 minutes")
        let fast = try #require(metric("Search Burn Rate Fast"), "\(runbook.metrics.map(\.name))")
        #expect(fast.critical?.value == 14.4 && fast.critical?.windowSeconds == 3600)
        let slow = try #require(metric("Search Burn Rate Slow"), "two alerts, not merged into one")
        #expect(slow.warning?.value == 6 && slow.critical == nil, "(ticket) is a warning")
        #expect(metric("Search Latency High")?.critical.map { [$0.value, Double($0.forSeconds ?? 0)] } == [500, 600])
        // Levels said in the item's own words, each clause at its own level.
        let queue = try #require(metric("Queue depth"), "\(runbook.metrics.map(\.name))")
        #expect(queue.warning.map { [$0.value, Double($0.forSeconds ?? 0)] } == [5000, 600])
        #expect(queue.critical?.value == 50000)
        let stalled = try #require(metric("Indexer Stalled"))
        #expect(stalled.critical.map { [$0.value, Double($0.forSeconds ?? 0)] } == [0, 900], "any: more than none")
    }

    @Test func aParagraphThatIntroducesABlockInsideAStepTitlesIt() {
        let text = """
            # Disk full

            1. Find what fills the disk. Run:

                    sudo du -xh /var/lib/postgresql | sort -h | tail -20

            2. If it is WAL, check the slots:

               ```sql
               SELECT slot_name, active FROM pg_replication_slots;
               ```

               Then drop the inactive one:

               ```sql
               SELECT pg_drop_replication_slot('<slot_name>');
               ```
            """
        let commands = RunbookReader.parse(text: text).commands
        #expect(
            commands.map(\.title) == [
                "Find what fills the disk. Run", "If it is WAL, check the slots", "Then drop the inactive one"
            ])
        #expect(commands.first?.code == "sudo du -xh /var/lib/postgresql | sort -h | tail -20", "no indent left over")
    }

    @Test func anOnCallRotationTableGivesAContactPerFilledCell() throws {
        let runbook = try read("rotation-table")
        #expect(
            runbook.contacts.map { [$0.role ?? "", $0.contact] } == [
                ["Storage primary", "@storage-primary"], ["Storage secondary", "@storage-secondary"],
                ["Storage escalation manager", "Priya Natarajan (+44 20 7946 0000)"],
                ["Network primary", "#netops"], ["Network secondary", "netops@example.com"]
            ], "a dash is no one; the phone in a cell is not a contact twice")
    }

    @Test func aPagingServiceNamedInASentenceIsAContact() {
        let text = """
            # Rollback

            Still failing after 10 minutes? Escalate to the platform on-call (PagerDuty: `platform-primary`).
            The database team is on Opsgenie: "db-oncall".
            """
        let contacts = RunbookReader.parse(text: text).contacts
        #expect(
            contacts.map { [$0.role ?? "", $0.contact] } == [
                ["PagerDuty", "platform-primary"], ["Opsgenie", "db-oncall"]
            ])
    }

    @Test func fieldsSideBySideAreEachTheirOwnText() {
        let head = "**Service owner:** search-platform · **Escalation:** #search-oncall"
        let runbook = RunbookReader.parse(text: "# Search\n\n\(head)\n\n## Check\n\nLook.\n")
        #expect(runbook.contacts.map(\.contact) == ["search-platform", "#search-oncall"])
        #expect(runbook.escalation.map(\.who) == ["Escalation: #search-oncall"], "the escalation field, not the line")
    }

    @Test func bareValuesUnderWarningAndCriticalAreReachedInTheLevelsDirection() throws {
        let runbook = try read("bare-level-table")
        func levels(_ name: String) -> [String] {
            let metric = runbook.metrics.first { $0.name == name }
            return [metric?.warning, metric?.critical].map { t in t.map { "\($0.op.rawValue) \($0.value)" } ?? "-" }
        }
        #expect(levels("Memory used") == [">= 80.0", ">= 95.0"])
        #expect(levels("Free disk") == ["<= 20.0", "<= 10.0"], "less is worse when critical is below warning")
        #expect(levels("Connected clients") == [">= 5000.0", ">= 9000.0"])
        #expect(levels("Replication") == ["-", "-"], "words are no values")
    }

    @Test func withoutAnH1TheOutermostHeadingNamesItsOwnChecklist() throws {
        let runbook = try read("front-matter-title")
        #expect(runbook.title == "Edge outage")
        #expect(runbook.checklists.map(\.title) == ["Immediate actions"])
        #expect(runbook.checklists.first?.items.count == 3)
        #expect(runbook.procedures.map(\.title) == ["Investigate"], "a heading that names no checklist stays steps")
    }

    @Test func callLinksAreBridgesAndOtherLinksAreNot() throws {
        let runbook = try read("call-links")
        #expect(
            runbook.contacts.map { [$0.role ?? "", $0.contact, "\($0.line)"] } == [
                ["phone or bridge", "https://zoom.us/j/5551234567", "5"],
                ["phone or bridge", "https://meet.google.com/abc-defg-hij", "7"]
            ])
    }

    @Test func aWhenToUseSentenceGivesItsComparisonsAsConditions() throws {
        let runbook = try read("when-to-use")
        let rate = try #require(runbook.metrics.first { $0.name == "5xx rate at the edge" }, "\(runbook.metrics)")
        #expect(rate.critical?.op == .greater && rate.critical?.value == 2 && rate.critical?.unit == "%")
        #expect(rate.critical?.forSeconds == 300)
        #expect(!runbook.metrics.contains { $0.name.lowercased().hasSuffix("from") }, "a count inside a phrase")
        #expect(runbook.metrics.count == 2, "the alert sentence is read once: \(runbook.metrics.map(\.name))")
    }

    @Test func oneSeverityFieldDefiningLevelsByTheirConditions() throws {
        let runbook = try read("severity-field")
        #expect(runbook.severities.map(\.id) == ["SEV1", "SEV2"])
        #expect(runbook.severities.first?.description == "the replica is more than 30 minutes behind, or stopped")
        #expect(runbook.severities.last?.description == "lag > 5 minutes")
        #expect(runbook.severities.allSatisfy { $0.responseTime == nil }, "a condition is no response time")
    }

    @Test func postmortemTemplateBySectionsTitledFromTheFileName() throws {
        let runbook = try read("postmortem-sections")
        #expect(runbook.title == "postmortem sections")
        let template = try #require(runbook.templates.first)
        #expect(template.kind == .postmortem)
        #expect(template.fields == ["Summary", "Impact", "Timeline", "Root Cause", "Action Items"])
    }

    @Test func documentLevelLevelsInProseAlertSentencesExamplesAndEvidenceTables() throws {
        let runbook = try read("more-structures")
        // Duplicated front matter keys: a warning, and the title is kept.
        #expect(runbook.title == "Replica lag")
        #expect(runbook.warnings.contains { $0.line == 1 && $0.message.contains("front matter") })
        // "Critical: page immediately." / "Minor: normal working hours."
        #expect(runbook.severities.map(\.id) == ["CRITICAL", "MINOR"])
        #expect(runbook.severities[0].responseTime?.seconds == 0)
        #expect(runbook.severities[1].responseTime?.isUnbounded == true)
        #expect(runbook.severities[1].responseTime?.text == "normal working hours")
        // A comparison in a code span and an alert sentence are thresholds.
        let lag = try #require(runbook.metric("pg_replication_lag_seconds"))
        #expect(lag.warning?.value == 30 && lag.warning?.forSeconds == 300)
        let queue = try #require(runbook.metric("Queue"))
        #expect(queue.warning?.op == .greaterOrEqual && queue.warning?.value == 200 && queue.warning?.forSeconds == 600)
        // What someone ran by mistake is shown as an example, never offered to run.
        let example = try #require(runbook.commands(containing: "delete namespace").first)
        #expect(example.origin == .example && !example.runnable)
        // A numbered step with a code block is one step; an evidence table is not a contact list.
        let steps = try #require(runbook.procedures.first { $0.title == "Steps" })
        #expect(steps.steps.count == 2)
        #expect(runbook.contacts.map(\.contact) == ["db-team"], "the front matter's owner only")
        // "1-15 seconds lag" is not a deadline.
        #expect(runbook.checklists.allSatisfy { $0.items.allSatisfy { $0.deadlineSeconds == nil } })
    }

    @Test func aTableOfStepsIsAProcedureWithARowPerStep() throws {
        let runbook = try read("step-table")
        let drain = try #require(runbook.procedures.first { $0.title == "Drain the backlog" })
        #expect(
            drain.steps.map(\.text) == [
                "See how deep the queue is", "Add consumers", "Purge the dead-letter queue"
            ])
        #expect(drain.steps.map { $0.commands.count } == [1, 1, 1])
        let purge = try #require(runbook.command(drain.steps[2].commands[0]))
        #expect(purge.code == "rabbitmqctl purge_queue jobs.dlq")
        #expect(!runbook.procedures.contains { $0.title == "Contacts" }, "a contact table has no action column")
    }

    @Test func numberedBoldParagraphsAreStepsWithTheCodeAfterThem() throws {
        let runbook = try read("step-table")
        let recover = try #require(runbook.procedures.first { $0.title == "Recover" })
        #expect(
            recover.steps.map(\.text) == [
                "Stop the scheduler so no new jobs arrive", "Tell the room the queue is draining.",
                "Start the scheduler again once the queue is below 1000"
            ], "a bare year is not a step number")
        #expect(recover.steps.map { $0.commands.count } == [1, 0, 1])
        #expect(ProcedureExtractor.isStepNumber("Step 4") && ProcedureExtractor.isStepNumber("12."))
        #expect(!ProcedureExtractor.isStepNumber("2024") && !ProcedureExtractor.isStepNumber("Step 4b"))
    }

    @Test func aSeverityFieldThatDefinesLevelsIsNoAlertOfTheRunbook() throws {
        let runbook = try read("severity-field")
        #expect(runbook.severities.count >= 2)
        #expect(runbook.metrics.allSatisfy { !$0.conditions.contains { $0.hasPrefix("critical: ") } })
        let alert = RunbookReader.parse(text: "# KubeQuotaExceeded\n\n**Severity:** warning\n")
        #expect(alert.metrics.map(\.name) == ["Kube Quota Exceeded"], "a plain level is the alert's")
    }

    @Test func aDetailsSummaryTitlesTheCommandsFoldedUnderIt() {
        let text = """
            # Redis

            ## Recover

            <details>
            <summary><b>If the primary was OOM-killed</b></summary>

            ```bash
            sudo systemctl restart redis-server
            ```

            </details>

            ```bash
            redis-cli INFO stats
            ```
            """
        let commands = RunbookReader.parse(text: text).commands
        #expect(commands.map(\.title) == ["If the primary was OOM-killed", "Recover"], "the fold ends at </details>")
    }
}
