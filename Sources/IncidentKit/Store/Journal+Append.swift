import Foundation
import GRDB

extension Journal {
    /// Appends one event and returns it once committed (and fsync'd) to disk.
    @discardableResult
    public func append<P: Encodable>(_ kind: EventKind, _ payload: P, to incident: String,
                                     author: String) throws -> TimelineEvent
    {
        let now = clock()
        let json = try redactedJSON(payload)
        let id = incident.uppercased()
        return try write { db in
            guard kind.changesState else {
                // No incident read: the foreign key proves the incident exists.
                do {
                    return try insertEvent(db, incident: id, kind: kind, json: json, author: author, time: now)
                } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_FOREIGNKEY {
                    _ = try Self.fetchIncident(db, id: incident)  // throws the error listing known ids
                    throw error
                }
            }
            var current = try Self.fetchIncident(db, id: incident)
            let event = try insertEvent(db, incident: current.id, kind: kind, json: json, author: author, time: now)
            if current.apply(event) { try Self.saveState(db, current) }
            return event
        }
    }

    @discardableResult
    public func append<P: EventPayload>(_ payload: P, to incident: String, author: String) throws -> TimelineEvent {
        try append(P.kind, payload, to: incident, author: author)
    }

    // MARK: State changes (validated, then recorded as events)

    @discardableResult
    public func setSeverity(_ severity: String, rules: SeverityRules, on incident: String,
                            author: String) throws -> TimelineEvent?
    {
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
    public func assignRole(_ role: String, to person: String, on incident: String,
                           author: String) throws -> TimelineEvent
    {
        let current = try self.incident(incident)
        let payload = RoleAssignedPayload(role: role.lowercased(), person: person, previous: current.roles[role.lowercased()])
        return try append(payload, to: current.id, author: author)
    }

    // MARK: Command output

    /// Writes a command's full (redacted) output to `outputs/<incident>/<event>.log` beside the
    /// database and returns the path relative to the store folder, for `CommandFinishedPayload.output`.
    public func writeOutput(_ text: String, incident: String, event: Int64) throws -> String {
        let folder = location.outputsURL.appendingPathComponent(incident)
        try PrivateFiles.makeDirectory(location.outputsURL)
        try PrivateFiles.makeDirectory(folder)
        let url = folder.appendingPathComponent("\(event).log")
        try PrivateFiles.write(Data(redactor.redact(text).utf8), to: url)
        return "outputs/\(incident)/\(event).log"
    }

    // MARK: Internals

    func insertEvent<P: Encodable>(_ db: Database, incident: String, kind: EventKind, payload: P,
                                   author: String, time: Date) throws -> TimelineEvent
    {
        try insertEvent(db, incident: incident, kind: kind, json: try redactedJSON(payload), author: author, time: time)
    }

    func insertEvent(_ db: Database, incident: String, kind: EventKind, json: String, author: String,
                     time: Date) throws -> TimelineEvent
    {
        let ms = Timestamp.milliseconds(time)
        try db.cachedStatement(sql: "INSERT INTO event (incident, time, author, kind, payload) VALUES (?, ?, ?, ?, ?)")
            .execute(arguments: [incident, ms, author, kind.rawValue, json])
        return TimelineEvent(id: db.lastInsertedRowID, incident: incident, time: Timestamp.date(milliseconds: ms),
                             author: author, kind: kind, payloadJSON: json)
    }

    /// The payload as a JSON object with every string redacted; keys sorted so rows are stable.
    func redactedJSON<P: Encodable>(_ payload: P) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(payload)
        let text = String(decoding: data, as: UTF8.self)
        // The common case, nothing that could be a secret: store the encoding as it is.
        guard redactor.mightContainSecret(text) else { return text }
        let object = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        let clean = redactor.redactJSON(object)
        let out = try JSONSerialization.data(withJSONObject: clean,
                                             options: [.sortedKeys, .withoutEscapingSlashes, .fragmentsAllowed])
        return String(decoding: out, as: UTF8.self)
    }

    static func saveState(_ db: Database, _ incident: Incident) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let roles = String(decoding: try encoder.encode(incident.roles), as: UTF8.self)
        try db.execute(sql: """
            UPDATE incident SET severity = ?, status = ?, roles = ?, resolved_at = ? WHERE id = ?
            """, arguments: [incident.severity, incident.status.rawValue, roles,
                             incident.resolvedAt.map(Timestamp.milliseconds), incident.id])
    }
}

extension EventKind {
    /// Kinds that change the incident row (severity, status, roles, resolution).
    var changesState: Bool {
        switch self {
        case .severityChanged, .statusChanged, .roleAssigned, .milestone: true
        default: false
        }
    }
}

extension Incident {
    /// Folds one event into the current state; returns whether anything changed.
    mutating func apply(_ event: TimelineEvent) -> Bool {
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
}
