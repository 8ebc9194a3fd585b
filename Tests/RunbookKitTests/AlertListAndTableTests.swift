import Testing
@testable import RunbookKit

/// Alerts as teams list and tabulate them: steps under an alert heading are no alerts, a
/// severity column of ids sets each alert's level, a healthy comparison is no breach, and a
/// line that starts with its level says it.
struct AlertListAndTableTests {
    @Test func stepsUnderAnAlertHeadingAreStepsNotAlerts() {
        let runbook = RunbookReader.parse(
            text: """
                # Gateway

                ## When the alert fires

                1. Open the dashboard.
                2. Acknowledge within 5 minutes.
                """)
        #expect(runbook.metrics.isEmpty, "\(runbook.metrics.map(\.name))")
        #expect(runbook.procedures.first?.steps.count == 2)
    }

    @Test func aSeverityColumnOfIdsMakesEachRowAnAlertAtItsLevel() {
        let runbook = RunbookReader.parse(
            text: """
                # Search

                ## Alerts

                | Alert | Condition | Severity |
                |---|---|---|
                | SearchIndexStale | index age > 30 minutes | SEV3 |
                | SearchHeapPressure | JVM heap used >= 90% for 15m | SEV2 |
                """)
        #expect(runbook.severities.isEmpty, "the rows are alerts, not the levels' definitions")
        let heap = runbook.metrics.first { $0.name == "Search Heap Pressure" }
        #expect(heap?.critical?.value == 90 && heap?.critical?.forSeconds == 900, "the table's most severe pages")
        #expect(runbook.metrics.first { $0.name == "Search Index Stale" }?.warning?.value == 30)
    }

    @Test func aThresholdColumnOfItsOwnIsTheAlarmsComparison() {
        let runbook = RunbookReader.parse(
            text: """
                # Storefront

                | Alarm | Metric | Threshold | Severity |
                |---|---|---|---|
                | storefront-rds-storage | FreeStorageSpace | < 10 GiB | P2 |
                | storefront-sqs-age | ApproximateAgeOfOldestMessage | > 900 s | P3 |
                """)
        let storage = runbook.metrics.first { $0.name == "storefront-rds-storage" }
        #expect(storage?.critical?.op == .less && storage?.critical?.value == 10 && storage?.critical?.unit == "GiB")
        #expect(runbook.metrics.first { $0.name == "storefront-sqs-age" }?.warning?.value == 900)
    }

    @Test func aHealthyComparisonIsNoBreachAndALeadingLevelWordSetsTheLevel() {
        let runbook = RunbookReader.parse(
            text: """
                # Replication lag

                ## Thresholds

                - Lag under 10 s is healthy.
                - Warning when replay lag exceeds 30 seconds for 5 minutes.
                - Critical when replay lag is above 300 s for 10 minutes.
                """)
        #expect(runbook.metrics.map(\.name) == ["Replay lag"])
        let lag = runbook.metrics.first
        #expect(lag?.warning?.value == 30 && lag?.warning?.forSeconds == 300)
        #expect(lag?.critical?.value == 300 && lag?.critical?.forSeconds == 600)
        #expect(ThresholdParser.saysAllIsWell("post every 30 minutes until the burn rate is back under 1"))
        #expect(!ThresholdParser.saysAllIsWell("error rate above 5% is unhealthy"))
    }

    @Test func aThousandOrAMillionWrittenShortScalesTheValue() {
        #expect(ThresholdParser.condition("Queue depth > 10k messages", line: 1)?.threshold?.value == 10_000)
        #expect(ThresholdParser.condition("Backlog above 1.5M", line: 1)?.threshold?.value == 1_500_000)
        #expect(ThresholdParser.condition("Lag > 5m", line: 1)?.threshold?.unit == "min", "m is minutes")
        #expect(ThresholdParser.condition("Heap > 512kb", line: 1)?.threshold?.unit == "KB")
    }

    @Test func wePageWhenIsAnAlertSentence() {
        let runbook = RunbookReader.parse(
            text: "# Checkout\n\n## Latency\n\nWe page when p99 latency is above 1.2 s for 15 minutes.\n")
        #expect(runbook.metrics.first?.name == "P99 latency")
        #expect(runbook.metrics.first?.critical?.value == 1.2 && runbook.metrics.first?.critical?.forSeconds == 900)
    }

    /// "above 50,000" is fifty thousand: a clause is never cut at a comma between digits.
    @Test func aNumberWithThousandsSeparatorsStaysWhole() {
        let runbook = RunbookReader.parse(
            text: """
                # Orders queue

                ## Lag

                Once total lag stays above 50,000 for more than 10 minutes we raise a warning.
                """)
        #expect(runbook.metrics.first?.warning?.value == 50_000, "\(runbook.metrics.map(\.warning))")
        #expect(runbook.metrics.first?.warning?.forSeconds == 600)
    }

    /// Labelled queries under a heading about an alert name metrics and how to sample them; they
    /// are not alert conditions of their own.
    @Test func labelledQueriesUnderAnAlertHeadingAreQueries() {
        let runbook = RunbookReader.parse(
            text: """
                # Orders queue

                ## What this alert means

                - Total lag: `sum(kafka_consumergroup_lag{group="worker"})`
                - Consume rate: `sum(rate(kafka_consumergroup_current_offset[5m]))`
                """)
        #expect(runbook.metrics.map(\.name) == ["Total lag", "Consume rate"])
        #expect(runbook.metrics.first?.query == "sum(kafka_consumergroup_lag{group=\"worker\"})")
        #expect(runbook.metrics.allSatisfy { $0.conditions.isEmpty })
    }

    /// "→ SEV2 page" after a line: the lower level warns, the top one pages, as in headings.
    @Test func aSeverityIdAfterTheArrowSetsTheLevel() {
        let runbook = RunbookReader.parse(
            text: """
                # Edge

                ## Thresholds we alert on

                - Edge 5xx rate > 2% over 5 minutes → SEV2 page
                - Edge 5xx rate > 10% over 5 minutes → SEV1 page
                """)
        let rate = runbook.metrics.first
        #expect(runbook.metrics.count == 1, "\(runbook.metrics.map(\.name))")
        #expect(rate?.warning?.value == 2 && rate?.critical?.value == 10)
    }

    /// A paragraph of sentences about different metrics, each with its levels, gives each its own
    /// thresholds: the comparison after the level word ("we page if it drops below 150/s"), a
    /// duration said once for both levels, a rate's unit.
    @Test func sentencesAboutDifferentMetricsStayApart() {
        let runbook = RunbookReader.parse(
            text: """
                # Ledger

                ## Thresholds

                The commit lag alert warns when lag goes past 30 seconds and pages when it goes past
                2 minutes, in both cases sustained for 5 minutes. Throughput should stay above 400 postings
                per second during business hours; we page if it drops below 150/s for 10 minutes.
                The journal DB connection pool warns at 80% utilisation and is critical at 95%.
                """)
        func said(_ t: Threshold?) -> String? {
            t.map { "\($0.op.rawValue) \($0.value) \($0.unit ?? "") \($0.forSeconds ?? 0)" }
        }
        #expect(runbook.metrics.map(\.name) == ["Commit lag", "Throughput", "Journal DB connection pool"])
        #expect(
            said(runbook.metrics[0].warning) == "> 30.0 s 300" && said(runbook.metrics[0].critical) == "> 2.0 min 300")
        #expect(runbook.metrics[1].warning == nil && said(runbook.metrics[1].critical) == "< 150.0 /s 600")
        #expect(said(runbook.metrics[2].warning) == ">= 80.0 % 0" && said(runbook.metrics[2].critical) == ">= 95.0 % 0")
    }

    /// Rates keep their unit: `msg/s`, "per second", "per minute".
    @Test func ratesKeepTheirUnit() {
        #expect(ThresholdParser.condition("Produce rate drops below 200 msg/s", line: 1)?.threshold?.unit == "/s")
        #expect(ThresholdParser.condition("Errors above 100 per second", line: 1)?.threshold?.unit == "/s")
        #expect(ThresholdParser.condition("Logins above 5 per minute for 10m", line: 1)?.threshold?.unit == "/min")
        #expect(ThresholdParser.condition("Produce rate drops below 200 msg/s", line: 1)?.name == "Produce rate")
    }

    /// Levels said at a line's end — `(SEV3)`, `[page]`, `: SEV1`, `→ ticket` — wherever the list is;
    /// two on one line are one metric's two levels (the more severe pages); PromQL between the name
    /// and the comparison is the metric's query.
    @Test func levelMarkersAtTheEndOfLinesUnderAnyHeading() {
        let runbook = RunbookReader.parse(
            text: """
                # Control plane

                ## What we watch

                ### etcd

                - etcd request latency p99 over 150ms for 10 minutes (SEV3); over 1s for 5 minutes (SEV2)
                - etcd DB size goes past 6 GiB (SEV3); past 7.5 GiB (SEV1)
                - API server 5xx rate `sum(rate(apiserver_request_total{code=~"5.."}[5m]))` above 20/s → ticket
                - Leader changes over 3 in an hour [page]
                """)
        func said(_ t: Threshold?) -> String? { t.map { "\($0.op.rawValue) \($0.value) \($0.unit ?? "")" } }
        let byName = Dictionary(runbook.metrics.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        #expect(said(byName["Etcd request latency p99"]?.warning) == "> 150.0 ms")
        #expect(said(byName["Etcd request latency p99"]?.critical) == "> 1.0 s")
        #expect(said(byName["Etcd DB size"]?.critical) == "> 7.5 GiB")
        #expect(byName["API server 5xx rate"]?.query?.hasPrefix("sum(rate(apiserver_request_total") == true)
        #expect(said(byName["API server 5xx rate"]?.warning) == "> 20.0 /s")
        #expect(byName["Leader changes"]?.critical?.value == 3, "\(runbook.metrics.map(\.name))")
        #expect(LevelMarker.read("Disk over 90% (SEV2)")?.rank == 2)
        #expect(LevelMarker.read("Check the disk (see below)") == nil)
        #expect(ThresholdParser.condition("errors in the past 24 hours", line: 1)?.threshold == nil)
    }

    /// A table's level columns by other names: "Ticket" and "Heads-up" warn, "Page" and "Wake someone" page.
    @Test func levelColumnsByOtherNames() {
        let runbook = RunbookReader.parse(
            text: """
                # Search

                | Measure | Heads-up | Wake someone |
                |---|---|---|
                | Indexing delay | over 120 s | over 15 min |
                """)
        #expect(runbook.metrics.first?.warning?.value == 120 && runbook.metrics.first?.critical?.value == 15)
    }
}
