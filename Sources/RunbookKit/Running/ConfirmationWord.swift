/// The word a destructive command asks to be typed: the word that made it destructive, as the
/// risk rules found it (`FLUSHDB`, `DELETE`, `DROP`, `RM`, `DESTROY`), else its program's name.
/// Always a word of the command itself, so the user types what they are about to run.
enum ConfirmationWord {
    /// The value of the command's first placeholder that is an operand — not a secret, not an
    /// option's value (`-h <host>`, `--namespace=<ns>`) — when it has one: what a destructive
    /// command is aimed at. nil: no value aims it, the destructive word is used.
    /// `verb`: the destructive word itself — a value that is the verb (`kubectl <verb> pod`) is not the target.
    static func target(_ command: RunbookCommand, values: [String: String], verb: String?) -> String? {
        let bytes = Array(command.code.utf8)
        let occurrences =
            PlaceholderOccurrences.find(in: command.code, language: command.language, names: command.placeholders) ?? []
        for occurrence in occurrences where !PlaceholderValues.isSecret(occurrence.name) {
            guard let value = values[occurrence.name], !value.isEmpty, !value.contains(where: \.isNewline) else {
                continue
            }
            if let verb, value.uppercased() == verb.uppercased() { continue }
            if isOptionValue(bytes, before: occurrence.range.lowerBound) { continue }
            return value
        }
        return nil
    }

    /// `--flag=<v>` or `-f <v>` / `--flag <v>`: the word before is an option, so this is its value.
    static func isOptionValue(_ bytes: [UInt8], before start: Int) -> Bool {
        var k = start - 1
        while k >= 0, bytes[k] == UInt8(ascii: "\"") || bytes[k] == UInt8(ascii: "'") { k -= 1 }
        guard k >= 0 else { return false }
        if bytes[k] == UInt8(ascii: "=") { return true }
        guard bytes[k] == UInt8(ascii: " ") || bytes[k] == UInt8(ascii: "\t") else { return false }
        while k >= 0, bytes[k] == UInt8(ascii: " ") || bytes[k] == UInt8(ascii: "\t") { k -= 1 }
        var wordStart = k
        while wordStart > 0, bytes[wordStart - 1] != UInt8(ascii: " "), bytes[wordStart - 1] != UInt8(ascii: "\t"),
            bytes[wordStart - 1] != UInt8(ascii: "\n")
        { wordStart -= 1 }
        guard k >= 0, bytes[wordStart] == UInt8(ascii: "-"), wordStart < k else { return false }
        // `--namespace <ns>`, `-h <host>`: options that take a value; `-rf`, `-f` are flags.
        let word = String(decoding: bytes[wordStart...k], as: UTF8.self)
        if word.hasPrefix("--") { return true }
        return word.count == 2 && "hnpuckloiesHPUCN".contains(word.last!)
    }

    static func word(code: String, language: String) -> String {
        word(for: RiskRules.verdict(code, language: language), code: code, language: language)
    }

    static func word(for verdict: RiskVerdict, code: String, language: String) -> String {
        if let word = verdict.word, !word.isEmpty { return word.uppercased() }
        return programName(code: code, language: language)
    }

    /// The program (shell) or first keyword (anything else), upper-cased.
    static func programName(code: String, language: String) -> String {
        if QuotingLanguage(language: language) == .shell,
            let program = ShellParser.parse(code).first(where: { !$0.words.isEmpty })?.words[0]
        {
            let base = program.split(separator: "/").last.map(String.init) ?? program
            if !base.isEmpty { return base.uppercased() }
        }
        let word = code.unicodeScalars.drop { !isWordScalar($0) }.prefix { isWordScalar($0) || $0 == "-" }
        return word.isEmpty ? "RUN" : String(String.UnicodeScalarView(word)).uppercased()
    }

    static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
        s.isASCII && (s.properties.isAlphabetic || ("0"..."9").contains(s) || s == "_")
    }
}
