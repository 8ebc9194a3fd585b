import Foundation
import IncidentKit
import PostgresNIO

extension PostgresJournal {
    /// As `SQLiteJournal.recordAlerts`: one transaction under the write lock, so concurrent
    /// deliveries of one group, from any machine, open one incident.
    public func recordAlerts(
        groupKey: String, alerts: [AlertArrival], opening: OpenedPayload,
        values: [String: String], via: String, author: String
    ) throws -> AlertOutcome {
        let now = clock()
        let ms = Timestamp.milliseconds(now)
        var opening = opening
        opening.title = redactor.redact(opening.title)
        let openingJSON = try redactedJSON(opening)
        let valuesJSON = try redactedJSON(ValuesRecordedPayload(values: values, source: "alert"))
        let logger = session.logger
        return try session.mapped {
            try session.transaction { connection in
                try lockWrites(connection)
                var written: [Int64] = []
                var opened = false
                let incident: String
                if let known = try incidentForAlerts(
                    connection, groupKey: groupKey, fingerprints: alerts.map(\.fingerprint))
                {
                    incident = known
                } else {
                    let new = try insertIncident(connection, opening, json: openingJSON, author: author, time: now)
                    incident = new.id
                    opened = true
                    written.append(try lastID(connection))
                    if !values.isEmpty {
                        let event = try insertEvent(
                            connection, incident: incident, kind: .valuesRecorded, json: valuesJSON,
                            author: author, time: now)
                        written.append(event.id)
                    }
                }
                try connection.run(
                    """
                    INSERT INTO alert_group (key, incident, created_at) VALUES (\(groupKey), \(incident), \(ms))
                    ON CONFLICT (key) DO NOTHING
                    """, logger: logger)
                for alert in alerts {
                    let status = alert.firing ? "firing" : "resolved"
                    let previous = try connection.run(
                        "SELECT status FROM alert WHERE fingerprint = \(alert.fingerprint)", logger: logger
                    )
                    .first.map { try $0.decode(String.self) }
                    let labels = try redactedJSON(alert.payload.labels)
                    let annotations = try redactedJSON(alert.payload.annotations)
                    if previous == nil {
                        try connection.run(
                            """
                            INSERT INTO alert (fingerprint, incident, group_key, alertname, status, labels, annotations,
                                               starts_at, first_seen, last_seen, via)
                            VALUES (\(alert.fingerprint), \(incident), \(groupKey), \(alert.payload.alertname), \(status),
                                    \(labels), \(annotations), \(alert.payload.startsAt), \(ms), \(ms), \(via))
                            """, logger: logger)
                    } else {
                        try connection.run(
                            """
                            UPDATE alert SET status = \(status), labels = \(labels), annotations = \(annotations),
                                last_seen = \(ms) WHERE fingerprint = \(alert.fingerprint)
                            """, logger: logger)
                    }
                    // A repeat (same state as last time) is not news; a first sight or a change is.
                    guard previous != status else { continue }
                    let event = try insertEvent(
                        connection, incident: incident, kind: alert.firing ? .alertFiring : .alertResolved,
                        json: try redactedJSON(alert.payload), author: author, time: now)
                    written.append(event.id)
                }
                return AlertOutcome(incident: incident, opened: opened, events: written)
            }
        }
    }

    /// The id of the last event this transaction inserted (the `opened` one).
    private func lastID(_ connection: PostgresConnection) throws -> Int64 {
        try connection.run("SELECT currval(pg_get_serial_sequence('event', 'id'))", logger: session.logger)
            .first.map { try $0.decode(Int64.self) } ?? 0
    }

    public func alerts() throws -> [AlertRow] {
        try session.mapped {
            try session.run(
                """
                SELECT fingerprint, alertname, status, incident, group_key, labels, starts_at, first_seen, last_seen, via
                FROM alert ORDER BY last_seen DESC, fingerprint
                """
            ).map { row in
                let (fingerprint, alertname, status, incident, groupKey, labels, startsAt, first, last, via) =
                    try row.decode(
                        (String, String?, String, String, String, String, String?, Int64, Int64, String).self)
                return AlertRow(
                    fingerprint: fingerprint, alertname: alertname, status: status, incident: incident,
                    groupKey: groupKey, labels: Incident.roles(fromJSON: labels), startsAt: startsAt,
                    firstSeen: Timestamp.date(milliseconds: first), lastSeen: Timestamp.date(milliseconds: last),
                    via: via)
            }
        }
    }

    public func incident(forAlert fingerprint: String) throws -> String? {
        let prefix = Self.likePrefix(fingerprint)
        return try session.mapped {
            let ids = try session.run("SELECT incident FROM alert WHERE fingerprint LIKE \(prefix) ESCAPE '\\' LIMIT 2")
                .map { try $0.decode(String.self) }
            return ids.count == 1 ? ids[0] : nil
        }
    }

    func incidentForAlerts(_ connection: PostgresConnection, groupKey: String, fingerprints: [String]) throws -> String?
    {
        if let id = try connection.run(
            "SELECT incident FROM alert_group WHERE key = \(groupKey)", logger: session.logger
        )
        .first.map({ try $0.decode(String.self) }) {
            return id
        }
        for fingerprint in fingerprints {
            if let id = try connection.run(
                "SELECT incident FROM alert WHERE fingerprint = \(fingerprint)",
                logger: session.logger
            ).first.map({ try $0.decode(String.self) }) {
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
