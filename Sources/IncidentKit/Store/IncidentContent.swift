import Foundation

/// One incident as `warroom store copy` moves and checks it: its row, its events in order and its
/// command output files (`outputs/<incident>/…` in the store's local folder).
///
/// Event ids are each store's own (a copy takes the target's next ids, in the same order), so the
/// hash names events by their position: a run's finish that points at its start, a closed
/// follow-up and an output file named after an event's id are hashed by that event's position.
/// Two stores holding the same incident give the same hash whatever their ids.
public struct IncidentContent: Sendable {
    public var incident: Incident
    public var events: [TimelineEvent]
    /// File name in `outputs/<incident>/` → its bytes.
    public var outputs: [String: Data]

    public init(incident: Incident, events: [TimelineEvent], outputs: [String: Data]) {
        self.incident = incident
        self.events = events
        self.outputs = outputs
    }

    /// Reads incident `id` of `journal`, with its output files.
    public static func read(_ id: String, from journal: any Journal) throws -> IncidentContent {
        let incident = try journal.incident(id)
        let events = try journal.events(incident: incident.id)
        let folder = journal.location.outputsURL.appendingPathComponent(incident.id)
        var outputs: [String: Data] = [:]
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        for name in names {
            let url = folder.appendingPathComponent(name)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue
            else { continue }
            do {
                outputs[name] = try Data(contentsOf: url)
            } catch {
                throw StoreCopyError.unreadableOutput(path: url.path, detail: (error as NSError).localizedDescription)
            }
        }
        return IncidentContent(incident: incident, events: events, outputs: outputs)
    }

    /// Each event's id → its position (1-based), the ids the hash uses.
    var positions: [Int64: Int64] {
        Dictionary(uniqueKeysWithValues: events.enumerated().map { ($0.element.id, Int64($0.offset + 1)) })
    }

    /// SHA-256 over the incident row and every event's kind, time, author and payload (links by position).
    public var eventsHash: String {
        let positions = self.positions
        let i = incident
        var text =
            [
                "incident", i.id, i.title, i.runbookPath ?? "", i.runbookHash ?? "", i.runbookSection ?? "",
                i.severity, i.status.rawValue, i.rolesJSON, "\(Timestamp.milliseconds(i.startedAt))",
                i.resolvedAt.map { "\(Timestamp.milliseconds($0))" } ?? ""
            ].joined(separator: "\t") + "\n"
        for event in events {
            let payload = Relink.payload(of: event, ids: positions)
            text +=
                [event.kind.rawValue, "\(Timestamp.milliseconds(event.time))", event.author, payload]
                .joined(separator: "\t") + "\n"
        }
        return SHA256.hex(Array(text.utf8))
    }

    /// SHA-256 over the output files' names (by event position) and contents.
    public var outputsHash: String {
        let positions = self.positions
        let lines = outputs.map { name, data in
            Relink.fileName(name, ids: positions) + "\t" + SHA256.hex(Array(data))
        }.sorted()
        return SHA256.hex(Array(lines.joined(separator: "\n").utf8))
    }

    /// Both: what `store copy` prints and compares.
    public var hash: String { SHA256.hex(Array((eventsHash + outputsHash).utf8)) }
}

/// Rewrites the event ids an event's payload names: for a copy (old → new ids), a hash (id →
/// position), or an outbox push (an offline event's temporary negative id → the server's id).
public enum Relink {
    /// The payload with the ids it names mapped by `ids`: a run's finish (`startedEvent`, and the
    /// output file `outputs/<incident>/<started>.log`) and a closed follow-up (`action`). Unchanged
    /// (byte for byte) when it names none that `ids` knows.
    public static func payload(of event: TimelineEvent, ids: [Int64: Int64]) -> String {
        guard event.kind == .commandFinished || event.kind == .actionClosed,
            var object = (try? JSONSerialization.jsonObject(with: Data(event.payloadJSON.utf8))) as? [String: Any]
        else { return event.payloadJSON }
        var changed = false
        for key in ["startedEvent", "action"] {
            if let old = (object[key] as? NSNumber)?.int64Value, let new = ids[old] {
                object[key] = NSNumber(value: new)
                changed = true
            }
        }
        let prefix = "outputs/\(event.incident)/"
        if let output = object["output"] as? String, output.hasPrefix(prefix) {
            let mapped = prefix + fileName(String(output.dropFirst(prefix.count)), ids: ids)
            if mapped != output { object["output"] = mapped; changed = true }
        }
        guard changed,
            let data = try? JSONSerialization.data(
                withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
        else { return event.payloadJSON }
        return String(decoding: data, as: UTF8.self)
    }

    /// `<id>.log` with its id mapped; any other name as it is.
    public static func fileName(_ name: String, ids: [Int64: Int64]) -> String {
        guard name.hasSuffix(".log"), let id = Int64(name.dropLast(4)), let new = ids[id] else { return name }
        return "\(new).log"
    }
}
