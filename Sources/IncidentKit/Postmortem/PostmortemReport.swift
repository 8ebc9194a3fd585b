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
        /// Since the mark before it (or the start): how long the step took, in a walk's report.
        public var took: String = ""
    }
    public struct CommandRow: Sendable, Equatable {
        public var command: String, exit: String, duration: String, output: String, time: String
        /// The last non-blank output line: what the command said.
        public var keyLine: String = ""
    }
    /// Time spent at one severity or status.
    public struct TimeRow: Sendable, Equatable { public var value: String, duration: String }
    public struct FollowUpRow: Sendable, Equatable {
        public var id: Int64, text: String, owner: String, state: String, added: String
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
    /// When users were first hurt (`impact_started`, an alert's start), and for how long (to mitigation, else resolution).
    public var impactStart: String
    public var impactDuration: String
    /// The response time to acknowledge, met or breached (`met: acknowledged in 3m 00s (within 15m 00s)`).
    public var sla: String
    public var peakSeverity: String
    public var severityTime: [TimeRow]
    public var statusTime: [TimeRow]
    public var handoffs: [Line]
    public var updates: [Line]
    public var followUps: [FollowUpRow]
    /// The checklist or procedure followed.
    public var stepsTitle: String
    public var severityChanges: [Line]
    public var roles: [Role]
    public var days: [Day]
    public var checklist: [ChecklistRow]
    public var checklistDone: Int, checklistSkipped: Int, checklistNotDone: Int
    /// Of the not done: never ticked, skipped or unticked by anyone.
    public var checklistUntouched: Int
    public var commands: [CommandRow]
    public var breaches: [BreachRow]
    public var notes: [Line]
    public var actionItems: [Line]
    public var eventCount: Int
}

extension PostmortemReport {
    /// Builds the report. `runbook`, when given, supplies the checklist items never touched
    /// (shown as not done).
    /// `now` ends the clocks of an incident still open (default: the moment of writing).
    public init(incident: Incident, events: [TimelineEvent], runbook: Runbook? = nil, now: Date? = nil) {
        let decoded = DecodedPayload.decodeAll(events)
        let digest = IncidentDigest(
            incident: incident, events: events, decoded: decoded, runbook: runbook,
            now: now ?? incident.resolvedAt ?? Date())
        var builder = PostmortemBuilder(incident: incident)
        for item in digest.steps { builder.expectItem(item.text) }
        for (event, payload) in zip(events, decoded) { builder.add(event, payload) }
        self = builder.report(eventCount: events.count, digest: digest)
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
    var markedAt: [String: Date] = [:]
    var commands: [PostmortemReport.CommandRow] = []
    var breachOrder: [String] = []
    var breaches: [String: (row: PostmortemReport.BreachRow, peak: Double, threshold: Double, unit: String)] = [:]
    var notes: [PostmortemReport.Line] = []
    var actionItems: [PostmortemReport.Line] = []

    init(incident: Incident) { self.incident = incident }

    mutating func expectItem(_ text: String) {
        guard checklist[text] == nil else { return }
        checklistOrder.append(text)
        checklist[text] = .init(item: text, state: "untouched", time: "", author: "", reason: "")
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
            if milestones[p.milestone] == nil || p.at != nil {
                milestones[p.milestone] = p.reached(recordedAt: event.time)
            }
        case .item(let p):
            if checklist[p.item] == nil { checklistOrder.append(p.item) }
            let state = event.kind == .itemTicked ? "done" : event.kind == .itemSkipped ? "skipped" : "not done"
            checklist[p.item] = .init(
                item: p.item, state: state, time: state == "not done" ? "" : stamp,
                author: state == "not done" ? "" : event.author, reason: p.reason ?? "")
            markedAt[p.item] = state == "not done" ? nil : event.time
        case .finished(let p):
            let key = p.tail.last { !$0.trimmingCharacters(in: .whitespaces).isEmpty } ?? ""
            commands.append(
                .init(
                    command: p.command, exit: EventText.exitText(p),
                    duration: Durations.text(milliseconds: p.durationMs), output: p.output ?? "—",
                    time: stamp, keyLine: key))
        case .refused(let p):
            commands.append(
                .init(
                    command: p.command, exit: "refused: \(p.reason)", duration: "—", output: "—",
                    time: stamp))
        case .done(let p):
            commands.append(.init(command: p.command, exit: "done by hand", duration: "—", output: "—", time: stamp))
        case .metric(let p):
            addMetric(p, breached: event.kind == .metricBreached, stamp: stamp)
        case .note(let p):
            notes.append(
                .init(time: stamp, author: event.author, text: p.text + (p.step.map { " (on step: \($0))" } ?? "")))
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

    func report(eventCount: Int, digest: IncidentDigest) -> PostmortemReport {
        // Durations run from detection when it was recorded, else from the opening.
        let origin = milestones[.detected] ?? incident.startedAt
        let resolved = milestones[.resolved] ?? resolvedByStatus ?? incident.resolvedAt
        func since(_ date: Date?) -> String {
            Durations.text(seconds: date.map { $0.timeIntervalSince(origin) })
        }
        func stamp(_ date: Date?) -> String {
            date.map {
                let p = UTCParts($0); return p.dateString + " " + p.timeString + " UTC"
            } ?? "—"
        }
        var rows = checklistOrder.compactMap { checklist[$0] }
        // Each mark's time since the mark before it (or the start): how long each step took.
        var previous = incident.startedAt
        for (item, at) in markedAt.sorted(by: { $0.value < $1.value }) {
            if let i = rows.firstIndex(where: { $0.item == item }) {
                rows[i].took = Durations.text(seconds: at.timeIntervalSince(previous))
            }
            previous = at
        }
        func line(_ date: Date, _ author: String, _ text: String) -> PostmortemReport.Line {
            let p = UTCParts(date)
            return .init(time: p.dateString + " " + p.timeString, author: author, text: text)
        }
        func spans(_ list: [IncidentDigest.Span]) -> [PostmortemReport.TimeRow] {
            list.map { .init(value: $0.value, duration: Durations.text(seconds: $0.seconds)) }
        }
        return PostmortemReport(
            incident: incident, start: stamp(incident.startedAt), end: stamp(incident.resolvedAt),
            duration: incident.resolvedAt.map { Durations.text(seconds: $0.timeIntervalSince(incident.startedAt)) }
                ?? "—",
            timeToAcknowledge: since(milestones[.acknowledged]), timeToMitigate: since(milestones[.mitigated]),
            timeToResolve: since(resolved),
            impactStart: stamp(digest.impactStartedAt),
            impactDuration: digest.impactStartedAt.map { start in
                Durations.text(seconds: (milestones[.mitigated] ?? resolved).map { $0.timeIntervalSince(start) })
            } ?? "—",
            sla: digest.responseSeconds == nil ? "—" : digest.slaText, peakSeverity: digest.peakSeverity,
            severityTime: spans(digest.severitySpans), statusTime: spans(digest.statusSpans),
            handoffs: digest.handoffs.map { line($0.time, $0.to, "\($0.role): \($0.from ?? "nobody") → \($0.to)") },
            updates: digest.updates.map { u in
                line(
                    u.time, u.author,
                    u.delivery + ": "
                        + u.text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
                        .filter { !$0.isEmpty }.joined(separator: " · "))
            },
            followUps: digest.followUps.map { f in
                let p = UTCParts(f.addedAt)
                return .init(
                    id: f.id, text: f.text, owner: f.owner ?? "—", state: f.state,
                    added: p.dateString + " " + p.timeString)
            },
            stepsTitle: digest.stepsTitle ?? "", severityChanges: severityChanges,
            roles: incident.roles.sorted { $0.key < $1.key }.map {
                PostmortemReport.Role(role: $0.key, person: $0.value)
            },
            days: days, checklist: rows,
            checklistDone: rows.filter { $0.state == "done" }.count,
            checklistSkipped: rows.filter { $0.state == "skipped" }.count,
            checklistNotDone: rows.filter { $0.state == "not done" || $0.state == "untouched" }.count,
            checklistUntouched: rows.filter { $0.state == "untouched" }.count,
            commands: commands, breaches: breachOrder.compactMap { breaches[$0]?.row }, notes: notes,
            actionItems: actionItems, eventCount: eventCount)
    }
}
