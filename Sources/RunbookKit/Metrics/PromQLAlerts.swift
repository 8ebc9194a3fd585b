import Foundation

/// An alerting expression written as a PromQL block of its own:
///
///     sum by (queue) (rabbitmq_queue_messages_ready) > 10000
///
/// The comparison against a number is the alert's threshold and its left side the query to
/// sample. The paragraph that introduces the block says how long it must hold ("… for 15
/// minutes"), may name the alert (`` `QueueBacklog` fires when: ``) and says whether it warns or
/// pages, else the section's alert level does. A block of several lines is one expression,
/// unless each line compares on its own.
enum PromQLAlerts {
    /// Adds the block's metrics and returns the expressions it read (empty when the block is not
    /// PromQL comparing with a number, or nothing says it alerts), so that the same text is not
    /// also attached to a metric as a bare query. `language`: `CommandExtraction.blockLanguage`,
    /// asked only when something says the block alerts; a block without one is read when its
    /// expression is PromQL.
    static func fromBlock(
        _ block: MarkdownBlock, language: () -> String?, level: MetricExtractor.Level?, intro: MarkdownBlock?,
        into merger: inout MetricMerger
    ) -> [String] {
        // Most code blocks compare nothing with a number: they are passed over before any word is read.
        guard comparesWithNumber(block.literal),
            let critical = isCritical(level: level, intro: intro?.text.lowercased() ?? "")
        else { return [] }
        let language = language()
        guard language == "promql" || language == nil else { return [] }
        let lines = block.literal.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            .map { (line: block.line + 1 + $0.offset, text: $0.element.trimmed) }
            .filter { !$0.text.isEmpty && !$0.text.hasPrefix("#") }
        guard let first = lines.first else { return [] }
        let each = lines.compactMap { alert($0.text, line: $0.line) }
        let whole = lines.map(\.text).joined(separator: " ").collapsingWhitespace
        let alerts =
            lines.count > 1 && each.count == lines.count ? each : alert(whole, line: first.line).map { [$0] } ?? []
        // "pages when this holds for 10 minutes:": the words, without the punctuation around them.
        let introWords = intro.map { $0.text.map { ",:;.()".contains($0) ? " " : $0 } }.map { String($0) }
        let named = alerts.count == 1 ? intro.flatMap(alertName) : nil
        for (expression, query, found) in alerts {
            var threshold = found
            threshold.text = expression
            threshold.forSeconds =
                threshold.forSeconds ?? introWords.flatMap { ThresholdParser.durations(in: $0).forSeconds }
            // The same expression at another level ("it warns earlier: … > 0.02") is the same metric.
            let name = merger.name(sampling: query) ?? named ?? query
            ProseThresholds.add(threshold, name: name, critical: critical, line: threshold.line, into: &merger)
            merger.setQuery(query, forName: name)
        }
        return alerts.map(\.expression)
    }

    /// Whether the block's comparison pages (true) or warns (false); nil when nothing around it
    /// says it alerts: a filter in a diagnostic query (`… > 0.01` to list only the slow requests)
    /// is not a threshold. The introducing sentence's word wins over the section's level.
    private static func isCritical(level: MetricExtractor.Level?, intro: String) -> Bool? {
        if intro.containsWord(["warn", "warns", "warning", "ticket"]) { return false }
        if ProseThresholds.saysPage(intro) { return true }
        switch level {
        case .critical?: return true
        case .warning?: return false
        default:
            return intro.containsWord(["alert", "alerts", "alerting", "fires", "triggers", "threshold"]) ? false : nil
        }
    }

    /// Whether some comparison operator (`>`, `<=`, `==`, `!=` …) is followed, past spaces, line
    /// breaks and a `bool`, by a number: what `alert` needs of a line or of the joined block.
    static func comparesWithNumber(_ code: String) -> Bool {
        code.withBytes { bytes in
            let count = bytes.count
            func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }
            var i = 0
            while i < count {
                let b = bytes[i]
                let isOperator =
                    b == UInt8(ascii: ">") || b == UInt8(ascii: "<")
                    || (b == UInt8(ascii: "=") && i > 0
                        && (bytes[i - 1] == UInt8(ascii: "=") || bytes[i - 1] == UInt8(ascii: "!")))
                i += 1
                guard isOperator else { continue }
                var j = i
                while j < count, "<>=!".utf8.contains(bytes[j]) { j += 1 }
                while j < count, isSpace(bytes[j]) { j += 1 }
                if j + 4 < count, bytes[j] == UInt8(ascii: "b"), bytes[j + 1] == UInt8(ascii: "o"),
                    bytes[j + 2] == UInt8(ascii: "o"), bytes[j + 3] == UInt8(ascii: "l"), isSpace(bytes[j + 4])
                {
                    j += 4
                    while j < count, isSpace(bytes[j]) { j += 1 }
                }
                // Any other character might be one `alert` reads as a number or a space: it is left to it.
                if j < count, bytes[j] &- 48 < 10 || bytes[j] == UInt8(ascii: ".") || bytes[j] >= 0x80 { return true }
            }
            return false
        }
    }

    /// An alert's name in a code span of the introducing paragraph: `CheckoutErrorsHigh`.
    private static func alertName(_ intro: MarkdownBlock) -> String? {
        intro.inlines.codeSpans.first { span in
            span.count <= 60 && span.first?.isUppercase == true && span.filter(\.isUppercase).count >= 2
                && span.contains(where: \.isLowercase) && span.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
        }
    }

    /// `rate(x[5m]) > 0.05` → (the expression, `rate(x[5m])`, `> 0.05`); nil when the right side
    /// is not a number (`a > on(job) b` compares two series) or the left side is not PromQL.
    private static func alert(_ expression: String, line: Int) -> (expression: String, query: String, Threshold)? {
        guard let op = ProseThresholds.comparisonStart(expression) else { return nil }
        let query = expression[..<op].trimmed
        let comparison = expression[op...].prefix { "<>=!".contains($0) }
        var right = expression[op...].dropFirst(comparison.count).trimmed
        if right.hasPrefix("bool ") { right = String(right.dropFirst(5)).trimmed }
        guard ProseThresholds.looksLikePromQL(query), right.first.map({ $0.isNumber || $0 == "." }) == true,
            right.allSatisfy({ $0.isNumber || $0 == "." || $0 == "e" || $0 == "-" || $0 == "+" }),
            let threshold = ThresholdParser.threshold(comparison + " " + right, line: line)
        else { return nil }
        return (expression, query, threshold)
    }
}
