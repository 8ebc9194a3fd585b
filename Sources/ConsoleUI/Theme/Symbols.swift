/// Symbols that carry a meaning beside its colour, so nothing relies on colour alone
/// (monochrome screens, colour-blind readers). Views put them before the text they mark.
public enum Symbols {
    /// The symbol for a semantic key, or nil for keys that need none.
    /// `ascii` gives a plain-ASCII form for terminals without UTF-8.
    public static func symbol(for key: ThemeKey, ascii: Bool = false) -> String? {
        switch key {
        case .metricOK: return ascii ? "+" : "✔"
        case .metricWarn: return ascii ? "^" : "▲"
        case .metricCrit: return ascii ? "X" : "✖"
        case .metricPending: return ascii ? "." : "…"
        case .metricStale: return ascii ? "?" : "◌"
        case .metricError: return "!"
        case .riskRead: return ascii ? "r" : "●"
        case .riskChange: return ascii ? "c" : "◆"
        case .riskDestructive: return ascii ? "!!" : "⚠"
        case .countdownOK: return ascii ? "o" : "◷"
        case .countdownWarn: return ascii ? "~" : "◔"
        case .countdownBreached: return ascii ? "!" : "⏰"
        default: return nil
        }
    }
}
