import Foundation
import RunbookKit

/// What one journal event changes, typed: the one fold of an event. The incident row
/// (`Incident.apply`) and the console (`ConsoleEvent`, `AppUpdate.apply`) both take it from here.
public enum IncidentChange: Sendable, Equatable {
    case none
    /// A checklist item by key (`checklist#index`, `ItemRef.key` in the console).
    case ticked(String), unticked(String), skipped(String)
    case severity(String)
    case status(IncidentStatus)
    case role(IncidentRole, String)
    /// A milestone, and when it was reached.
    case milestone(Milestone, at: Date)
    /// `sla_breached` for this severity id.
    case slaBreached(String)
    /// `alert_firing` / `alert_resolved`: the alert as it now stands.
    case alert(FiringAlert)
    /// `command_started` (or `values_recorded`): placeholder values, secrets as `maskedValue`.
    case commandValues([String: String])
    /// `action_added` (or a `TODO:` note): a follow-up with its id.
    case followUp(FollowUpRow)
    /// `action_closed`: follow-up `id` is done or dropped.
    case followUpClosed(Int64)
    /// `status_update`: an update went out at the event's time.
    case statusUpdate
    /// `escalation_due` for this level.
    case escalationDue(Int)
    /// `command_finished` of the run started by event `started`, and its outcome in words
    /// (`✓ 2.1s`, `✗ exit 6 · 0.4s`).
    case runFinished(started: Int64, outcome: String)

    /// How the journal writes a secret's value.
    public static let maskedValue = "••••••"

    /// The incident's status after this change, when it sets one: the resolved milestone resolves
    /// the incident; the other milestones are only timestamps.
    public var status: IncidentStatus? {
        switch self {
        case .status(let status): status
        case .milestone(.resolved, _): .resolved
        default: nil
        }
    }

    /// The change `event` carries (`.none` when its payload cannot be read).
    public init(_ event: TimelineEvent) {
        self = Self.fold(event) ?? .none
    }

    private static func fold(_ event: TimelineEvent) -> IncidentChange? {
        switch event.kind {
        case .itemTicked, .itemUnticked, .itemSkipped:
            guard let p = event.payload(as: ChecklistItemPayload.self), let checklist = p.checklist,
                let index = p.index
            else { return nil }
            let key = "\(checklist)#\(index)"
            return event.kind == .itemTicked
                ? .ticked(key) : event.kind == .itemSkipped ? .skipped(key) : .unticked(key)
        case .severityChanged:
            return event.payload(as: SeverityChangedPayload.self).map { .severity($0.to) }
        case .statusChanged:
            return event.payload(as: StatusChangedPayload.self).map { .status($0.to) }
        case .roleAssigned:
            return event.payload(as: RoleAssignedPayload.self).map { .role(IncidentRole($0.role), $0.person) }
        case .milestone:
            return event.payload(as: MilestonePayload.self).map {
                .milestone($0.milestone, at: $0.reached(recordedAt: event.time))
            }
        case .commandStarted:
            // The values it ran with (secrets masked), remembered by the console for the next run.
            guard let values = event.payload(as: StartedValues.self)?.values, !values.isEmpty else { return nil }
            return .commandValues(values)
        case .commandFinished:
            guard let p = event.payload(as: CommandFinishedPayload.self), let started = p.startedEvent else {
                return nil
            }
            return .runFinished(started: started, outcome: outcome(p))
        case .alertFiring, .alertResolved:
            guard let p = event.payload(as: AlertPayload.self) else { return nil }
            return .alert(
                FiringAlert(
                    fingerprint: p.fingerprint, name: p.alertname ?? p.fingerprint, labels: p.labels,
                    annotations: p.annotations, since: p.startsAt.flatMap(ClockTime.parseRFC3339),
                    generatorURL: p.generatorURL, resolved: event.kind == .alertResolved))
        case .slaBreached:
            return event.payload(as: SLABreachedPayload.self).map { .slaBreached($0.severity) }
        case .valuesRecorded:
            // Values from an alert's labels: remembered like typed ones, so a command that uses
            // them goes through the same quoting and refusals (they are untrusted data).
            guard let values = event.payload(as: ValuesRecordedPayload.self)?.values, !values.isEmpty else {
                return nil
            }
            return .commandValues(values)
        case .actionAdded:
            return event.payload(as: ActionAddedPayload.self).map {
                .followUp(FollowUpRow(id: event.id, text: $0.text, owner: $0.owner))
            }
        case .note:
            guard let p = event.payload(as: NotePayload.self), let followUp = FollowUp.fromNote(p.text) else {
                return nil
            }
            return .followUp(FollowUpRow(id: event.id, text: followUp.text, owner: followUp.owner))
        case .actionClosed:
            return event.payload(as: ActionClosedPayload.self).map { .followUpClosed($0.action) }
        case .statusUpdate:
            return .statusUpdate
        case .escalationDue:
            return event.payload(as: EscalationDuePayload.self).map { .escalationDue($0.level) }
        case .opened, .commandRefused, .commandDone, .metricBreached, .metricRecovered:
            return nil
        }
    }

    /// `✓ 2.1s`, `✗ exit 6 · 0.4s`, `✗ cancelled (SIGINT) · 3.0s`, `dry run`.
    static func outcome(_ p: CommandFinishedPayload) -> String {
        if p.dryRun { return "dry run: nothing executed" }
        let took = Durations.text(milliseconds: p.durationMs)
        if p.failure == nil, p.exitStatus == 0 { return "✓ " + took }
        return "✗ " + EventText.exitText(p) + " · " + took
    }

    /// The part of a `command_started` payload the fold reads (older events have no values).
    private struct StartedValues: Decodable {
        var values: [String: String]?
    }
}
