import Foundation
import RunbookKit
import Testing
@testable import LiveMetrics

/// Units read from a query when the binding gives none, and what is refused when units do not mix.
@Suite("Units of a PromQL query")
struct PromQLUnitTests {
    @Test func namingConventionsGiveTheUnit() {
        #expect(
            PromQLUnit.infer("histogram_quantile(0.99, sum by (le) (rate(http_request_duration_seconds_bucket[5m])))")
                == "s")
        #expect(PromQLUnit.infer("sum(rate(http_requests_total{status=~\"5..\"}[5m]))") == "/s")
        #expect(
            PromQLUnit.infer("sum(rate(http_requests_total{status=~\"5..\"}[5m])) / sum(rate(http_requests_total[5m]))")
                == "ratio")
        #expect(PromQLUnit.infer("100 * sum(rate(errors_total[5m])) / sum(rate(requests_total[5m]))") == "%")
        #expect(PromQLUnit.infer("node_filesystem_avail_bytes{mountpoint=\"/\"}") == "bytes")
        #expect(PromQLUnit.infer("process_resident_memory_bytes / 1024") == "bytes")
        #expect(PromQLUnit.infer("up{job=\"api\"}") == nil)
        #expect(PromQLUnit.infer("pg_stat_activity_count") == nil)
    }

    @Test func secondsAgainstAMillisecondThresholdAreConverted() {
        var judge = ThresholdJudge(
            name: "p99", warning: nil,
            critical: Threshold(
                op: .greater, value: 500, unit: "ms",
                text: "> 500 ms", line: 1), interval: 15)
        _ = judge.observe(SourceReading(value: 0.25), sourceUnit: "s", at: 0)
        let status = judge.status(at: 0)
        #expect(status.value == 250 && status.unit == "ms" && status.state == .ok)
    }

    @Test func aRatioAgainstAPercentThresholdIsAPercentage() {
        var judge = ThresholdJudge(
            name: "errors", warning: nil,
            critical: Threshold(
                op: .greater, value: 1, unit: "%",
                text: "> 1%", line: 1), interval: 15)
        _ = judge.observe(SourceReading(value: 0.012), sourceUnit: "ratio", at: 0)
        #expect(judge.status(at: 0).value == 1.2)
    }

    @Test func aRateAgainstAPercentThresholdIsRefusedWithTheReason() {
        var judge = ThresholdJudge(
            name: "5xx", warning: nil,
            critical: Threshold(
                op: .greater, value: 1, unit: "%",
                text: "> 1%", line: 1), interval: 15)
        #expect(judge.observe(SourceReading(value: 3.2), sourceUnit: "/s", at: 0) == nil)
        let status = judge.status(at: 0)
        #expect(status.error?.contains("the source gives /s, the threshold is in %") == true)
        #expect(status.state != .crit)
    }
}
