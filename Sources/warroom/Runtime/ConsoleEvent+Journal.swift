import ConsoleUI
import IncidentKit
import RunbookKit

extension ConsoleEvent {
    /// A journal event as the console shows and folds it. Item events carry their key
    /// (`checklist#index`) when the payload names the checklist and index.
    init(_ event: TimelineEvent) {
        var change = Change.none
        var text = Self.oneLine(EventText.describe(event))
        var detail: [String] = []
        switch event.kind {
        case .commandStarted:
            if let p = event.payload(as: CommandStartedPayload.self) {
                // The row reads `#3 `cmd``, then the outcome once it finished.
                text = Self.oneLine(
                    (p.commandId.map { "#\($0) " } ?? "") + "`\(p.command)`" + (p.dryRun ? " (dry run)" : "")
                        + (p.interactive == true ? " (interactive)" : ""))
                detail = Self.startedDetail(p)
            }
        case .commandFinished:
            if let p = event.payload(as: CommandFinishedPayload.self) {
                detail = Self.finishedDetail(p)
                if let started = p.startedEvent { change = .runFinished(started: started, outcome: Self.outcome(p)) }
            }
        default:
            break
        }
        text = Self.withoutKindWord(text, event.kind)
        let full = EventText.describe(event)
        if detail.isEmpty, full.contains(where: \.isNewline) || full.count > 80 {
            detail = full.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        }
        if case .runFinished = change {
            self.init(
                id: event.id, time: event.time, author: event.author, kind: event.kind.rawValue, text: text,
                change: change, detail: detail)
            return
        }
        switch event.kind {
        case .itemTicked, .itemUnticked, .itemSkipped:
            if let p = event.payload(as: ChecklistItemPayload.self), let checklist = p.checklist, let index = p.index {
                let key = ItemRef.key(checklist: checklist, index: index)
                change =
                    event.kind == .itemTicked
                    ? .ticked(key) : event.kind == .itemSkipped ? .skipped(key) : .unticked(key)
            }
        case .severityChanged:
            if let p = event.payload(as: SeverityChangedPayload.self) { change = .severity(p.to) }
        case .statusChanged:
            if let p = event.payload(as: StatusChangedPayload.self) { change = .status(p.to.rawValue) }
        case .roleAssigned:
            if let p = event.payload(as: RoleAssignedPayload.self) { change = .role(p.role, p.person) }
        case .commandStarted:
            // The values it ran with (secrets masked), remembered by the console for the next run.
            if let p = event.payload(as: StartedValues.self), let values = p.values, !values.isEmpty {
                change = .commandValues(values)
            }
        case .alertFiring, .alertResolved:
            if let p = event.payload(as: AlertPayload.self) {
                change = .alert(
                    FiringAlert(
                        fingerprint: p.fingerprint, name: p.alertname ?? p.fingerprint, labels: p.labels,
                        annotations: p.annotations, since: p.startsAt.flatMap(ClockTime.parseRFC3339),
                        generatorURL: p.generatorURL, resolved: event.kind == .alertResolved))
            }
        case .slaBreached:
            if let p = event.payload(as: SLABreachedPayload.self) { change = .slaBreached(p.severity) }
        case .valuesRecorded:
            // Values from an alert's labels: remembered like typed ones, so a command that uses
            // them goes through the same quoting and refusals (they are untrusted data).
            if let p = event.payload(as: ValuesRecordedPayload.self), !p.values.isEmpty {
                change = .commandValues(p.values)
            }
        case .actionAdded:
            if let p = event.payload(as: ActionAddedPayload.self) {
                change = .followUp(FollowUpRow(id: event.id, text: p.text, owner: p.owner))
            }
        case .note:
            if let p = event.payload(as: NotePayload.self), let followUp = FollowUp.fromNote(p.text) {
                change = .followUp(FollowUpRow(id: event.id, text: followUp.text, owner: followUp.owner))
            }
        case .actionClosed:
            if let p = event.payload(as: ActionClosedPayload.self) { change = .followUpClosed(p.action) }
        case .statusUpdate:
            change = .statusUpdate
        case .escalationDue:
            if let p = event.payload(as: EscalationDuePayload.self) { change = .escalationDue(p.level) }
        case .milestone:
            if let p = event.payload(as: MilestonePayload.self) {
                change = .milestone(p.milestone.rawValue, at: p.reached(recordedAt: event.time))
            }
        default:
            break
        }
        self.init(
            id: event.id, time: event.time, author: event.author, kind: event.kind.rawValue,
            text: text, change: change, detail: detail)
    }

    /// The timeline's kind column already says "done", "skipped", "follow-up", "opened": the
    /// text does not say it again.
    static func withoutKindWord(_ text: String, _ kind: EventKind) -> String {
        let prefixes: [EventKind: String] = [
            .itemTicked: "Done: ", .itemSkipped: "Skipped: ", .itemUnticked: "Not done: ", .actionAdded: "Follow-up: ",
            .opened: "Incident opened: "
        ]
        guard let prefix = prefixes[kind], text.hasPrefix(prefix) else { return text }
        return String(text.dropFirst(prefix.count))
    }

    /// `✓ 2.1s`, `✗ exit 6 · 0.4s`, `✗ cancelled (SIGINT) · 3.0s`, `dry run`.
    static func outcome(_ p: CommandFinishedPayload) -> String {
        if p.dryRun { return "dry run: nothing executed" }
        let took = Durations.text(milliseconds: p.durationMs)
        if p.failure == nil, p.exitStatus == 0 { return "✓ " + took }
        return "✗ " + EventText.exitText(p) + " · " + took
    }

    static func startedDetail(_ p: CommandStartedPayload) -> [String] {
        var lines = ["$ " + p.command]
        if let title = p.title { lines.append("step: " + title) }
        if let risk = p.risk { lines.append("risk: " + risk) }
        if let runner = p.runner { lines.append("runner: " + runner) }
        // Values as recorded: secrets were masked before they were stored.
        for (name, value) in (p.values ?? [:]).sorted(by: { $0.key < $1.key }) { lines.append("  \(name) = \(value)") }
        return lines
    }

    static func finishedDetail(_ p: CommandFinishedPayload) -> [String] {
        var lines = ["result: " + EventText.exitText(p) + " after " + Durations.text(milliseconds: p.durationMs)]
        if let output = p.output { lines.append("full output: <store>/" + output) }
        if !p.tail.isEmpty {
            lines.append("last lines:")
            lines += p.tail.map { "  " + $0 }
        }
        return lines
    }

    /// The part of a `command_started` payload the console folds (older events have no values).
    private struct StartedValues: Decodable {
        var values: [String: String]?
    }

    /// A timeline row is one line: a multi-line note (from stdin) shows its lines joined.
    static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }.joined(separator: " ⏎ ")
    }
}

extension IncidentSnapshot {
    init(_ incident: Incident) {
        self.init(
            id: incident.id, title: incident.title, severity: incident.severity,
            status: incident.status.rawValue, startedAt: incident.startedAt, commander: incident.roles["commander"])
    }
}
