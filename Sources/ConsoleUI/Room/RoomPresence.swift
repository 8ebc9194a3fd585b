import Foundation
import RunbookKit

/// Who is in the incident's room now and which steps they hold, as the console shows it: the
/// header's `in room: alice, bob (2)`, the commands pane's `⚑ alice`, and the refusal when a
/// run's step is held by another console. Fed by `Msg.room`, never journalled.
public struct RoomPresence: Sendable, Equatable {
    /// One open console.
    public struct Person: Sendable, Equatable {
        public var name: String
        public var host: String
        public var since: Date
        public init(name: String, host: String, since: Date) {
            self.name = name
            self.host = host
            self.since = since
        }
    }

    /// A step held by a console while it runs a change of it.
    public struct Hold: Sendable, Equatable {
        /// `ClaimKey.step` of the command.
        public var step: String
        public var holder: String
        public var since: Date
        /// The command being run, as shown (secrets masked).
        public var command: String
        /// Held by this console.
        public var mine: Bool
        public init(step: String, holder: String, since: Date, command: String, mine: Bool = false) {
            self.step = step
            self.holder = holder
            self.since = since
            self.command = command
            self.mine = mine
        }
    }

    public var people: [Person]
    public var holds: [Hold]

    public init(people: [Person] = [], holds: [Hold] = []) {
        self.people = people
        self.holds = holds
    }

    /// `in room: alice, bob ×2 (2)`: each person once (×N: consoles open under that name), in the
    /// order they joined, and how many people; nil before anyone is known.
    public var headerText: String? {
        guard !people.isEmpty else { return nil }
        var names: [String] = []
        var consoles: [String: Int] = [:]
        for person in people {
            if consoles[person.name] == nil { names.append(person.name) }
            consoles[person.name, default: 0] += 1
        }
        let listed = names.map { name in
            consoles[name, default: 1] > 1 ? "\(name) ×\(consoles[name, default: 1])" : name
        }
        return "in room: " + listed.joined(separator: ", ") + " (\(names.count))"
    }

    /// Another console's hold on this command's step, if any.
    public func heldByOther(_ command: RunbookCommand) -> Hold? {
        let step = ClaimKey.step(commandId: command.id, title: command.title)
        return holds.first { $0.step == step && !$0.mine }
    }
}

/// What a run claims: the runbook command it runs (its id and title, the same in every console
/// that opened the runbook), whatever values fill its placeholders.
public enum ClaimKey {
    public static func step(commandId: Int, title: String?) -> String {
        "#\(commandId)" + (title.map { " " + $0 } ?? "")
    }

    public static func step(_ run: PreparedRun) -> String { step(commandId: run.commandId, title: run.title) }

    /// `read` runs and dry runs change nothing: they claim nothing.
    public static func needsClaim(_ run: PreparedRun, dryRun: Bool) -> Bool { run.risk != .read && !dryRun }
}

public enum RoomPresenceText {
    /// `claimed by alice since 13:02 — running `kubectl rollout restart …``: the footer's refusal.
    public static func refusal(_ hold: RoomPresence.Hold) -> String {
        let line = hold.command.split(separator: "\n", maxSplits: 1).first.map(String.init) ?? ""
        let command = line.count > 60 ? String(line.prefix(59)) + "…" : line
        return "Not run: claimed by \(hold.holder) since \(String(TimeText.clock(hold.since).prefix(5)))"
            + (command.isEmpty ? "" : " — running `\(command)`")
    }

    /// `⚑ alice ` before a command another console is running as a change (before, so a long
    /// command cannot push it out of the pane); empty otherwise.
    static func mark(_ command: RunbookCommand, _ state: AppState) -> String {
        state.room.heldByOther(command).map { "⚑ " + $0.holder + " " } ?? ""
    }
}

extension AppUpdate {
    /// The runtime could not claim the step: another console runs it. Nothing ran.
    static func claimRefused(_ hold: RoomPresence.Hold, commandId: Int, _ state: inout AppState) {
        stopGuidedRun("command \(commandId) is claimed by \(hold.holder)", &state)
        state.footer = .error(RoomPresenceText.refusal(hold))
    }
}
