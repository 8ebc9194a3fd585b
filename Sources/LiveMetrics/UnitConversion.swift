import Foundation

/// Converts a value into a threshold's unit when both units measure the same thing
/// (time: ms, s, min, h, d; size: bytes, KB, MB, GB, TB, binary multiples read as the same scale).
public enum UnitConversion {
    static let time: [String: Double] = [
        "ms": 0.001, "millisecond": 0.001, "milliseconds": 0.001,
        "s": 1, "sec": 1, "secs": 1, "second": 1, "seconds": 1,
        "m": 60, "min": 60, "mins": 60, "minute": 60, "minutes": 60,
        "h": 3600, "hr": 3600, "hour": 3600, "hours": 3600, "d": 86400, "day": 86400, "days": 86400
    ]
    /// Shares: a ratio of 0.012 is 1.2 %.
    static let share: [String: Double] = ["%": 1, "percent": 1, "ratio": 100]
    /// Rates: per second, minute, hour.
    static let perTime: [String: Double] = ["/s": 1, "/sec": 1, "/min": 1.0 / 60, "/m": 1.0 / 60, "/h": 1.0 / 3600]
    static let size: [String: Double] = [
        "b": 1, "byte": 1, "bytes": 1, "kb": 1e3, "kib": 1024, "mb": 1e6, "mib": 1_048_576,
        "gb": 1e9, "gib": 1_073_741_824, "tb": 1e12, "tib": 1_099_511_627_776
    ]

    /// `value` expressed in `target`; unchanged when either unit is unknown or they do not mix.
    public static func convert(_ value: Double, from source: String?, to target: String?) -> Double {
        guard let source = source?.lowercased(), let target = target?.lowercased(), source != target else {
            return value
        }
        for table in [time, size, share, perTime] {
            if let a = table[source], let b = table[target] {
                // Rounded to 12 significant digits so 0.7 s reads as 700 ms, not 699.9999999999999.
                let converted = value * a / b
                return Double(String(format: "%.12g", converted)) ?? converted
            }
        }
        return value
    }

    /// Whether `unit` is one the converter knows (used to split "42ms" into number and unit).
    public static func isKnown(_ unit: String) -> Bool {
        let u = unit.lowercased()
        return u == "%" || time[u] != nil || size[u] != nil
    }

    /// Two known units that measure different things (a per-second rate against a percentage):
    /// judging one against the other would be a guess.
    public static func incompatible(_ a: String, _ b: String) -> Bool {
        let x = a.lowercased(), y = b.lowercased()
        guard x != y else { return false }
        let tables = [time, size, share, perTime]
        guard let i = tables.firstIndex(where: { $0[x] != nil }), let j = tables.firstIndex(where: { $0[y] != nil })
        else {
            return false
        }
        return i != j
    }
}
