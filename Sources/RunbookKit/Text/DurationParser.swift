import Foundation

/// Reads durations as runbooks write them (RUNBOOK-FORMATS.md §2): `< 15 mins`,
/// `Within 1 hour`, `Immediate (within 15 minutes)`, `24 hours`, `5 min`, `After 48 hours`,
/// `2h`, windows like `(0-15 minutes)`, and unbounded ones like `Next business day`.
public enum DurationParser {
    /// A response time or deadline. `nil` only for empty text; text without a number of
    /// seconds is kept as an unbounded deadline.
    public static func deadline(_ text: String) -> Deadline? {
        let clean = text.collapsingWhitespace
        guard !clean.isEmpty else { return nil }
        return Deadline(seconds: seconds(in: clean), text: clean)
    }

    /// Seconds named by the text: the first duration in it (the upper end of a range),
    /// 0 for "immediate" / "ASAP" without a number, nil when it names none.
    public static func seconds(in text: String) -> Int? {
        if text.utf8.count <= 8 {
            let trimmed = text.lowercased().filter { $0 != " " }.trimmingTrailing(":.")
            if trimmed == "t+0" || trimmed == "t0" { return 0 }
        }
        // Written out ("ten minutes", "the hour") only where a unit word is: most text has none.
        let spelled = !text.hasASCIIDigit && spelledUnitStems.contains(where: text.hasLowercased)
        if let first = scan(text).first ?? (spelled ? scan(withDigits(text)).first : nil) {
            return wholeSeconds(first.upper * Double(first.unitSeconds))
        }
        let lower = text.lowercased()
        for word in ["immediate", "immediately", "asap", "right away", "at once", "now"]
        where lower.containsWord([word]) {
            return 0
        }
        return nil
    }

    static let numberWords: [String: String] = [
        "one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7", "eight": "8",
        "nine": "9", "ten": "10", "twelve": "12", "fifteen": "15", "twenty": "20", "thirty": "30",
        "forty-five": "45", "sixty": "60", "ninety": "90"
    ]
    static let spelledUnitStems = ["second", "minute", "hour", "day", "week"]
    static let spelledUnits: Set<String> = [
        "second", "seconds", "minute", "minutes", "hour", "hours", "day", "days", "week", "weeks"
    ]

    /// "within ten minutes" → "within 10 minutes"; "within the hour", "in an hour" → "… 1 hour";
    /// "half an hour" → "30 minutes". A number written out only before a unit.
    static func withDigits(_ text: String) -> String {
        var lowered = text.lowercased()
        // Foundation's replace bridges every call to NSString; most text has no "half".
        if lowered.contains("half") {
            lowered = lowered.replacingOccurrences(of: "half an hour", with: "30 minutes")
                .replacingOccurrences(of: "half-hour", with: "30 minutes")
        }
        var words = lowered.split(separator: " ").map(String.init)
        for i in words.indices.dropLast() {
            let next = words[i + 1].trimmingTrailing(".,;:)")
            guard spelledUnits.contains(next) else { continue }
            if let digits = numberWords[words[i]] {
                words[i] = digits
            } else if ["a", "an", "the"].contains(words[i]), i > 0,
                ["within", "in", "under", "after", "than", "about", "inside", "for"].contains(words[i - 1])
            {
                words[i] = "1"
            } else if ["first", "next"].contains(words[i]), !next.hasSuffix("s") {
                words[i] += " 1" // "first hour": its end is an hour in
            }
        }
        return words.joined(separator: " ")
    }

    /// A phase window like `(0-15 minutes)` or `(24-72 hours)`; also `(first 15 minutes)`.
    public static func window(in text: String) -> TimeWindow? {
        for q in scan(text) where q.isRange {
            guard let start = wholeSeconds(q.lower * Double(q.unitSeconds)),
                let end = wholeSeconds(q.upper * Double(q.unitSeconds))
            else { continue }
            return TimeWindow(startSeconds: start, endSeconds: end, text: q.text)
        }
        return nil
    }

    /// Whether the text is only a duration marker ("15 min", "Immediate", "Within 1 hour",
    /// "After 48 hours", "T+30m"), the way timed checklist steps are labelled.
    public static func isTimeLabel(_ text: String) -> Bool {
        var lower = text.lowercased().trimmingTrailing(":.")
        // "T+0", "T+5 min": minutes after the start; T+0 is the start itself.
        if lower.hasPrefix("t+") || lower.hasPrefix("t +") {
            lower = String(lower.drop { $0 == "t" || $0 == "+" || $0 == " " })
            if lower.allSatisfy({ $0 == "0" }), !lower.isEmpty { return true }
        }
        let stripped = lower.replacingWords(timeLabelWords)
        guard stripped.allSatisfy({ $0.isNumber || $0 == "." || $0 == " " }) else { return false }
        return seconds(in: lower) != nil
    }

    /// Words a time label may hold besides numbers, built once (not per label).
    static let timeLabelWords: Set<String> = [
        "within", "after", "by", "at", "in", "first", "t+", "+", "the", "next", "<", "≤",
        "up", "to", "minutes", "minute", "mins", "min", "hours", "hour", "hrs", "hr", "h", "m", "days", "day", "d",
        "seconds",
        "second", "secs", "sec", "s", "immediate", "immediately", "asap", "now", "-", "–", "(", ")", "and"
    ]

    /// Seconds as a whole number; nil past a century (a typo, not a deadline) or for NaN.
    static func wholeSeconds(_ value: Double) -> Int? {
        guard value.isFinite, value >= 0, value < 3_153_600_000 else { return nil }
        return Int(value.rounded())
    }

    struct Quantity {
        var lower: Double
        var upper: Double
        var unitSeconds: Int
        var isRange: Bool
        var text: String
    }

    /// Every `<number>[-<number>] <unit>` in the text, in order.
    static func scan(_ text: String) -> [Quantity] {
        // A quantity starts at an ASCII digit: text without one (most) is not split into characters.
        guard text.hasASCIIDigit else { return [] }
        let chars = Array(text)
        var out: [Quantity] = []
        var i = 0
        while i < chars.count {
            guard chars[i].isASCII, chars[i].isNumber, i == 0 || !chars[i - 1].isLetter else { i += 1; continue }
            let start = i
            var (first, j) = number(chars, i)
            var second: Double? = nil
            var k = skipSpaces(chars, j)
            if k < chars.count,
                "-–—".contains(chars[k]) || (k + 1 < chars.count && chars[k] == "t" && chars[k + 1] == "o")
            {
                k += chars[k] == "t" ? 2 : 1
                k = skipSpaces(chars, k)
                if k < chars.count, chars[k].isASCII, chars[k].isNumber {
                    let (value, end) = number(chars, k)
                    second = value
                    j = end
                }
            }
            let unitStart = skipSpaces(chars, j)
            var unitEnd = unitStart
            while unitEnd < chars.count, chars[unitEnd].isLetter { unitEnd += 1 }
            let unit = String(chars[unitStart..<unitEnd]).lowercased()
            if let unitSeconds = unitSeconds[unit] {
                if let upper = second, upper < first { swap(&first, &second!) }
                out.append(
                    Quantity(
                        lower: first, upper: second ?? first, unitSeconds: unitSeconds,
                        isRange: second != nil, text: String(chars[start..<unitEnd])))
                i = unitEnd
            } else {
                i = max(j, i + 1)
            }
        }
        return out
    }

    private static func number(_ chars: [Character], _ start: Int) -> (Double, Int) {
        var j = start
        while j < chars.count, chars[j].isASCII,
            chars[j].isNumber || (chars[j] == "." && j + 1 < chars.count && chars[j + 1].isNumber)
        {
            j += 1
        }
        return (Double(String(chars[start..<j])) ?? 0, j)
    }

    private static func skipSpaces(_ chars: [Character], _ start: Int) -> Int {
        var j = start
        while j < chars.count, chars[j] == " " { j += 1 }
        return j
    }

    static let unitSeconds: [String: Int] = [
        "s": 1, "sec": 1, "secs": 1, "second": 1, "seconds": 1,
        "m": 60, "min": 60, "mins": 60, "minute": 60, "minutes": 60, "mn": 60,
        "h": 3600, "hr": 3600, "hrs": 3600, "hour": 3600, "hours": 3600,
        "d": 86400, "day": 86400, "days": 86400,
        "w": 604800, "wk": 604800, "wks": 604800, "week": 604800, "weeks": 604800
    ]
}

extension String {
    /// Removes whole words from the lower-cased text (for label tests).
    func replacingWords(_ set: Set<String>) -> String {
        var result = ""
        var token = ""
        func flush() {
            if !set.contains(token) { result += token }
            token = ""
        }
        for ch in self {
            if ch.isLetter || ch == "+" || ch == "<" || ch == "≤" {
                token.append(ch)
            } else if ch.isNumber || ch == "." {
                flush()
                result.append(ch)
            } else {
                flush()
                if ch == " " { result.append(" ") } else if !set.contains(String(ch)) { result.append(ch) }
            }
        }
        flush()
        return result
    }
}
