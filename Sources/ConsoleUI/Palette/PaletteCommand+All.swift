import Foundation
import RunbookKit

extension PaletteCommand {
    static let statuses = ["investigating", "identified", "monitoring", "resolved"]
    static let milestones = ["acknowledged", "mitigated", "resolved", "detected", "impact-started"]
    /// Suggested roles for `role NAME=PERSON` and `handoff NAME ROLE` (any name is accepted).
    static let roles = ["commander", "scribe", "comms", "ops"]

    /// Every `:` command, in the order the usage line lists them.
    static let all: [PaletteCommand] = [
        PaletteCommand(
            ["sev", "severity"], usage: "sev LEVEL", arguments: { $0.severityLevels.map(\.id) }, run: severity),
        PaletteCommand(
            ["status"], usage: "status " + statuses.joined(separator: "|"), arguments: { _ in statuses },
            run: status),
        PaletteCommand(
            ["milestone"], usage: "milestone " + milestones.joined(separator: "|") + " [HH:MM]",
            arguments: { _ in milestones }, run: milestone),
        PaletteCommand(["note"], usage: "note TEXT") { text, _ in AppUpdate.noteEffects(text) },
        PaletteCommand(["role"], usage: "role NAME=PERSON", arguments: { _ in roles.map { $0 + "=" } }, run: role),
        PaletteCommand(["roles"], usage: "roles") { _, state in
            page("Roles", RoomPages.roles(state), &state)
        },
        PaletteCommand(["handoff"], usage: "handoff PERSON [ROLE]", run: handoff),
        PaletteCommand(["update"], usage: "update") { _, _ in [.draftUpdate(nil)] },
        PaletteCommand(["action"], usage: "action TEXT [@owner] | action done|drop ID [REASON]", run: action),
        PaletteCommand(["actions"], usage: "actions") { _, state in
            page("Follow-ups · \(state.followUps.filter(\.open).count) open", RoomPages.followUps(state), &state)
        },
        PaletteCommand(["contacts"], usage: "contacts") { _, state in
            page("Contacts and escalation", RoomPages.contacts(state), &state)
        },
        PaletteCommand(["alerts"], usage: "alerts") { _, state in
            state.helpPage = 0
            state.overlays.append(.alerts)
            return []
        },
        PaletteCommand(["run"], usage: "run ID", arguments: { $0.commands.filter(\.runnable).map { String($0.id) } }) {
            argument, state in
            guard let id = Int(argument) else { return fail("run takes a command id, e.g. run 3", &state) }
            return AppUpdate.runCommand(id: id, &state)
        },
        PaletteCommand(["vars"], usage: "vars") { _, state in
            guard !state.vars.isEmpty else {
                return fail("No values remembered yet: they are kept as commands run", &state)
            }
            state.overlays.append(.vars(VarsEditor()))
            return []
        },
        PaletteCommand(["dry-run", "dryrun"], usage: "dry-run on|off", arguments: { _ in ["on", "off"] }, run: dryRun),
        PaletteCommand(["filter"], usage: "filter [KIND]", arguments: { PaneFilter.kinds(in: $0.timeline) }) {
            argument, state in
            state.timelineKind = argument.isEmpty ? nil : argument.lowercased()
            state.selection[.timeline] = max(state.rowCount(.timeline) - 1, 0)
            return []
        },
        PaletteCommand(["postmortem", "pm"], usage: "postmortem [FILE]") { argument, _ in
            [.writePostmortem(argument.isEmpty ? nil : argument)]
        },
        PaletteCommand(["theme"], usage: "theme NAME", arguments: { $0.themeNames }) { argument, state in
            guard !argument.isEmpty else {
                return fail("theme takes a name: " + state.themeNames.joined(separator: ", "), &state)
            }
            return [.setTheme(argument)]
        },
        PaletteCommand(["quit", "q"], usage: "quit") { _, state in AppUpdate.pane(.quit, &state) }
    ]

    // MARK: The commands that take more than a line

    static func severity(_ argument: String, _ state: inout AppState) -> [Effect] {
        guard !argument.isEmpty else { AppUpdate.openSeverityPicker(&state); return [] }
        let wanted = argument.uppercased()
        guard let level = state.severityLevels.first(where: { $0.id == wanted }) else {
            return fail("Unknown severity \(wanted): " + state.severityLevels.map(\.id).joined(separator: ", "), &state)
        }
        guard wanted != state.incident.severity else { return [] }
        AppUpdate.offerProcedure(of: level, &state)
        return [.setSeverity(wanted)]
    }

    static func status(_ argument: String, _ state: inout AppState) -> [Effect] {
        let wanted = argument.lowercased()
        guard statuses.contains(wanted) else { return fail("status takes " + statuses.joined(separator: "|"), &state) }
        return wanted == state.incident.status ? [] : [.setStatus(wanted)]
    }

    /// `milestone acknowledged` or `milestone acknowledged 13:02` (UTC).
    static func milestone(_ argument: String, _ state: inout AppState) -> [Effect] {
        let words = argument.lowercased().split(separator: " ").map(String.init)
        guard let wanted = words.first, milestones.contains(wanted), words.count <= 2 else {
            return fail("milestone takes " + milestones.joined(separator: "|") + " [HH:MM]", &state)
        }
        var at: Date? = nil
        if words.count == 2 {
            guard let time = ClockTime.parse(words[1], near: state.now) else {
                return fail("milestone time is HH:MM or HH:MM:SS (UTC), e.g. milestone acknowledged 13:02", &state)
            }
            at = time
        }
        return [.appendMilestone(wanted, at: at)]
    }

    static func role(_ argument: String, _ state: inout AppState) -> [Effect] {
        let parts = argument.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty, !parts[0].contains(" ") else {
            return fail("role takes NAME=PERSON, e.g. role commander=alice", &state)
        }
        return [.assignRole(role: parts[0].lowercased(), person: parts[1])]
    }

    /// `handoff bob` (commander), `handoff carol comms`, `handoff Jane Doe`: the last word is the
    /// role only when it is one (a usual role or one the room has).
    static func handoff(_ argument: String, _ state: inout AppState) -> [Effect] {
        var words = argument.split(separator: " ").map(String.init)
        guard !words.isEmpty else {
            return fail("handoff takes PERSON [ROLE], e.g. handoff bob or handoff carol comms", &state)
        }
        var role = "commander"
        if words.count >= 2, let last = words.last?.lowercased(),
            roles.contains(last) || state.currentRoles[last] != nil
        {
            role = last
            words.removeLast()
        }
        let person = words.joined(separator: " ")
        guard state.currentRoles[role] != person else { return fail("\(person) is already \(role)", &state) }
        return [.handoff(role: role, to: person)]
    }

    /// `action TEXT @owner`, `action done 12`, `action drop 12 duplicate`.
    static func action(_ argument: String, _ state: inout AppState) -> [Effect] {
        let words = argument.split(separator: " ", maxSplits: 2).map(String.init)
        if let verb = words.first?.lowercased(), verb == "done" || verb == "drop", words.count >= 2,
            let id = Int64(words[1].trimmingCharacters(in: CharacterSet(charactersIn: "#")))
        {
            guard let item = state.followUps.first(where: { $0.id == id }) else {
                let open = state.followUps.filter(\.open).map { "#\($0.id)" }.joined(separator: " ")
                return fail("No follow-up #\(id)" + (open.isEmpty ? "" : "; open: " + open), &state)
            }
            guard item.open else { return fail("Follow-up #\(id) is already closed", &state) }
            let reason = words.count > 2 ? words[2] : nil
            if verb == "drop", reason == nil { return fail("action drop ID REASON: say why it is dropped", &state) }
            return [.closeFollowUp(id: id, text: item.text, reason: verb == "drop" ? reason : nil)]
        }
        let trimmed = argument.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else {
            return fail("action takes TEXT [@owner], e.g. action add an alert on pool saturation @bob", &state)
        }
        return [.addFollowUp(trimmed)]
    }

    static func dryRun(_ argument: String, _ state: inout AppState) -> [Effect] {
        switch argument.lowercased() {
        case "on": state.dryRun = true
        case "off": state.dryRun = false
        case "": break
        default: return fail("dry-run takes on|off", &state)
        }
        state.footer = .notice("Dry run " + (state.dryRun ? "on: commands are recorded, not run" : "off: commands run"))
        return []
    }
}
