import Foundation
import GRDB

extension SQLiteJournal {
    public func appendRedacted(
        _ kind: EventKind, json: String, to incident: String,
        author: String
    ) throws -> TimelineEvent {
        let now = clock()
        let id = incident.uppercased()
        return try write { db in
            guard kind.changesState else {
                // No incident read: the foreign key proves the incident exists.
                do {
                    return try insertEvent(db, incident: id, kind: kind, json: json, author: author, time: now)
                } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_FOREIGNKEY {
                    _ = try Self.fetchIncident(db, id: incident) // throws the error listing known ids
                    throw error
                }
            }
            var current = try Self.fetchIncident(db, id: incident)
            let event = try insertEvent(db, incident: current.id, kind: kind, json: json, author: author, time: now)
            if current.apply(event) { try Self.saveState(db, current) }
            return event
        }
    }

    // MARK: Internals

    func insertEvent<P: Encodable>(
        _ db: Database, incident: String, kind: EventKind, payload: P,
        author: String, time: Date
    ) throws -> TimelineEvent {
        try insertEvent(db, incident: incident, kind: kind, json: try redactedJSON(payload), author: author, time: time)
    }

    func insertEvent(
        _ db: Database, incident: String, kind: EventKind, json: String, author: String,
        time: Date
    ) throws -> TimelineEvent {
        let ms = Timestamp.milliseconds(time)
        try db.cachedStatement(sql: "INSERT INTO event (incident, time, author, kind, payload) VALUES (?, ?, ?, ?, ?)")
            .execute(arguments: [incident, ms, author, kind.rawValue, json])
        return TimelineEvent(
            id: db.lastInsertedRowID, incident: incident, time: Timestamp.date(milliseconds: ms),
            author: author, kind: kind, payloadJSON: json)
    }

    static func saveState(_ db: Database, _ incident: Incident) throws {
        let roles = incident.rolesJSON
        try db.execute(
            sql: """
                UPDATE incident SET severity = ?, status = ?, roles = ?, resolved_at = ? WHERE id = ?
                """,
            arguments: [
                incident.severity, incident.status.rawValue, roles,
                incident.resolvedAt.map(Timestamp.milliseconds), incident.id
            ])
    }
}
