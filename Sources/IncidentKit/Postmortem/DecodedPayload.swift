import Foundation

/// An event's payload decoded once into its typed form, so that reading 100k events costs one
/// JSON decode each.
enum DecodedPayload: Equatable {
    case opened(OpenedPayload)
    case severity(SeverityChangedPayload)
    case status(StatusChangedPayload)
    case role(RoleAssignedPayload)
    case item(ChecklistItemPayload)
    case started(CommandStartedPayload)
    case finished(CommandFinishedPayload)
    case refused(CommandRefusedPayload)
    case done(CommandDonePayload)
    case metric(MetricPayload)
    case note(NotePayload)
    case milestone(MilestonePayload)
    case slaBreached(SLABreachedPayload)
    case alert(AlertPayload)
    case values(ValuesRecordedPayload)
    case actionAdded(ActionAddedPayload)
    case actionClosed(ActionClosedPayload)
    case statusUpdate(StatusUpdatePayload)
    case escalationDue(EscalationDuePayload)
    /// A payload that does not fit its kind (a newer writer, a hand edit).
    case unreadable

    static func decode(_ event: TimelineEvent, using decoder: JSONDecoder) -> DecodedPayload {
        if let values = FlatJSON.parse(event.payloadJSON), let fast = fast(event.kind, FlatFields(values)) {
            return fast
        }
        let data = Data(event.payloadJSON.utf8)
        func d<T: Decodable>(_ type: T.Type) -> T? { try? decoder.decode(type, from: data) }
        let decoded: DecodedPayload? =
            switch event.kind {
            case .opened: d(OpenedPayload.self).map(DecodedPayload.opened)
            case .severityChanged: d(SeverityChangedPayload.self).map(DecodedPayload.severity)
            case .statusChanged: d(StatusChangedPayload.self).map(DecodedPayload.status)
            case .roleAssigned: d(RoleAssignedPayload.self).map(DecodedPayload.role)
            case .itemTicked, .itemUnticked, .itemSkipped: d(ChecklistItemPayload.self).map(DecodedPayload.item)
            case .commandStarted: d(CommandStartedPayload.self).map(DecodedPayload.started)
            case .commandFinished: d(CommandFinishedPayload.self).map(DecodedPayload.finished)
            case .commandRefused: d(CommandRefusedPayload.self).map(DecodedPayload.refused)
            case .commandDone: d(CommandDonePayload.self).map(DecodedPayload.done)
            case .metricBreached, .metricRecovered: d(MetricPayload.self).map(DecodedPayload.metric)
            case .note: d(NotePayload.self).map(DecodedPayload.note)
            case .milestone: d(MilestonePayload.self).map(DecodedPayload.milestone)
            case .slaBreached: d(SLABreachedPayload.self).map(DecodedPayload.slaBreached)
            case .alertFiring, .alertResolved: d(AlertPayload.self).map(DecodedPayload.alert)
            case .valuesRecorded: d(ValuesRecordedPayload.self).map(DecodedPayload.values)
            case .actionAdded: d(ActionAddedPayload.self).map(DecodedPayload.actionAdded)
            case .actionClosed: d(ActionClosedPayload.self).map(DecodedPayload.actionClosed)
            case .statusUpdate: d(StatusUpdatePayload.self).map(DecodedPayload.statusUpdate)
            case .escalationDue: d(EscalationDuePayload.self).map(DecodedPayload.escalationDue)
            }
        return decoded ?? .unreadable
    }
}

extension DecodedPayload {
    /// The payload from a flat parse; nil when a field is missing or of the wrong type.
    static func fast(_ kind: EventKind, _ fields: FlatFields) -> DecodedPayload? {
        var f = fields
        let result: DecodedPayload?
        switch kind {
        case .alertFiring, .alertResolved, .valuesRecorded, .actionAdded, .actionClosed, .statusUpdate, .escalationDue:
            // Labels and values are objects: such payloads take the Codable path.
            return nil
        case .opened:
            // The fields of incidents opened by an alert are not in the flat form.
            guard f.values["source"] == nil, f.values["impactStartedAt"] == nil else { return nil }
            result = .opened(
                OpenedPayload(
                    title: f.string("title"), severity: f.string("severity"),
                    runbook: f.optionalString("runbook"),
                    runbookHash: f.optionalString("runbookHash")))
        case .severityChanged:
            result = .severity(SeverityChangedPayload(from: f.string("from"), to: f.string("to")))
        case .statusChanged:
            guard let from = IncidentStatus(rawValue: f.string("from")),
                let to = IncidentStatus(rawValue: f.string("to"))
            else { return nil }
            result = .status(StatusChangedPayload(from: from, to: to))
        case .roleAssigned:
            result = .role(
                RoleAssignedPayload(
                    role: f.string("role"), person: f.string("person"),
                    previous: f.optionalString("previous"), handoff: f.optionalBool("handoff")))
        case .itemTicked, .itemUnticked, .itemSkipped:
            result = .item(
                ChecklistItemPayload(
                    checklist: f.optionalString("checklist"), item: f.string("item"),
                    index: f.optionalInt("index"), reason: f.optionalString("reason")))
        case .commandStarted:
            // `values` is an object: such payloads take the Codable path.
            guard f.values["values"] == nil else { return nil }
            result = .started(
                CommandStartedPayload(
                    command: f.string("command"), commandId: f.optionalInt("commandId"),
                    dryRun: f.bool("dryRun"), runner: f.optionalString("runner"),
                    risk: f.optionalString("risk"),
                    interactive: f.optionalBool("interactive"),
                    title: f.optionalString("title")))
        case .commandFinished:
            result = .finished(
                CommandFinishedPayload(
                    command: f.string("command"), commandId: f.optionalInt("commandId"),
                    exitStatus: f.optionalInt("exitStatus"), signal: f.optionalInt("signal"),
                    durationMs: f.int("durationMs"), output: f.optionalString("output"), tail: f.strings("tail"),
                    dryRun: f.bool("dryRun"), cancelled: f.optionalBool("cancelled"),
                    timedOut: f.optionalBool("timedOut"),
                    failure: f.optionalString("failure")))
        case .commandRefused:
            result = .refused(
                CommandRefusedPayload(
                    command: f.string("command"), commandId: f.optionalInt("commandId"),
                    title: f.optionalString("title"), risk: f.optionalString("risk"),
                    reason: f.string("reason")))
        case .commandDone:
            result = .done(
                CommandDonePayload(
                    command: f.string("command"), commandId: f.optionalInt("commandId"),
                    title: f.optionalString("title")))
        case .metricBreached, .metricRecovered:
            result = .metric(
                MetricPayload(
                    metric: f.string("metric"), value: f.double("value"),
                    threshold: f.double("threshold"), level: f.string("level"),
                    unit: f.optionalString("unit")))
        case .note:
            result = .note(
                NotePayload(
                    text: f.string("text"), step: f.optionalString("step"),
                    checklist: f.optionalString("checklist"), index: f.optionalInt("index")))
        case .milestone:
            guard let milestone = Milestone(rawValue: f.string("milestone")) else { return nil }
            var payload = MilestonePayload(milestone: milestone)
            payload.at = f.optionalString("at")
            result = .milestone(payload)
        case .slaBreached:
            result = .slaBreached(
                SLABreachedPayload(severity: f.string("severity"), responseSeconds: f.int("responseSeconds")))
        }
        return f.failed ? nil : result
    }

    /// Decodes every payload, in chunks on all cores: JSON decoding is most of the cost of a
    /// 100k-event postmortem.
    static func decodeAll(_ events: [TimelineEvent]) -> [DecodedPayload] {
        let chunkSize = 4096
        guard events.count > chunkSize else {
            let decoder = JSONDecoder()
            return events.map { decode($0, using: decoder) }
        }
        let chunks = (events.count + chunkSize - 1) / chunkSize
        let results = ChunkResults(count: chunks)
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            let decoder = JSONDecoder()
            let range = chunk * chunkSize..<min(events.count, (chunk + 1) * chunkSize)
            results.store(chunk, events[range].map { decode($0, using: decoder) })
        }
        return results.joined()
    }

    /// One slot per chunk, each written by exactly one worker.
    private final class ChunkResults: @unchecked Sendable {
        // @unchecked: workers write distinct slots under the lock; read after all are done.
        private var slots: [[DecodedPayload]]
        private let lock = NSLock()
        init(count: Int) { slots = Array(repeating: [], count: count) }
        func store(_ index: Int, _ values: [DecodedPayload]) { lock.withLock { slots[index] = values } }
        func joined() -> [DecodedPayload] { lock.withLock { slots.flatMap { $0 } } }
    }
}
