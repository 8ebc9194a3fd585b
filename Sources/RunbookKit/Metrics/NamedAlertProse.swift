/// An alert named in bold and told in prose, each level in its own clause:
/// `**EventsConsumerLagHigh.** We warn when any group's lag goes above 50,000 messages and stays
/// there for 10 minutes, and we page when it goes above 500,000 for 5 minutes.` The bold name
/// names the metric (not the section), and each clause that says warn or page and compares with
/// a number is that level's threshold.
enum NamedAlertProse {
    /// Whether the paragraph was such an alert (its thresholds are then added to `merger`).
    static func read(_ paragraph: MarkdownBlock, into merger: inout MetricMerger) -> Bool {
        guard let leading = paragraph.leading, isAlertName(leading.label) else { return false }
        let name = AlertCatalogue.splitCamelCase(leading.label.trimmingTrailing(".:"))
        let found = levelled(leading.rest, line: paragraph.line)
        for (critical, threshold) in found {
            ProseThresholds.add(threshold, name: name, critical: critical, line: paragraph.line, into: &merger)
        }
        return !found.isEmpty
    }

    /// Each clause of `text` that says warn or page and compares with a number: its level (true
    /// for page) and its threshold. Also read for bold-named alert items (`MetricExtractor`).
    static func levelled(_ text: String, line: Int) -> [(critical: Bool, threshold: Threshold)] {
        var found: [(critical: Bool, threshold: Threshold)] = []
        for sentence in text.trimmingTrailing(".").components(separatedBy: ". ") {
            var inSentence: [(critical: Bool, threshold: Threshold)] = []
            for clause in clauses(sentence) {
                guard let critical = level(of: clause) else { continue }
                // "stay above 400; we page if it drops below 150/s": the comparison after the level word.
                let said = afterLevelWord(clause).flatMap { threshold(in: $0.trimmingTrailing("."), line: line) }
                guard let threshold = said ?? threshold(in: clause.trimmingTrailing("."), line: line) else { continue }
                inSentence.append((critical, threshold))
            }
            // "… in both cases sustained for 5 minutes": one duration for every level of the sentence.
            let lower = sentence.lowercased()
            if ["both cases", "either case", "each case", "all cases", "in both", "for both"].contains(
                where: lower.contains),
                let lasting = inSentence.compactMap(\.threshold.forSeconds).first
            {
                for i in inSentence.indices where inSentence[i].threshold.forSeconds == nil {
                    inSentence[i].threshold.forSeconds = lasting
                }
            }
            found += inSentence
        }
        return found
    }

    /// The clause from its level word on ("we page if it drops below 150/s" of "should stay above
    /// 400; we page if …"); nil when the word is its first or not found.
    static func afterLevelWord(_ clause: String) -> String? {
        let lower = clause.lowercased()
        for word in ["warns", "warn", "pages", "page", "paged", "critical", "ticket"] {
            var from = lower.startIndex
            while let range = lower.range(of: word, range: from..<lower.endIndex) {
                from = range.upperBound
                let before = range.lowerBound == lower.startIndex ? " " : lower[lower.index(before: range.lowerBound)]
                let after = range.upperBound == lower.endIndex ? " " : lower[range.upperBound]
                guard !before.isLetter, !after.isLetter else { continue }
                guard range.lowerBound != lower.startIndex else { return nil }
                let offset = lower.distance(from: lower.startIndex, to: range.lowerBound)
                return String(clause.dropFirst(offset))
            }
        }
        return nil
    }

    /// The clause's comparison; "warn at 75%" is reached at 75% (`>= 75%`).
    static func threshold(in clause: String, line: Int) -> Threshold? {
        if let found = ThresholdParser.threshold(clause, line: line) { return found }
        guard let at = clause.range(of: " at "), clause[at.upperBound...].first?.isNumber == true else { return nil }
        var found = ThresholdParser.threshold(clause.replacingCharacters(in: at, with: " >= "), line: line)
        found?.text = clause.trimmed
        return found
    }

    /// `EventsConsumerLagHigh`: one word of letters and digits, capitals inside it.
    static func isAlertName(_ label: String) -> Bool {
        let bytes = label.trimmingTrailing(".:").utf8
        // Judged on bytes: it is asked of every paragraph's leading words.
        guard bytes.count <= 60, let first = bytes.first, first &- 0x41 < 26 else { return false }
        var capitals = 0
        var lowercase = false
        for byte in bytes {
            if byte &- 0x41 < 26 {
                capitals += 1
            } else if byte &- 0x61 < 26 {
                lowercase = true
            } else if byte &- 0x30 >= 10 {
                return false
            }
        }
        return capitals >= 2 && lowercase
    }

    /// True for a clause that pages, false for one that warns, nil for one that says neither.
    static func level(of clause: String) -> Bool? {
        let lower = clause.lowercased()
        if lower.containsWord(["warn", "warns", "warning", "ticket"]) { return false }
        if lower.containsWord(["page", "pages", "paged", "critical", "pager"]) { return true }
        return nil
    }

    /// The sentence cut where a new level starts: at `, and`, `;`, `, but`, and at ` and ` or `, ` when
    /// what follows says warn or page ("warn at 75% and page at 90%"). A part that says neither
    /// stays with the part before it ("… above 50,000 and stays there for 10 minutes").
    static func clauses(_ sentence: String) -> [String] {
        var parts: [String] = [sentence]
        for separator in [", and ", "; ", ", but ", " and ", ", "] {
            parts = parts.flatMap { part -> [String] in
                let pieces = part.components(separatedBy: separator)
                var out: [String] = []
                for piece in pieces {
                    if let last = out.last, level(of: piece) == nil || level(of: last) == nil {
                        out[out.count - 1] = last + separator + piece
                    } else {
                        out.append(piece)
                    }
                }
                return out
            }
        }
        return parts
    }
}
