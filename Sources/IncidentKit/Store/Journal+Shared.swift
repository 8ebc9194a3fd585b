import Foundation

/// What every engine shares: typed, redacted appends and the validated state changes built on
/// `appendRedacted`, so SQLite and PostgreSQL store byte-identical payloads.
extension Journal {
    /// Opens a new incident (status investigating) and records its `opened` event.
    public func openIncident(
        title: String, severity: String, runbookPath: String? = nil,
        runbookHash: String? = nil, author: String
    ) throws -> Incident {
        let payload = OpenedPayload(
            title: storedRedactor.redact(title), severity: severity, runbook: runbookPath,
            runbookHash: runbookHash)
        return try createIncident(payload, author: author)
    }

    /// Every incident, newest first; open ones only unless `includeResolved`.
    public func incidents(includeResolved: Bool = true) throws -> [Incident] {
        try listIncidents(includeResolved: includeResolved)
    }

    /// `id` when given, else the newest open incident. Readers (timeline, postmortem) pass
    /// `orResolved` to fall back to the newest incident when none is open: a postmortem is
    /// usually written after the resolution.
    public func incident(orNewestOpen id: String?, orResolved: Bool = false) throws -> Incident {
        if let id { return try incident(id) }
        if let newest = try incidents(includeResolved: false).first { return newest }
        if orResolved, let newest = try incidents(includeResolved: true).first { return newest }
        throw JournalError.noOpenIncident
    }

    /// Events of `incident` in commit order, optionally after an id, from a time, of some kinds.
    public func events(
        incident: String, after: Int64? = nil, since: Date? = nil,
        kinds: Set<EventKind>? = nil
    ) throws -> [TimelineEvent] {
        try fetchEvents(incident: incident, after: after, since: since, kinds: kinds)
    }

    /// New events of `incident` after id `after`, from any writer in any process, as they are committed.
    public func watch(
        incident: String, after: Int64,
        interval: Duration = .milliseconds(200)
    ) -> AsyncThrowingStream<TimelineEvent, any Error> {
        watchEvents(incident: incident, after: after, interval: interval)
    }

    /// Appends one event and returns it once committed.
    @discardableResult
    public func append<P: Encodable>(
        _ kind: EventKind, _ payload: P, to incident: String,
        author: String
    ) throws -> TimelineEvent {
        try appendRedacted(kind, json: try redactedJSON(payload), to: incident, author: author)
    }

    @discardableResult
    public func append<P: EventPayload>(_ payload: P, to incident: String, author: String) throws -> TimelineEvent {
        try append(P.kind, payload, to: incident, author: author)
    }

    // MARK: State changes (validated, then recorded as events)

    @discardableResult
    public func setSeverity(
        _ severity: String, rules: SeverityRules, on incident: String,
        author: String
    ) throws -> TimelineEvent? {
        let id = try rules.normalise(severity)
        let current = try self.incident(incident)
        guard current.severity != id else { return nil }
        return try append(SeverityChangedPayload(from: current.severity, to: id), to: current.id, author: author)
    }

    @discardableResult
    public func setStatus(_ status: IncidentStatus, on incident: String, author: String) throws -> TimelineEvent? {
        let current = try self.incident(incident)
        guard current.status != status else { return nil }
        return try append(StatusChangedPayload(from: current.status, to: status), to: current.id, author: author)
    }

    @discardableResult
    public func assignRole(
        _ role: String, to person: String, on incident: String,
        author: String
    ) throws -> TimelineEvent {
        let current = try self.incident(incident)
        let payload = RoleAssignedPayload(
            role: role.lowercased(), person: person, previous: current.roles[role.lowercased()])
        return try append(payload, to: current.id, author: author)
    }

    /// Fingerprints recorded as firing that came through `via` (the poller resolves those it no
    /// longer sees).
    public func firingAlerts(via: String) throws -> [AlertRow] {
        try alerts().filter { $0.via == via && $0.status == "firing" }
    }

    // MARK: Command output (always local files, beside this machine's state)

    /// Writes a command's full (redacted) output to `outputs/<incident>/<event>.log` beside the
    /// database and returns the path relative to the store folder, for `CommandFinishedPayload.output`.
    public func writeOutput(_ text: String, incident: String, event: Int64) throws -> String {
        let folder = location.outputsURL.appendingPathComponent(incident)
        try PrivateFiles.makeDirectory(location.outputsURL)
        try PrivateFiles.makeDirectory(folder)
        let url = folder.appendingPathComponent("\(event).log")
        try PrivateFiles.write(Data(storedRedactor.redact(text).utf8), to: url)
        return "outputs/\(incident)/\(event).log"
    }

    /// The payload as a JSON object with every string redacted; keys sorted so rows are stable.
    public func redactedJSON<P: Encodable>(_ payload: P) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(payload)
        let text = String(decoding: data, as: UTF8.self)
        // The common case, nothing that could be a secret: store the encoding as it is.
        guard storedRedactor.mightContainSecret(text) else { return text }
        let object = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        let clean = storedRedactor.redactJSON(object)
        let out = try JSONSerialization.data(
            withJSONObject: clean,
            options: [.sortedKeys, .withoutEscapingSlashes, .fragmentsAllowed])
        return String(decoding: out, as: UTF8.self)
    }
}

extension EventKind {
    /// Kinds that change the incident row (severity, status, roles, resolution).
    public var changesState: Bool {
        switch self {
        case .severityChanged, .statusChanged, .roleAssigned, .milestone: true
        default: false
        }
    }
}

extension Incident {
    /// The id of the next incident opened at `time`, given the ids already used that day: the
    /// day's highest number plus one (`INC-YYYYMMDD-N`), the same rule on every engine.
    public static func nextID(at time: Date, existing: [String]) -> String {
        let day = "INC-" + UTCParts(time).compactDate + "-"
        let next = (existing.compactMap { $0.hasPrefix(day) ? Int($0.dropFirst(day.count)) : nil }.max() ?? 0) + 1
        return day + String(next)
    }

    /// The `INC-YYYYMMDD-` prefix of incidents opened at `time` (for a `LIKE` on the day's ids).
    public static func dayPrefix(at time: Date) -> String { "INC-" + UTCParts(time).compactDate + "-" }

    /// A new incident as `payload` describes it, opened at `time`.
    public init(id: String, opened payload: OpenedPayload, at time: Date) {
        self.init(
            id: id, title: payload.title, runbookPath: payload.runbook, runbookHash: payload.runbookHash,
            severity: payload.severity, status: payload.status ?? .investigating, startedAt: time,
            runbookSection: payload.runbookSection)
    }

    /// Folds one event into the current state; returns whether anything changed.
    public mutating func apply(_ event: TimelineEvent) -> Bool {
        switch event.kind {
        case .severityChanged:
            guard let p = event.payload(as: SeverityChangedPayload.self) else { return false }
            severity = p.to
        case .statusChanged:
            guard let p = event.payload(as: StatusChangedPayload.self) else { return false }
            setStatus(p.to, at: event.time)
        case .roleAssigned:
            guard let p = event.payload(as: RoleAssignedPayload.self) else { return false }
            roles[p.role] = p.person
        case .milestone:
            // The resolved milestone resolves the incident; the others are only timestamps.
            guard let p = event.payload(as: MilestonePayload.self), p.milestone == .resolved else { return false }
            setStatus(.resolved, at: event.time)
        default:
            return false
        }
        return true
    }

    private mutating func setStatus(_ new: IncidentStatus, at time: Date) {
        status = new
        resolvedAt = new == .resolved ? (resolvedAt ?? time) : nil
    }

    /// The roles as stored: a JSON object with sorted keys.
    public var rolesJSON: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return (try? encoder.encode(roles)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }

    /// Roles as stored in `rolesJSON`; empty when unreadable.
    public static func roles(fromJSON text: String) -> [String: String] {
        (try? JSONDecoder().decode([String: String].self, from: Data(text.utf8))) ?? [:]
    }
}
