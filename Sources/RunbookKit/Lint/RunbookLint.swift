import Foundation

/// The findings of `warroom check`: the reader's own warnings plus what a team wants fixed
/// before an incident (see `LintFinding.Kind`), worked out over the `Runbook` model and, for
/// links and cautions, the text it was read from.
public enum RunbookLint {
    /// Reads `path` and lints it. An unreadable file is one `unreadable` error finding.
    public static func check(file path: String) -> (runbook: Runbook?, findings: [LintFinding]) {
        let runbook: Runbook
        let text: String
        do {
            runbook = try RunbookReader.read(file: path)
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            text = RunbookText(bytes: [UInt8](data)).text
        } catch let error as RunbookReadError {
            return (nil, [LintFinding(file: path, line: 1, severity: .error, message: error.reason, kind: .unreadable)])
        } catch {
            return (nil, [LintFinding(file: path, line: 1, severity: .error, message: "\(error)", kind: .unreadable)])
        }
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent()
        return (runbook, findings(runbook, text: text, directory: directory))
    }

    /// Every finding for a runbook already read, sorted by line. `text` is the prepared text
    /// (`RunbookText`) whose line numbers the model uses; `directory` resolves relative links.
    public static func findings(_ runbook: Runbook, text: String, directory: URL?) -> [LintFinding] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var out: [(Int, String, LintFinding.Kind)] = runbook.warnings.map { ($0.line, $0.message, .reader) }
        out += severitiesWithoutResponseTime(runbook)
        out += PlaceholderLint.unfillable(runbook)
        out += CautionLint.uncautioned(runbook, lines: lines)
        out += metricsWithoutThreshold(runbook)
        out += LinkLint.broken(runbook, lines: lines, directory: directory)
        out += duplicateCommands(runbook)
        return out.map { LintFinding(file: runbook.source, line: $0.0, message: $0.1, kind: $0.2) }
            .sorted { ($0.line, $0.kind.rawValue, $0.message) < ($1.line, $1.kind.rawValue, $1.message) }
    }

    static func severitiesWithoutResponseTime(_ runbook: Runbook) -> [(Int, String, LintFinding.Kind)] {
        runbook.severities.filter { $0.responseTime == nil }.map {
            (
                $0.line, "severity \($0.id) has no response time; the console cannot count down its SLA",
                .severityWithoutResponseTime
            )
        }
    }

    /// A metric with neither a number nor a worded condition ("pool exhausted") to judge it by.
    static func metricsWithoutThreshold(_ runbook: Runbook) -> [(Int, String, LintFinding.Kind)] {
        runbook.metrics.filter { $0.warning == nil && $0.critical == nil && $0.conditions.isEmpty }.map {
            (
                $0.line, "metric \"\($0.name)\" has no warning or critical threshold; nothing says when it is bad",
                .metricWithoutThreshold
            )
        }
    }

    /// The same code (trailing blanks ignored) in two places: one copy goes stale.
    static func duplicateCommands(_ runbook: Runbook) -> [(Int, String, LintFinding.Kind)] {
        var first: [String: RunbookCommand] = [:]
        var out: [(Int, String, LintFinding.Kind)] = []
        for command in runbook.commands where command.origin != .inline && command.language != "manual" {
            let key = command.code.split(separator: "\n", omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: "\n")
                .trimmingCharacters(in: .whitespacesAndNewlines)
            guard !key.isEmpty else { continue }
            if let earlier = first[key] {
                let head = key.split(separator: "\n").first.map(String.init) ?? key
                out.append((command.line, "the same command as line \(earlier.line): \(head)", .duplicateCommand))
            } else {
                first[key] = command
            }
        }
        return out
    }
}
