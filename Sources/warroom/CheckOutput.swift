import Foundation
import RunbookKit

/// `warroom check`'s machine formats: GitHub workflow annotations and a JSON list.
enum CheckOutput {
    /// `::warning file=PATH,line=N::message`, escaped as the workflow command syntax wants.
    static func annotation(_ finding: LintFinding) -> String {
        "::\(finding.severity.rawValue) file=\(property(finding.file)),line=\(finding.line)::\(data(finding.message))"
    }

    /// `[{"file", "line", "severity", "message", "kind"}, …]`, keys sorted.
    static func json(_ findings: [LintFinding]) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(findings), as: UTF8.self)
    }

    static func data(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }

    static func property(_ text: String) -> String {
        data(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}
