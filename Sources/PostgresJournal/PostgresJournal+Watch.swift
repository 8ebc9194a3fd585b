import Foundation
import IncidentKit
import Logging
import NIOCore
import NIOPosix
import PostgresNIO

extension PostgresJournal {
    /// New events of `incident` after id `after`, from any machine, within a round trip of their commit.
    ///
    /// One dedicated connection `LISTEN`s on the journal's channel. Notifications are not replayed,
    /// so on every (re)connect, once the LISTEN is in place, it first reads everything after the last
    /// id it yielded; then each notification for this incident reads what is new. A lost server is
    /// retried every `interval` (at least 200 ms) for as long as the stream is consumed; meanwhile the
    /// events this machine keeps for it are yielded with their temporary (negative) ids, so a console
    /// shows what it wrote offline (a run's events are not handed to it any other way).
    public func watchEvents(
        incident: String, after: Int64,
        interval: Duration
    ) -> AsyncThrowingStream<TimelineEvent, any Error> {
        let url = self.url
        let logger = session.logger
        let wanted = incident.uppercased()
        let retry = max(interval, .milliseconds(200))
        return AsyncThrowingStream { continuation in
            let task = Task.detached {
                var last = after
                var lastKept: Int64 = 0
                while !Task.isCancelled {
                    do {
                        let connection = try await PostgresConnection.connect(
                            on: MultiThreadedEventLoopGroup.singleton.next(),
                            configuration: url.connectionConfiguration(), id: 2, logger: logger)
                        defer { connection.closeSoon() }
                        // Back in touch: deliver what waited in the outbox (blocking, so off the pool's hot path).
                        if self.mayHaveWaiting.value { _ = try? self.pushWaiting() }
                        try await withTaskCancellationHandler {
                            try await connection.listen(on: PostgresSchema.channel) { notifications in
                                last = try await Self.catchUp(
                                    connection, incident: wanted, after: last,
                                    logger: logger, into: continuation)
                                for try await notification in notifications {
                                    guard Self.announces(notification.payload, incident: wanted, after: last) else {
                                        continue
                                    }
                                    last = try await Self.catchUp(
                                        connection, incident: wanted, after: last,
                                        logger: logger, into: continuation)
                                }
                            }
                        } onCancel: {
                            connection.closeSoon()
                        }
                    } catch {
                        if Task.isCancelled { break }
                    }
                    lastKept = self.yieldKept(incident: wanted, after: lastKept, into: continuation)
                    try? await Task.sleep(for: retry)
                }
                continuation.finish()
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }

    /// Yields the outbox's events of `incident` after outbox number `seq`, each once; returns the last
    /// number yielded.
    func yieldKept(
        incident: String, after seq: Int64,
        into continuation: AsyncThrowingStream<TimelineEvent, any Error>.Continuation
    ) -> Int64 {
        guard mayHaveWaiting.value, let entries = try? outbox.waiting() else { return seq }
        var last = seq
        for entry in entries where entry.seq > seq && entry.incident == incident {
            continuation.yield(
                TimelineEvent(
                    id: -entry.seq, incident: incident, time: entry.time, author: entry.author, kind: entry.kind,
                    payloadJSON: entry.payloadJSON))
            last = entry.seq
        }
        return last
    }

    /// Whether a notification (`<incident> <id>`) is about a new event of `incident`.
    static func announces(_ payload: String, incident: String, after: Int64) -> Bool {
        let parts = payload.split(separator: " ")
        guard parts.count == 2, parts[0] == incident, let id = Int64(parts[1]) else { return false }
        return id > after
    }

    /// Yields every event after `after`; returns the last id yielded.
    static func catchUp(
        _ connection: PostgresConnection, incident: String, after: Int64, logger: Logger,
        into continuation: AsyncThrowingStream<TimelineEvent, any Error>.Continuation
    ) async throws -> Int64 {
        var last = after
        let rows = try await connection.query(
            eventsQuery(incident: incident, after: after, since: nil, kinds: nil), logger: logger)
        for try await row in rows {
            last = try row.decode(Int64.self)
            if let event = try event(from: row) { continuation.yield(event) }
        }
        return last
    }
}
