import Foundation

/// A typed payload of one event kind. Each is stored as a JSON object in the event row.
public protocol EventPayload: Codable, Sendable, Equatable {
    static var kind: EventKind { get }
}

public struct OpenedPayload: EventPayload {
    public static let kind = EventKind.opened
    public var title: String
    public var severity: String
    public var runbook: String?
    public var runbookHash: String?
    /// The runbook section followed (incidents opened by an alert).
    public var runbookSection: String?
    /// When the impact started, ISO 8601 (an alert's `startsAt`): earlier than the opening itself.
    public var impactStartedAt: String?
    /// What opened it when not a person: `alert`.
    public var source: String?
    /// The status it opened with when not `investigating`.
    public var status: IncidentStatus?
    public init(
        title: String, severity: String, runbook: String? = nil, runbookHash: String? = nil,
        runbookSection: String? = nil, impactStartedAt: String? = nil, source: String? = nil,
        status: IncidentStatus? = nil
    ) {
        self.title = title
        self.severity = severity
        self.runbook = runbook
        self.runbookHash = runbookHash
        self.runbookSection = runbookSection
        self.impactStartedAt = impactStartedAt
        self.source = source
        self.status = status
    }
}

/// `alert_firing` / `alert_resolved`: one alert as Alertmanager sent it. Labels and annotations
/// are untrusted data, stored as they came (and redacted like every payload).
public struct AlertPayload: Codable, Sendable, Equatable {
    public var fingerprint: String
    public var alertname: String?
    public var labels: [String: String]
    public var annotations: [String: String]
    public var startsAt: String?
    public var endsAt: String?
    public var generatorURL: String?
    public init(
        fingerprint: String, alertname: String?, labels: [String: String], annotations: [String: String],
        startsAt: String? = nil, endsAt: String? = nil, generatorURL: String? = nil
    ) {
        self.fingerprint = fingerprint
        self.alertname = alertname
        self.labels = labels
        self.annotations = annotations
        self.startsAt = startsAt
        self.endsAt = endsAt
        self.generatorURL = generatorURL
    }
}

/// `values_recorded`: placeholder values for the incident's commands, and where they came from
/// (`alert`). The console remembers them as it remembers typed ones, so they go through the same
/// quoting and refusals when a command uses them.
public struct ValuesRecordedPayload: EventPayload {
    public static let kind = EventKind.valuesRecorded
    public var values: [String: String]
    public var source: String
    public init(values: [String: String], source: String) {
        self.values = values
        self.source = source
    }
}

public struct SeverityChangedPayload: EventPayload {
    public static let kind = EventKind.severityChanged
    public var from: String
    public var to: String
    public init(from: String, to: String) { self.from = from; self.to = to }
}

public struct StatusChangedPayload: EventPayload {
    public static let kind = EventKind.statusChanged
    public var from: IncidentStatus
    public var to: IncidentStatus
    public init(from: IncidentStatus, to: IncidentStatus) { self.from = from; self.to = to }
}

public struct RoleAssignedPayload: EventPayload {
    public static let kind = EventKind.roleAssigned
    public var role: String
    public var person: String
    public var previous: String?
    /// A hand-off (`warroom handoff`): the previous holder passed the role on with a briefing.
    public var handoff: Bool?
    public init(role: String, person: String, previous: String? = nil, handoff: Bool? = nil) {
        self.role = role
        self.person = person
        self.previous = previous
        self.handoff = handoff
    }
}

/// Ticked, unticked or skipped: the event's kind says which.
public struct ChecklistItemPayload: Codable, Sendable, Equatable {
    public var checklist: String?
    public var item: String
    public var index: Int?
    /// Why an item was skipped.
    public var reason: String?
    public init(checklist: String? = nil, item: String, index: Int? = nil, reason: String? = nil) {
        self.checklist = checklist
        self.item = item
        self.index = index
        self.reason = reason
    }
}

public struct CommandStartedPayload: EventPayload {
    public static let kind = EventKind.commandStarted
    /// The exact text that ran (redacted when stored).
    public var command: String
    public var commandId: Int?
    public var dryRun: Bool
    /// Placeholder name → value used, secrets masked. Older events have none.
    public var values: [String: String]?
    /// The runner in words (`bash`, or the configured command line).
    public var runner: String?
    /// `read`, `change` or `destructive`.
    public var risk: String?
    /// Ran with the real terminal.
    public var interactive: Bool?
    public var title: String?
    /// The process that runs it (a console or `warroom exec`) and its host: if that process is gone
    /// and no `command_finished` came, the run is reconciled as ended with an unknown result.
    public var pid: Int?
    public var host: String?

    public init(
        command: String, commandId: Int? = nil, dryRun: Bool = false, values: [String: String]? = nil,
        runner: String? = nil, risk: String? = nil, interactive: Bool? = nil, title: String? = nil,
        pid: Int? = nil, host: String? = nil
    ) {
        self.pid = pid
        self.host = host
        self.command = command
        self.commandId = commandId
        self.dryRun = dryRun
        self.values = values
        self.runner = runner
        self.risk = risk
        self.interactive = interactive
        self.title = title
    }
}

public struct CommandFinishedPayload: EventPayload {
    public static let kind = EventKind.commandFinished
    public var command: String
    public var commandId: Int?
    /// Nil when the command was killed by a signal.
    public var exitStatus: Int?
    public var signal: Int?
    public var durationMs: Int
    /// Path of the full output, relative to the store folder.
    public var output: String?
    /// The last lines of the output.
    public var tail: [String]
    public var dryRun: Bool
    /// Cancelled by the user (the signal says which one ended it). Older events: nil.
    public var cancelled: Bool?
    /// Cancelled because it ran past its timeout.
    public var timedOut: Bool?
    /// Why it could not run (it never started, e.g. a missing working directory), or why its
    /// result is unknown (the process running it died first).
    public var failure: String?
    /// The `command_started` event this ends. Older events: nil.
    public var startedEvent: Int64?

    public init(
        command: String, commandId: Int? = nil, exitStatus: Int?, signal: Int? = nil, durationMs: Int,
        output: String? = nil, tail: [String] = [], dryRun: Bool = false, cancelled: Bool? = nil,
        timedOut: Bool? = nil, failure: String? = nil, startedEvent: Int64? = nil
    ) {
        self.startedEvent = startedEvent
        self.cancelled = cancelled
        self.timedOut = timedOut
        self.failure = failure
        self.command = command
        self.commandId = commandId
        self.exitStatus = exitStatus
        self.signal = signal
        self.durationMs = durationMs
        self.output = output
        self.tail = tail
        self.dryRun = dryRun
    }

    // Explicit so that `exitStatus: null` is written rather than the key left out.
    enum CodingKeys: String, CodingKey {
        case command, commandId, exitStatus, signal, durationMs, output, tail, dryRun, cancelled, timedOut, failure
        case startedEvent
    }
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(command, forKey: .command)
        try c.encodeIfPresent(commandId, forKey: .commandId)
        try c.encode(exitStatus, forKey: .exitStatus)
        try c.encode(signal, forKey: .signal)
        try c.encode(durationMs, forKey: .durationMs)
        try c.encode(output, forKey: .output)
        try c.encode(tail, forKey: .tail)
        try c.encode(dryRun, forKey: .dryRun)
        try c.encodeIfPresent(cancelled, forKey: .cancelled)
        try c.encodeIfPresent(timedOut, forKey: .timedOut)
        try c.encodeIfPresent(failure, forKey: .failure)
        try c.encodeIfPresent(startedEvent, forKey: .startedEvent)
    }
}

/// Breached or recovered: the event's kind says which.
public struct MetricPayload: Codable, Sendable, Equatable {
    public var metric: String
    public var value: Double
    public var threshold: Double
    /// `warning` or `critical`.
    public var level: String
    public var unit: String?
    public init(metric: String, value: Double, threshold: Double, level: String, unit: String? = nil) {
        self.metric = metric
        self.value = value
        self.threshold = threshold
        self.level = level
        self.unit = unit
    }
}

public struct NotePayload: EventPayload {
    public static let kind = EventKind.note
    public var text: String
    /// The checklist step it was written on (guided mode): its text, list and index.
    public var step: String?
    public var checklist: String?
    public var index: Int?
    public init(text: String, step: String? = nil, checklist: String? = nil, index: Int? = nil) {
        self.text = text
        self.step = step
        self.checklist = checklist
        self.index = index
    }
}

public struct MilestonePayload: EventPayload {
    public static let kind = EventKind.milestone
    public var milestone: Milestone
    /// When it was reached, ISO 8601 UTC, when that is not the moment it was recorded
    /// (`warroom milestone acknowledged --at 13:02`). A later event with another time corrects
    /// it; the earlier one stays on the record.
    public var at: String?
    public init(milestone: Milestone, at: Date? = nil) {
        self.milestone = milestone
        self.at = at.map(MilestoneTime.iso)
    }

    /// When the milestone was reached: `at`, else the event's own time.
    public func reached(recordedAt time: Date) -> Date { at.flatMap(MilestoneTime.parseISO) ?? time }
}

/// The response time of `severity` (`responseSeconds` after the start) passed unacknowledged.
public struct SLABreachedPayload: EventPayload {
    public static let kind = EventKind.slaBreached
    public var severity: String
    public var responseSeconds: Int
    public init(severity: String, responseSeconds: Int) {
        self.severity = severity
        self.responseSeconds = responseSeconds
    }
}

/// A run that was asked for and refused before anything executed.
public struct CommandRefusedPayload: EventPayload {
    public static let kind = EventKind.commandRefused
    /// The text that would have run (redacted when stored).
    public var command: String
    public var commandId: Int?
    public var title: String?
    public var risk: String?
    /// Why, in words ("the confirmation typed was \"yes\", not DEL").
    public var reason: String

    public init(command: String, commandId: Int? = nil, title: String? = nil, risk: String? = nil, reason: String) {
        self.command = command
        self.commandId = commandId
        self.title = title
        self.risk = risk
        self.reason = reason
    }
}

/// A manual step of the runbook (prose in a code block) done by hand.
public struct CommandDonePayload: EventPayload {
    public static let kind = EventKind.commandDone
    public var command: String
    public var commandId: Int?
    public var title: String?

    public init(command: String, commandId: Int? = nil, title: String? = nil) {
        self.command = command
        self.commandId = commandId
        self.title = title
    }
}
