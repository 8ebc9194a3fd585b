import Testing

@testable import RunbookKit

/// Alerts, levels and whom to call, as runbooks of other teams write them (`structures/` fixtures
/// and inline texts): PromQL alert blocks, metric queries, levels in bold paragraphs, escalation
/// tables and "Who to call" lists.
struct AlertAndEscalationStructureTests {
    func read(_ name: String) throws -> Runbook { try Paths.fixtureRunbook("structures/\(name).md") }

    @Test func aPromQLBlockThatComparesIsAnAlertAtTheLevelItsIntroductionGives() throws {
        let runbook = try read("promql-alert-blocks")
        let backlog = try #require(runbook.metrics.first { $0.name == "OrderQueueBacklog" })
        #expect(backlog.query == "sum by (queue) (orders_queue_messages_ready)")
        #expect(backlog.critical?.value == 5000 && backlog.critical?.op == .greater)
        #expect(backlog.critical?.forSeconds == 900, "for 15 minutes, said before the block")
        #expect(backlog.warning?.value == 2000, "the same expression over two lines, at the level said before it")
        let utilisation = try #require(runbook.metrics.first { $0.query == "avg(orders_queue_consumer_utilisation)" })
        #expect(utilisation.warning?.op == .less && utilisation.critical == nil, "a warning sign warns")
        #expect(runbook.metrics.count == 2, "a filter in a diagnostic query is no threshold")
        #expect(runbook.queries.map(\.query) == ["sum by (queue) (orders_queue_messages_ready) > 0"])
        #expect(!runbook.metrics.contains { $0.name == "Alerting" }, "a heading is no metric's name")
    }

    @Test func aListOfMetricsAndTheirQueriesGivesEachItsQuery() {
        let runbook = RunbookReader.parse(
            text: """
                # API

                ## Dashboards

                - p99 latency: `histogram_quantile(0.99, sum by (le) (rate(http_request_duration_seconds_bucket[5m])))`
                - Message: `{{ $labels.pod }} is restarting ({{ $value }})`

                | Metric | Warning | Critical |
                |--------|---------|----------|
                | p99 latency | 500ms | 800ms |
                """)
        #expect(runbook.metrics.count == 1)
        #expect(runbook.metrics.first?.query?.hasPrefix("histogram_quantile(0.99") == true)
        #expect(runbook.metrics.first?.critical?.value == 800)
    }

    @Test func levelsInBoldParagraphsMayNameTheLevelAfterItsId() {
        let runbook = RunbookReader.parse(
            text: """
                # Database

                ## Severity levels

                **SEV1 — Critical**: writes failing for customers. Respond within 15 minutes.

                **SEV2 - Major**: degraded writes. Respond within 1 hour.
                """)
        #expect(runbook.severities.map(\.id) == ["SEV1", "SEV2"])
        #expect(runbook.severities.map(\.name) == ["Critical", "Major"])
        #expect(runbook.severities.map { $0.responseTime?.seconds } == [900, 3600])
    }

    @Test func anEscalationTableIsAStepPerRow() {
        let runbook = RunbookReader.parse(
            text: """
                # Database

                ## Escalation

                | After | Who | How |
                |-------|-----|-----|
                | 0 min | Data platform on-call | PagerDuty |
                | 20 min | Data platform lead | Phone |
                | 45 min | VP Engineering | Phone + Slack |
                """)
        #expect(runbook.escalation.map(\.who) == ["Data platform on-call", "Data platform lead", "VP Engineering"])
        #expect(runbook.escalation.map(\.after) == [nil, "after 20 min", "after 45 min"])
        #expect(runbook.escalation.map(\.contact) == ["PagerDuty", "Phone", "Phone + Slack"])
        let contacts = RunbookReader.parse(
            text: "# X\n\n## Escalation\n\n| Team | Slack |\n|---|---|\n| DBA | #dba |\n| SRE | #sre |\n")
        #expect(contacts.escalation.isEmpty, "names without a when or a level are contacts, not a path")
    }

    @Test func aWhoToCallListIsTheEscalationPathNeitherAChecklistNorAProcedure() {
        let runbook = RunbookReader.parse(
            text: """
                # Kafka

                ## Who to call

                1. Streaming on-call (PagerDuty `streaming-primary`)
                2. After 30 minutes: streaming lead, +1 555 0100
                3. After 1 hour: head of infrastructure
                """)
        #expect(
            runbook.escalation.map(\.who) == [
                "Streaming on-call (PagerDuty streaming-primary)", "streaming lead, +1 555 0100",
                "head of infrastructure"
            ])
        #expect(runbook.escalation.map(\.after) == [nil, "after 30 minutes", "after 1 hour"])
        #expect(runbook.checklists.isEmpty && runbook.procedures.isEmpty)
    }

    @Test func anArrowChainUnderAnEscalationHeadingIsThePath() {
        let runbook = RunbookReader.parse(
            text: """
                # Search

                ## Escalation

                primary -> secondary (auto after 15m) -> @search-lead
                The lead decides whether to declare SEV1.
                """)
        #expect(runbook.escalation.map(\.who) == ["primary", "secondary", "@search-lead"])
        #expect(runbook.escalation.map(\.after) == [nil, "after 15m", nil])
        #expect(runbook.escalation.allSatisfy { $0.line == 5 })
    }

    @Test func aTableOfTheLevelsIsNoAlertTable() {
        let runbook = RunbookReader.parse(
            text: """
                # Auth

                ## Priority levels

                | Priority | Name | Criteria | Acknowledge | Mitigate |
                |---|---|---|---|---|
                | **P1** | Critical | Login unavailable for > 10% of users | ≤ 5 min | 1 hour |
                | **P2** | High | Error rate > 5% | ≤ 15 min | 4 hours |
                """)
        #expect(runbook.metrics.isEmpty)
        #expect(runbook.severities.map(\.id) == ["P1", "P2"])
        #expect(runbook.severities.first?.responseTime?.seconds == 300)
    }

    @Test func aContactTableWithAnEscalationColumnIsThePath() {
        let runbook = RunbookReader.parse(
            text: """
                # Gateway

                ## Contacts

                | Role | Name | Phone | Escalate after |
                | --- | --- | --- | --- |
                | Primary on-call | PAYPLAT rota | via PagerDuty | - |
                | Payments EM | Tom Okafor | +44 20 7946 0011 | 20 min |
                | Director | Lena Fischer | +44 20 7946 0042 | 1 hour |
                """)
        #expect(runbook.escalation.map(\.who) == ["Primary on-call", "Payments EM", "Director"])
        #expect(runbook.escalation.map(\.after) == [nil, "after 20 min", "after 1 hour"])
    }
}
