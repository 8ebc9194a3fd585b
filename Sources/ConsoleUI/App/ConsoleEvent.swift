import Foundation
import IncidentKit

/// One timeline event as the console sees it: display text plus the state change it carries.
/// The runtime maps journal events into these (`ConsoleEvent+Journal.swift`); the change is
/// IncidentKit's fold, the text and detail are how the timeline shows the event.
public struct ConsoleEvent: Sendable, Equatable, Identifiable {
    /// What the event changes: IncidentKit's one fold of an event.
    public typealias Change = IncidentChange

    /// How the journal writes a secret's value.
    public static let maskedValue = IncidentChange.maskedValue

    public var id: Int64
    public var time: Date
    public var author: String
    /// What the event records (its raw value is the snake_case kind of `timeline --json`).
    public var kind: EventKind
    public var text: String
    public var change: Change
    /// What `Enter` on the row shows beyond its line: the full text, values, an output's last lines.
    public var detail: [String]
    /// A run's result once its `command_finished` came (`✓ 2.1s`, `✗ exit 6`); nil while it runs.
    public var outcome: String?
    /// The `command_finished` event folded into this row.
    public var finishedID: Int64?
    /// `late 3m` when the server took the event that long after its time (it waited in a writer's
    /// offline outbox); the row is marked `⇣ late 3m`.
    public var late: String?

    public init(
        id: Int64, time: Date, author: String, kind: EventKind, text: String, change: Change = .none,
        detail: [String] = []
    ) {
        self.id = id
        self.time = time
        self.author = author
        self.kind = kind
        self.text = text
        self.change = change
        self.detail = detail
    }

    /// The kind in a word or two, as the timeline pane shows it.
    public var kindWords: String { Self.words[kind] ?? kind.rawValue.replacingOccurrences(of: "_", with: " ") }

    static let words: [EventKind: String] = [
        .opened: "opened", .severityChanged: "severity", .statusChanged: "status", .roleAssigned: "role",
        .itemTicked: "done", .itemUnticked: "undone", .itemSkipped: "skipped", .commandStarted: "run",
        .commandFinished: "run", .commandRefused: "refused", .commandDone: "by hand",
        .metricBreached: "breach", .metricRecovered: "recovered", .note: "note", .milestone: "milestone",
        .slaBreached: "SLA", .alertFiring: "alert", .alertResolved: "alert", .valuesRecorded: "values",
        .actionAdded: "follow-up", .actionClosed: "follow-up", .statusUpdate: "update",
        .escalationDue: "escalate"
    ]
}

/// The incident as the header shows it.
public struct IncidentSnapshot: Sendable, Equatable {
    public var id: String
    public var title: String
    public var severity: String
    public var status: String
    public var startedAt: Date
    public var commander: String?

    public init(
        id: String, title: String, severity: String, status: String, startedAt: Date,
        commander: String? = nil
    ) {
        self.id = id
        self.title = title
        self.severity = severity
        self.status = status
        self.startedAt = startedAt
        self.commander = commander
    }
}

/// A checklist item by position. `key` ("checklist title#index", index 0-based) is what the
/// journal's item payload (`checklist`, `index`) identifies it by.
public struct ItemRef: Sendable, Hashable {
    public var checklist: String
    public var index: Int
    public var text: String

    public init(checklist: String, index: Int, text: String) {
        self.checklist = checklist
        self.index = index
        self.text = text
    }

    public var key: String { ItemRef.key(checklist: checklist, index: index) }

    public static func key(checklist: String, index: Int) -> String { "\(checklist)#\(index)" }
}

/// Done or skipped, when and by whom.
public struct ItemMark: Sendable, Equatable {
    public enum State: Sendable, Equatable { case done, skipped }
    public var state: State
    public var time: Date
    public var author: String

    public init(state: State, time: Date, author: String) {
        self.state = state
        self.time = time
        self.author = author
    }
}
