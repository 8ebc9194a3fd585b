import Foundation
import IncidentKit
import Logging
import NIOCore
import NIOPosix
import PostgresJournal
import PostgresNIO

/// The PostgreSQL journal on the server scripts/bench.sh starts (`WARROOM_TEST_POSTGRES`): append
/// latency against a bare single-row INSERT on the same server, interleaved in one run, and how
/// long a note takes to reach another journal's watch (another console).
enum PostgresJournalBench {
    static let appends = 2000
    static let notes = 200

    static func run() {
        guard let server = ProcessInfo.processInfo.environment["WARROOM_TEST_POSTGRES"], !server.isEmpty else {
            print("journal: PostgreSQL skipped (WARROOM_TEST_POSTGRES unset; scripts/bench.sh starts a server)")
            return
        }
        do {
            let url = try PostgresStoreURL(server, environment: [:])
            let folder = try JournalBench.temporaryFolder()
            defer { try? FileManager.default.removeItem(at: folder) }
            let journal = try PostgresJournal(url: url, location: StoreLocation(directory: folder))
            try appendLatency(journal, url: url)
            try noteLatency(journal, url: url, folder: folder)
        } catch {
            print("journal: PostgreSQL failed: \(error)")
        }
    }

    static func appendLatency(_ journal: PostgresJournal, url: PostgresStoreURL) throws {
        let incident = try journal.openIncident(title: "bench", severity: "SEV3", author: "bench@host").id
        let bare = try BarePostgres(url: url)
        defer { bare.close() }
        let payload = NotePayload(text: "Restarted checkout-7f9c on node-12; error rate back under 1%")
        let bareJSON = #"{"text":"Restarted checkout-7f9c on node-12; error rate back under 1%"}"#
        for _ in 0..<50 {
            try journal.append(payload, to: incident, author: "bench@host")
            try bare.insert(incident: incident, payload: bareJSON)
        }
        // Small interleaved blocks: both see the same server, disk and machine load.
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
        let j = JournalBench.Stats(journalTimes), b = JournalBench.Stats(bareTimes)
        print(
            "journal: PostgreSQL append, \(appends) single-event transactions (lock + insert + pg_notify) on loopback")
        print(String(format: "  journal      p50 %.3f ms  p99 %.3f ms  %8.0f events/s", j.p50, j.p99, j.perSecond))
        print(String(format: "  bare INSERT  p50 %.3f ms  p99 %.3f ms  %8.0f events/s", b.p50, b.p99, b.perSecond))
        print(
            String(
                format: "  ratio journal/bare: p50 %.2fx  p99 %.2fx  throughput %.2fx (aim ≤ 1.5x)",
                j.p50 / b.p50, j.p99 / b.p99, b.perSecond / j.perSecond))
    }

    /// A note appended by one journal, timed until another journal's watch yields it.
    static func noteLatency(_ writer: PostgresJournal, url: PostgresStoreURL, folder: URL) throws {
        let incident = try writer.openIncident(title: "bench", severity: "SEV3", author: "bench@host").id
        let reader = try PostgresJournal(url: url, location: StoreLocation(directory: folder))
        let times = LatencyBox()
        let done = DispatchSemaphore(value: 0)
        let stream = reader.watch(incident: incident, after: try reader.lastEventID(incident: incident))
        let task = Task.detached {
            var seen = 0
            do {
                for try await event in stream {
                    guard let text = event.payload(as: NotePayload.self)?.text, let sent = UInt64(text) else {
                        continue
                    }
                    times.add(Double(DispatchTime.now().uptimeNanoseconds - sent) / 1e6)
                    seen += 1
                    if seen == notes { break }
                }
            } catch {}
            done.signal()
        }
        Thread.sleep(forTimeInterval: 0.5) // the watcher's LISTEN is in place
        for _ in 0..<notes {
            try writer.append(
                NotePayload(text: String(DispatchTime.now().uptimeNanoseconds)), to: incident, author: "bench@host")
            Thread.sleep(forTimeInterval: 0.01)
        }
        if done.wait(timeout: .now() + 10) == .timedOut { task.cancel() }
        let stats = JournalBench.Stats(times.values)
        print("journal: PostgreSQL note to another console's watch, \(times.values.count) notes (LISTEN/NOTIFY)")
        print(String(format: "  p50 %.2f ms  p99 %.2f ms (aim p50 < 100 ms on loopback)", stats.p50, stats.p99))
    }

    final class LatencyBox: @unchecked Sendable { // @unchecked: behind `lock`
        private let lock = NSLock()
        private var stored: [Double] = []
        func add(_ value: Double) { lock.withLock { stored.append(value) } }
        var values: [Double] { lock.withLock { stored.isEmpty ? [0] : stored } }
    }

    /// The same row in a table of the same shape, one autocommit INSERT, nothing else.
    final class BarePostgres {
        let connection: PostgresConnection
        let logger = Logger(label: "bench")

        init(url: PostgresStoreURL) throws {
            var configuration = PostgresConnection.Configuration(
                host: url.host, port: url.port, username: url.user, password: url.password, database: url.database,
                tls: .disable)
            configuration.options.connectTimeout = .seconds(5)
            connection = try PostgresConnection.connect(
                on: MultiThreadedEventLoopGroup.singleton.next(),
                configuration: configuration, id: 9, logger: logger
            ).wait()
            try run("DROP TABLE IF EXISTS bench_bare_event")
            try run(
                """
                CREATE TABLE bench_bare_event (id bigserial PRIMARY KEY, incident text NOT NULL, time bigint NOT NULL,
                    author text NOT NULL, kind text NOT NULL, payload text NOT NULL)
                """)
            try run("CREATE INDEX bench_bare_by_incident ON bench_bare_event(incident, id)")
        }

        func insert(incident: String, payload: String) throws {
            let now = Int64(Date().timeIntervalSince1970 * 1000)
            try run(
                """
                INSERT INTO bench_bare_event (incident, time, author, kind, payload)
                VALUES (\(incident), \(now), 'bench@host', 'note', \(payload))
                """)
        }

        func run(_ query: PostgresQuery) throws {
            let result: EventLoopFuture<PostgresQueryResult> = connection.query(query, logger: logger)
            _ = try result.wait()
        }

        func close() { _ = try? connection.close().wait() }
    }
}
