import Foundation
import IncidentKit
import PostgresNIO

extension PostgresJournal {
    /// Appends on the server; when it cannot be reached, keeps the event in this machine's outbox
    /// (returned with a negative id) to push later. Waiting events go first, so order is kept.
    public func appendRedacted(
        _ kind: EventKind, json: String, to incident: String,
        author: String
    ) throws -> TimelineEvent {
        let now = clock()
        let id = incident.uppercased()
        // Chosen here, so that a retry of an append whose commit was not confirmed is recognised.
        let key = UUID().uuidString
        do {
            if mayHaveWaiting.value { try pushWaiting() }
            return try session.mapped {
                try appendOnline(kind, json: json, to: id, author: author, time: now, key: key)
            }
        } catch let error as JournalError where error.isUnreachable {
            return try keepForLater(kind, json: json, to: id, author: author, time: now, key: key)
        }
    }

    /// One append on the server, with the writer's key and time.
    func appendOnline(
        _ kind: EventKind, json: String, to id: String, author: String, time now: Date,
        key: String
    ) throws -> TimelineEvent {
        // A run started offline: its finish names the start's temporary id until the start is pushed.
        let json = try relinkedToServer(kind, json: json, incident: id)
        guard kind.changesState else {
            // One statement that commits before it answers (see `warroom_append_committed`; the foreign
            // key proves the incident exists). If its answer is lost, the outbox pushes the event again
            // under the same key, and it lands once.
            do {
                let ms = Timestamp.milliseconds(now)
                let result = try session.run(
                    """
                    CALL warroom_append_committed(\(id), \(ms), \(author), \(kind.rawValue), \(json), \(key))
                    """)
                return try appended(result, incident: id, kind: kind, json: json, author: author, ms: ms)
            } catch let error where PostgresErrors.sqlState(error) == "23503" {
                _ = try session.withConnection { try fetchIncident($0, id: id) } // throws the error listing known ids
                throw error
            }
        }
        return try session.transaction { connection in
            try lockWrites(connection)
            var current = try fetchIncident(connection, id: id)
            let event = try insertEvent(
                connection, incident: current.id, kind: kind, json: json, author: author,
                time: now, key: key)
            if current.apply(event) { try saveState(connection, current) }
            return event
        }
    }

    /// Takes the journal's write lock until the transaction ends (see `PostgresSchema.writeLock`).
    func lockWrites(_ connection: PostgresConnection) throws {
        try connection.run("SELECT pg_advisory_xact_lock(\(PostgresSchema.writeLock))", logger: session.logger)
    }

    func insertEvent(
        _ connection: PostgresConnection, incident: String, kind: EventKind, json: String,
        author: String, time: Date, key: String = UUID().uuidString
    ) throws -> TimelineEvent {
        let ms = Timestamp.milliseconds(time)
        let result = try connection.run(
            "SELECT warroom_append(\(incident), \(ms), \(author), \(kind.rawValue), \(json), \(key))",
            logger: session.logger)
        return try appended(result, incident: incident, kind: kind, json: json, author: author, ms: ms)
    }

    /// The event `warroom_append` answered with its id.
    private func appended(
        _ result: PostgresQueryResult, incident: String, kind: EventKind, json: String, author: String, ms: Int64
    ) throws -> TimelineEvent {
        guard let id = try result.first.map({ try $0.decode(Int64.self) }) else {
            // No id is no proof: never acknowledge it (the caller keeps the event for later).
            throw JournalError.serverUnreachable(url: url.redacted, detail: "the append returned no id")
        }
        return TimelineEvent(
            id: id, incident: incident, time: Timestamp.date(milliseconds: ms), author: author,
            kind: kind, payloadJSON: json)
    }

    func saveState(_ connection: PostgresConnection, _ incident: Incident) throws {
        let resolved = incident.resolvedAt.map(Timestamp.milliseconds)
        try connection.run(
            """
            UPDATE incident SET severity = \(incident.severity), status = \(incident.status.rawValue),
                roles = \(incident.rolesJSON), resolved_at = \(resolved) WHERE id = \(incident.id)
            """, logger: session.logger)
    }
}
