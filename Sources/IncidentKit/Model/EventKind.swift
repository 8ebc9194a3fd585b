/// What a timeline event records. Raw values are the snake_case names of `timeline --json`.
public enum EventKind: String, Sendable, Codable, CaseIterable {
    case opened
    case severityChanged = "severity_changed"
    case statusChanged = "status_changed"
    case roleAssigned = "role_assigned"
    case itemTicked = "item_ticked"
    case itemUnticked = "item_unticked"
    case itemSkipped = "item_skipped"
    case commandStarted = "command_started"
    case commandFinished = "command_finished"
    /// A run asked for and refused at its confirmation (a destructive command, the wrong word).
    case commandRefused = "command_refused"
    /// A manual step (prose, not runnable) done by hand.
    case commandDone = "command_done"
    case metricBreached = "metric_breached"
    case metricRecovered = "metric_recovered"
    case note
    case milestone
    /// The severity's response time passed with the incident not acknowledged.
    case slaBreached = "sla_breached"
    /// An alert of the incident's group started firing (or fired again after it resolved).
    case alertFiring = "alert_firing"
    /// An alert of the incident's group resolved; the incident stays open.
    case alertResolved = "alert_resolved"
    /// Placeholder values recorded for the incident from outside the console (an alert's labels).
    case valuesRecorded = "values_recorded"
    /// A follow-up (action item) with an optional owner; its event id is the follow-up's id.
    case actionAdded = "action_added"
    /// A follow-up closed (done, or dropped with a reason).
    case actionClosed = "action_closed"
    /// A stakeholder status update as it was sent (the final text), and how it was delivered.
    case statusUpdate = "status_update"
    /// The runbook's escalation step came due with the incident still not mitigated.
    case escalationDue = "escalation_due"

    /// Accepts the snake_case name, or a dashed / spaced variant ("severity-changed").
    public static func parse(_ text: String) throws -> EventKind {
        let wanted = text.lowercased().replacingOccurrences(of: "-", with: "_")
            .replacingOccurrences(of: " ", with: "_")
        guard let kind = EventKind(rawValue: wanted) else {
            throw JournalError.invalidValue(what: "event kind", value: text, valid: allCases.map(\.rawValue))
        }
        return kind
    }
}
