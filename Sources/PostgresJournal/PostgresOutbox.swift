import Foundation
import GRDB
import IncidentKit

/// Events written while the journal server was unreachable: a durable local SQLite file
/// (`outbox.sqlite` in this machine's folder, WAL, `synchronous = FULL`), so a console killed
/// while offline loses no acknowledged event. Each entry keeps the id its writer chose (the
/// server refuses a second event with the same key, so a push can be repeated safely) and its
/// original time; entries are pushed in the order they were written.
final class PostgresOutbox: Sendable {
    struct Entry: Sendable, Equatable {
        var seq: Int64
        var key: String
        var incident: String
        var time: Date
        var author: String
        var kind: EventKind
        var payloadJSON: String
    }

    let queue: DatabaseQueue

    init(directory: URL) throws {
        try FileManager.default.createDirectory(
            at: directory, withIntermediateDirectories: true,
            attributes: [.posixPermissions: 0o700])
        var config = Configuration()
        config.busyMode = .timeout(5)
        config.prepareDatabase { db in
            _ = try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL")
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        let path = directory.appendingPathComponent("outbox.sqlite").path
        if !FileManager.default.fileExists(atPath: path) {
            _ = FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600])
        }
        queue = try DatabaseQueue(path: path, configuration: config)
        try queue.write { db in
            try db.execute(
                sql: """
                    CREATE TABLE IF NOT EXISTS waiting (
                        seq INTEGER PRIMARY KEY AUTOINCREMENT,
                        key TEXT NOT NULL UNIQUE,
                        incident TEXT NOT NULL,
                        time INTEGER NOT NULL,
                        author TEXT NOT NULL,
                        kind TEXT NOT NULL,
                        payload TEXT NOT NULL
                    )
                    """)
        }
    }

    /// Keeps one event until the server has it; returns once it is on disk.
    func add(key: String, incident: String, kind: EventKind, json: String, author: String, time: Date) throws -> Int64 {
        try queue.write { db in
            try db.execute(
                sql: """
                    INSERT OR IGNORE INTO waiting (key, incident, time, author, kind, payload) VALUES (?, ?, ?, ?, ?, ?)
                    """, arguments: [key, incident, Timestamp.milliseconds(time), author, kind.rawValue, json])
            return try Int64.fetchOne(db, sql: "SELECT seq FROM waiting WHERE key = ?", arguments: [key]) ?? 0
        }
    }

    /// Every waiting event, oldest first.
    func waiting() throws -> [Entry] {
        try queue.read { db in
            try Row.fetchAll(
                db, sql: "SELECT seq, key, incident, time, author, kind, payload FROM waiting ORDER BY seq"
            )
            .compactMap { row in
                guard let kind = EventKind(rawValue: row[5]) else { return nil }
                return Entry(
                    seq: row[0], key: row[1], incident: row[2], time: Timestamp.date(milliseconds: row[3]),
                    author: row[4], kind: kind, payloadJSON: row[6])
            }
        }
    }

    /// The server has it.
    func remove(key: String) throws {
        try queue.write { db in try db.execute(sql: "DELETE FROM waiting WHERE key = ?", arguments: [key]) }
    }

    var count: Int {
        (try? queue.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM waiting") ?? 0 }) ?? 0
    }
}

/// A Bool shared between threads.
final class LockedFlag: @unchecked Sendable { // @unchecked: `stored` is only touched under `lock`
    private let lock = NSLock()
    private var stored: Bool

    init(_ value: Bool) { stored = value }

    var value: Bool {
        get { lock.withLock { stored } }
        set { lock.withLock { stored = newValue } }
    }
}
