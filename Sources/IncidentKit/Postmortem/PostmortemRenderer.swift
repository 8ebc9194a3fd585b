import Foundation
import Mustache
import RunbookKit

/// Renders a `PostmortemReport` through a Mustache template: the one shipped in
/// `Templates/postmortem.mustache`, or a team's own.
public enum PostmortemRenderer {
    /// `postmortem`, or `walk` for a walk's report.
    public static func defaultTemplate(named name: String = "postmortem") throws -> String {
        guard let url = Bundle.module.url(forResource: name, withExtension: "mustache", subdirectory: "Templates")
        else {
            throw JournalError.database(path: "Templates/\(name).mustache", detail: "default template missing")
        }
        return try String(contentsOf: url, encoding: .utf8)
    }

    /// Without `template`: the postmortem, or a walk's own report (`warroom walk`).
    public static func render(_ report: PostmortemReport, template: String? = nil) throws -> String {
        let isWalk = report.incident.severity == WalkRecord.severity
        let text = try template ?? defaultTemplate(named: isWalk ? "walk" : "postmortem")
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
        [
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
            "sla": sla,
            "impactStart": impactStart,
            "impactDuration": impactDuration,
            "peakSeverity": peakSeverity,
            "severityTime": severityTime,
            "statusTime": statusTime,
            "hasSeverityTime": severityTime.count > 1,
            "handoffs": handoffs,
            "hasHandoffs": !handoffs.isEmpty,
            "updates": updates,
            "hasUpdates": !updates.isEmpty,
            "followUps": followUps,
            "followUpsMarkdown": followUpsMarkdown,
            "hasFollowUps": !followUps.isEmpty,
            "stepsTitle": stepsTitle,
            "checklistUntouched": checklistUntouched,
            "severityChanges": severityChanges,
            "hasSeverityChanges": !severityChanges.isEmpty,
            "roles": roles,
            "hasRoles": !roles.isEmpty,
            "days": days,
            "checklist": checklist,
            "checklistMarkdown": checklistMarkdown,
            "stepsMarkdown": stepsMarkdown,
            "walkers": Array(Set(checklist.map(\.author).filter { !$0.isEmpty })).sorted().joined(separator: ", "),
            "hasChecklist": !checklist.isEmpty,
            "checklistDone": checklistDone,
            "checklistSkipped": checklistSkipped,
            "checklistNotDone": checklistNotDone,
            "commands": commands,
            "commandsMarkdown": commandsMarkdown,
            "hasCommands": !commands.isEmpty,
            "breaches": breaches,
            "breachesMarkdown": breachesMarkdown,
            "hasBreaches": !breaches.isEmpty,
            "notes": notes,
            "notesMarkdown": notesMarkdown,
            "hasNotes": !notes.isEmpty,
            "actionItems": actionItems,
            "actionItemsMarkdown": actionItemsMarkdown,
            "hasActionItems": !actionItems.isEmpty,
            "eventCount": eventCount
        ]
    }
}
