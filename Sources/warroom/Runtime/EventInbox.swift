import Foundation
import IncidentKit

/// Where the journal watcher (a background task) leaves new events for the main loop,
/// which drains it between key reads: curses stays on the main thread.
final class EventInbox: @unchecked Sendable {
    private let lock = NSLock()
    private var events: [TimelineEvent] = []
    private var failure: String?

    func push(_ event: TimelineEvent) {
        lock.lock()
        defer { lock.unlock() }
        events.append(event)
    }

    func fail(_ text: String) {
        lock.lock()
        defer { lock.unlock() }
        failure = text
    }

    func drain() -> (events: [TimelineEvent], failure: String?) {
        lock.lock()
        defer { lock.unlock() }
        let result = (events, failure)
        events = []
        failure = nil
        return result
    }
}
