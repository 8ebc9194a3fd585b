/// Fitting text into a number of terminal columns.
public enum TextFit {
    public static let ellipsis: Character = "…"

    /// The text cut to at most `width` columns, ending in `…` when something was cut.
    /// Never splits a grapheme; a wide grapheme that would cross the edge is left out.
    public static func truncate(_ text: String, toWidth width: Int) -> String {
        guard width > 0 else { return "" }
        var total = 0
        for character in text {
            total += DisplayWidth.of(character)
            if total > width { break }
        }
        if total <= width { return text }
        var result = ""
        var used = 0
        for character in text {
            let columns = DisplayWidth.of(character)
            if used + columns > width - 1 { break }
            result.append(character)
            used += columns
        }
        result.append(ellipsis)
        return result
    }

    /// The text truncated to `width` columns, then padded with spaces to exactly `width`.
    public static func pad(_ text: String, toWidth width: Int, alignment: Alignment = .left) -> String {
        guard width > 0 else { return "" }
        let cut = truncate(text, toWidth: width)
        let gap = width - DisplayWidth.of(cut)
        guard gap > 0 else { return cut }
        switch alignment {
        case .left: return cut + String(repeating: " ", count: gap)
        case .right: return String(repeating: " ", count: gap) + cut
        case .center:
            let left = gap / 2
            return String(repeating: " ", count: left) + cut + String(repeating: " ", count: gap - left)
        }
    }
}
