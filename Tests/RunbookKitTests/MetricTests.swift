import Testing
@testable import RunbookKit

@Suite struct ThresholdParserTests {
    @Test func alertLines() throws {
        let a = try #require(ThresholdParser.condition("Error rate > 5% for 5 minutes", line: 1))
        #expect(a.name == "Error rate")
        #expect(a.threshold?.op == .greater && a.threshold?.value == 5 && a.threshold?.unit == "%")
        #expect(a.threshold?.forSeconds == 300)

        let b = try #require(ThresholdParser.condition("High error rate (>5% 5xx responses)", line: 1))
        #expect(b.name == "Error rate")
        #expect(b.threshold?.qualifier == "5xx responses")

        let c = try #require(ThresholdParser.condition("Disk space critical (<10% free)", line: 1))
        #expect(c.name == "Disk space")
        #expect(c.threshold?.op == .less && c.threshold?.value == 10 && c.threshold?.qualifier == "free")

        let d = try #require(ThresholdParser.condition("Failed auth attempts > 10 in 5 minutes", line: 1))
        #expect(d.threshold?.windowSeconds == 300 && d.threshold?.forSeconds == nil)

        let e = try #require(ThresholdParser.condition("Slow response times (>2s P95)", line: 1))
        #expect(e.name == "Response times p95")
        #expect(e.threshold?.value == 2 && e.threshold?.unit == "s")

        let f = try #require(ThresholdParser.condition("P3: High Latency (P95 > 300ms)", line: 1))
        #expect(f.name == "Latency p95")
        #expect(f.threshold?.unit == "ms" && f.threshold?.value == 300)

        let g = try #require(ThresholdParser.condition("Database connection pool exhausted", line: 1))
        #expect(g.threshold == nil)

        let h = try #require(ThresholdParser.condition("Queue depth above 5,000", line: 1))
        #expect(h.threshold?.value == 5000)
    }

    /// "for more than 10 minutes" says how long, not what is compared: a comparison after it is
    /// the one meant, and "any" is more than none.
    @Test func aDurationIsNoComparisonWhenAnotherIsThere() throws {
        let later = try #require(ThresholdParser.threshold("errors for more than 10 minutes above 5%", line: 1))
        #expect(later.op == .greater && later.value == 5 && later.unit == "%")
        #expect(later.forSeconds == 600)
        let any = try #require(
            ThresholdParser.threshold("Any under-replicated partition for more than 10 minutes is a warning", line: 1))
        #expect(any.op == .greater && any.value == 0 && any.unit == nil)
        #expect(any.forSeconds == 600)
        // Without another comparison the duration is the only number there is ("past the line for
        // more than 5 min"): kept as it was read.
        let alone = try #require(ThresholdParser.threshold("past the SLO line for more than 5 min", line: 1))
        #expect(alone.value == 5 && alone.unit == "min")
    }

    /// `| SLO | Target | Page when burn rate | Window |`: each objective keeps its target, and its
    /// burn rate is a metric of its own, paged over the window.
    @Test func sloTableWithBurnRatesAndWindows() {
        let runbook = RunbookReader.parse(
            text: """
                # Policy

                ## SLO targets

                | SLO | Target | Page when burn rate | Window |
                |---|---|---|---|
                | Login availability | 99.95% | > 14.4x | 1h |
                | API latency p99 | < 1.5s | > 3x | 1d |
                """)
        #expect(
            runbook.metrics.map(\.name) == [
                "Login availability", "Login availability burn rate", "API latency p99", "API latency p99 burn rate"
            ])
        #expect(runbook.metrics[0].target == "99.95%" && runbook.metrics[0].critical == nil)
        let burn = runbook.metrics[1].critical
        #expect(burn?.op == .greater && burn?.value == 14.4 && burn?.unit == "x" && burn?.windowSeconds == 3600)
        #expect(runbook.metrics[3].critical?.windowSeconds == 86_400)
    }

    @Test func repeatedThresholdAddsItsDuration() {
        let runbook = RunbookReader.parse(
            text: """
                # X

                | Metric | Target | Alert Threshold |
                |---|---|---|
                | Error Rate | < 1% | > 5% |

                ### Critical Alerts
                - Error rate > 5% for 5 minutes
                - Latency > 2s
                """)
        #expect(runbook.metric("Error Rate")?.critical?.forSeconds == 300)
        #expect(runbook.metric("Error Rate")?.critical?.text == "> 5%")
    }

    @Test func breachEvaluation() throws {
        let t = try #require(ThresholdParser.threshold("> 1%", line: 1))
        #expect(t.isBreached(by: 1.5))
        #expect(!t.isBreached(by: 1))
        let low = try #require(ThresholdParser.threshold("< 10% free", line: 1))
        #expect(low.isBreached(by: 5))
    }

    @Test func mergingNames() {
        #expect(MetricName.same("Response time p95", "Response times p95"))
        #expect(MetricName.same("Error rate", "High Error Rate"))
        #expect(!MetricName.same("Error rate", "Disk usage"))
        #expect(!MetricName.same("Disk usage", "Memory usage"))
    }
}

@Suite struct MetricStructureTests {
    let runbook: Runbook

    init() throws { runbook = try Paths.fixtureRunbook("metrics.md") }

    @Test func tableWithWarningAndCriticalColumns() throws {
        let latency = try #require(runbook.metric("Request Latency p99"))
        #expect(latency.target == "< 300ms")
        #expect(latency.warning?.value == 800 && latency.warning?.unit == "ms")
        #expect(latency.critical?.value == 2 && latency.critical?.unit == "s")
    }

    @Test func warningAndCriticalListsMerge() throws {
        let errors = try #require(runbook.metric("Error rate"))
        #expect(errors.critical?.value == 4 && errors.critical?.forSeconds == 300)
        #expect(errors.warning?.value == 1 && errors.warning?.forSeconds == 900)
        #expect(runbook.metric("Connection pool exhausted")?.conditions == ["critical: Connection pool exhausted"])
        #expect(runbook.metric("Login failures")?.critical?.windowSeconds == 600)
        #expect(runbook.metric("Memory usage")?.warning?.value == 80)
    }

    @Test func alertLinesInPlainCodeBlock() throws {
        #expect(runbook.metric("CPU usage")?.critical?.forSeconds == 600)
        #expect(runbook.metric("Certificate expiry")?.critical?.unit == "d")
        let disk = try #require(runbook.metric("Disk space"))
        #expect(disk.critical?.op == .less && disk.critical?.value == 5)
    }

    @Test func thresholdInHeading() throws {
        let lag = try #require(runbook.metric("Queue Lag"))
        #expect(lag.warning?.value == 1000, "P3 is not a paging level")
    }

    @Test func shellThresholdCheck() throws {
        let inodes = try #require(runbook.metric("Inodes"))
        #expect(inodes.critical?.value == 85 && inodes.critical?.unit == "%")
    }

    @Test func aJudgementNamesWhatItJudgesElseTheSectionDoes() {
        let named = RunbookReader.parse(
            text: "# Redis\n\n## Thresholds\n\nReplication lag above 30 seconds is critical.\n")
        #expect(named.metrics.map(\.name) == ["Replication lag"])
        #expect(named.metrics.first?.critical?.value == 30)
        let unnamed = RunbookReader.parse(
            text: "# Redis\n\n## CPU\n\nAbove 50% is ok, 75% is getting worrisome, above 85% it may be too late.\n")
        #expect(unnamed.metrics.map(\.name) == ["CPU"])
        #expect(unnamed.metrics.first?.warning?.value == 75 && unnamed.metrics.first?.critical?.value == 85)
    }

    @Test func promQLFromCurlCommands() throws {
        #expect(runbook.metric("5xx Ratio")?.query == "sum(rate(http_requests_total{code=~\"5..\"}[5m]))")
        #expect(runbook.queries.map(\.query) == ["up"])
    }

    @Test func alertCatalogue() throws {
        let catalogue = try Paths.fixtureRunbook("alert-catalogue.md")
        let errors = try #require(catalogue.metric("High Error Rate"))
        #expect(errors.critical?.value == 5 && errors.critical?.forSeconds == 600)
        #expect(catalogue.metric("Slow Requests")?.warning?.value == 2)
        #expect(catalogue.metric("Kafka Consumer Lag")?.warning?.forSeconds == 900)
        #expect(catalogue.metric("Zookeeper Down")?.conditions == ["critical: Zookeeper quorum lost"])
    }

    @Test func anAlertLineMayNameItsOwnLevelAfterAnArrow() {
        let runbook = RunbookReader.parse(
            text: """
                # Search

                ## Thresholds (what pages)

                - p95 query latency > 750ms for 10m -> warning
                - p95 query latency > 2s for 5m -> page
                - ES heap > 85% for 15m -> warning
                """)
        let latency = runbook.metrics.first { $0.name.lowercased() == "p95 query latency" }
        #expect(latency?.warning?.value == 750 && latency?.critical?.value == 2)
        let heap = runbook.metrics.first { $0.name == "ES heap" }
        #expect(heap?.warning?.value == 85 && heap?.critical == nil)
        #expect(MetricExtractor.ownLevel("a > 1 → ticket").level == .warning)
        #expect(MetricExtractor.ownLevel("queue -> consumer lag > 5").level == nil)
    }

    @Test func anAlertNamedInBoldAndToldInProseHasAThresholdPerLevel() {
        let runbook = RunbookReader.parse(
            text: """
                # Kafka

                ## What the alerts mean

                **EventsConsumerLagHigh.** We warn when any group's lag goes above 50,000 messages and stays
                there for 10 minutes, and we page when it goes above 500,000 for 5 minutes.

                **KafkaBrokerDiskUsage.** Brokers warn at 75% disk used and page at 90%.
                """)
        #expect(runbook.metrics.map(\.name) == ["Events Consumer Lag High", "Kafka Broker Disk Usage"])
        let lag = runbook.metrics[0]
        #expect(lag.warning?.value == 50000 && lag.warning?.forSeconds == 600)
        #expect(lag.critical?.value == 500_000 && lag.critical?.forSeconds == 300)
        #expect(runbook.metrics[1].warning?.value == 75 && runbook.metrics[1].critical?.value == 90)
        #expect(runbook.metrics[1].critical?.op == .greaterOrEqual)
    }
}
