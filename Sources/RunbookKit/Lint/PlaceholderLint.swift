import Foundation

/// Placeholders no one can fill: a spot in a command that is plainly meant to be replaced
/// but has no usable name, so the console cannot ask for it (`<>`, `<...>`, `<pod name>`,
/// `${}`, `{{ }}`), or whose name says nothing about the value (`XXX`, `TODO`, `CHANGEME`).
enum PlaceholderLint {
    /// Names that mark a gap without saying what goes in it.
    static let meaningless: Set<String> = [
        "XXX", "XXXX", "TODO", "TBD", "FIXME", "CHANGEME", "CHANGE_ME", "PLACEHOLDER",
        "REPLACE_ME", "REPLACEME", "FOO", "BAR", "SOMETHING"
    ]

    static func unfillable(_ runbook: Runbook) -> [(Int, String, LintFinding.Kind)] {
        var out: [(Int, String, LintFinding.Kind)] = []
        for command in runbook.commands where command.runnable && command.language != "manual" {
            for name in command.placeholders where isMeaningless(name) {
                out.append(
                    (
                        command.line,
                        "placeholder \"\(name)\" in command #\(command.id) does not say what value goes there",
                        .unfillablePlaceholder
                    ))
            }
            let codeLines = command.code.split(separator: "\n", omittingEmptySubsequences: false)
            for (offset, line) in codeLines.enumerated() {
                for gap in unnamedGaps(in: String(line)) {
                    out.append(
                        (
                            command.line + offset,
                            "placeholder \(gap) in command #\(command.id) has no name the console can ask for",
                            .unfillablePlaceholder
                        ))
                }
            }
        }
        return out
    }

    static func isMeaningless(_ name: String) -> Bool {
        let upper = name.uppercased()
        if meaningless.contains(upper) { return true }
        // `___`, `X`, `XX…`: underscores or a run of one letter.
        if upper.allSatisfy({ $0 == "_" }) { return true }
        if let first = upper.first, first == "X", upper.allSatisfy({ $0 == first }) { return true }
        return false
    }

    /// `<>`, `<...>`, `<your pod name>`, `${}`, `{{}}` / `{{ }}` written in one line of code.
    static let gapPatterns: [NSRegularExpression] = [
        // `<>` or `<` + only dots, ellipses, question marks, blanks + `>` (not `<<>` or `<<<`).
        #"(?<![<\w])<[\s.…?*]*>"#,
        // `<words with spaces>` after a blank, `=`, `/` or quote: a description, not a redirection (no `.`).
        #"(?<=[\s=:/'"(])<[A-Za-z][A-Za-z-]*(?: [A-Za-z-]+)+>"#,
        #"\$\{\s*\}"#,
        #"\{\{\s*\}\}"#
    ].map { try! NSRegularExpression(pattern: $0) } // constant patterns: a failure is a bug here

    static func unnamedGaps(in line: String) -> [String] {
        let range = NSRange(line.startIndex..., in: line)
        return gapPatterns.flatMap { regex in
            regex.matches(in: line, range: range).compactMap { match in
                Range(match.range, in: line).map { String(line[$0]) }
            }
        }
    }
}
