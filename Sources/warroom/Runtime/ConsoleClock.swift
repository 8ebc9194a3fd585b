import ConsoleUI
import Foundation
import IncidentKit

/// The console's clock as a source of the inbox: `.tick` at the start of each second, and
/// `.journalWaiting` when the number of events kept locally for an unreachable journal server changes.
enum ConsoleClock {
    static func start(journal: any Journal, inbox: MsgInbox) -> Task<Void, Never> {
        Task.detached {
            var second = Int(Date().timeIntervalSince1970)
            var waiting = 0
            while !Task.isCancelled {
                let now = Date().timeIntervalSince1970
                // A few milliseconds past the boundary, so the clock read there is in the new second.
                try? await Task.sleep(for: .milliseconds(max(Int((Double(second + 1) - now) * 1000), 0) + 5))
                let date = Date()
                guard Int(date.timeIntervalSince1970) != second else { continue }
                second = Int(date.timeIntervalSince1970)
                var messages: [Msg] = [.tick(date)]
                let count = journal.waitingEvents
                if count != waiting {
                    waiting = count
                    messages.append(.journalWaiting(count))
                }
                inbox.post(messages)
            }
        }
    }
}
