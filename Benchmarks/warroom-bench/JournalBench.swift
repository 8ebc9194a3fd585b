import Foundation
import GRDB
import GRDBSQLite
import IncidentKit

/// Durable append latency against a bare SQLite insert with the same pragmas (WAL,
/// synchronous = FULL, one event per transaction), and the 100k-event postmortem.
enum JournalBench {
    static let appends = 3000
    static let postmortemEvents = 100_000

    static func run() {
        do {
            try appendLatency()
            try postmortem()
        } catch {
            print("journal: failed: \(error)")
        }
    }

    // MARK: Append latency

    static func appendLatency() throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let journal = try SQLiteJournal(location: StoreLocation(directory: root.appendingPathComponent("journal")))
        let incident = try journal.openIncident(title: "bench", severity: "SEV3", author: "bench@host").id
        let bare = try BareSQLite(path: root.appendingPathComponent("bare.sqlite").path)
        defer { bare.close() }
        let payload = NotePayload(text: "Restarted checkout-7f9c on node-12; error rate back under 1%")
        let bareJSON = #"{"text":"Restarted checkout-7f9c on node-12; error rate back under 1%"}"#

        // Warm up both (page cache, WAL file growth), then interleave small blocks so that both
        // see the same disk and machine load: other builds share this disk.
        for _ in 0..<50 {
            try journal.append(payload, to: incident, author: "bench@host")
            try bare.insert(incident: incident, payload: bareJSON)
        }
        var journalTimes: [Double] = [], bareTimes: [Double] = []
        let block = 10
        for _ in 0..<(appends / block) {
            for _ in 0..<block {
                let t = DispatchTime.now().uptimeNanoseconds
                try journal.append(payload, to: incident, author: "bench@host")
                journalTimes.append(Double(DispatchTime.now().uptimeNanoseconds - t) / 1e6)
            }
            for _ in 0..<block {
                let t = DispatchTime.now().uptimeNanoseconds
                try bare.insert(incident: incident, payload: bareJSON)
                bareTimes.append(Double(DispatchTime.now().uptimeNanoseconds - t) / 1e6)
            }
        }
        let j = Stats(journalTimes), b = Stats(bareTimes)
        print("journal: durable append, \(appends) single-event transactions (WAL, synchronous=FULL)")
        print(String(format: "  journal      p50 %.3f ms  p99 %.3f ms  %8.0f events/s", j.p50, j.p99, j.perSecond))
        print(String(format: "  bare sqlite  p50 %.3f ms  p99 %.3f ms  %8.0f events/s", b.p50, b.p99, b.perSecond))
        print(
            String(
                format: "  ratio journal/bare: p50 %.2fx  p99 %.2fx  throughput %.2fx (aim ≤ 1.5x)",
                j.p50 / b.p50, j.p99 / b.p99, b.perSecond / j.perSecond))
    }

    struct Stats {
        var p50: Double, p99: Double, perSecond: Double
        init(_ ms: [Double]) {
            let sorted = ms.sorted()
            p50 = sorted[sorted.count / 2]
            p99 = sorted[min(sorted.count - 1, Int(Double(sorted.count) * 0.99))]
            perSecond = Double(ms.count) / (ms.reduce(0, +) / 1000)
        }
    }

    /// The same row and pragmas through the sqlite3 C API, nothing else.
    final class BareSQLite {
        var db: OpaquePointer?
        var insert: OpaquePointer?

        init(path: String) throws {
            guard sqlite3_open(path, &db) == SQLITE_OK else { throw BenchError("open \(path)") }
            for sql in [
                "PRAGMA journal_mode = WAL", "PRAGMA synchronous = FULL", "PRAGMA busy_timeout = 5000",
                "CREATE TABLE event (id INTEGER PRIMARY KEY AUTOINCREMENT, incident TEXT NOT NULL, "
                    + "time INTEGER NOT NULL, author TEXT NOT NULL, kind TEXT NOT NULL, payload TEXT NOT NULL)",
                "CREATE INDEX event_by_incident ON event(incident, id)"
            ] {
                guard sqlite3_exec(db, sql, nil, nil, nil) == SQLITE_OK else { throw BenchError(sql) }
            }
            let sql = "INSERT INTO event (incident, time, author, kind, payload) VALUES (?, ?, 'bench@host', 'note', ?)"
            guard sqlite3_prepare_v2(db, sql, -1, &insert, nil) == SQLITE_OK else { throw BenchError(sql) }
        }

        func insert(incident: String, payload: String) throws {
            guard sqlite3_exec(db, "BEGIN IMMEDIATE", nil, nil, nil) == SQLITE_OK else { throw BenchError("begin") }
            let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
            sqlite3_bind_text(insert, 1, incident, -1, transient)
            sqlite3_bind_int64(insert, 2, Int64(Date().timeIntervalSince1970 * 1000))
            sqlite3_bind_text(insert, 3, payload, -1, transient)
            guard sqlite3_step(insert) == SQLITE_DONE else { throw BenchError("insert") }
            sqlite3_reset(insert)
            guard sqlite3_exec(db, "COMMIT", nil, nil, nil) == SQLITE_OK else { throw BenchError("commit") }
        }

        func close() {
            sqlite3_finalize(insert)
            sqlite3_close(db)
        }
    }

    // MARK: Postmortem of a 100k-event incident

    static func postmortem() throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let location = StoreLocation(directory: root)
        let journal = try SQLiteJournal(location: location)
        let incident = try journal.openIncident(title: "bench", severity: "SEV2", author: "bench@host")
        try fill(location: location, incident: incident.id, count: postmortemEvents - 1, start: incident.startedAt)

        let t0 = DispatchTime.now().uptimeNanoseconds
        let events = try journal.events(incident: incident.id)
        let t1 = DispatchTime.now().uptimeNanoseconds
        let report = PostmortemReport(incident: try journal.incident(incident.id), events: events)
        let t2 = DispatchTime.now().uptimeNanoseconds
        let markdown = try PostmortemRenderer.render(report)
        let t3 = DispatchTime.now().uptimeNanoseconds
        let ms = { (a: UInt64, b: UInt64) in Double(b - a) / 1e6 }
        print("journal: postmortem of a \(events.count)-event incident (\(markdown.utf8.count / 1024) KiB of Markdown)")
        print(
            String(
                format: "  load %.0f ms  build %.0f ms  render %.0f ms  total %.0f ms (aim < 1000 ms)",
                ms(t0, t1), ms(t1, t2), ms(t2, t3), ms(t0, t3)))
    }

    /// Writes a realistic mix of events straight into the store's table, in large transactions.
    static func fill(location: StoreLocation, incident: String, count: Int, start: Date) throws {
        let queue = try DatabaseQueue(path: location.databaseURL.path)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        func json<T: Encodable>(_ value: T) throws -> String {
            String(decoding: try encoder.encode(value), as: UTF8.self)
        }
        let samples: [(String, String)] = [
            ("note", try json(NotePayload(text: "Checked the dashboards; p99 still above target"))),
            ("note", try json(NotePayload(text: "TODO: tune the connection pool"))),
            (
                "metric_breached",
                try json(MetricPayload(metric: "error_rate", value: 7.5, threshold: 5, level: "warning"))
            ),
            (
                "metric_recovered",
                try json(MetricPayload(metric: "error_rate", value: 0.5, threshold: 5, level: "warning"))
            ),
            (
                "command_finished",
                try json(
                    CommandFinishedPayload(
                        command: "kubectl get pods", exitStatus: 0, durationMs: 840,
                        output: "outputs/x/1.log", tail: ["ok"]))
            ),
            ("item_ticked", try json(ChecklistItemPayload(item: "Page the on-call"))),
            ("milestone", try json(MilestonePayload(milestone: .acknowledged)))
        ]
        let startMs = Int64(start.timeIntervalSince1970 * 1000)
        try queue.write { db in
            let statement = try db.makeStatement(
                sql: "INSERT INTO event (incident, time, author, kind, payload) VALUES (?, ?, ?, ?, ?)")
            for i in 0..<count {
                let (kind, payload) = samples[i % samples.count]
                try statement.execute(arguments: [incident, startMs + Int64(i) * 500, "bench@host", kind, payload])
            }
        }
    }

    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("warroom-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    struct BenchError: Error, CustomStringConvertible {
        var description: String
        init(_ d: String) { description = d }
    }
}
