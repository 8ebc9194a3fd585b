/// The short human summary `warroom check` prints for a runbook.
public enum RunbookSummary {
    public static func text(_ runbook: Runbook) -> String {
        var lines: [String] = []
        lines.append("\(runbook.source): \(runbook.title)")
        let checklistItems = runbook.checklists.reduce(0) { $0 + $1.items.count }
        lines.append(
            "  \(runbook.severities.count) severities, \(runbook.checklists.count) checklists (\(checklistItems) items), "
                + "\(runbook.procedures.count) procedures, \(runbook.commands.count) commands, \(runbook.metrics.count) metrics, "
                + "\(runbook.escalation.count) escalation steps, \(runbook.contacts.count) contacts, \(runbook.templates.count) templates"
        )
        for level in runbook.severities {
            let name = level.name.map { " (\($0))" } ?? ""
            let response = level.responseTime.map { " respond \(format($0))" } ?? ""
            lines.append("  severity \(level.id)\(name)\(response)")
        }
        if let checklist = runbook.incidentChecklist {
            lines.append(
                "  incident checklist: \(checklist.title) — \(checklist.items.count) items in \(checklist.phases.count) phases"
            )
        }
        for command in runbook.commands where command.risk == .destructive {
            lines.append(
                "  destructive command #\(command.id) line \(command.line): \(firstLine(command.code)) — \(command.riskReason)"
            )
        }
        for metric in runbook.metrics {
            var parts: [String] = []
            if let t = metric.target { parts.append("target \(t)") }
            if let w = metric.warning { parts.append("warn \(w.text)") }
            if let c = metric.critical { parts.append("crit \(c.text)") }
            parts += metric.conditions.map { "when \($0)" }
            lines.append("  metric \(metric.name): \(parts.joined(separator: ", "))")
        }
        for warning in runbook.warnings {
            lines.append("\(runbook.source):\(warning.line): warning: \(warning.message)")
        }
        return lines.joined(separator: "\n")
    }

    static func format(_ deadline: Deadline) -> String {
        guard let seconds = deadline.seconds else { return "\"\(deadline.text)\" (no fixed time)" }
        if seconds == 0 { return "immediately" }
        if seconds % 86400 == 0 { return "within \(seconds / 86400)d" }
        if seconds % 3600 == 0 { return "within \(seconds / 3600)h" }
        if seconds % 60 == 0 { return "within \(seconds / 60)m" }
        return "within \(seconds)s"
    }

    private static func firstLine(_ code: String) -> String {
        let line = code.split(separator: "\n").first.map(String.init) ?? code
        return line.count > 70 ? String(line.prefix(69)) + "…" : line
    }
}
