import Foundation
import RunbookKit

/// The `:` command palette: turns a command line into effects and completes it on Tab. Pure.
public enum CommandPalette {
    public static let commands = ["sev", "status", "role", "note", "milestone", "postmortem", "theme", "filter", "run", "vars",
                                  "alerts", "dry-run", "quit"]
    public static let statuses = ["investigating", "identified", "monitoring", "resolved"]
    public static let milestones = ["acknowledged", "mitigated", "resolved"]
    /// Suggested roles for `role NAME=PERSON` (any name is accepted).
    public static let roles = ["commander", "scribe", "comms", "ops"]

    /// The words the last word of `line` may become: command names first, then the command's arguments.
    public static func candidates(_ line: String, _ state: AppState) -> [String] {
        let words = line.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        let current = (words.last ?? "").lowercased()
        let pool: [String] = switch words.count {
        case 0, 1: commands
        case 2: arguments(for: words[0].lowercased(), state)
        default: []
        }
        return pool.filter { $0.lowercased().hasPrefix(current) }
    }

    static func arguments(for command: String, _ state: AppState) -> [String] {
        switch command {
        case "sev", "severity": state.severityLevels.map(\.id)
        case "status": statuses
        case "milestone": milestones
        case "theme": state.themeNames
        case "role": roles.map { $0 + "=" }
        case "filter": PaneFilter.kinds(in: state.timeline)
        case "run": state.commands.filter(\.runnable).map { String($0.id) }
        case "dry-run": ["on", "off"]
        default: []
        }
    }

    /// Tab: the only candidate (and a space), else the candidates' longest common prefix.
    public static func complete(_ line: String, _ state: AppState) -> String {
        let found = candidates(line, state)
        guard !found.isEmpty else { return line }
        let head = line.lastIndex(of: " ").map { String(line[...$0]) } ?? ""
        if found.count == 1 { return head + found[0] + (found[0].hasSuffix("=") ? "" : " ") }
        var prefix = found[0]
        for word in found.dropFirst() {
            while !word.hasPrefix(prefix) { prefix.removeLast() }
        }
        let typed = String(line.dropFirst(head.count))
        return prefix.count >= typed.count ? head + prefix : line
    }

    static var usage: String {
        "valid: sev LEVEL, status \(statuses.joined(separator: "|")), role NAME=PERSON, note TEXT, "
            + "milestone \(milestones.joined(separator: "|")) [HH:MM], postmortem [FILE], theme NAME, filter [KIND], run ID, vars, alerts, dry-run on|off, quit"
    }

    /// Runs a command line; a mistake leaves an error in the footer and changes nothing.
    static func run(_ line: String, _ state: inout AppState) -> [Effect] {
        let words = line.trimmingCharacters(in: .whitespaces).split(separator: " ", maxSplits: 1).map(String.init)
        guard let name = words.first?.lowercased() else { return [] }
        let argument = words.count > 1 ? words[1].trimmingCharacters(in: .whitespaces) : ""
        func fail(_ text: String) -> [Effect] {
            state.message = text
            return []
        }
        switch name {
        case "sev", "severity":
            guard !argument.isEmpty else { AppUpdate.openSeverityPicker(&state); return [] }
            let wanted = argument.uppercased()
            guard state.severityLevels.contains(where: { $0.id == wanted }) else {
                return fail("Unknown severity \(wanted): " + state.severityLevels.map(\.id).joined(separator: ", "))
            }
            guard let level = state.severityLevels.first(where: { $0.id == wanted }), wanted != state.incident.severity
            else { return [] }
            AppUpdate.offerProcedure(of: level, &state)
            return [.setSeverity(wanted)]
        case "status":
            let wanted = argument.lowercased()
            guard statuses.contains(wanted) else { return fail("status takes " + statuses.joined(separator: "|")) }
            return wanted == state.incident.status ? [] : [.setStatus(wanted)]
        case "role":
            let parts = argument.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty, !parts[0].contains(" ") else {
                return fail("role takes NAME=PERSON, e.g. role commander=alice")
            }
            return [.assignRole(role: parts[0].lowercased(), person: parts[1])]
        case "note":
            return AppUpdate.noteEffects(argument)
        case "milestone":
            // `milestone acknowledged` or `milestone acknowledged 13:02` (UTC).
            let words = argument.lowercased().split(separator: " ").map(String.init)
            guard let wanted = words.first, milestones.contains(wanted), words.count <= 2 else {
                return fail("milestone takes " + milestones.joined(separator: "|") + " [HH:MM]")
            }
            var at: Date? = nil
            if words.count == 2 {
                guard let time = ClockTime.parse(words[1], near: state.now) else {
                    return fail("milestone time is HH:MM or HH:MM:SS (UTC), e.g. milestone acknowledged 13:02")
                }
                at = time
            }
            return [.appendMilestone(wanted, at: at)]
        case "postmortem", "pm":
            return [.writePostmortem(argument.isEmpty ? nil : argument)]
        case "theme":
            guard !argument.isEmpty else { return fail("theme takes a name: " + state.themeNames.joined(separator: ", ")) }
            return [.setTheme(argument)]
        case "filter":
            state.timelineKind = argument.isEmpty ? nil : argument.lowercased()
            state.selection[.timeline] = max(state.rowCount(.timeline) - 1, 0)
            return []
        case "run":
            guard let id = Int(argument) else { return fail("run takes a command id, e.g. run 3") }
            return AppUpdate.runCommand(id: id, &state)
        case "alerts":
            state.helpPage = 0
            state.overlays.append(.alerts)
            return []
        case "vars":
            guard !state.vars.isEmpty else { return fail("No values remembered yet: they are kept as commands run") }
            state.overlays.append(.vars(VarsEditor()))
            return []
        case "dry-run", "dryrun":
            switch argument.lowercased() {
            case "on": state.dryRun = true
            case "off": state.dryRun = false
            case "": break
            default: return fail("dry-run takes on|off")
            }
            state.message = "Dry run " + (state.dryRun ? "on: commands are recorded, not run" : "off: commands run")
            state.messageIsError = false
            return []
        case "q", "quit":
            return AppUpdate.pane(.quit, &state)
        default:
            return fail("Unknown command \(name) — " + usage)
        }
    }
}
