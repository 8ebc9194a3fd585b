import Foundation
import IncidentKit

/// What identifies a write kept offline once the server has it: the push keeps the writer's kind,
/// time (to the millisecond) and author, while its id changes and a run's finish is relinked to its
/// start's server id (so the payload is not part of it).
struct OfflineWrite: Hashable {
    var kind: String
    var milliseconds: Int64
    var author: String

    init(_ event: ConsoleEvent) {
        kind = event.kind.rawValue
        milliseconds = Timestamp.milliseconds(event.time)
        author = event.author
    }
}

extension AppUpdate {
    /// The server's copy of a write this console kept offline takes over its row (the start's row for
    /// a run's finish) instead of adding one; the change it carries was applied when it was written.
    /// Returns whether `event` was such a copy.
    static func landOfflineWrite(_ event: ConsoleEvent, in state: inout AppState) -> Bool {
        guard !state.offlineWrites.isEmpty,
            let waiting = state.offlineWrites.removeValue(forKey: OfflineWrite(event))
        else { return false }
        state.lastEventID = max(state.lastEventID, event.id)
        if let row = state.timeline.firstIndex(where: { $0.id == waiting }) {
            state.timeline[row].id = event.id
            state.timeline[row].late = event.late
        } else if let row = state.timeline.firstIndex(where: { $0.finishedID == waiting }) {
            state.timeline[row].finishedID = event.id
        }
        return true
    }
}
