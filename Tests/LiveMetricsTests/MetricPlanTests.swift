import Testing
import RunbookKit
@testable import LiveMetrics

@Suite struct MetricPlanTests {
    let specs = [
        MetricSpec(name: "Checkout Error Rate", critical: ThresholdParser.threshold("> 5%", line: 3), line: 3),
        MetricSpec(
            name: "Disk Usage", warning: ThresholdParser.threshold("> 80%", line: 4),
            critical: ThresholdParser.threshold("> 90%", line: 4), line: 4),
        MetricSpec(
            name: "API Latency (p95)", critical: ThresholdParser.threshold("> 500ms", line: 5),
            query: "histogram_quantile(0.95, x)", line: 5)
    ]

    @Test func bindsLooselyOverridesThresholdsAndHintsTheUnbound() {
        let config = WarroomConfig.parse(
            """
            metrics:
              - name: checkout-error-rate
                prometheus: up
                critical: "> 2%"
              - name: disk usage
                host: disk:/
              - name: Extra
                command: echo 1
            """, file: "w.yaml")
        let plan = MetricPlan(runbook: specs, config: config, prometheusURL: "http://127.0.0.1:9090")
        #expect(plan.entries.map(\.name) == ["Checkout Error Rate", "Disk Usage", "API Latency (p95)", "Extra"])
        #expect(plan.entries[0].critical?.value == 2, "the binding's threshold wins")
        #expect(plan.entries[1].warning?.value == 80, "the runbook's thresholds otherwise")
        #expect(plan.entries[2].binding == nil)
        #expect(plan.entries[2].unsampledStatus.state == .unbound)
        #expect(plan.entries[2].hint?.contains("prometheus: histogram_quantile(0.95, x)") == true)
        #expect(plan.bound.count == 3)
    }

    @Test func withoutAPrometheusURLTheHintSaysHowToBindAndThatAURLIsNeeded() {
        let plan = MetricPlan(runbook: specs, config: WarroomConfig(file: "w.yaml"), prometheusURL: nil)
        let hint = plan.entries[2].hint ?? ""
        #expect(!hint.contains("prometheus: histogram_quantile"), "no PromQL binding offered without a URL")
        #expect(hint.contains("add `- name: API Latency (p95)` with command:, host:, http: or prometheus:"))
        #expect(hint.contains("Prometheus URL"))
        #expect(hint.contains("PROMETHEUS_URL"))
        let plain = plan.entries[1].hint ?? ""
        #expect(plain.contains("command:, host:, http: or prometheus:"))
        #expect(!plain.contains("Prometheus URL"), "a metric without PromQL needs no word about the URL")
    }

    @Test func withAPrometheusURLTheRunbooksPromQLIsOffered() {
        let plan = MetricPlan(runbook: specs, config: WarroomConfig(file: "w.yaml"), prometheusURL: "http://prom:9090")
        #expect(
            plan.entries[2].hint == "no source: add `- name: API Latency (p95)` with "
                + "prometheus: histogram_quantile(0.95, x) to warroom.yaml metrics:")
        #expect(plan.entries[1].hint?.contains("prometheus: histogram") == false)
    }

    @Test func aRejectedBindingIsAnErrorNotUnbound() {
        let config = WarroomConfig.parse("metrics:\n  - name: Disk Usage\n    host: disk\n", file: "w.yaml")
        let plan = MetricPlan(runbook: specs, config: config, prometheusURL: nil)
        let status = plan.entries[1].unsampledStatus
        #expect(status.state == .error)
        #expect(
            status.error?.hasPrefix("w.yaml:3: error: metrics[0].Disk Usage.host: unknown host metric 'disk'") == true)
    }
}
