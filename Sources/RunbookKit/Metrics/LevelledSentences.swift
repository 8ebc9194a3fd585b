/// A paragraph of several sentences, each about a metric of its own with its levels: "The commit
/// lag alert warns when lag goes past 30 seconds and pages when it goes past 2 minutes.
/// Throughput should stay above 400 per second; we page if it drops below 150/s for 10 minutes.
/// The connection pool warns at 80% and is critical at 95%." Each sentence that says warn or
/// page with a number gives its thresholds to the metric its subject names, so one paragraph
/// does not fold three metrics into one. Read only when two sentences or more do so.
enum LevelledSentences {
    /// Words that end a sentence's subject: its verb or the start of its condition.
    static let subjectEnds: Set<String> = [
        "alert", "alerts", "alarm", "warns", "warn", "pages", "page", "should", "must", "is", "are", "goes", "go",
        "stays", "will", "when", "if", "fires", "triggers", "has", "gets", "can", "above", "below", "over", "under",
        "exceeds", "drops", "rises", "climbs", "reaches"
    ]

    /// Whether the paragraph was read this way (its thresholds are then in `merger`).
    static func read(_ paragraph: MarkdownBlock, fallbackName: String, into merger: inout MetricMerger) -> Bool {
        let text = paragraph.text
        guard text.contains(". ") else { return false }
        var readings: [(name: String, found: [(critical: Bool, threshold: Threshold)])] = []
        var lastName: String? = nil
        for sentence in text.components(separatedBy: ". ") {
            let found = NamedAlertProse.levelled(sentence, line: paragraph.line)
            let name = subject(of: sentence)
            if found.isEmpty {
                lastName = name ?? lastName
                continue
            }
            // "… It pages at 95%.": a sentence about "it" goes on with the last one named.
            guard let named = name ?? lastName ?? (readings.isEmpty ? fallbackName : nil) else { continue }
            readings.append((named, found))
            lastName = named
        }
        guard readings.count >= 2, Set(readings.map { $0.name.lowercased() }).count >= 2 else { return false }
        for reading in readings {
            for (critical, threshold) in reading.found {
                ProseThresholds.add(
                    threshold, name: reading.name, critical: critical, line: paragraph.line, into: &merger)
            }
        }
        return true
    }

    /// "The commit lag alert warns …" → "Commit lag"; "Throughput should stay …" → "Throughput";
    /// nil when the sentence starts with no noun of its own ("We page if …", "It is …").
    static func subject(of sentence: String) -> String? {
        var words: [Substring] = []
        for word in sentence.split(separator: " ") {
            let bare = word.lowercased().trimmingTrailing(",;:")
            if subjectEnds.contains(bare) || word.first?.isNumber == true { break }
            words.append(word)
        }
        while let first = words.first, ["the", "a", "an", "our", "its", "their", "any"].contains(first.lowercased()) {
            words.removeFirst()
        }
        guard !words.isEmpty, words.count <= 5,
            !["we", "it", "this", "that", "they", "you", "there", "then", "once", "after", "during"].contains(
                words[0].lowercased())
        else { return nil }
        let name = MetricName.clean(words.joined(separator: " "))
        return name.isEmpty ? nil : name
    }
}
