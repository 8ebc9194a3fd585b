import Foundation
import RunbookKit

/// Everything a postmortem shows, computed from an incident and its events. Pure data: the
/// default template and custom `--template` files render the same `context`.
public struct PostmortemReport: Sendable, Equatable {
    public struct Line: Sendable, Equatable { public var time: String, author: String, text: String }
    public struct Role: Sendable, Equatable { public var role: String, person: String }
    public struct Day: Sendable, Equatable { public var date: String, lines: [Line] }
    public struct ChecklistRow: Sendable, Equatable {
        public var item: String, state: String, time: String, author: String, reason: String
    }
    public struct CommandRow: Sendable, Equatable {
        public var command: String, exit: String, duration: String, output: String, time: String
    }
    public struct BreachRow: Sendable, Equatable {
        public var metric: String, level: String, threshold: String, peak: String, breaches: Int
        public var firstBreach: String, recovered: String
    }

    public var incident: Incident
    public var start: String
    public var end: String
    public var duration: String
    public var timeToAcknowledge: String
    public var timeToMitigate: String
    public var timeToResolve: String
    public var severityChanges: [Line]
    public var roles: [Role]
    public var days: [Day]
    public var checklist: [ChecklistRow]
    public var checklistDone: Int, checklistSkipped: Int, checklistNotDone: Int
    public var commands: [CommandRow]
    public var breaches: [BreachRow]
    public var notes: [Line]
    public var actionItems: [Line]
    public var eventCount: Int
}

extension PostmortemReport {
    /// Builds the report. `runbook`, when given, supplies the checklist items never touched
    /// (shown as not done).
    public init(incident: Incident, events: [TimelineEvent], runbook: Runbook? = nil) {
        var builder = PostmortemBuilder(incident: incident)
        for item in runbook?.incidentChecklist?.items ?? [] { builder.expectItem(item.text) }
        for (event, payload) in zip(events, DecodedPayload.decodeAll(events)) { builder.add(event, payload) }
        self = builder.report(eventCount: events.count)
    }
}

/// One pass over the events; each payload is decoded once.
struct PostmortemBuilder {
    let incident: Incident
    var days: [PostmortemReport.Day] = []
    var severityChanges: [PostmortemReport.Line] = []
    var milestones: [Milestone: Date] = [:]
    var resolvedByStatus: Date?
    var checklistOrder: [String] = []
    var checklist: [String: PostmortemReport.ChecklistRow] = [:]
    var commands: [PostmortemReport.CommandRow] = []
    var breachOrder: [String] = []
    var breaches: [String: (row: PostmortemReport.BreachRow, peak: Double, threshold: Double, unit: String)] = [:]
    var notes: [PostmortemReport.Line] = []
    var actionItems: [PostmortemReport.Line] = []

    init(incident: Incident) { self.incident = incident }

    mutating func expectItem(_ text: String) {
        guard checklist[text] == nil else { return }
        checklistOrder.append(text)
        checklist[text] = .init(item: text, state: "not done", time: "", author: "", reason: "")
    }

    mutating func add(_ event: TimelineEvent, _ payload: DecodedPayload) {
        let parts = UTCParts(event.time)
        let time = parts.timeString
        let text = EventText.describe(event.kind, payload)
        let date = parts.dateString
        if days.last?.date != date { days.append(.init(date: date, lines: [])) }
        days[days.count - 1].lines.append(.init(time: time, author: event.author, text: text))
        let stamp = date + " " + time
        switch payload {
        case .severity:
            severityChanges.append(.init(time: stamp, author: event.author, text: text))
        case .status(let p):
            resolvedByStatus = p.to == .resolved ? (resolvedByStatus ?? event.time) : nil
        case .milestone(let p):
            // The first record counts, unless a later one states when it was reached (`--at`).
            if milestones[p.milestone] == nil || p.at != nil { milestones[p.milestone] = p.reached(recordedAt: event.time) }
        case .item(let p):
            if checklist[p.item] == nil { checklistOrder.append(p.item) }
            let state = event.kind == .itemTicked ? "done" : event.kind == .itemSkipped ? "skipped" : "not done"
            checklist[p.item] = .init(item: p.item, state: state, time: state == "not done" ? "" : stamp,
                                      author: state == "not done" ? "" : event.author, reason: p.reason ?? "")
        case .finished(let p):
            commands.append(.init(command: p.command, exit: EventText.exitText(p),
                                  duration: Durations.text(milliseconds: p.durationMs), output: p.output ?? "—",
                                  time: stamp))
        case .refused(let p):
            commands.append(.init(command: p.command, exit: "refused: \(p.reason)", duration: "—", output: "—",
                                  time: stamp))
        case .done(let p):
            commands.append(.init(command: p.command, exit: "done by hand", duration: "—", output: "—", time: stamp))
        case .metric(let p):
            addMetric(p, breached: event.kind == .metricBreached, stamp: stamp)
        case .note(let p):
            notes.append(.init(time: stamp, author: event.author, text: p.text))
            if let action = Self.actionItem(p.text) {
                actionItems.append(.init(time: stamp, author: event.author, text: action))
            }
        default:
            break
        }
    }

    mutating func addMetric(_ p: MetricPayload, breached: Bool, stamp: String) {
        let unit = p.unit ?? ""
        if var entry = breaches[p.metric] {
            if breached {
                entry.row.breaches += 1
                // Peak is the worst value: the highest, or the lowest for a floor (availability < 99).
                let floor = entry.threshold > entry.peak || p.value < p.threshold
                entry.peak = floor ? min(entry.peak, p.value) : max(entry.peak, p.value)
                // The row shows the most severe level reached, with that level's threshold.
                if p.level == "critical" || entry.row.level != "critical" {
                    entry.row.level = p.level
                    entry.row.threshold = EventText.number(p.threshold) + unit
                }
            } else {
                entry.row.recovered = stamp
            }
            entry.row.peak = EventText.number(entry.peak) + entry.unit
            breaches[p.metric] = entry
        } else if breached {
            breachOrder.append(p.metric)
            let row = PostmortemReport.BreachRow(
                metric: p.metric, level: p.level, threshold: EventText.number(p.threshold) + unit,
                peak: EventText.number(p.value) + unit, breaches: 1, firstBreach: stamp, recovered: "—")
            breaches[p.metric] = (row, p.value, p.threshold, unit)
        }
    }

    /// `TODO: …` or `action: …` (any case) → the text after the marker.
    static func actionItem(_ text: String) -> String? {
        // Plain Substring work: Foundation's trimming costs microseconds per note on Linux.
        let trimmed = text.drop { $0 == " " || $0 == "\t" }
        for marker in ["todo:", "action:"] where trimmed.count >= marker.count {
            guard trimmed.prefix(marker.count).lowercased() == marker else { continue }
            let rest = trimmed.dropFirst(marker.count).drop { $0 == " " || $0 == "\t" }
            var end = rest.endIndex
            while end > rest.startIndex, rest[rest.index(before: end)] == " " { end = rest.index(before: end) }
            return String(rest[..<end])
        }
        return nil
    }

    func report(eventCount: Int) -> PostmortemReport {
        // Durations run from detection when it was recorded, else from the opening.
        let origin = milestones[.detected] ?? incident.startedAt
        let resolved = milestones[.resolved] ?? resolvedByStatus ?? incident.resolvedAt
        func since(_ date: Date?) -> String {
            Durations.text(seconds: date.map { $0.timeIntervalSince(origin) })
        }
        func stamp(_ date: Date?) -> String {
            date.map { let p = UTCParts($0); return p.dateString + " " + p.timeString + " UTC" } ?? "—"
        }
        let rows = checklistOrder.compactMap { checklist[$0] }
        return PostmortemReport(
            incident: incident, start: stamp(incident.startedAt), end: stamp(incident.resolvedAt),
            duration: incident.resolvedAt.map { Durations.text(seconds: $0.timeIntervalSince(incident.startedAt)) } ?? "—",
            timeToAcknowledge: since(milestones[.acknowledged]), timeToMitigate: since(milestones[.mitigated]),
            timeToResolve: since(resolved), severityChanges: severityChanges,
            roles: incident.roles.sorted { $0.key < $1.key }.map { PostmortemReport.Role(role: $0.key, person: $0.value) },
            days: days, checklist: rows,
            checklistDone: rows.filter { $0.state == "done" }.count,
            checklistSkipped: rows.filter { $0.state == "skipped" }.count,
            checklistNotDone: rows.filter { $0.state == "not done" }.count,
            commands: commands, breaches: breachOrder.compactMap { breaches[$0]?.row }, notes: notes,
            actionItems: actionItems, eventCount: eventCount)
    }
}
