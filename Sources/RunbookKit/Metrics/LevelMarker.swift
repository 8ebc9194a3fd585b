/// The level an alert line says of itself, wherever it says it: first ("Warning when lag exceeds
/// 30 s"), after an arrow ("… → page", "→ SEV2 page"), in closing brackets ("… (SEV2)", "[page]",
/// "(ticket)") or after a last colon ("…: SEV1"). A severity id keeps its rank, so a list can
/// page on its most severe ids and warn on the rest.
struct LevelMarker: Equatable {
    /// The line without the marker.
    var condition: String
    var level: MetricExtractor.Level
    /// The id's rank when the marker is a severity id (SEV2 → 2), else nil.
    var rank: Int?

    static func read(_ text: String) -> LevelMarker? {
        // Asked of every list item: most have no mark a level could follow, seen on bytes.
        guard text.utf8.contains(where: isMarkByte) || startsWithLevelWord(text) else { return nil }
        // "Warning when replay lag exceeds 30 s", "Page if the error rate is above 5%".
        let words = text.split(separator: " ", maxSplits: 2)
        if words.count == 3, ["when", "if", "at", "on"].contains(words[1].lowercased()),
            let level = word(words[0].lowercased().trimmingTrailing(":,"))
        {
            return LevelMarker(condition: String(words[2]), level: level, rank: nil)
        }
        let trimmed = text.trimmingTrailing(" .")
        if let arrow = ["->", "→", "=>"].compactMap({ trimmed.lastRange(of: $0) })
            .max(by: { $0.lowerBound < $1.lowerBound }),
            let marker = said(String(trimmed[arrow.upperBound...]), condition: String(trimmed[..<arrow.lowerBound]))
        {
            return marker
        }
        // "… (SEV2)", "… [page]": a closing bracket holding only the level.
        if let close = trimmed.last, close == ")" || close == "]",
            let open = trimmed.lastIndex(of: close == ")" ? "(" : "["),
            let marker = said(
                String(trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)]),
                condition: String(trimmed[..<open]), whole: true)
        {
            return marker
        }
        // "…: SEV1", "… — page".
        for separator in [": ", " — ", " – "] {
            if let range = trimmed.lastRange(of: separator),
                let marker = said(
                    String(trimmed[range.upperBound...]), condition: String(trimmed[..<range.lowerBound]), whole: true)
            {
                return marker
            }
        }
        return nil
    }

    /// The level words said after a marker: "page", "ticket", "SEV2 page", "P1". `whole`: nothing
    /// else may follow (a bracket or a last colon holds only the level).
    private static func said(_ text: String, condition: String, whole: Bool = false) -> LevelMarker? {
        // Most texts after a last colon or bracket are longer than a level: counted on bytes first.
        if whole, asciiWordCount(text, upTo: 3) == 3 { return nil }
        let lower = text.lowercased().trimmed
        // Three words tell: a marker is one or two ("SEV2 page"), and most texts read here are long.
        let parts = lower.leadingWords(upTo: 3)
        guard let first = parts.first, !whole || parts.count <= 2 else { return nil }
        let condition = condition.trimmed
        if let id = SeverityID.leading(lower), id.id.hasPrefix("SEV") || id.id.hasPrefix("P"), id.rank <= 5,
            first.hasPrefix("sev") || first.hasPrefix("p") || first.hasPrefix("s")
        {
            return LevelMarker(condition: condition, level: id.rank >= 2 ? .warning : .critical, rank: id.rank)
        }
        guard let level = word(first) else { return nil }
        return LevelMarker(condition: condition, level: level, rank: nil)
    }

    /// `>` (of `->`, `=>`), `)`, `]`, `:` and the lead byte of `→`, `—`, `–`.
    private static func isMarkByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: ">"), UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: ":"), 0xE2: true
        default: false
        }
    }

    private static func startsWithLevelWord(_ text: String) -> Bool {
        guard let first = text.split(separator: " ", maxSplits: 1).first else { return false }
        return word(first.lowercased().trimmingTrailing(":,")) != nil
    }

    /// Runs of ASCII letters and digits in `text`, counted up to `limit`; nil when the text is not
    /// ASCII (its words are then found by `leadingWords`).
    private static func asciiWordCount(_ text: String, upTo limit: Int) -> Int? {
        text.withBytes { bytes -> Int? in
            var count = 0
            var inWord = false
            for byte in bytes {
                guard byte < 0x80 else { return nil }
                let isWordByte = asciiLetterOrDigit(byte)
                if isWordByte, !inWord {
                    count += 1
                    if count == limit { return count }
                }
                inWord = isWordByte
            }
            return count
        }
    }

    private static func word(_ word: String) -> MetricExtractor.Level? {
        switch word {
        case "warning", "warn", "ticket", "notify", "heads-up": .warning
        case "page", "pages", "critical", "crit", "alert", "urgent", "wake": .critical
        case "info": .info
        default: nil
        }
    }
}
