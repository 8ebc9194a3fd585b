import Foundation
import IncidentKit
import PostgresNIO

/// The journal on a PostgreSQL server, shared by every console and CLI of a war room on any
/// machine. Same ids, events and payloads as `SQLiteJournal`; each append is one transaction that
/// inserts the event (a server sequence number) and `pg_notify`s it. Command outputs and other
/// per-machine files stay in the local `location`.
public final class PostgresJournal: Journal {
    public let url: PostgresStoreURL
    public let location: StoreLocation
    let session: PostgresSession
    let redactor: Redactor
    let clock: @Sendable () -> Date
    /// Events written while the server was unreachable (see `PostgresOutbox`).
    let outbox: PostgresOutbox
    /// Whether the outbox may hold events: checked before each append without reading the file.
    let mayHaveWaiting: LockedFlag
    /// One push at a time (the console's watch and its appends both push).
    let pushing = NSLock()

    /// Connects (failing with a clear error when the server cannot be reached, refuses the
    /// credentials, lacks the database or has a newer schema) and creates the schema if needed.
    /// - Parameter location: this machine's folder for command outputs and patterns.
    public init(
        url: PostgresStoreURL, location: StoreLocation, redactor: Redactor = .standard,
        clock: @escaping @Sendable () -> Date = { Date() }
    ) throws {
        self.url = url
        self.location = location
        self.redactor = redactor
        self.clock = clock
        session = PostgresSession(url: url)
        outbox = try PostgresOutbox(directory: location.directory)
        mayHaveWaiting = LockedFlag(outbox.count > 0)
        try session.mapped { try PostgresSchema.migrate(session) }
        // What an earlier run on this machine could not deliver goes first.
        if mayHaveWaiting.value { _ = try? pushWaiting() }
    }

    public var storedRedactor: Redactor { redactor }
    public var storeDescription: String { url.redacted }
    public func now() -> Date { clock() }

    // MARK: Incidents

    public func createIncident(_ payload: OpenedPayload, author: String) throws -> Incident {
        let now = clock()
        let json = try redactedJSON(payload)
        return try session.mapped {
            try session.transaction { connection in
                try lockWrites(connection)
                return try insertIncident(connection, payload, json: json, author: author, time: now)
            }
        }
    }

    /// Inserts the incident row (next id of the day) and its `opened` event; the write lock is held.
    func insertIncident(
        _ connection: PostgresConnection, _ payload: OpenedPayload, json: String, author: String,
        time now: Date
    ) throws -> Incident {
        let logger = session.logger
        let day = Incident.dayPrefix(at: now) + "%"
        let existing = try connection.run("SELECT id FROM incident WHERE id LIKE \(day)", logger: logger)
            .map { try $0.decode(String.self) }
        let seq =
            try connection.run("SELECT COALESCE(MAX(seq), 0) + 1 FROM incident", logger: logger)
            .first.map { try $0.decode(Int64.self) } ?? 1
        let incident = Incident(id: Incident.nextID(at: now, existing: existing), opened: payload, at: now)
        let ms = Timestamp.milliseconds(now)
        try connection.run(
            """
            INSERT INTO incident (id, seq, title, runbook_path, runbook_hash, runbook_section, severity, status, roles, started_at)
            VALUES (\(incident.id), \(seq), \(incident.title), \(incident.runbookPath), \(incident.runbookHash),
                    \(incident.runbookSection), \(incident.severity), \(incident.status.rawValue), '{}', \(ms))
            """, logger: logger)
        _ = try insertEvent(connection, incident: incident.id, kind: .opened, json: json, author: author, time: now)
        return incident
    }

    public func listIncidents(includeResolved: Bool) throws -> [Incident] {
        let filter = includeResolved ? "" : " WHERE status != 'resolved'"
        return try session.mapped {
            try session.run(PostgresQuery(unsafeSQL: Self.incidentColumns + filter + " ORDER BY seq DESC"))
                .map(Self.incident(from:))
        }
    }

    public func incident(_ id: String) throws -> Incident {
        try session.mapped { try session.withConnection { try fetchIncident($0, id: id) } }
    }

    func fetchIncident(_ connection: PostgresConnection, id: String, forUpdate: Bool = false) throws -> Incident {
        var query = PostgresQuery(unsafeSQL: Self.incidentColumns + " WHERE id = $1" + (forUpdate ? " FOR UPDATE" : ""))
        query.binds.append(id.uppercased())
        if let row = try connection.run(query, logger: session.logger).first { return try Self.incident(from: row) }
        let known = try connection.run("SELECT id FROM incident ORDER BY seq DESC LIMIT 20", logger: session.logger)
            .map { try $0.decode(String.self) }
        throw JournalError.unknownIncident(id: id, known: known)
    }

    static let incidentColumns = """
        SELECT id, title, runbook_path, runbook_hash, severity, status, roles, started_at, resolved_at, runbook_section
        FROM incident
        """

    static func incident(from row: PostgresRow) throws -> Incident {
        let (id, title, runbookPath, runbookHash, severity, status, roles, started, resolved, section) = try row.decode(
            (String, String, String?, String?, String, String, String, Int64, Int64?, String?).self)
        return Incident(
            id: id, title: title, runbookPath: runbookPath, runbookHash: runbookHash, severity: severity,
            status: IncidentStatus(rawValue: status) ?? .investigating, roles: Incident.roles(fromJSON: roles),
            startedAt: Timestamp.date(milliseconds: started),
            resolvedAt: resolved.map { Timestamp.date(milliseconds: $0) },
            runbookSection: section)
    }

    // MARK: Reading the timeline

    public func fetchEvents(incident: String, after: Int64?, since: Date?, kinds: Set<EventKind>?) throws
        -> [TimelineEvent]
    {
        try session.mapped {
            try session.withConnection { connection in
                try Self.events(
                    connection, incident: incident, after: after, since: since, kinds: kinds,
                    logger: session.logger)
            }
        }
    }

    static func events(
        _ connection: PostgresConnection, incident: String, after: Int64?, since: Date?,
        kinds: Set<EventKind>?, logger: Logger
    ) throws -> [TimelineEvent] {
        try connection.run(eventsQuery(incident: incident, after: after, since: since, kinds: kinds), logger: logger)
            .compactMap(event(from:))
    }

    static func eventsQuery(incident: String, after: Int64?, since: Date?, kinds: Set<EventKind>?) -> PostgresQuery {
        var binds = PostgresBindings()
        binds.append(incident)
        var sql = "SELECT id, incident, time, author, kind, payload FROM event WHERE incident = $1"
        if let after { binds.append(after); sql += " AND id > $\(binds.count)" }
        if let since { binds.append(Timestamp.milliseconds(since)); sql += " AND time >= $\(binds.count)" }
        if let kinds {
            binds.append(kinds.map(\.rawValue).sorted())
            sql += " AND kind = ANY($\(binds.count))"
        }
        return PostgresQuery(unsafeSQL: sql + " ORDER BY id", binds: binds)
    }

    /// Unknown kinds (from a newer writer) are skipped rather than failing the whole read.
    static func event(from row: PostgresRow) throws -> TimelineEvent? {
        let (id, incident, time, author, kind, payload) = try row.decode(
            (Int64, String, Int64, String, String, String).self)
        guard let eventKind = EventKind(rawValue: kind) else { return nil }
        return TimelineEvent(
            id: id, incident: incident, time: Timestamp.date(milliseconds: time), author: author,
            kind: eventKind, payloadJSON: payload)
    }

    public func lastEventID(incident: String) throws -> Int64 {
        try session.mapped {
            try session.run("SELECT COALESCE(MAX(id), 0) FROM event WHERE incident = \(incident)")
                .first.map { try $0.decode(Int64.self) } ?? 0
        }
    }
}
