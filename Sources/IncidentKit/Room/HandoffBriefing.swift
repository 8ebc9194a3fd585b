import Foundation

/// The briefing a person taking over reads: where the incident stands, what is done and open,
/// what is running or failed, what is breached, the last notes, the open follow-ups.
public enum HandoffBriefing {
    public static func text(_ d: IncidentDigest, role: String, from: String?, to: String, notes: Int = 5) -> String {
        var out: [String] = []
        let i = d.incident
        out.append("Hand-off of \(role) on \(i.id): \(from ?? "nobody") → \(to)")
        out.append("\(i.title)")
        out.append(
            "Severity \(i.severity), status \(i.status.rawValue), open for \(Durations.text(seconds: d.elapsedSeconds))"
        )
        out.append("SLA: \(d.slaText)")
        let roles = i.roles.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }
        if !roles.isEmpty { out.append("Roles: " + roles.joined(separator: ", ")) }
        let reached = Milestone.allCases.compactMap { m in
            d.milestones[m].map { "\(m.rawValue) \(UTCParts($0).timeString)" }
        }
        if !reached.isEmpty { out.append("Milestones (UTC): " + reached.joined(separator: ", ")) }

        if let title = d.stepsTitle {
            out.append("")
            out.append("Steps (\(title)): \(d.stepsDone) done, \(d.stepsSkipped) skipped, \(d.stepsOpen) open")
            for step in d.steps where step.state == "open" { out.append("  [ ] \(step.text)") }
        }
        let running = d.runs.filter { $0.result == "running" }
        let failed = d.runs.filter(\.failed)
        if !running.isEmpty || !failed.isEmpty {
            out.append("")
            out.append("Commands:")
            for run in running {
                out.append("  running since \(UTCParts(run.startedAt).timeString) (\(run.author)): \(run.command)")
            }
            for run in failed {
                out.append("  failed (\(run.result)) at \(UTCParts(run.startedAt).timeString): \(run.command)")
                if let last = run.lastLines.last(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }) {
                    out.append("    \(last)")
                }
            }
        }
        if !d.breachedMetrics.isEmpty {
            out.append("")
            out.append("Breached now:")
            for metric in d.breachedMetrics { out.append("  \(metric.text) since \(UTCParts(metric.time).timeString)") }
        }
        if !d.notes.isEmpty {
            out.append("")
            out.append("Last notes:")
            for note in d.notes.suffix(notes) {
                let line = note.text.split(whereSeparator: \.isNewline).joined(separator: " ⏎ ")
                out.append("  \(UTCParts(note.time).timeString) \(note.author): \(line)")
            }
        }
        let open = d.openFollowUps
        if !open.isEmpty {
            out.append("")
            out.append("Open follow-ups:")
            for f in open { out.append("  #\(f.id) \(f.text)" + (f.owner.map { " (@\($0))" } ?? "")) }
        }
        if let last = d.updates.last {
            out.append("")
            out.append("Last status update: \(UTCParts(last.time).timeString) by \(last.author)")
        }
        return out.joined(separator: "\n")
    }
}
