import Foundation

/// Destructive commands with no caution around them: no warning, caution or danger words in
/// their section (its text and the headings above it) nor in the lines just before and after.
enum CautionLint {
    /// Lower-cased words and marks that tell a reader to stop and think.
    static let cautionWords = [
        "warning", "caution", "danger", "careful", "irreversib", "cannot be undone", "can't be undone", "destructive",
        "data loss", "permanent", "⚠", "☠", "🛑", "[!warning]", "[!caution]", "do not run", "don't run", "never run",
        "only when", "only if", "are lost", "is lost", "will be lost", "deletes", "double-check", "make sure",
        // A gate on who agrees: "last resort", "only with the lead on the call", "with the lead's OK only".
        "last resort", "only with", "ok only", "approval", "approve", "sign-off", "signoff", "agrees", "agreed",
        "consent"
    ]
    /// Lines looked at before the command and after its last line.
    static let before = 6, after = 3

    static func uncautioned(_ runbook: Runbook, lines: [String]) -> [(Int, String, LintFinding.Kind)] {
        let sections = runbook.sections.sorted { $0.line < $1.line }
        var out: [(Int, String, LintFinding.Kind)] = []
        for command in runbook.commands where command.risk == .destructive {
            if hasCaution(around: command, sections: sections, lines: lines) { continue }
            let head = command.code.split(separator: "\n").first.map(String.init) ?? command.code
            out.append(
                (
                    command.line, "destructive command #\(command.id) (\(head)) has no warning or caution near it",
                    .destructiveWithoutCaution
                ))
        }
        return out
    }

    static func hasCaution(around command: RunbookCommand, sections: [SectionInfo], lines: [String]) -> Bool {
        var text: [String] = []
        // The command's own section, heading to the next heading, and the headings it is under.
        if let index = sections.lastIndex(where: { $0.line <= command.line }) {
            let section = sections[index]
            let end = index + 1 < sections.count ? sections[index + 1].line - 1 : lines.count
            text += slice(lines, from: section.line, through: end)
            text.append(section.path)
        }
        let codeLines = command.code.split(separator: "\n", omittingEmptySubsequences: false).count
        text += slice(lines, from: command.line - before, through: command.line + codeLines + after)
        let lowered = text.joined(separator: "\n").lowercased()
        return cautionWords.contains { lowered.contains($0) }
    }

    /// Lines `from`...`through`, 1-based and clamped to the file.
    static func slice(_ lines: [String], from: Int, through: Int) -> [String] {
        let lower = max(from, 1), upper = min(through, lines.count)
        guard lower <= upper else { return [] }
        return Array(lines[(lower - 1)...(upper - 1)])
    }
}
