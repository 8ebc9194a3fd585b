import Foundation
import GRDB

extension SQLiteJournal {
    public func importIncident(
        _ incident: Incident, events: [TimelineEvent],
        payload: (TimelineEvent, [Int64: Int64]) throws -> String
    ) throws -> [Int64: Int64] {
        try write { db in
            if try Bool.fetchOne(db, sql: "SELECT 1 FROM incident WHERE id = ?", arguments: [incident.id]) == true {
                throw StoreCopyError.incidentExists(id: incident.id, store: storeDescription)
            }
            let seq = (try Int.fetchOne(db, sql: "SELECT MAX(seq) FROM incident") ?? 0) + 1
            try db.execute(
                sql: """
                    INSERT INTO incident (id, seq, title, runbook_path, runbook_hash, runbook_section, severity, status,
                                          roles, started_at, resolved_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    incident.id, seq, incident.title, incident.runbookPath, incident.runbookHash,
                    incident.runbookSection, incident.severity, incident.status.rawValue, incident.rolesJSON,
                    Timestamp.milliseconds(incident.startedAt),
                    incident.resolvedAt.map(Timestamp.milliseconds)
                ])
            var ids: [Int64: Int64] = [:]
            for event in events {
                let json = try payload(event, ids)
                // Ids come from the store's own sequence, in the original order.
                ids[event.id] = try insertEvent(
                    db, incident: incident.id, kind: event.kind, json: json,
                    author: event.author, time: event.time
                ).id
            }
            return ids
        }
    }
}
