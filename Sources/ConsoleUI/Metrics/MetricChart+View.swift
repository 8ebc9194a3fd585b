import Foundation

extension AppView {
    static let chartWidth = 84
    static let chartHeight = 16
    /// The most rows the series list adds to the chart's height.
    static let seriesListMax = 12
    /// The fewest rows the chart keeps while the series list is shown.
    static let chartMinRows = 3

    /// The metric chart overlay: its kept samples as a block chart, the range, the state and where it
    /// is read; with `seriesFrom` set, the series list (worst first) below the chart from that row.
    static func drawMetricChart(
        _ canvas: inout Canvas, _ name: String, _ seriesFrom: Int?, _ body: Rect,
        _ state: AppState, _ palette: ThemePalette
    ) {
        let reading = state.metricReadings[name]
        let series = reading?.series ?? []
        let listRows = seriesFrom == nil ? 0 : seriesListRows(bodyHeight: body.height, count: series.count)
        let height = chartHeight + (seriesFrom == nil ? 0 : listRows + 1)
        let inner = dialog(
            &canvas, body, width: min(body.width, chartWidth), height: min(body.height, height),
            title: name, palette)
        guard inner.height > 0 else { return }
        let samples = reading?.samples ?? []
        let key = reading?.themeKey ?? .metricStale
        let symbol = Symbols.symbol(for: key, ascii: state.asciiOnly) ?? ""
        let head = [
            symbol, reading?.valueText ?? "—", reading?.stateText ?? "no readings yet",
            reading?.threshold.map { "threshold \($0)" } ?? ""
        ].filter { !$0.isEmpty }.joined(separator: "  ")
        canvas.write(head, x: inner.x + 1, y: inner.y, width: inner.width - 2, style: palette[key], clip: inner)
        canvas.write(
            sourceLine(reading), x: inner.x + 1, y: inner.maxY - 1, width: inner.width - 2,
            style: palette[.textMuted], clip: inner)
        if let low = samples.min(), let high = samples.max() {
            var range = "\(samples.count) samples, \(number(low)) – \(number(high))"
            if series.count > 1, seriesFrom == nil { range += " · worst of \(series.count) series (s: list)" }
            canvas.write(
                range, x: inner.x + 1, y: inner.y + 1, width: inner.width - 2, style: palette[.textMuted],
                clip: inner)
        }
        let chartRows = inner.height - 4 - (seriesFrom == nil ? 0 : listRows + 1)
        guard chartRows > 0 else { return }
        let rows = Sparkline.chart(samples, width: inner.width - 2, height: chartRows, ascii: state.asciiOnly)
        for (i, row) in rows.enumerated() {
            canvas.write(row, x: inner.x + 1, y: inner.y + 2 + i, style: palette[key], clip: inner)
        }
        guard let seriesFrom else { return }
        let top = inner.y + 2 + chartRows
        let lines = seriesLines(series, from: seriesFrom, rows: listRows, unit: reading?.unit)
        for (i, line) in lines.enumerated() {
            canvas.write(
                line, x: inner.x + 1, y: top + i, width: inner.width - 2,
                style: palette[i == 0 ? .dialogTitle : .dialog], clip: inner)
        }
    }

    /// The series list: a heading saying which rows are shown, then `value  labels` per series.
    static func seriesLines(_ series: [MetricSeries], from first: Int, rows: Int, unit: String?) -> [String] {
        guard series.count > 1 else { return ["a single series: no list"] }
        let start = min(max(first, 0), max(series.count - rows, 0))
        let shown = series[start..<min(start + rows, series.count)]
        let heading =
            "series \(start + 1)–\(start + shown.count) of \(series.count), worst first"
            + (series.count > rows ? " (↑/↓ scroll)" : "")
        let values = shown.map { number($0.value) + (unit.map { " " + $0 } ?? "") }
        let width = values.map(\.count).max() ?? 0
        return [heading]
            + zip(values, shown).map { value, s in
                String(repeating: " ", count: width - value.count) + value + "  " + s.labelText
            }
    }

    /// How many series rows the list shows (below its heading) for a body of `bodyHeight` rows.
    static func seriesListRows(bodyHeight: Int, count: Int) -> Int {
        let wanted = min(max(count, 1), seriesListMax)
        // The dialog less its border, head, range, source, the list's heading and the chart's minimum.
        let room = min(bodyHeight, chartHeight + wanted + 1) - 2 - 4 - 1 - chartMinRows
        return max(min(wanted, room), 1)
    }

    /// The list's page for the state's screen (for scrolling in `update`).
    public static func seriesListRows(_ state: AppState, count: Int) -> Int {
        let layout = ScreenLayout.compute(width: state.width, height: state.height, activePane: state.focus)
        return seriesListRows(bodyHeight: layout.footer.y - layout.header.maxY, count: count)
    }

    /// Where the value is read, or for an unbound metric how to bind it.
    static func sourceLine(_ reading: MetricReading?) -> String {
        if let source = reading?.source { return "source: " + source }
        if reading?.state == .unbound, let hint = reading?.detail { return hint }
        return "source: none — bind it in warroom.yaml"
    }

    private static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(format: "%.2f", value)
    }
}
