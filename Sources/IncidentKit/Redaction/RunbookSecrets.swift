import Foundation
import RunbookKit

/// Secrets written into a runbook (a bearer token in a `curl`, a password in a connection URL), found
/// with the journal's own redaction patterns: `warroom check` names each line, and the console shows
/// such commands masked. The runbook is the team's file: it is not changed, and a run still sends
/// what is written.
public enum RunbookSecrets {
    /// One finding per line holding a secret: given the file's `text`, on any line of it (a token
    /// quoted in prose, a table cell); else in the code blocks and the commands outside them.
    public static func findings(_ runbook: Runbook, text: String? = nil, redactor: Redactor = .standard)
        -> [LintFinding]
    {
        var lines: [Int: String] = [:]
        if let text {
            // Every line the model holds is a line of the file: the file alone is scanned.
            guard redactor.mightContainSecret(text) else { return [] }
            for (offset, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let original = String(line)
                guard redactor.mightContainSecret(original) else { continue }
                let masked = redactor.redact(original)
                if masked != original, !isPlaceholder(original, masked: masked) { lines[offset + 1] = masked }
            }
            return report(lines, file: runbook.source)
        }
        for block in runbook.codeBlocks where redactor.mightContainSecret(block.code) {
            for (offset, line) in block.code.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let text = String(line)
                let masked = redactor.redact(text)
                if masked != text, !isPlaceholder(text, masked: masked) { lines[block.line + offset] = masked }
            }
        }
        for command in runbook.commands where command.block == nil && redactor.mightContainSecret(command.code) {
            let masked = redactor.redact(command.code)
            if masked != command.code, !isPlaceholder(command.code, masked: masked) { lines[command.line] = masked }
        }
        return report(lines, file: runbook.source)
    }

    /// A finding per line, in line order, its masked text cut at 80 columns.
    private static func report(_ lines: [Int: String], file: String) -> [LintFinding] {
        lines.sorted { $0.key < $1.key }.map { line, masked in
            let text = masked.trimmingCharacters(in: .whitespaces)
            let shown = text.count > 80 ? String(text.prefix(79)) + "…" : text
            return LintFinding(
                file: file, line: line,
                message: "a secret is written in the runbook (`\(shown)`): keep it in a vault and read it at run time",
                kind: .secret)
        }
    }

    /// Whether what was masked is a stand-in for a secret, not one: `'eyJ...'`, `<token>`,
    /// `$DB_PASSWORD`, `'new_password'`, `changeme`, or code (`AccessToken(`). What was masked is
    /// the text between the parts `text` and `masked` share.
    static func isPlaceholder(_ text: String, masked: String) -> Bool {
        let original = Array(text), shown = Array(masked)
        var start = 0
        while start < original.count, start < shown.count, original[start] == shown[start] { start += 1 }
        var end = 0
        while end < original.count - start, end < shown.count - start,
            original[original.count - 1 - end] == shown[shown.count - 1 - end]
        {
            end += 1
        }
        let secret = String(original[start..<(original.count - end)]).lowercased()
        if secret.contains("...") || secret.contains("…") || secret.contains(where: { "<>{}$*()•".contains($0) }) {
            return true
        }
        let stand = ["password", "passwd", "secret", "token", "example", "changeme", "your", "new", "xxx", "redacted"]
        return secret.allSatisfy { $0.isLetter || $0 == "_" || $0 == "-" } && stand.contains(where: secret.contains)
    }

    /// `code` as the console shows it: secrets masked (`Bearer [REDACTED]`), line breaks kept; a
    /// stand-in (`<token>`, `$TOKEN`, a value the console already masks as `••••`) stays as written.
    public static func shown(_ code: String, redactor: Redactor = .standard) -> String {
        guard redactor.mightContainSecret(code) else { return code }
        let masked = redactor.redact(code)
        let before = code.split(separator: "\n", omittingEmptySubsequences: false)
        let after = masked.split(separator: "\n", omittingEmptySubsequences: false)
        // A masked key block is one mask over several lines: the whole text is shown masked.
        guard before.count == after.count else { return masked }
        return zip(before, after).map { original, line in
            original == line || isPlaceholder(String(original), masked: String(line)) ? original : line
        }.joined(separator: "\n")
    }
}
