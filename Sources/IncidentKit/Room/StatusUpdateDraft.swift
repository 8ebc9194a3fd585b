import Foundation
import RunbookKit

/// A stakeholder update drafted from the runbook's status-update template (or a built-in one),
/// filled from the incident. The commander edits it; what is sent is recorded as it was sent.
public enum StatusUpdateDraft {
    public static let builtIn = """
        Incident: [title]
        Severity: [severity]
        Status: [status]
        Started: [started]
        Impact: [impact]
        What we are doing: [actions]
        Next update: [next update]
        """

    /// `template` is the runbook's status-update body when it has one.
    public static func text(_ d: IncidentDigest, template: String?, nextUpdateSeconds: Int?) -> String {
        let body = template ?? builtIn
        let values = fields(d, nextUpdateSeconds: nextUpdateSeconds)
        return body.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            fill(fillNamed(String(line), values), values)
        }.joined(separator: "\n")
    }

    /// Label words (lower-cased, as they start a `Label: value` line) → the incident's value.
    static func fields(_ d: IncidentDigest, nextUpdateSeconds: Int?) -> [(labels: [String], value: String)] {
        let i = d.incident
        let impactStart = d.impactStartedAt ?? i.startedAt
        let next = nextUpdateSeconds.map { d.now.addingTimeInterval(Double($0)) }
        return [
            (["incident", "title", "summary"], "\(i.title) (\(i.id))"),
            (["severity", "sev", "priority"], i.severity),
            (["status", "current status", "state"], i.status.rawValue.uppercased()),
            (["started", "start", "start time", "began", "impact started"], stamp(impactStart)),
            (["impact", "affected", "who is affected", "customer impact"], impact(d)),
            (
                ["what we are doing", "actions", "current actions", "next steps", "mitigation", "workaround", "eta"],
                doing(d)
            ),
            (
                ["next update", "next update at", "next update by"],
                next.map(stamp) ?? "[time]"
            )
        ]
    }

    /// `2026-12-03 16:42 UTC`: what a reader of the update needs, no seconds.
    static func stamp(_ date: Date) -> String {
        let p = UTCParts(date)
        return p.dateString + " " + String(p.timeString.prefix(5)) + " UTC"
    }

    /// The last note that says `impact: …`, else the incident's title.
    static func impact(_ d: IncidentDigest) -> String {
        for note in d.notes.reversed() {
            let t = note.text.trimmingCharacters(in: .whitespaces)
            if t.lowercased().hasPrefix("impact:") { return t.dropFirst(7).trimmingCharacters(in: .whitespaces) }
        }
        return "[who is affected and how]"
    }

    /// Steps done and commands running, in a sentence.
    static func doing(_ d: IncidentDigest) -> String {
        var parts: [String] = []
        if let last = d.steps.last(where: { $0.state == "done" }) { parts.append("done: \(last.text)") }
        if let next = d.steps.first(where: { $0.state == "open" }) { parts.append("next: \(next.text)") }
        if let milestone = [Milestone.mitigated, .acknowledged].first(where: { d.milestones[$0] != nil }) {
            parts.insert(milestone == .mitigated ? "Mitigated, monitoring" : "Acknowledged, investigating", at: 0)
        }
        return parts.isEmpty ? "[what is being done]" : parts.joined(separator: "; ")
    }

    /// Blanks named anywhere in a line (`{status}`, `{{next_update}}`, `[severity]`, `<impact>`) take
    /// the value of that name; blanks of unknown names stay for the commander.
    static func fillNamed(_ line: String, _ values: [(labels: [String], value: String)]) -> String {
        guard line.contains(where: { "{[<".contains($0) }) else { return line }
        let blank =
            #/
            \{\{ \s* (?<double>[A-Za-z][A-Za-z\x20_-]*?) \s* \}\}
            | \{ (?<brace>[A-Za-z][A-Za-z\x20_-]*) \}
            | \[ (?<square>[A-Za-z][A-Za-z\x20_-]*) \]
            | < (?<angle>[A-Za-z][A-Za-z\x20_-]*) >
            /#
        return line.replacing(blank) { match in
            let raw = match.output.double ?? match.output.brace ?? match.output.square ?? match.output.angle ?? ""
            let name = raw.lowercased().replacingOccurrences(of: "_", with: " ").replacingOccurrences(
                of: "-", with: " ")
            return values.first { $0.labels.contains(name) }?.value ?? String(match.output.0)
        }
    }

    /// `Label: [placeholder]` or `Label: A / B / C` (the template's choices) filled when the label is known;
    /// other lines stay as written.
    static func fill(_ line: String, _ values: [(labels: [String], value: String)]) -> String {
        guard let colon = line.firstIndex(of: ":") else { return line }
        let label = line[..<colon].trimmingCharacters(in: CharacterSet(charactersIn: " *-#_")).lowercased()
        let rest = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        guard let value = values.first(where: { $0.labels.contains(label) })?.value else { return line }
        let looksUnfilled =
            rest.isEmpty || rest.contains("[") || rest.contains("{") || rest.contains("<")
            || rest.contains("/") || rest.contains("|")
        guard looksUnfilled else { return line }
        return String(line[...colon]) + " " + value
    }
}
