import Foundation
import Mustache

/// Renders a `PostmortemReport` through a Mustache template: the one shipped in
/// `Templates/postmortem.mustache`, or a team's own.
public enum PostmortemRenderer {
    public static func defaultTemplate() throws -> String {
        guard let url = Bundle.module.url(forResource: "postmortem", withExtension: "mustache",
                                          subdirectory: "Templates") else {
            throw JournalError.database(path: "Templates/postmortem.mustache", detail: "default template missing")
        }
        return try String(contentsOf: url, encoding: .utf8)
    }

    public static func render(_ report: PostmortemReport, template: String? = nil) throws -> String {
        let text = try template ?? defaultTemplate()
        let parsed: MustacheTemplate
        do {
            // Markdown, not HTML: nothing is escaped.
            parsed = try MustacheTemplate(string: "{{% CONTENT_TYPE: TEXT}}\n" + text)
        } catch {
            throw JournalError.invalidValue(what: "template", value: "\(error)", valid: ["a Mustache template"])
        }
        return parsed.render(report.context)
    }
}

extension PostmortemReport {
    /// The data templates see. Keys are documented at the top of the default template.
    public var context: [String: Any] {
        func line(_ l: Line) -> [String: Any] { ["time": l.time, "author": l.author, "text": l.text] }
        return [
            "id": incident.id,
            "title": incident.title,
            "severity": incident.severity,
            "status": incident.status.rawValue,
            "runbook": incident.runbookPath ?? "—",
            "start": start,
            "end": end,
            "duration": duration,
            "timeToAcknowledge": timeToAcknowledge,
            "timeToMitigate": timeToMitigate,
            "timeToResolve": timeToResolve,
            "severityChanges": severityChanges.map(line),
            "hasSeverityChanges": !severityChanges.isEmpty,
            "roles": roles.map { ["role": $0.role, "person": $0.person] },
            "hasRoles": !roles.isEmpty,
            "days": days.map { ["date": $0.date, "events": $0.lines.map(line)] as [String: Any] },
            "checklist": checklist.map {
                ["item": $0.item, "state": $0.state, "time": $0.time, "author": $0.author, "reason": $0.reason,
                 "done": $0.state == "done", "skipped": $0.state == "skipped", "notDone": $0.state == "not done"]
                    as [String: Any]
            },
            "hasChecklist": !checklist.isEmpty,
            "checklistDone": checklistDone,
            "checklistSkipped": checklistSkipped,
            "checklistNotDone": checklistNotDone,
            "commands": commands.map {
                ["command": $0.command, "exit": $0.exit, "duration": $0.duration, "output": $0.output, "time": $0.time]
            },
            "hasCommands": !commands.isEmpty,
            "breaches": breaches.map {
                ["metric": $0.metric, "level": $0.level, "threshold": $0.threshold, "peak": $0.peak,
                 "count": $0.breaches, "firstBreach": $0.firstBreach, "recovered": $0.recovered] as [String: Any]
            },
            "hasBreaches": !breaches.isEmpty,
            "notes": notes.map(line),
            "hasNotes": !notes.isEmpty,
            "actionItems": actionItems.map(line),
            "hasActionItems": !actionItems.isEmpty,
            "eventCount": eventCount,
        ]
    }
}
