import Foundation
import IncidentKit
import PostgresNIO

extension PostgresJournal {
    /// As `SQLiteJournal.importIncident`, under the journal's write lock. An event keeps the time
    /// the server first received it (its own time when it comes from SQLite), so a copy does not
    /// mark every event as late; no notification is sent (no console watches an incident that did
    /// not exist).
    public func importIncident(
        _ incident: Incident, events: [TimelineEvent],
        payload: (TimelineEvent, [Int64: Int64]) throws -> String
    ) throws -> [Int64: Int64] {
        let logger = session.logger
        return try session.mapped {
            try session.transaction { connection in
                try lockWrites(connection)
                if try connection.run("SELECT 1 FROM incident WHERE id = \(incident.id)", logger: logger).first != nil {
                    throw StoreCopyError.incidentExists(id: incident.id, store: storeDescription)
                }
                let seq =
                    try connection.run("SELECT COALESCE(MAX(seq), 0) + 1 FROM incident", logger: logger)
                    .first.map { try $0.decode(Int64.self) } ?? 1
                let resolved = incident.resolvedAt.map(Timestamp.milliseconds)
                try connection.run(
                    """
                    INSERT INTO incident (id, seq, title, runbook_path, runbook_hash, runbook_section, severity, status,
                                          roles, started_at, resolved_at)
                    VALUES (\(incident.id), \(seq), \(incident.title), \(incident.runbookPath), \(incident.runbookHash),
                            \(incident.runbookSection), \(incident.severity), \(incident.status.rawValue),
                            \(incident.rolesJSON), \(Timestamp.milliseconds(incident.startedAt)), \(resolved))
                    """, logger: logger)
                var ids: [Int64: Int64] = [:]
                for event in events {
                    let json = try payload(event, ids)
                    let time = Timestamp.milliseconds(event.time)
                    let received = event.receivedAt.map(Timestamp.milliseconds) ?? time
                    ids[event.id] =
                        try connection.run(
                            """
                            INSERT INTO event (incident, time, author, kind, payload, received_at)
                            VALUES (\(incident.id), \(time), \(event.author), \(event.kind.rawValue), \(json),
                                    \(received))
                            RETURNING id
                            """, logger: logger
                        ).first.map { try $0.decode(Int64.self) } ?? 0
                }
                return ids
            }
        }
    }
}
