/// A one-row chart of values: Unicode eighth blocks, or ASCII when the locale is not UTF-8.
enum Sparkline {
    static let blocks: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
    static let asciiLevels: [Character] = ["_", ".", "-", "~", "=", "+", "*", "#"]

    /// The last `width` values, scaled between their own minimum and maximum (flat: the lowest block).
    static func render(_ values: [Double], width: Int, ascii: Bool) -> String {
        let shown = values.suffix(max(0, width))
        guard let low = shown.min(), let high = shown.max() else { return "" }
        let levels = ascii ? asciiLevels : blocks
        let span = high - low
        return String(shown.map { value in
            let step = span > 0 ? Int(((value - low) / span * Double(levels.count - 1)).rounded()) : 0
            return levels[min(levels.count - 1, max(0, step))]
        })
    }

    /// Several rows high, for the overlay: row 0 is the top.
    static func chart(_ values: [Double], width: Int, height: Int, ascii: Bool) -> [String] {
        let shown = Array(values.suffix(max(0, width)))
        guard height > 0, let low = shown.min(), let high = shown.max() else { return [] }
        let levels = ascii ? asciiLevels : blocks
        let span = high - low
        let eighths = shown.map { value in
            span > 0 ? Int(((value - low) / span * Double(height * 8 - 1)).rounded()) + 1 : 1
        }
        return (0..<height).map { row in
            let floor = (height - 1 - row) * 8
            return String(eighths.map { filled -> Character in
                let here = filled - floor
                if here <= 0 { return " " }
                return here >= 8 ? levels[7] : levels[here - 1]
            })
        }
    }
}
