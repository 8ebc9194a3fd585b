import Foundation

/// One timeline event as the console sees it: display text plus the state change it carries.
/// The runtime maps journal events into these, so `ConsoleUI` stays free of the store.
public struct ConsoleEvent: Sendable, Equatable, Identifiable {
    public enum Change: Sendable, Equatable {
        case none
        case ticked(String), unticked(String), skipped(String)
        case severity(String), status(String)
        case role(String, String)
        /// `acknowledged`, `mitigated` or `resolved`, and when it was reached.
        case milestone(String, at: Date)
        /// `sla_breached` for this severity id.
        case slaBreached(String)
        /// `alert_firing` / `alert_resolved`: the alert as it now stands.
        case alert(FiringAlert)
        /// `command_started`: the placeholder values it ran with (secrets as `maskedValue`).
        case commandValues([String: String])
        /// `action_added` (or a `TODO:` note): a follow-up with its id.
        case followUp(FollowUpRow)
        /// `action_closed`: follow-up `id` is done or dropped.
        case followUpClosed(Int64)
        /// `status_update`: an update went out at the event's time.
        case statusUpdate
        /// `escalation_due` for this level.
        case escalationDue(Int)
        /// `command_finished` of the run started by event `started`: its row shows `outcome`
        /// (`✓ 2.1s`, `✗ exit 6`) instead of a row of its own.
        case runFinished(started: Int64, outcome: String)
    }

    /// How the journal writes a secret's value.
    public static let maskedValue = "••••••"

    public var id: Int64
    public var time: Date
    public var author: String
    /// The snake_case kind of `timeline --json` (`item_ticked`, `note`, …).
    public var kind: String
    public var text: String
    public var change: Change
    /// What `Enter` on the row shows beyond its line: the full text, values, an output's last lines.
    public var detail: [String]
    /// A run's result once its `command_finished` came (`✓ 2.1s`, `✗ exit 6`); nil while it runs.
    public var outcome: String?
    /// The `command_finished` event folded into this row.
    public var finishedID: Int64?

    public init(
        id: Int64, time: Date, author: String, kind: String, text: String, change: Change = .none,
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
    public var kindWords: String { Self.words[kind] ?? kind.replacingOccurrences(of: "_", with: " ") }

    static let words: [String: String] = [
        "opened": "opened", "severity_changed": "severity", "status_changed": "status", "role_assigned": "role",
        "item_ticked": "done", "item_unticked": "undone", "item_skipped": "skipped", "command_started": "run",
        "command_finished": "run", "command_refused": "refused", "command_done": "by hand",
        "metric_breached": "breach", "metric_recovered": "recovered", "note": "note", "milestone": "milestone",
        "sla_breached": "SLA", "alert_firing": "alert", "alert_resolved": "alert", "values_recorded": "values",
        "action_added": "follow-up", "action_closed": "follow-up", "status_update": "update",
        "escalation_due": "escalate"
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
