import Foundation

/// Reads alert conditions as runbooks write them (RUNBOOK-FORMATS.md §6):
/// `Error rate > 5% for 5 minutes`, `High error rate (>5% 5xx responses)`,
/// `Disk space critical (<10% free)`, `Failed auth attempts > 10 in 5 minutes`,
/// `P3: High Latency (P95 > 300ms)`, `Database connection pool exhausted`.
public enum ThresholdParser {
    public struct Condition: Sendable, Equatable {
        /// The metric's name with level words and adjectives removed ("Error rate").
        public var name: String
        /// nil when the condition has no number ("connection pool exhausted").
        public var threshold: Threshold?
        public var text: String
    }

    /// A whole alert line: the metric's name and its condition.
    public static func condition(_ text: String, line: Int) -> Condition? {
        var clean = text.withoutSymbols.trimmingLeading("-*• ").trimmingTrailing(".;,")
        if let match = SeverityID.leading(clean), match.id.hasPrefix("P") || match.id.hasPrefix("SEV") {
            clean = match.rest
        }
        guard !clean.isEmpty, clean.count <= 200 else { return nil }
        guard let found = findComparison(clean) else {
            let name = MetricName.clean(clean)
            return name.isEmpty ? nil : Condition(name: name, threshold: nil, text: clean)
        }
        var namePart = String(clean[..<found.nameEnd])
        var qualifierWords = found.trailing
        // "(P95 > 300ms)" / "(>2s P95)": a percentile inside the condition belongs to the name.
        var words = (found.insideBefore + " " + qualifierWords).split(separator: " ").map(String.init)
        if let pIndex = words.firstIndex(where: MetricName.isPercentile) {
            namePart += " " + words.remove(at: pIndex).lowercased()
        }
        qualifierWords = words.filter { !found.insideBefore.split(separator: " ").map(String.init).contains($0) }
            .joined(separator: " ")
        let name = MetricName.clean(namePart)
        guard !name.isEmpty else { return nil }
        var threshold = Threshold(op: found.op, value: found.value, unit: found.unit, text: clean, line: line)
        let (forSeconds, window, rest) = durations(in: qualifierWords)
        threshold.forSeconds = forSeconds
        threshold.windowSeconds = window
        threshold.qualifier = nonEmpty(rest)
        return Condition(name: name, threshold: threshold, text: clean)
    }

    /// Just a comparison: `> 500ms`, `< 0.1%`, `>= 90`.
    /// A comparison that says all is well: "Lag under 10 s is healthy", "until the error rate is
    /// back under 1%", "a queue below 100 is normal". It is no breach to alert on.
    static func saysAllIsWell(_ text: String) -> Bool {
        text.containsWord([
            "healthy", "is normal", "are normal", "is fine", "is ok", "is okay", "is expected", "is acceptable",
            "is good", "nominal", "back under", "back below", "back above", "back to normal", "back within",
            "has recovered", "recovers", "is safe"
        ])
    }

    public static func threshold(_ text: String, line: Int) -> Threshold? {
        guard let found = findComparison(text.withoutSymbols) else { return nil }
        if found.isDuration, let any = anyAtAll(text, line: line) { return any }
        var t = Threshold(op: found.op, value: found.value, unit: found.unit, text: text.trimmed, line: line)
        let (forSeconds, window, rest) = durations(in: found.trailing)
        t.forSeconds = forSeconds
        t.windowSeconds = window
        t.qualifier = nonEmpty(rest)
        return t
    }

    /// "Any under-replicated partition for more than 10 minutes": more than none, for that long
    /// (not "more than 10 minutes").
    static func anyAtAll(_ text: String, line: Int) -> Threshold? {
        guard text.lowercased().containsWord(["any"]) else { return nil }
        let (forSeconds, _, _) = durations(in: text.withoutSymbols)
        guard let forSeconds else { return nil }
        var t = Threshold(op: .greater, value: 0, unit: nil, text: text.trimmed, line: line)
        t.forSeconds = forSeconds
        return t
    }

    // MARK: - Scanning

    struct Found {
        var nameEnd: String.Index
        var op: Threshold.Op
        var value: Double
        var unit: String?
        /// Words between an opening parenthesis and the operator ("P95" in "(P95 > 300ms)").
        var insideBefore: String
        /// Words after the number and unit, parentheses removed.
        var trailing: String
        /// "for more than 10 minutes": how long something lasts, taken for want of a comparison.
        var isDuration = false
    }

    static let wordOperators: [(String, Threshold.Op)] = [
        ("greater than or equal to", .greaterOrEqual), ("less than or equal to", .lessOrEqual),
        ("greater than", .greater), ("more than", .greater), ("higher than", .greater), ("above", .greater),
        ("exceeds", .greater), ("exceeding", .greater), ("over", .greater), ("less than", .less),
        ("lower than", .less), ("fewer than", .less), ("below", .less), ("under", .less),
        ("at least", .greaterOrEqual), ("at most", .lessOrEqual), ("beyond", .greater),
        // "goes past 500,000", never a bare "past" ("in the past 24 hours").
        ("goes past", .greater), ("go past", .greater), ("rises past", .greater), ("climbs past", .greater)
    ]

    static func findComparison(_ text: String) -> Found? {
        let chars = Array(text)
        var duration: Found?
        var durationPhrase: String?
        var i = 0
        while i < chars.count {
            var op: Threshold.Op? = nil
            var opEnd = i
            switch chars[i] {
            case ">", "≥":
                op = chars[i] == "≥" ? .greaterOrEqual : .greater
                opEnd = i + 1
                if chars[i] == ">", opEnd < chars.count, chars[opEnd] == "=" { op = .greaterOrEqual; opEnd += 1 }
            case "<", "≤":
                op = chars[i] == "≤" ? .lessOrEqual : .less
                opEnd = i + 1
                if chars[i] == "<", opEnd < chars.count, chars[opEnd] == "=" { op = .lessOrEqual; opEnd += 1 }
            case "=", "!":
                // `== 1`, `!= 0` (PromQL, shell tests); a lone `=` is an assignment or a label match.
                if i + 1 < chars.count, chars[i + 1] == "=", i + 2 >= chars.count || chars[i + 2] != "=" {
                    op = chars[i] == "=" ? .equal : .notEqual
                    opEnd = i + 2
                }
            default:
                if chars[i].isLetter, i == 0 || !chars[i - 1].isLetter {
                    let rest = String(chars[i...]).lowercased()
                    if let (word, wordOp) = wordOperators.first(where: { rest.hasPrefix($0.0 + " ") }) {
                        op = wordOp
                        opEnd = i + word.count
                    } else if rest.hasPrefix("past "), rest.dropFirst(5).first?.isNumber == true,
                        !["the", "in", "over", "for", "during"].contains(
                            String(chars[..<i]).lowercased().split(separator: " ").last.map(String.init) ?? "")
                    {
                        // "past 7.5 GiB" compares; "the past 24 hours" is a time.
                        op = .greater
                        opEnd = i + 4
                    }
                }
            }
            if let op, let (value, unit, numberEnd) = number(chars, from: opEnd) {
                let before = String(chars[..<i])
                var nameEnd = text.index(text.startIndex, offsetBy: i)
                var insideBefore = ""
                if let open = before.lastIndex(of: "("), !before[open...].contains(")") {
                    nameEnd = open
                    insideBefore = String(before[before.index(after: open)...]).trimmed
                }
                var trailing = String(chars[numberEnd...])
                trailing = trailing.replacingIfPresent("(", with: " ").replacingIfPresent(")", with: " ")
                let phraseStart = durationPhraseStart(chars, operatorAt: i, unit: unit)
                var found = Found(
                    nameEnd: nameEnd, op: op, value: value, unit: unit, insideBefore: insideBefore,
                    trailing: trailing.collapsingWhitespace, isDuration: phraseStart != nil)
                guard let phraseStart else {
                    // The duration passed over still says for how long.
                    if let phrase = durationPhrase { found.trailing += " " + phrase }
                    return found
                }
                // A comparison after it is the one meant ("for more than 10 minutes above 5%").
                if duration == nil {
                    duration = found
                    durationPhrase = String(chars[phraseStart..<numberEnd])
                }
            }
            i += 1
        }
        return duration
    }

    /// "for more than 10 minutes", "within over 2 h": how long, not what is compared; a later
    /// comparison is preferred ("errors for more than 10 minutes above 5%" compares with 5%).
    static func durationPhraseStart(_ chars: [Character], operatorAt i: Int, unit: String?) -> Int? {
        guard let unit, ["ms", "s", "min", "h", "d"].contains(unit) else { return nil }
        var end = i
        while end > 0, chars[end - 1] == " " { end -= 1 }
        var start = end
        while start > 0, chars[start - 1].isLetter { start -= 1 }
        return ["for", "within", "lasting", "after"].contains(String(chars[start..<end]).lowercased()) ? start : nil
    }

    /// A number with an optional unit right after it: `5%`, `500ms`, `2 s`, `5 seconds`, `1,000`.
    static func number(_ chars: [Character], from start: Int) -> (Double, String?, Int)? {
        var j = start
        while j < chars.count, chars[j] == " " { j += 1 }
        let numberStart = j
        while j < chars.count, chars[j].isASCII, chars[j].isNumber || chars[j] == "." || chars[j] == "," { j += 1 }
        let digits = String(chars[numberStart..<j]).replacingIfPresent(",", with: "").trimmingTrailing(".")
        guard !digits.isEmpty, digits.count <= 30, var value = Double(digits), value.isFinite else { return nil }
        // `10k`, `1.5M` (not `5m`, minutes; not `10kb`, a size): a thousand, a million.
        if j < chars.count, let scale = ["k": 1e3, "K": 1e3, "M": 1e6][chars[j]],
            j + 1 == chars.count || !chars[j + 1].isLetter
        {
            value *= scale
            j += 1
        }
        var k = j
        while k < chars.count, chars[k] == " " { k += 1 }
        if k < chars.count, chars[k] == "%" { return (value, "%", k + 1) }
        // A rate: `150/s`, `3/min`, `20/h`.
        if k < chars.count, chars[k] == "/" {
            var end = k + 1
            while end < chars.count, chars[end].isLetter { end += 1 }
            let per = String(chars[(k + 1)..<end]).lowercased()
            if let rate = [
                "s": "/s", "sec": "/s", "second": "/s", "m": "/min", "min": "/min", "minute": "/min",
                "h": "/h", "hr": "/h", "hour": "/h"
            ][per] {
                return (value, rate, end)
            }
        }
        var unitEnd = k
        while unitEnd < chars.count, chars[unitEnd].isLetter { unitEnd += 1 }
        let word = String(chars[k..<unitEnd]).lowercased()
        if let unit = units[word] { return (value, unit, unitEnd) }
        // "200 msg/s", "50 req/s": a count per second.
        if unitEnd + 1 < chars.count, chars[unitEnd] == "/",
            let per = rateUnits[String(chars[unitEnd + 1]).lowercased()],
            unitEnd + 2 >= chars.count || !chars[unitEnd + 2].isLetter
        {
            return (value, per, unitEnd + 2)
        }
        // "100 per second", "2 requests per minute": "per" and its unit, right after or after one word.
        let tail = String(chars[k...].prefix(32)).lowercased()
        let afterWord = tail.drop { $0 != " " }.drop { $0 == " " }
        for (phrase, per) in perPhrases {
            for text in [Substring(tail), afterWord] where text.hasPrefix(phrase) {
                let end = text.index(text.startIndex, offsetBy: phrase.count)
                return (value, per, k + tail.distance(from: tail.startIndex, to: end))
            }
        }
        return (value, nil, j)
    }

    static let rateUnits: [String: String] = ["s": "/s", "m": "/min", "h": "/h"]
    static let perPhrases = [
        ("per second", "/s"), ("per sec", "/s"), ("per minute", "/min"), ("per min", "/min"), ("per hour", "/h")
    ]

    static let units: [String: String] = [
        "ms": "ms", "msec": "ms", "millisecond": "ms", "milliseconds": "ms",
        "s": "s", "sec": "s", "secs": "s", "second": "s", "seconds": "s",
        "m": "min", "min": "min", "mins": "min", "minute": "min", "minutes": "min",
        "h": "h", "hr": "h", "hrs": "h", "hour": "h", "hours": "h",
        "d": "d", "day": "d", "days": "d",
        "b": "B", "kb": "KB", "mb": "MB", "gb": "GB", "tb": "TB", "kib": "KiB", "mib": "MiB", "gib": "GiB",
        "rps": "req/s", "qps": "req/s", "x": "x"
    ]

    /// "for 5 minutes" → for; "in 5 minutes" / "per 5 minutes" / "within 1 hour" → window;
    /// the other words are the qualifier ("of limit", "free", "5xx responses").
    static func durations(in text: String) -> (forSeconds: Int?, window: Int?, rest: String) {
        var words = text.split(separator: " ").map(String.init)
        var forSeconds: Int? = nil
        var window: Int? = nil
        var i = 0
        while i < words.count {
            let w = words[i].lowercased()
            if ["for", "in", "per", "within", "over"].contains(w), i + 1 < words.count {
                // "for 5 minutes", "for 5m", "in 5 minutes", "for more than 5 min", "for at least 10m"
                var skip = 0
                for filler in [["more", "than"], ["longer", "than"], ["at", "least"], ["over"], ["about"]] {
                    let next = words[(i + 1)...].prefix(filler.count).map { $0.lowercased() }
                    if next == filler, i + 1 + filler.count < words.count { skip = filler.count; break }
                }
                let candidate = words[(i + 1 + skip)...].prefix(2).joined(separator: " ")
                let quantities = DurationParser.scan(candidate)
                if let q = quantities.first, candidate.hasPrefix(q.text.split(separator: " ").first ?? ""),
                    let seconds = DurationParser.wholeSeconds(q.upper * Double(q.unitSeconds))
                {
                    if w == "for" { forSeconds = seconds } else { window = seconds }
                    let used = q.text.split(separator: " ").count + skip
                    words.removeSubrange(i...(i + used))
                    continue
                }
            }
            i += 1
        }
        return (forSeconds, window, words.joined(separator: " "))
    }
}
