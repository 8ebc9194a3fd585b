import Foundation

extension AppView {
    /// The metric chart overlay: its kept samples as a block chart, the range, the state and where it is read.
    static func drawMetricChart(_ canvas: inout Canvas, _ name: String, _ body: Rect, _ state: AppState,
                                _ palette: ThemePalette) {
        let reading = state.metricReadings[name]
        let inner = dialog(&canvas, body, width: min(body.width, 84), height: min(body.height, 16), title: name, palette)
        guard inner.height > 0 else { return }
        let samples = reading?.samples ?? []
        let key = reading?.themeKey ?? .metricStale
        let symbol = Symbols.symbol(for: key, ascii: state.asciiOnly) ?? ""
        let head = [symbol, reading?.valueText ?? "—", reading?.stateText ?? "no readings yet",
                    reading?.threshold.map { "threshold \($0)" } ?? ""].filter { !$0.isEmpty }.joined(separator: "  ")
        canvas.write(head, x: inner.x + 1, y: inner.y, width: inner.width - 2, style: palette[key], clip: inner)
        let source = "source: " + (reading?.source ?? "none — bind it in warroom.yaml")
        canvas.write(source, x: inner.x + 1, y: inner.maxY - 1, width: inner.width - 2, style: palette[.textMuted],
                     clip: inner)
        let chartHeight = inner.height - 4
        guard chartHeight > 0 else { return }
        let rows = Sparkline.chart(samples, width: inner.width - 2, height: chartHeight, ascii: state.asciiOnly)
        for (i, row) in rows.enumerated() {
            canvas.write(row, x: inner.x + 1, y: inner.y + 2 + i, style: palette[key], clip: inner)
        }
        if let low = samples.min(), let high = samples.max() {
            let range = "\(samples.count) samples, \(number(low)) – \(number(high))"
            canvas.write(range, x: inner.x + 1, y: inner.y + 1, width: inner.width - 2, style: palette[.textMuted],
                         clip: inner)
        }
    }

    private static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(format: "%.2f", value)
    }
}
