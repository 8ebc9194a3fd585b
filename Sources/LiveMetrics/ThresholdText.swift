import RunbookKit

/// A threshold in compact form: `> 1% for 10m`, `< 10% (free)`.
public enum ThresholdText {
    public static func compact(_ t: Threshold) -> String {
        var text = "\(t.op.rawValue) \(number(t.value))"
        if let unit = t.unit { text += unit == "%" ? "%" : " \(unit)" }
        if let f = t.forSeconds, f > 0 { text += " for \(DurationText.short(Double(f)))" }
        if let w = t.windowSeconds, w > 0 { text += " in \(DurationText.short(Double(w)))" }
        return text
    }

    public static func number(_ v: Double) -> String {
        v == v.rounded() && abs(v) < 1e15 ? String(Int(v)) : String(format: "%g", v)
    }
}
