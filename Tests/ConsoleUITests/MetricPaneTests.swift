import ConsoleUI
import Foundation
import Testing

@Suite("Metrics pane (live readings)")
struct MetricPaneTests {
    let palette = BuiltinThemes.defaultTheme.palette(depth: .ansi256)

    func text(_ state: AppState) -> String {
        AppView.render(state, palette: palette).lines.joined(separator: "\n")
    }

    @Test("CRIT with value, unit, sparkline, threshold and symbol; the header counts breaches")
    func crit() {
        var state = AppFixture.state()
        _ = AppUpdate.update(
            &state,
            .metricReadings([
                MetricReading(
                    name: "error_rate", state: .crit, value: 7, unit: "%", threshold: "> 5%",
                    samples: [1, 2, 4, 7], source: "command: echo 7")
            ]))
        let screen = text(state)
        #expect(screen.contains("✖ error_rate 7 % ▁▂▅█"))
        #expect(screen.contains("threshold > 5% · CRIT"))
        #expect(screen.contains("✖ 1 breached"))
    }

    @Test("PENDING, ERROR and unbound say why; no breach count; ASCII fallback")
    func words() {
        var state = AppFixture.state()
        state.asciiOnly = true
        _ = AppUpdate.update(
            &state,
            .metricReadings([
                MetricReading(
                    name: "error_rate", state: .pending, value: 2, unit: "%", threshold: "> 1%",
                    detail: "breaching 12s of 5m", samples: [0, 2])
            ]))
        var screen = text(state)
        #expect(screen.contains("PENDING breaching 12s of 5m"))
        #expect(screen.contains(". error_rate 2 % _#"))
        #expect(!screen.contains("breached"))
        _ = AppUpdate.update(
            &state,
            .metricReadings([
                MetricReading(name: "error_rate", state: .error, detail: "timeout after 5s")
            ]))
        #expect(text(state).contains("ERROR timeout after 5s"))
        _ = AppUpdate.update(&state, .metricReadings([MetricReading(name: "error_rate", state: .unbound)]))
        screen = text(state)
        #expect(screen.contains("no source — bind it in warroom.yaml"))
    }

    @Test("Enter on a metric opens a chart of its samples with its source; Escape closes it")
    func chart() {
        var state = AppFixture.state()
        _ = AppUpdate.update(
            &state,
            .metricReadings([
                MetricReading(
                    name: "error_rate", state: .crit, value: 7, unit: "%", threshold: "> 5%",
                    samples: [1, 2, 4, 7], source: "command: echo 7")
            ]))
        state.focus = .metrics
        _ = AppUpdate.update(&state, .key(.enter))
        #expect(state.overlays == [.metricChart("error_rate")])
        let screen = text(state)
        #expect(screen.contains("┏━ error_rate"))
        #expect(screen.contains("source: command: echo 7"))
        #expect(screen.contains("4 samples, 1 – 7"))
        #expect(screen.contains("█"))
        _ = AppUpdate.update(&state, .key(.escape))
        #expect(state.overlays.isEmpty)
    }
}
