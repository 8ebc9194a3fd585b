import ConsoleUI
import IncidentKit

extension ConsoleEvent {
    /// A journal event as the console shows and folds it. Item events carry their key
    /// (`checklist#index`) when the payload names the checklist and index.
    init(_ event: TimelineEvent) {
        var change = Change.none
        switch event.kind {
        case .itemTicked, .itemUnticked, .itemSkipped:
            if let p = event.payload(as: ChecklistItemPayload.self), let checklist = p.checklist, let index = p.index {
                let key = ItemRef.key(checklist: checklist, index: index)
                change = event.kind == .itemTicked ? .ticked(key) : event.kind == .itemSkipped ? .skipped(key) : .unticked(key)
            }
        case .severityChanged:
            if let p = event.payload(as: SeverityChangedPayload.self) { change = .severity(p.to) }
        case .statusChanged:
            if let p = event.payload(as: StatusChangedPayload.self) { change = .status(p.to.rawValue) }
        case .roleAssigned:
            if let p = event.payload(as: RoleAssignedPayload.self) { change = .role(p.role, p.person) }
        case .milestone:
            if let p = event.payload(as: MilestonePayload.self), p.milestone == .resolved { change = .status("resolved") }
        default:
            break
        }
        self.init(id: event.id, time: event.time, author: event.author, kind: event.kind.rawValue,
                  text: EventText.describe(event), change: change)
    }
}

extension IncidentSnapshot {
    init(_ incident: Incident) {
        self.init(id: incident.id, title: incident.title, severity: incident.severity,
                  status: incident.status.rawValue, startedAt: incident.startedAt, commander: incident.roles["commander"])
    }
}
