/// The word a destructive command asks to be typed: the word that made it destructive, as the
/// risk rules found it (`FLUSHDB`, `DELETE`, `DROP`, `RM`, `DESTROY`), else its program's name.
/// Always a word of the command itself, so the user types what they are about to run.
enum ConfirmationWord {
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
           let program = ShellParser.parse(code).first(where: { !$0.words.isEmpty })?.words[0] {
            let base = program.split(separator: "/").last.map(String.init) ?? program
            if !base.isEmpty { return base.uppercased() }
        }
        let word = code.unicodeScalars.drop { !isWordScalar($0) }.prefix { isWordScalar($0) || $0 == "-" }
        return word.isEmpty ? "RUN" : String(String.UnicodeScalarView(word)).uppercased()
    }

    static func isWordScalar(_ s: Unicode.Scalar) -> Bool { s.isASCII && (s.properties.isAlphabetic || ("0"..."9").contains(s) || s == "_") }
}
