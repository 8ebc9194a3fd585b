/// Replaces every placeholder occurrence in a command by its value, quoted for the spot it lands in.
public enum PlaceholderSubstitution {
    /// The text that will run. Throws `.unsafeValue` when a value cannot be made safe where it lands.
    /// `backslashEscapes`: SQL for a runner that reads `\` as an escape in strings (MySQL).
    public static func apply(_ code: String, language: String, names: [String],
                             values: [String: String], backslashEscapes: Bool = false) throws(PrepareProblem) -> String {
        let wanted = names.filter { values[$0] != nil }
        if wanted.isEmpty { return code }
        guard let family = QuotingLanguage(language: language),
              let occurrences = PlaceholderOccurrences.find(in: code, language: language, names: wanted) else {
            throw .unsafeValue(name: wanted[0], reason: "warroom does not know how to quote values in \(language) code")
        }
        let bytes = Array(code.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var at = 0
        /// Output ranges of values that landed in heredoc bodies, checked once the text is whole.
        var heredocSpots: [(name: String, range: Range<Int>, delimiter: String, stripsTabs: Bool)] = []
        /// Whether the whole shell text takes values as data, judged once when a value needs it.
        var shellVerdict: String?? = nil
        for occurrence in occurrences {
            guard let value = values[occurrence.name] else { continue }
            out.append(contentsOf: bytes[at..<occurrence.range.lowerBound])
            if family == .shell, let why = ShellValuePolicy.refusal(value, occurrence, code: code, occurrences: occurrences,
                                                                    verdict: &shellVerdict) {
                throw .unsafeValue(name: occurrence.name, reason: why)
            }
            let quoted: String
            do {
                quoted = try ValueQuoting.quote(value, in: occurrence.context, language: family, backticks: occurrence.backticks,
                                                backslashEscapes: backslashEscapes)
            } catch {
                throw .unsafeValue(name: occurrence.name, reason: error.reason)
            }
            let start = out.count
            out.append(contentsOf: quoted.utf8)
            if case .heredoc(let delimiter, _, let strips) = occurrence.context {
                heredocSpots.append((occurrence.name, start..<out.count, delimiter, strips))
            }
            at = occurrence.range.upperBound
        }
        out.append(contentsOf: bytes[at...])
        for spot in heredocSpots {
            // The lines the value touches must not end the heredoc early: the rest would run as commands.
            let newline = UInt8(ascii: "\n")
            var lineStart = spot.range.lowerBound
            while lineStart > 0 && out[lineStart - 1] != newline { lineStart -= 1 }
            var lineEnd = spot.range.upperBound
            while lineEnd < out.count && out[lineEnd] != newline { lineEnd += 1 }
            let doc = ShellOccurrenceScanner.Heredoc(delimiter: spot.delimiter, quoted: false, stripsTabs: spot.stripsTabs)
            for line in out[lineStart..<lineEnd].split(separator: newline, omittingEmptySubsequences: false)
            where ShellOccurrenceScanner.line(line, ends: doc) {
                throw .unsafeValue(name: spot.name, reason: "it would make a line reading \(spot.delimiter), ending the heredoc early")
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
