/// Replaces every placeholder occurrence in a command by its value, quoted for the spot it lands in.
public enum PlaceholderSubstitution {
    /// The text that will run, the text to show and record, and what the process's environment needs.
    public struct Rendered: Sendable, Equatable {
        public var text: String
        /// `text` with every secret value replaced by its mask.
        public var shown: String
        /// Variables the text refers to instead of holding their values (`"${API_TOKEN}"`).
        public var environment: [String: String]
    }

    public static let mask = "••••••"

    /// The text that will run. Throws `.unsafeValue` when a value cannot be made safe where it lands.
    /// `backslashEscapes`: SQL for a runner that reads `\` as an escape in strings (MySQL).
    public static func apply(
        _ code: String, language: String, names: [String],
        values: [String: String], backslashEscapes: Bool = false
    ) throws(PrepareProblem) -> String {
        try render(code, language: language, names: names, values: values, backslashEscapes: backslashEscapes).text
    }

    /// As `apply`, and: `secrets` are masked in `shown`; `fromEnvironment` (placeholder → variable
    /// name) values are referred to by their variable where the shell expands one, so neither the
    /// text nor the record holds them.
    public static func render(
        _ code: String, language: String, names: [String], values: [String: String],
        backslashEscapes: Bool = false, secrets: Set<String> = [],
        fromEnvironment: [String: String] = [:]
    ) throws(PrepareProblem) -> Rendered {
        let wanted = names.filter { values[$0] != nil }
        if wanted.isEmpty { return Rendered(text: code, shown: code, environment: [:]) }
        guard let family = QuotingLanguage(language: language),
            let occurrences = PlaceholderOccurrences.find(in: code, language: language, names: wanted)
        else {
            throw .unsafeValue(name: wanted[0], reason: "warroom does not know how to quote values in \(language) code")
        }
        let bytes = Array(code.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var shown: [UInt8] = []
        var environment: [String: String] = [:]
        var at = 0
        /// Output ranges of values that landed in heredoc bodies, checked once the text is whole.
        var heredocSpots: [(name: String, range: Range<Int>, delimiter: String, stripsTabs: Bool)] = []
        /// Whether the whole shell text takes values as data, judged once when a value needs it.
        var shellVerdict: String?? = nil
        for occurrence in occurrences {
            guard let value = values[occurrence.name] else { continue }
            out.append(contentsOf: bytes[at..<occurrence.range.lowerBound])
            shown.append(contentsOf: bytes[at..<occurrence.range.lowerBound])
            if value.isEmpty {
                throw .unsafeValue(
                    name: occurrence.name,
                    reason: "it is empty, and an empty value can widen what the command acts on "
                        + "(s3://backups/<prefix> would be the whole bucket, /cache/<dir>/ the whole cache)")
            }
            if let why = lineBreakRefusal(value, occurrence, family) {
                throw .unsafeValue(name: occurrence.name, reason: why)
            }
            if family == .shell,
                let why = ShellValuePolicy.refusal(
                    value, occurrence, code: code, occurrences: occurrences,
                    verdict: &shellVerdict)
            {
                throw .unsafeValue(name: occurrence.name, reason: why)
            }
            if family != .shell, let reader = occurrence.reparsedBy, !PlainWord.isPlainForAnyParser(value) {
                throw .unsafeValue(
                    name: occurrence.name,
                    reason: "it lands in \(reader), which has quoting rules of its own; only "
                        + "\(ShellValuePolicy.plainWords) is accepted there")
            }
            if family == .shell, let variable = fromEnvironment[occurrence.name],
                let reference = ShellValuePolicy.reference(to: variable, in: occurrence.context)
            {
                out.append(contentsOf: reference.utf8)
                shown.append(contentsOf: reference.utf8)
                environment[variable] = value
                at = occurrence.range.upperBound
                continue
            }
            let quoted: String
            do {
                quoted = try ValueQuoting.quote(
                    value, in: occurrence.context, language: family, backticks: occurrence.backticks,
                    backslashEscapes: backslashEscapes)
            } catch {
                throw .unsafeValue(name: occurrence.name, reason: error.reason)
            }
            let start = out.count
            out.append(contentsOf: quoted.utf8)
            shown.append(contentsOf: (secrets.contains(occurrence.name) ? mask : quoted).utf8)
            if case .heredoc(let delimiter, _, let strips) = occurrence.context {
                heredocSpots.append((occurrence.name, start..<out.count, delimiter, strips))
            }
            at = occurrence.range.upperBound
        }
        out.append(contentsOf: bytes[at...])
        shown.append(contentsOf: bytes[at...])
        for spot in heredocSpots {
            // The lines the value touches must not end the heredoc early: the rest would run as commands.
            let newline = UInt8(ascii: "\n")
            var lineStart = spot.range.lowerBound
            while lineStart > 0 && out[lineStart - 1] != newline { lineStart -= 1 }
            var lineEnd = spot.range.upperBound
            while lineEnd < out.count && out[lineEnd] != newline { lineEnd += 1 }
            let doc = ShellOccurrenceScanner.Heredoc(
                delimiter: spot.delimiter, quoted: false, stripsTabs: spot.stripsTabs)
            for line in out[lineStart..<lineEnd].split(separator: newline, omittingEmptySubsequences: false)
            where ShellOccurrenceScanner.line(line, ends: doc)
                || ShellOccurrenceScanner.line(line, endsBeforeParen: doc)
            {
                throw .unsafeValue(
                    name: spot.name, reason: "it would make a line reading \(spot.delimiter), ending the heredoc early")
            }
        }
        return Rendered(
            text: String(decoding: out, as: UTF8.self), shown: String(decoding: shown, as: UTF8.self),
            environment: environment)
    }

    /// A line break where a line of its own changes what the interpreter reads: in a heredoc body
    /// (a line of the value could end it: `EOF`, or `EOF)` inside `$(…)`), anywhere in SQL (it
    /// ends a `--` or MySQL `#` comment the value may sit in), and in a line psql reads as a
    /// backslash command. Data on one line is never refused for this.
    static func lineBreakRefusal(_ value: String, _ occurrence: PlaceholderOccurrence, _ family: QuotingLanguage)
        -> String?
    {
        guard value.utf8.contains(where: { $0 == 0x0A || $0 == 0x0D }) else { return nil }
        if case .heredoc = occurrence.context {
            return "it holds a line break, and in a heredoc body a line of its own could end the heredoc early"
        }
        if family == .sql {
            return "it holds a line break, which in SQL would end a comment the value is in and run the rest"
        }
        return nil
    }
}
