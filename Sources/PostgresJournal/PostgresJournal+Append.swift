import Foundation
import IncidentKit
import PostgresNIO

extension PostgresJournal {
    public func appendRedacted(_ kind: EventKind, json: String, to incident: String,
                               author: String) throws -> TimelineEvent
    {
        let now = clock()
        let id = incident.uppercased()
        return try session.mapped {
            guard kind.changesState else {
                // One statement, so one round trip and one transaction (see `warroom_append`);
                // the foreign key proves the incident exists.
                do {
                    return try session.withConnection { connection in
                        try insertEvent(connection, incident: id, kind: kind, json: json, author: author, time: now)
                    }
                } catch let error where PostgresErrors.sqlState(error) == "23503" {
                    _ = try self.incident(incident)  // throws the error listing known ids
                    throw error
                }
            }
            return try session.transaction { connection in
                try lockWrites(connection)
                var current = try fetchIncident(connection, id: incident)
                let event = try insertEvent(connection, incident: current.id, kind: kind, json: json, author: author,
                                            time: now)
                if current.apply(event) { try saveState(connection, current) }
                return event
            }
        }
    }

    /// Takes the journal's write lock until the transaction ends (see `PostgresSchema.writeLock`).
    func lockWrites(_ connection: PostgresConnection) throws {
        try connection.run("SELECT pg_advisory_xact_lock(\(PostgresSchema.writeLock))", logger: session.logger)
    }

    func insertEvent(_ connection: PostgresConnection, incident: String, kind: EventKind, json: String,
                     author: String, time: Date) throws -> TimelineEvent
    {
        let ms = Timestamp.milliseconds(time)
        let id = try connection.run(
            "SELECT warroom_append(\(incident), \(ms), \(author), \(kind.rawValue), \(json))", logger: session.logger)
            .first.map { try $0.decode(Int64.self) } ?? 0
        return TimelineEvent(id: id, incident: incident, time: Timestamp.date(milliseconds: ms), author: author,
                             kind: kind, payloadJSON: json)
    }

    func saveState(_ connection: PostgresConnection, _ incident: Incident) throws {
        let resolved = incident.resolvedAt.map(Timestamp.milliseconds)
        try connection.run("""
            UPDATE incident SET severity = \(incident.severity), status = \(incident.status.rawValue),
                roles = \(incident.rolesJSON), resolved_at = \(resolved) WHERE id = \(incident.id)
            """, logger: session.logger)
    }
}
