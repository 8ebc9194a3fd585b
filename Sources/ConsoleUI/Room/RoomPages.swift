import Foundation
import IncidentKit
import RunbookKit

/// The read-only pages of the room: `:roles`, `:actions`, `:contacts`.
enum RoomPages {
    static func roles(_ state: AppState) -> [String] {
        var lines: [String] = []
        let roles = state.currentRoles
        let width = (roles.keys.map(\.count).max() ?? 0) + 2
        for (role, person) in roles.sorted(by: { roleOrder($0.key) < roleOrder($1.key) }) {
            lines.append(TextFit.pad(role, toWidth: width) + person)
        }
        if lines.isEmpty { lines.append("No roles yet.") }
        lines.append("")
        lines.append(":role NAME=PERSON assigns a role; :handoff PERSON [ROLE] hands one over with a briefing.")
        return lines
    }

    /// Commander first, then the usual roles, then the others by name.
    static func roleOrder(_ role: String) -> String {
        let known = IncidentRole.usual.map(\.name)
        return known.firstIndex(of: role).map { "\($0)" } ?? "9" + role
    }

    static func followUps(_ state: AppState) -> [String] {
        var lines = state.followUps.map { f in
            (f.open ? "[ ] " : "[x] ") + "#\(f.id) \(f.text)" + (f.owner.map { "  @\($0)" } ?? "")
        }
        if lines.isEmpty { lines.append("No follow-ups yet.") }
        lines.append("")
        lines.append(":action TEXT @owner adds one; :action done ID closes it; :action drop ID REASON drops it.")
        return lines
    }

    static func contacts(_ state: AppState) -> [String] {
        var lines: [String] = []
        let contacts = state.runbooks.flatMap(\.contacts)
        if !contacts.isEmpty {
            lines.append("Contacts")
            for c in contacts { lines.append("  " + c.name + (c.role.map { " (\($0))" } ?? "") + "  " + c.contact) }
        }
        let timed = RoomClocks.escalations(state)
        let steps = state.runbooks.flatMap(\.escalation)
        if !steps.isEmpty || !timed.isEmpty {
            if !lines.isEmpty { lines.append("") }
            lines.append("Escalation")
            let elapsed = state.now.timeIntervalSince(state.incident.startedAt)
            for step in steps {
                var line = "  L\(step.level) \(step.who)" + (step.contact.map { "  \($0)" } ?? "")
                if let after = step.after { line += "  (\(after))" }
                if let t = timed.first(where: { $0.level == step.level && $0.who == step.who }) {
                    let left = Double(t.afterSeconds) - elapsed
                    line += left > 0 ? " in " + TimeText.countdown(Int(left)) : " due"
                }
                lines.append(line)
            }
            if steps.isEmpty, let t = timed.first {
                lines.append("  \(state.incident.severity): \(t.who)")
            }
        }
        if let level = state.severityLevel {
            let words = [level.escalation.map { "escalate: " + $0 }, level.communication.map { "tell: " + $0 }]
                .compactMap { $0 }
            if !words.isEmpty {
                if !lines.isEmpty { lines.append("") }
                lines.append("\(level.id): " + words.joined(separator: "; "))
            }
        }
        if lines.isEmpty { lines.append("The runbook names no contacts or escalation path.") }
        return lines
    }
}
