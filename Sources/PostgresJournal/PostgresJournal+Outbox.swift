import Foundation
import IncidentKit

extension PostgresJournal {
    /// How many events wait in this machine's outbox for the server.
    public var waitingEvents: Int { outbox.count }

    /// Pushes the waiting events in the order they were written, with their original times; stops
    /// (keeping the rest) when the server cannot take one now. Returns how many the server took.
    @discardableResult
    public func pushWaiting() throws -> Int {
        try pushing.withLock {
            var pushed = 0
            for entry in try outbox.waiting() {
                _ = try session.mapped {
                    try appendOnline(
                        entry.kind, json: entry.payloadJSON, to: entry.incident, author: entry.author,
                        time: entry.time, key: entry.key)
                }
                try outbox.remove(key: entry.key)
                pushed += 1
            }
            mayHaveWaiting.value = false
            return pushed
        }
    }

    /// Keeps an event the server could not take; its id is the negative outbox number until pushed.
    func keepForLater(
        _ kind: EventKind, json: String, to incident: String, author: String, time: Date,
        key: String
    ) throws -> TimelineEvent {
        let seq = try outbox.add(key: key, incident: incident, kind: kind, json: json, author: author, time: time)
        mayHaveWaiting.value = true
        return TimelineEvent(
            id: -seq, incident: incident, time: Timestamp.date(milliseconds: Timestamp.milliseconds(time)),
            author: author, kind: kind, payloadJSON: json)
    }
}

extension JournalError {
    /// The server could not be reached (as opposed to refusing what was sent).
    var isUnreachable: Bool {
        if case .serverUnreachable = self { return true }
        return false
    }
}
