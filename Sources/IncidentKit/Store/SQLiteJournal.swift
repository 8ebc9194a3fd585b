import Foundation
import GRDB

/// The journal on SQLite, the default engine: one file (WAL, `synchronous = FULL`) shared by every
/// console and CLI process of one machine that writes the same store. Appends return once the
/// event is committed to disk.
public final class SQLiteJournal: Journal {
    public let location: StoreLocation
    let queue: DatabaseQueue
    let redactor: Redactor
    let clock: @Sendable () -> Date
    let busyTimeout: Double

    /// Opens (creating if needed) the store at `location`.
    /// - Parameters:
    ///   - clock: the time stamped on new events and incidents; tests pass a fixed one.
    ///   - busyTimeout: how long to wait for another writer before reporting the store as locked.
    public init(
        location: StoreLocation, clock: @escaping @Sendable () -> Date = { Date() },
        redactor: Redactor = .standard, busyTimeout: Double = 5
    ) throws {
        self.location = location
        self.redactor = redactor
        self.clock = clock
        self.busyTimeout = busyTimeout
        let dbURL = location.databaseURL
        try PrivateFiles.makeDirectory(location.directory)
        // Before SQLite sees it: never let it write into a file that is not a database.
        try DatabaseFileCheck.check(dbURL)
        if access(location.directory.path, W_OK) != 0 {
            throw JournalError.readOnly(path: location.directory.path)
        }
        let created = try PrivateFiles.createIfMissing(dbURL)
        queue = try Self.mapErrors(path: dbURL.path, waited: busyTimeout) {
            let queue = try DatabaseQueue(
                path: dbURL.path, configuration: Self.configuration(busyTimeout: busyTimeout, creating: created))
            try Self.refuseNewerSchema(queue, path: dbURL.path)
            try Schema.migrator.migrate(queue)
            if created { try queue.writeWithoutTransaction { try $0.execute(sql: "PRAGMA synchronous = FULL") } }
            return queue
        }
    }

    /// Opens an existing store for reading only (`timeline`, `postmortem` on a read-only store or
    /// one written by a newer warroom): nothing is created, migrated or written.
    public init(readingOnly location: StoreLocation, redactor: Redactor = .standard, busyTimeout: Double = 5) throws {
        self.location = location
        self.redactor = redactor
        self.clock = { Date() }
        self.busyTimeout = busyTimeout
        let dbURL = location.databaseURL
        try DatabaseFileCheck.check(dbURL)
        guard FileManager.default.fileExists(atPath: dbURL.path) else {
            throw JournalError.database(path: dbURL.path, detail: "no journal here yet")
        }
        queue = try Self.mapErrors(path: dbURL.path, waited: busyTimeout) {
            let config = Self.configuration(busyTimeout: busyTimeout, readonly: true)
            do {
                let queue = try DatabaseQueue(path: dbURL.path, configuration: config)
                _ = try queue.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM incident") }
                return queue
            } catch {
                // A WAL store in a read-only folder cannot make its -shm file: read it as immutable.
                var url = URLComponents(url: dbURL, resolvingAgainstBaseURL: false)!
                url.scheme = "file"
                url.queryItems = [URLQueryItem(name: "immutable", value: "1")]
                return try DatabaseQueue(path: url.string!, configuration: config)
            }
        }
    }

    /// A writer never touches a store whose schema has migrations this version does not know.
    static func refuseNewerSchema(_ queue: DatabaseQueue, path: String) throws {
        let known = Set(Schema.migrator.migrations)
        let applied = try queue.read { db -> [String] in
            guard try db.tableExists("grdb_migrations") else { return [] }
            return try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations")
        }
        let unknown = applied.filter { !known.contains($0) }
        if !unknown.isEmpty { throw JournalError.newerSchema(path: path, unknown: unknown) }
    }

    /// `creating`: the file was made empty just now. Its schema is written without an fsync per
    /// step (NORMAL: in WAL mode a crash can lose those steps, never corrupt the file, and a lost
    /// step is made again at the next open); every commit after it is fsync'd (FULL).
    static func configuration(busyTimeout: Double, readonly: Bool = false, creating: Bool = false) -> Configuration {
        var config = Configuration()
        // Not `config.journalMode = .wal`: GRDB then sets `synchronous = NORMAL` after our
        // setup, and NORMAL does not fsync on commit.
        config.busyMode = .timeout(busyTimeout)
        config.readonly = readonly
        config.label = "warroom.journal"
        config.prepareDatabase { db in
            if creating { try db.execute(sql: "PRAGMA synchronous = NORMAL") }
            if !readonly {
                let mode = try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL")
                guard mode == "wal" else {
                    throw DatabaseError(message: "could not switch to WAL (journal_mode is \(mode ?? "?"))")
                }
            }
            // FULL: with WAL, each commit is fsync'd before it returns, so an appended event
            // survives a crash or power loss.
            if !creating { try db.execute(sql: "PRAGMA synchronous = FULL") }
        }
        return config
    }

    // MARK: Incidents

    public var storedRedactor: Redactor { redactor }
    public var storeDescription: String { location.databaseURL.path }
    public func now() -> Date { clock() }
    /// A local file is always reachable.
    public var waitingEvents: Int { 0 }

    public func createIncident(_ payload: OpenedPayload, author: String) throws -> Incident {
        let now = clock()
        return try write { db in try insertIncident(db, payload, author: author, time: now) }
    }

    /// Inserts the incident row `payload` describes (next id of the day) and its `opened` event.
    func insertIncident(_ db: Database, _ payload: OpenedPayload, author: String, time now: Date) throws -> Incident {
        let existing = try String.fetchAll(
            db, sql: "SELECT id FROM incident WHERE id LIKE ?",
            arguments: [Incident.dayPrefix(at: now) + "%"])
        let seq = (try Int.fetchOne(db, sql: "SELECT MAX(seq) FROM incident") ?? 0) + 1
        let incident = Incident(id: Incident.nextID(at: now, existing: existing), opened: payload, at: now)
        try db.execute(
            sql: """
                INSERT INTO incident (id, seq, title, runbook_path, runbook_hash, runbook_section, severity, status,
                roles, started_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, '{}', ?)
                """,
            arguments: [
                incident.id, seq, incident.title, incident.runbookPath, incident.runbookHash,
                incident.runbookSection, incident.severity, incident.status.rawValue,
                Timestamp.milliseconds(now)
            ])
        _ = try insertEvent(db, incident: incident.id, kind: .opened, payload: payload, author: author, time: now)
        return incident
    }

    public func listIncidents(includeResolved: Bool) throws -> [Incident] {
        try read { db in
            let sql =
                "SELECT * FROM incident" + (includeResolved ? "" : " WHERE status != 'resolved'")
                + " ORDER BY seq DESC"
            return try Row.fetchAll(db, sql: sql).map(Self.incident(from:))
        }
    }

    /// The incident `id`, or an error listing the known ones.
    public func incident(_ id: String) throws -> Incident {
        try read { db in try Self.fetchIncident(db, id: id) }
    }

    static func fetchIncident(_ db: Database, id: String) throws -> Incident {
        let wanted = id.uppercased()
        if let row = try Row.fetchOne(db, sql: "SELECT * FROM incident WHERE id = ?", arguments: [wanted]) {
            return try incident(from: row)
        }
        let known = try String.fetchAll(db, sql: "SELECT id FROM incident ORDER BY seq DESC LIMIT 20")
        throw JournalError.unknownIncident(id: id, known: known)
    }

    static func incident(from row: Row) throws -> Incident {
        let roles = Incident.roles(fromJSON: row["roles"])
        let status: String = row["status"]
        let resolved: Int64? = row["resolved_at"]
        return Incident(
            id: row["id"], title: row["title"], runbookPath: row["runbook_path"], runbookHash: row["runbook_hash"],
            severity: row["severity"], status: IncidentStatus(rawValue: status) ?? .investigating, roles: roles,
            startedAt: Timestamp.date(milliseconds: row["started_at"]),
            resolvedAt: resolved.map { Timestamp.date(milliseconds: $0) }, runbookSection: row["runbook_section"])
    }

    // MARK: Reading the timeline

    public func fetchEvents(incident: String, after: Int64?, since: Date?, kinds: Set<EventKind>?) throws
        -> [TimelineEvent]
    {
        try read { db in try Self.fetchEvents(db, incident: incident, after: after, since: since, kinds: kinds) }
    }

    public func lastEventID(incident: String) throws -> Int64 {
        try read { db in
            try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM event WHERE incident = ?", arguments: [incident]) ?? 0
        }
    }

    static func fetchEvents(
        _ db: Database, incident: String, after: Int64?, since: Date?,
        kinds: Set<EventKind>?
    ) throws -> [TimelineEvent] {
        var sql = "SELECT id, incident, time, author, kind, payload FROM event WHERE incident = ?"
        var arguments: StatementArguments = [incident]
        if let after { sql += " AND id > ?"; arguments += [after] }
        if let since { sql += " AND time >= ?"; arguments += [Timestamp.milliseconds(since)] }
        if let kinds {
            sql += " AND kind IN (" + kinds.map { _ in "?" }.joined(separator: ",") + ")"
            arguments += StatementArguments(kinds.map(\.rawValue))
        }
        sql += " ORDER BY id"
        var events: [TimelineEvent] = []
        let cursor = try Row.fetchCursor(db, sql: sql, arguments: arguments)
        while let row = try cursor.next() {
            let kind: String = row[4]
            // Unknown kinds (from a newer writer) are skipped rather than failing the whole read.
            guard let eventKind = EventKind(rawValue: kind) else { continue }
            events.append(
                TimelineEvent(
                    id: row[0], incident: row[1], time: Timestamp.date(milliseconds: row[2]),
                    author: row[3], kind: eventKind, payloadJSON: row[5]))
        }
        return events
    }

    // MARK: Database access with clear errors

    func write<T>(_ body: (Database) throws -> T) throws -> T {
        try Self.mapErrors(path: location.databaseURL.path, waited: busyTimeout) {
            try queue.writeWithoutTransaction { db in
                var result: T?
                // IMMEDIATE: take the write lock up front, so that the busy timeout applies and
                // ids are assigned in commit order.
                try db.inTransaction(.immediate) {
                    result = try body(db)
                    return .commit
                }
                return result!
            }
        }
    }

    func read<T>(_ body: (Database) throws -> T) throws -> T {
        try Self.mapErrors(path: location.databaseURL.path, waited: busyTimeout) { try queue.read(body) }
    }

    static func mapErrors<T>(path: String, waited: Double, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as DatabaseError {
            switch error.resultCode {
            case .SQLITE_BUSY, .SQLITE_LOCKED: throw JournalError.locked(path: path, waitedSeconds: waited)
            case .SQLITE_READONLY, .SQLITE_PERM: throw JournalError.readOnly(path: path)
            case .SQLITE_NOTADB: throw JournalError.notADatabase(path: path)
            case .SQLITE_FULL: throw JournalError.diskFull(path: path)
            case .SQLITE_IOERR where errno == ENOSPC: throw JournalError.diskFull(path: path)
            case .SQLITE_CORRUPT:
                throw JournalError.corrupt(path: path, detail: error.message ?? "database disk image is malformed")
            default: throw JournalError.database(path: path, detail: error.message ?? "\(error)")
            }
        }
    }
}
