import Foundation
import GRDB

extension SQLiteJournal {
    /// Records one delivery of alerts of group `groupKey` in a single transaction: the group's
    /// incident is found by the group key or any of the alerts' fingerprints, else opened with
    /// `opening` (status triage, plus the `values` as a `values_recorded` event); each alert that is
    /// new or changed state becomes an `alert_firing` / `alert_resolved` event. A repeat writes
    /// nothing. The write lock is taken first (IMMEDIATE), so concurrent deliveries of one group,
    /// from this process or another, open one incident.
    public func recordAlerts(
        groupKey: String, alerts: [AlertArrival], opening: OpenedPayload,
        values: [String: String], via: String, author: String
    ) throws -> AlertOutcome {
        let now = clock()
        let ms = Timestamp.milliseconds(now)
        var opening = opening
        opening.title = redactor.redact(opening.title)
        return try write { db in
            var written: [Int64] = []
            var opened = false
            let incident: String
            if let known = try Self.incidentForAlerts(db, groupKey: groupKey, fingerprints: alerts.map(\.fingerprint)) {
                incident = known
            } else {
                let new = try insertIncident(db, opening, author: author, time: now)
                incident = new.id
                opened = true
                written.append(db.lastInsertedRowID)
                if !values.isEmpty {
                    let event = try insertEvent(
                        db, incident: incident, kind: .valuesRecorded,
                        payload: ValuesRecordedPayload(values: values, source: "alert"),
                        author: author, time: now)
                    written.append(event.id)
                }
            }
            try db.execute(
                sql: "INSERT OR IGNORE INTO alert_group (key, incident, created_at) VALUES (?, ?, ?)",
                arguments: [groupKey, incident, ms])
            for alert in alerts {
                let status = alert.firing ? "firing" : "resolved"
                let previous = try String.fetchOne(
                    db, sql: "SELECT status FROM alert WHERE fingerprint = ?",
                    arguments: [alert.fingerprint])
                let labels = try redactedJSON(alert.payload.labels)
                let annotations = try redactedJSON(alert.payload.annotations)
                if previous == nil {
                    try db.execute(
                        sql: """
                            INSERT INTO alert (fingerprint, incident, group_key, alertname, status, labels, annotations,
                                               starts_at, first_seen, last_seen, via)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                            """,
                        arguments: [
                            alert.fingerprint, incident, groupKey, alert.payload.alertname, status, labels,
                            annotations, alert.payload.startsAt, ms, ms, via
                        ])
                } else {
                    try db.execute(
                        sql: """
                            UPDATE alert SET status = ?, labels = ?, annotations = ?, last_seen = ? WHERE fingerprint = ?
                            """, arguments: [status, labels, annotations, ms, alert.fingerprint])
                }
                // A repeat (same state as last time) is not news; a first sight or a change is.
                // A first sight of an already resolved alert is recorded too: it was part of the problem.
                guard previous != status else { continue }
                let event = try insertEvent(
                    db, incident: incident, kind: alert.firing ? .alertFiring : .alertResolved,
                    payload: alert.payload, author: author, time: now)
                written.append(event.id)
            }
            return AlertOutcome(incident: incident, opened: opened, events: written)
        }
    }

    public func alerts() throws -> [AlertRow] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM alert ORDER BY last_seen DESC, fingerprint").map { row in
                let labels = Incident.roles(fromJSON: row["labels"])
                return AlertRow(
                    fingerprint: row["fingerprint"], alertname: row["alertname"], status: row["status"],
                    incident: row["incident"], groupKey: row["group_key"], labels: labels,
                    startsAt: row["starts_at"],
                    firstSeen: Timestamp.date(milliseconds: row["first_seen"]),
                    lastSeen: Timestamp.date(milliseconds: row["last_seen"]), via: row["via"])
            }
        }
    }

    public func incident(forAlert fingerprint: String) throws -> String? {
        try read { db in
            let ids = try String.fetchAll(
                db, sql: "SELECT incident FROM alert WHERE fingerprint LIKE ? ESCAPE '\\' LIMIT 2",
                arguments: [Self.likePrefix(fingerprint)])
            return ids.count == 1 ? ids[0] : nil
        }
    }

    static func incidentForAlerts(_ db: Database, groupKey: String, fingerprints: [String]) throws -> String? {
        if let id = try String.fetchOne(
            db, sql: "SELECT incident FROM alert_group WHERE key = ?", arguments: [groupKey])
        {
            return id
        }
        for fingerprint in fingerprints {
            if let id = try String.fetchOne(
                db, sql: "SELECT incident FROM alert WHERE fingerprint = ?",
                arguments: [fingerprint])
            {
                return id
            }
        }
        return nil
    }

    static func likePrefix(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
            .replacingOccurrences(of: "_", with: "\\_") + "%"
    }
}
