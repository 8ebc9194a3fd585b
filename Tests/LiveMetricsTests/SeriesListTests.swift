import Foundation
import RunbookKit
import Testing
import WarroomTestSupport
@testable import LiveMetrics

/// Several series: each keeps its labels and value from the answer through the judge, worst first.
@Suite struct SeriesListTests {
    @Test func aVectorKeepsEachSeriesLabels() throws {
        let vector =
            #"{"status":"success","data":{"resultType":"vector","result":["#
            + #"{"metric":{"__name__":"up","job":"a"},"value":[1,"2.5"]},{"metric":{"job":"b"},"value":[1,"7"]}]}}"#
        let reading = try PrometheusResponse.reading(Data(vector.utf8), status: 200)
        #expect(
            reading.series == [
                SeriesValue(labels: ["__name__": "up", "job": "a"], value: 2.5),
                SeriesValue(labels: ["job": "b"], value: 7)
            ])
        #expect(reading.values == [2.5, 7])
    }

    @Test func theJudgeListsSeriesWorstFirstInTheThresholdsUnit() {
        let series = [
            SeriesValue(labels: ["h": "a"], value: 0.2), SeriesValue(labels: ["h": "b"], value: 0.9),
            SeriesValue(labels: ["h": "c"], value: 0.5)
        ]
        var high = ThresholdJudge(
            name: "Latency", warning: nil,
            critical: ThresholdParser.threshold("> 500ms", line: 1), interval: 1)
        high.observe(SourceReading(series: series, unit: "s"), sourceUnit: nil, at: 0)
        let status = high.status(at: 0)
        #expect(status.series.map(\.labels) == [["h": "b"], ["h": "c"], ["h": "a"]])
        #expect(status.series.map(\.value) == [900, 500, 200], "seconds → the threshold's ms")
        #expect(status.value == 900 && status.state == .crit)

        var low = ThresholdJudge(
            name: "Free", warning: nil, critical: ThresholdParser.threshold("< 0.3", line: 1),
            interval: 1)
        low.observe(SourceReading(series: series), sourceUnit: nil, at: 0)
        #expect(low.status(at: 0).series.map(\.value) == [0.2, 0.5, 0.9], "for `<` the lowest is the worst")

        var single = ThresholdJudge(name: "Queue", warning: nil, critical: nil, interval: 1)
        single.observe(SourceReading(value: 3), sourceUnit: nil, at: 0)
        #expect(single.status(at: 0).series.isEmpty)
    }
}

/// Against the real Prometheus scripts/test.sh starts: a query answering several labelled series.
@Suite(.serialized) struct PrometheusSeriesTests {
    /// Waits for the handlers to be scraped (the first scrape can lag the ready check).
    func handlers() async throws -> SourceReading {
        let source = PrometheusSource(
            baseURL: PrometheusTests.url!,
            query: "count by (handler) (prometheus_http_requests_total)")
        var reading = SourceReading(values: [])
        for _ in 0..<20 {
            if let r = try? await source.sample(), r.seriesCount > 1 { reading = r; break }
            try await Task.sleep(for: .milliseconds(500))
        }
        return reading
    }

    @Test(.enabled(if: PrometheusTests.available)) func severalSeriesKeepTheirLabels() async throws {
        let reading = try await handlers()
        #expect(reading.seriesCount > 1)
        #expect(reading.series.count == reading.values.count)
        #expect(reading.series.allSatisfy { $0.labels.keys.sorted() == ["handler"] && $0.value >= 1 })
        #expect(Set(reading.series.compactMap { $0.labels["handler"] }).count == reading.series.count)
        #expect(reading.series.contains { $0.labels["handler"] == "/api/v1/query" }, "our own queries are counted")

        var judge = ThresholdJudge(name: "handlers", warning: nil, critical: nil, interval: 1)
        judge.observe(reading, sourceUnit: nil, at: 0)
        let values = judge.status(at: 0).series.map(\.value)
        #expect(values == values.sorted(by: >))

        let up = try await PrometheusSource(baseURL: PrometheusTests.url!, query: "up").sample()
        #expect(up.series.first?.labels["job"] == "self")
        #expect(up.series.first?.labels["__name__"] == "up")
    }

    @Test(.enabled(if: PrometheusTests.available && WarroomBinary.url != nil))
    func metricsJSONListsTheSeries() throws {
        let (runbook, config) = try MetricsCLITests.fixture(
            config: """
                prometheus: \(PrometheusTests.url!)
                metrics:
                  - name: Handlers
                    prometheus: count by (handler) (prometheus_http_requests_total)
                  - name: Scrapes
                    prometheus: sum(up)
                """)
        let result = try WarroomBinary.run(["metrics", runbook, "--config", config, "--json"])
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [[String: Any]])
        let handlers = try #require(rows.first { $0["name"] as? String == "Handlers" })
        let series = try #require(handlers["series"] as? [[String: Any]], "\(result.out)")
        #expect(series.count > 1)
        let labels = series.compactMap { $0["labels"] as? [String: String] }
        #expect(labels.count == series.count && labels.allSatisfy { $0["handler"] != nil })
        let values = series.compactMap { $0["value"] as? Double }
        #expect(values == values.sorted(by: >), "worst first")
        #expect(handlers["value"] as? Double == values.first)
        let scrapes = try #require(rows.first { $0["name"] as? String == "Scrapes" })
        #expect(scrapes["series"] == nil, "one series: no list")
    }
}
