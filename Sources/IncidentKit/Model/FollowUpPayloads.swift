import Foundation

/// `action_added`: a follow-up to do after (or during) the incident. The event's id is its id.
public struct ActionAddedPayload: EventPayload {
    public static let kind = EventKind.actionAdded
    public var text: String
    /// Who owns it: a name, without the `@`.
    public var owner: String?
    public init(text: String, owner: String? = nil) {
        self.text = text
        self.owner = owner
    }
}

/// `action_closed`: the follow-up `action` (an `action_added` event id, or a `TODO:` note's) is done,
/// or dropped when `reason` says why.
public struct ActionClosedPayload: EventPayload {
    public static let kind = EventKind.actionClosed
    public var action: Int64
    /// The follow-up's text, so the timeline reads without a lookup.
    public var text: String
    public var reason: String?
    public init(action: Int64, text: String, reason: String? = nil) {
        self.action = action
        self.text = text
        self.reason = reason
    }
}

/// `status_update`: the text sent to stakeholders, as the commander approved it.
public struct StatusUpdatePayload: EventPayload {
    public static let kind = EventKind.statusUpdate
    public var text: String
    /// The configured `updates.command` that received the text on stdin, when one did.
    public var sentWith: String?
    public var exitStatus: Int?
    /// Why delivery failed (the command could not start, it timed out); the update is still recorded.
    public var failure: String?
    public init(text: String, sentWith: String? = nil, exitStatus: Int? = nil, failure: String? = nil) {
        self.text = text
        self.sentWith = sentWith
        self.exitStatus = exitStatus
        self.failure = failure
    }
}

/// `escalation_due`: the runbook says to escalate to `who` (level `level`) `afterSeconds` into the
/// incident, and that time came with the incident not mitigated.
public struct EscalationDuePayload: EventPayload {
    public static let kind = EventKind.escalationDue
    public var level: Int
    public var who: String
    public var afterSeconds: Int
    public var contact: String?
    public init(level: Int, who: String, afterSeconds: Int, contact: String? = nil) {
        self.level = level
        self.who = who
        self.afterSeconds = afterSeconds
        self.contact = contact
    }
}
