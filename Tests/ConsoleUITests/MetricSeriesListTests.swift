import ConsoleUI
import Foundation
import Testing

@Suite("Metric chart: the series list on demand")
struct MetricSeriesListTests {
    let palette = BuiltinThemes.defaultTheme.palette(depth: .ansi256)

    func text(_ state: AppState) -> String {
        AppView.render(state, palette: palette).lines.joined(separator: "\n")
    }

    /// 20 series of `http_requests{handler="/h00"}`…, worst (highest) first as the runtime sends them.
    func chartState(series count: Int) -> AppState {
        var state = AppFixture.state()
        let series = (0..<count).map { i in
            MetricSeries(
                labels: ["__name__": "http_requests", "handler": String(format: "/h%02d", i), "job": "api"],
                value: Double(100 - i))
        }
        _ = AppUpdate.update(
            &state,
            .metricReadings([
                MetricReading(
                    name: "error_rate", state: .crit, value: 100, unit: "%", threshold: "> 5%",
                    samples: [90, 95, 100], source: "prometheus: http_requests", series: series)
            ]))
        state.focus = .metrics
        _ = AppUpdate.update(&state, .key(.enter))
        return state
    }

    @Test("s shows the list below the chart, worst first with labels; ↓ scrolls; s hides it")
    func toggleAndScroll() {
        var state = chartState(series: 20)
        var screen = text(state)
        #expect(screen.contains("worst of 20 series (s: list)"))
        #expect(!screen.contains("series 1–"))

        _ = AppUpdate.update(&state, .key(.char("s")))
        #expect(state.overlays == [.metricChart("error_rate", series: 0)])
        screen = text(state)
        #expect(screen.contains("series 1–12 of 20, worst first (↑/↓ scroll)"))
        let lines = screen.split(separator: "\n").map(String.init)
        let first = lines.firstIndex { $0.contains("100 %  http_requests{handler=\"/h00\", job=\"api\"}") }
        let second = lines.firstIndex { $0.contains(" 99 %  http_requests{handler=\"/h01\", job=\"api\"}") }
        #expect(first != nil && second == first.map { $0 + 1 }, "worst first, one series a row")
        let chartBottom = lines.lastIndex { $0.contains("█") }
        #expect(chartBottom != nil && first != nil && chartBottom! < first!, "the list is below the chart")
        #expect(screen.contains("source: prometheus: http_requests"))
        #expect(!screen.contains("/h12"), "only a page of the list shows")

        _ = AppUpdate.update(&state, .key(.down))
        #expect(text(state).contains("series 2–13 of 20"))
        for _ in 0..<30 { _ = AppUpdate.update(&state, .key(.char("j"))) }
        screen = text(state)
        #expect(screen.contains("series 9–20 of 20"), "scrolling stops at the last page")
        #expect(screen.contains("81 %  http_requests{handler=\"/h19\", job=\"api\"}"))
        _ = AppUpdate.update(&state, .key(.up))
        #expect(state.overlays == [.metricChart("error_rate", series: 7)])

        _ = AppUpdate.update(&state, .key(.char("s")))
        #expect(state.overlays == [.metricChart("error_rate")])
        #expect(!text(state).contains("series 9–"))
        _ = AppUpdate.update(&state, .key(.escape))
        #expect(state.overlays.isEmpty)
    }

    @Test("A short list has no scroll hint; a single-number metric says it has no list")
    func shortAndSingle() {
        var state = chartState(series: 3)
        _ = AppUpdate.update(&state, .key(.char("s")))
        let screen = text(state)
        #expect(screen.contains("series 1–3 of 3, worst first"))
        #expect(!screen.contains("scroll)"))
        _ = AppUpdate.update(&state, .key(.down))
        #expect(state.overlays == [.metricChart("error_rate", series: 0)], "nothing to scroll")

        var single = chartState(series: 0)
        _ = AppUpdate.update(&single, .key(.char("s")))
        #expect(text(single).contains("a single series: no list"))
    }

    @Test("Labels read as PromQL: the name, then the other labels sorted")
    func labelText() {
        #expect(
            MetricSeries(labels: ["job": "x", "__name__": "up", "instance": "a:1"], value: 1).labelText
                == "up{instance=\"a:1\", job=\"x\"}")
        #expect(MetricSeries(labels: ["handler": "/q"], value: 1).labelText == "{handler=\"/q\"}")
        #expect(MetricSeries(labels: [:], value: 1).labelText == "{}")
    }

    @Test("An unbound metric's chart says how to bind it")
    func unboundHint() {
        var state = AppFixture.state()
        _ = AppUpdate.update(
            &state,
            .metricReadings([
                MetricReading(
                    name: "error_rate", state: .unbound,
                    detail: "no source: add `- name: error_rate` with prometheus: rate(x[5m]) to warroom.yaml metrics:")
            ]))
        state.focus = .metrics
        _ = AppUpdate.update(&state, .key(.enter))
        #expect(text(state).contains("no source: add `- name: error_rate` with prometheus: rate(x[5m])"))
    }
}
