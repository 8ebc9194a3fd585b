import Foundation
import GRDB

extension SQLiteJournal {
    /// A separate connection polls `PRAGMA data_version` (which changes when another connection
    /// commits) every `interval`, and reads new rows only when it changed: cheap, no busy loop.
    public func watchEvents(
        incident: String, after: Int64,
        interval: Duration
    ) -> AsyncThrowingStream<TimelineEvent, any Error> {
        let path = location.databaseURL.path
        let timeout = busyTimeout
        return AsyncThrowingStream { continuation in
            let task = Task.detached {
                do {
                    let watcher = try Self.mapErrors(path: path, waited: timeout) {
                        try DatabaseQueue(path: path, configuration: Self.configuration(busyTimeout: timeout))
                    }
                    var last = after
                    var seenVersion: Int?
                    while !Task.isCancelled {
                        let (version, events) = try Self.mapErrors(path: path, waited: timeout) {
                            try watcher.read { db -> (Int, [TimelineEvent]) in
                                let version = try Int.fetchOne(db, sql: "PRAGMA data_version") ?? 0
                                guard version != seenVersion else { return (version, []) }
                                return (
                                    version,
                                    try Self.fetchEvents(
                                        db, incident: incident, after: last,
                                        since: nil, kinds: nil)
                                )
                            }
                        }
                        seenVersion = version
                        for event in events {
                            continuation.yield(event)
                            last = event.id
                        }
                        try await Task.sleep(for: interval)
                    }
                    continuation.finish()
                } catch is CancellationError {
                    continuation.finish()
                } catch {
                    continuation.finish(throwing: error)
                }
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }
}
