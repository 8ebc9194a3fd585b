/// A one-row chart of values: Unicode eighth blocks, or ASCII when the locale is not UTF-8.
enum Sparkline {
    static let blocks: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
    static let asciiLevels: [Character] = ["_", ".", "-", "~", "=", "+", "*", "#"]

    /// The smallest span a scale may have: a tenth of the values' size, so that noise of
    /// 17.33 → 17.36 % stays low on the chart instead of filling it like a spike.
    static func span(low: Double, high: Double) -> Double {
        max(high - low, max(abs(low), abs(high)) * 0.1)
    }

    /// The last `width` values, scaled from their minimum over at least `span` (flat: the lowest block).
    static func render(_ values: [Double], width: Int, ascii: Bool) -> String {
        let shown = values.suffix(max(0, width))
        guard let low = shown.min(), let high = shown.max() else { return "" }
        let levels = ascii ? asciiLevels : blocks
        let span = span(low: low, high: high)
        return String(
            shown.map { value in
                let step = span > 0 ? Int(((value - low) / span * Double(levels.count - 1)).rounded()) : 0
                return levels[min(levels.count - 1, max(0, step))]
            })
    }

    /// Several rows high, for the overlay: row 0 is the top.
    static func chart(_ values: [Double], width: Int, height: Int, ascii: Bool) -> [String] {
        let shown = Array(values.suffix(max(0, width)))
        guard height > 0, let low = shown.min(), let high = shown.max() else { return [] }
        let levels = ascii ? asciiLevels : blocks
        let span = span(low: low, high: high)
        let eighths = shown.map { value in
            span > 0 ? Int(((value - low) / span * Double(height * 8 - 1)).rounded()) + 1 : 1
        }
        return (0..<height).map { row in
            let floor = (height - 1 - row) * 8
            return String(
                eighths.map { filled -> Character in
                    let here = filled - floor
                    if here <= 0 { return " " }
                    return here >= 8 ? levels[7] : levels[here - 1]
                })
        }
    }
}
