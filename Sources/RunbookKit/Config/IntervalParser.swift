import Foundation

/// Reads config intervals: `15s`, `1m`, `500ms`, `2h`, or a bare number of seconds.
public enum IntervalParser {
    public static func seconds(_ text: String) -> Double? {
        let t = text.trimmingCharacters(in: .whitespaces).lowercased()
        let digits = t.prefix { $0.isNumber || $0 == "." }
        guard let value = Double(digits), value > 0 else { return nil }
        let unit = t.dropFirst(digits.count).trimmingCharacters(in: .whitespaces)
        let scale: Double? =
            switch unit {
            case "", "s", "sec", "secs", "second", "seconds": 1
            case "ms": 0.001
            case "m", "min", "mins", "minute", "minutes": 60
            case "h", "hour", "hours": 3600
            default: nil
            }
        return scale.map { value * $0 }
    }
}
