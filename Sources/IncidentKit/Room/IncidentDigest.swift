import Foundation
import RunbookKit

/// What a person taking over, a stakeholder update or a reviewer needs to know about an incident,
/// folded once from its events: lifecycle, clocks, roles, steps, runs, breaches, notes, follow-ups.
/// The hand-off briefing, the status-update draft and the postmortem all read this.
public struct IncidentDigest: Sendable, Equatable {
    public struct Step: Sendable, Equatable {
        public var text: String
        /// `done`, `skipped` or `open`.
        public var state: String
        public var time: Date?
        public var author: String?
        public var reason: String?
    }
    public struct Run: Sendable, Equatable {
        public var command: String
        public var startedAt: Date
        public var author: String
        /// `running` until it finished; then the result in words (`exit 0`, `cancelled`).
        public var result: String
        public var failed: Bool
        public var lastLines: [String]
    }
    public struct Handoff: Sendable, Equatable {
        public var time: Date
        public var role: String
        public var from: String?
        public var to: String
    }
    public struct Update: Sendable, Equatable {
        public var time: Date
        public var author: String
        public var text: String
        public var delivery: String
    }
    public struct Span: Sendable, Equatable {
        public var value: String
        public var seconds: Double
    }
    public struct Line: Sendable, Equatable {
        public var time: Date
        public var author: String
        public var text: String
    }

    public var incident: Incident
    public var now: Date
    public var milestones: [Milestone: Date] = [:]
    /// When the impact started: the `impact_started` milestone, else an alert's `startsAt`.
    public var impactStartedAt: Date?
    public var responseSeconds: Int?
    public var slaBreachedAt: Date?
    public var peakSeverity: String
    /// Time spent at each severity and status, in the order first reached.
    public var severitySpans: [Span] = []
    public var statusSpans: [Span] = []
    public var handoffs: [Handoff] = []
    public var updates: [Update] = []
    /// The list followed (the checklist or procedure steps were ticked on, else the runbook's).
    public var stepsTitle: String?
    public var steps: [Step] = []
    public var runs: [Run] = []
    /// Metrics breached and not recovered, with their last breach text.
    public var breachedMetrics: [Line] = []
    public var notes: [Line] = []
    public var followUps: [FollowUp] = []

    public var end: Date { incident.resolvedAt ?? now }
    public var elapsedSeconds: Double { end.timeIntervalSince(incident.startedAt) }
    public var acknowledgedAt: Date? { milestones[.acknowledged] }
    public var openFollowUps: [FollowUp] { followUps.filter(\.isOpen) }

    /// `met` (acknowledged in time), `breached`, `running` (not acknowledged, time left) or nil
    /// when the severity has no response time.
    public var slaState: String? {
        guard let responseSeconds else { return nil }
        let deadline = incident.startedAt.addingTimeInterval(Double(responseSeconds))
        if let acknowledgedAt { return acknowledgedAt <= deadline ? "met" : "breached" }
        return now > deadline || slaBreachedAt != nil ? "breached" : "running"
    }

    /// `acknowledged in 1m 52s (within 5m)`, `breached by 3m 10s (5m)`, `2m 08s left of 5m`.
    public var slaText: String {
        guard let responseSeconds else { return "no response time for \(incident.severity)" }
        let limit = Durations.text(seconds: Double(responseSeconds))
        let deadline = incident.startedAt.addingTimeInterval(Double(responseSeconds))
        if let acknowledgedAt {
            let took = Durations.text(seconds: acknowledgedAt.timeIntervalSince(incident.startedAt))
            return acknowledgedAt <= deadline
                ? "met: acknowledged in \(took) (within \(limit))"
                : "breached: acknowledged in \(took), \(limit) allowed"
        }
        let late = now.timeIntervalSince(deadline)
        return late > 0
            ? "breached by \(Durations.text(seconds: late)) (\(limit) to acknowledge)"
            : "\(Durations.text(seconds: -late)) left to acknowledge (\(limit))"
    }

    public var stepsDone: Int { steps.filter { $0.state == "done" }.count }
    public var stepsSkipped: Int { steps.filter { $0.state == "skipped" }.count }
    public var stepsOpen: Int { steps.filter { $0.state == "open" }.count }
}

extension IncidentDigest {
    /// Folds `events` (oldest first) of `incident`; `runbook` supplies severities' response times
    /// and the steps never touched.
    public init(incident: Incident, events: [TimelineEvent], runbook: Runbook?, now: Date) {
        self.init(
            incident: incident, events: events, decoded: DecodedPayload.decodeAll(events), runbook: runbook, now: now)
    }

    /// With the payloads already decoded (the postmortem decodes them once for both).
    init(incident: Incident, events: [TimelineEvent], decoded: [DecodedPayload], runbook: Runbook?, now: Date) {
        self.incident = incident
        self.now = now
        self.peakSeverity = incident.severity
        var fold = DigestFold(incident: incident, runbook: runbook)
        for (event, payload) in zip(events, decoded) { fold.add(event, payload) }
        fold.finish(into: &self, runbook: runbook)
    }
}

/// The one pass behind `IncidentDigest`.
struct DigestFold {
    let incident: Incident
    let runbook: Runbook?
    var milestones: [Milestone: Date] = [:]
    var impactStartedAt: Date?
    var slaBreachedAt: Date?
    var severities: [(String, Date)] = []
    var statuses: [(String, Date)] = []
    var handoffs: [IncidentDigest.Handoff] = []
    var updates: [IncidentDigest.Update] = []
    var lastList: String?
    var marks: [String: [String: IncidentDigest.Step]] = [:]
    var markOrder: [String: [String]] = [:]
    var runs: [IncidentDigest.Run] = []
    var openRuns: [Int64: Int] = [:]
    var breached: [String: IncidentDigest.Line] = [:]
    var breachOrder: [String] = []
    var notes: [IncidentDigest.Line] = []
    var followUps = FollowUpFold()

    init(incident: Incident, runbook: Runbook?) {
        self.incident = incident
        self.runbook = runbook
    }

    mutating func add(_ event: TimelineEvent, _ payload: DecodedPayload) {
        switch payload {
        case .opened(let p):
            severities.append((p.severity, event.time))
            statuses.append(((p.status ?? .investigating).rawValue, event.time))
            impactStartedAt = p.impactStartedAt.flatMap(MilestoneTime.parseISO)
        case .severity(let p):
            severities.append((p.to, event.time))
        case .status(let p):
            statuses.append((p.to.rawValue, event.time))
        case .milestone(let p):
            // The first record counts, unless a later one states when it was reached (`--at`).
            if milestones[p.milestone] == nil || p.at != nil {
                milestones[p.milestone] = p.reached(recordedAt: event.time)
            }
            if p.milestone == .resolved, statuses.last?.0 != "resolved" { statuses.append(("resolved", event.time)) }
        case .slaBreached:
            slaBreachedAt = slaBreachedAt ?? event.time
        case .role(let p):
            if p.handoff == true || (p.previous != nil && p.previous != p.person) {
                handoffs.append(.init(time: event.time, role: p.role, from: p.previous, to: p.person))
            }
        case .statusUpdate(let p):
            let delivery = p.sentWith.map { "sent with `\($0)`" + EventText.deliveryText(p) } ?? "recorded"
            updates.append(.init(time: event.time, author: event.author, text: p.text, delivery: delivery))
        case .item(let p):
            let list = p.checklist ?? ""
            if !list.isEmpty { lastList = list }
            if marks[list]?[p.item] == nil { markOrder[list, default: []].append(p.item) }
            let state = event.kind == .itemTicked ? "done" : event.kind == .itemSkipped ? "skipped" : "open"
            marks[list, default: [:]][p.item] = .init(
                text: p.item, state: state,
                time: state == "open" ? nil : event.time,
                author: state == "open" ? nil : event.author, reason: p.reason)
        case .started(let p):
            openRuns[event.id] = runs.count
            runs.append(
                .init(
                    command: p.command, startedAt: event.time, author: event.author, result: "running",
                    failed: false, lastLines: []))
        case .finished(let p):
            let result = EventText.exitText(p)
            let failed = !p.dryRun && (p.failure != nil || p.exitStatus != 0)
            if let started = p.startedEvent, let at = openRuns.removeValue(forKey: started) {
                runs[at].result = result
                runs[at].failed = failed
                runs[at].lastLines = p.tail
            } else if let at = runs.lastIndex(where: { $0.result == "running" && $0.command == p.command }) {
                // Older events do not name their start: the latest matching run still going.
                openRuns = openRuns.filter { $0.value != at }
                runs[at].result = result
                runs[at].failed = failed
                runs[at].lastLines = p.tail
            } else {
                runs.append(
                    .init(
                        command: p.command, startedAt: event.time, author: event.author, result: result,
                        failed: failed, lastLines: p.tail))
            }
        case .metric(let p):
            if event.kind == .metricRecovered { breached[p.metric] = nil; return }
            if breached[p.metric] == nil { breachOrder.removeAll { $0 == p.metric }; breachOrder.append(p.metric) }
            breached[p.metric] = .init(
                time: event.time, author: event.author, text: EventText.describe(event.kind, payload))
        case .note(let p):
            notes.append(.init(time: event.time, author: event.author, text: p.text))
        default:
            break
        }
        followUps.add(event, payload)
    }

    func finish(into digest: inout IncidentDigest, runbook: Runbook?) {
        let end = digest.end
        digest.milestones = milestones
        digest.impactStartedAt = milestones[.impactStarted] ?? impactStartedAt
        digest.slaBreachedAt = slaBreachedAt
        digest.responseSeconds = runbook?.severity(incident.severity)?.responseTime?.seconds
        digest.severitySpans = Self.spans(severities, until: end)
        // Time "at resolved" is not time spent on the incident.
        digest.statusSpans = Self.spans(statuses, until: end).filter { $0.value != IncidentStatus.resolved.rawValue }
        let ranks = runbook?.severities ?? []
        digest.peakSeverity =
            severities.map(\.0).min { a, b in
                Self.rank(a, ranks) < Self.rank(b, ranks)
            } ?? incident.severity
        digest.handoffs = handoffs
        digest.updates = updates
        let followed = steps(runbook)
        digest.stepsTitle = followed.title
        digest.steps = followed.steps
        digest.runs = runs
        digest.breachedMetrics = breachOrder.compactMap { breached[$0] }
        digest.notes = notes
        digest.followUps = followUps.list
    }

    /// The list followed: the one items were last marked on (with its untouched items from the
    /// runbook), else the runbook's incident checklist or the severity's procedure, all open.
    func steps(_ runbook: Runbook?) -> (title: String?, steps: [IncidentDigest.Step]) {
        let title =
            lastList ?? runbook?.incidentChecklist?.title
            ?? severityProcedure(runbook).map { Self.procedurePrefix + $0.title }
        guard let title else { return (nil, []) }
        let expected = Self.items(of: title, in: runbook)
        // Items recorded without a list name (older events, `warroom` scripts) count on any list.
        let marked = (marks[""] ?? [:]).merging(marks[title] ?? [:]) { _, named in named }
        var order = expected
        for item in markOrder[title] ?? [] where !order.contains(item) { order.append(item) }
        return (title, order.map { marked[$0] ?? .init(text: $0, state: "open") })
    }

    func severityProcedure(_ runbook: Runbook?) -> Procedure? {
        guard let runbook else { return nil }
        if let name = runbook.severity(incident.severity)?.procedure,
            let named = runbook.procedures.first(where: { $0.title.lowercased() == name.lowercased() })
        {
            return named
        }
        return runbook.procedures.first { $0.severity == incident.severity }
    }

    /// How the console names a procedure followed as a checklist (its item events carry it).
    static let procedurePrefix = "Procedure: "

    static func items(of title: String, in runbook: Runbook?) -> [String] {
        guard let runbook else { return [] }
        if let list = runbook.checklists.first(where: { $0.title == title }) { return list.items.map(\.text) }
        let name = title.hasPrefix(procedurePrefix) ? String(title.dropFirst(procedurePrefix.count)) : title
        if let procedure = runbook.procedures.first(where: { $0.title == name }) { return procedure.steps.map(\.text) }
        return []
    }

    /// Seconds at each value, summed over every visit, in the order first reached.
    static func spans(_ changes: [(String, Date)], until end: Date) -> [IncidentDigest.Span] {
        var order: [String] = []
        var total: [String: Double] = [:]
        for (i, change) in changes.enumerated() {
            let next = i + 1 < changes.count ? changes[i + 1].1 : end
            if total[change.0] == nil { order.append(change.0) }
            total[change.0, default: 0] += max(0, next.timeIntervalSince(change.1))
        }
        return order.map { .init(value: $0, seconds: total[$0] ?? 0) }
    }

    /// The runbook's rank (1 is the worst), else the number in the id (SEV1, P0).
    static func rank(_ id: String, _ levels: [SeverityLevel]) -> Int {
        if let level = levels.first(where: { $0.id == id }) { return level.rank }
        return Int(id.filter(\.isNumber)) ?? Int.max
    }
}
