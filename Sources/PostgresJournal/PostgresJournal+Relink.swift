import Foundation
import IncidentKit

extension PostgresJournal {
    /// `json` with the temporary (negative) ids of events already pushed from the outbox replaced
    /// by the server's ids: a run's finish (`startedEvent`, its output file) or a closed follow-up
    /// written while its start or follow-up waited offline. The output file written under the
    /// temporary id is renamed to match. Other payloads are returned as they are.
    func relinkedToServer(_ kind: EventKind, json: String, incident: String) throws -> String {
        guard kind == .commandFinished || kind == .actionClosed else { return json }
        let ids = try outbox.pushedIDs()
        guard !ids.isEmpty else { return json }
        let event = TimelineEvent(id: 0, incident: incident, time: Date(), author: "", kind: kind, payloadJSON: json)
        let relinked = Relink.payload(of: event, ids: ids)
        guard relinked != json else { return json }
        if kind == .commandFinished,
            let old = event.payload(as: CommandFinishedPayload.self)?.output,
            let new = (try? JSONDecoder().decode(CommandFinishedPayload.self, from: Data(relinked.utf8)))?.output,
            old != new
        {
            let from = location.directory.appendingPathComponent(old)
            let to = location.directory.appendingPathComponent(new)
            if FileManager.default.fileExists(atPath: from.path), !FileManager.default.fileExists(atPath: to.path) {
                try? FileManager.default.moveItem(at: from, to: to)
            }
        }
        return relinked
    }
}
