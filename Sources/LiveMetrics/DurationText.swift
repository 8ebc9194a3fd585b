/// Short durations for people: `5s`, `3m12s`, `10m`, `1h05m`, `250ms`.
public enum DurationText {
    public static func short(_ seconds: Double) -> String {
        if seconds < 1, seconds > 0 { return "\(Int((seconds * 1000).rounded()))ms" }
        if seconds != seconds.rounded(), seconds < 10 { return "\(seconds)s" }
        let total = Int(seconds.rounded())
        let h = total / 3600, m = (total % 3600) / 60, s = total % 60
        if h > 0 { return m == 0 ? "\(h)h" : "\(h)h" + (m < 10 ? "0" : "") + "\(m)m" }
        if m > 0 { return s == 0 ? "\(m)m" : "\(m)m\(s)s" }
        return "\(s)s"
    }
}
