import Foundation

/// An event's payload decoded once into its typed form, so that reading 100k events costs one
/// JSON decode each.
enum DecodedPayload {
    case opened(OpenedPayload)
    case severity(SeverityChangedPayload)
    case status(StatusChangedPayload)
    case role(RoleAssignedPayload)
    case item(ChecklistItemPayload)
    case started(CommandStartedPayload)
    case finished(CommandFinishedPayload)
    case metric(MetricPayload)
    case note(NotePayload)
    case milestone(MilestonePayload)
    /// A payload that does not fit its kind (a newer writer, a hand edit).
    case unreadable

    static func decode(_ event: TimelineEvent, using decoder: JSONDecoder) -> DecodedPayload {
        let data = Data(event.payloadJSON.utf8)
        func d<T: Decodable>(_ type: T.Type) -> T? { try? decoder.decode(type, from: data) }
        let decoded: DecodedPayload? = switch event.kind {
        case .opened: d(OpenedPayload.self).map(DecodedPayload.opened)
        case .severityChanged: d(SeverityChangedPayload.self).map(DecodedPayload.severity)
        case .statusChanged: d(StatusChangedPayload.self).map(DecodedPayload.status)
        case .roleAssigned: d(RoleAssignedPayload.self).map(DecodedPayload.role)
        case .itemTicked, .itemUnticked, .itemSkipped: d(ChecklistItemPayload.self).map(DecodedPayload.item)
        case .commandStarted: d(CommandStartedPayload.self).map(DecodedPayload.started)
        case .commandFinished: d(CommandFinishedPayload.self).map(DecodedPayload.finished)
        case .metricBreached, .metricRecovered: d(MetricPayload.self).map(DecodedPayload.metric)
        case .note: d(NotePayload.self).map(DecodedPayload.note)
        case .milestone: d(MilestonePayload.self).map(DecodedPayload.milestone)
        }
        return decoded ?? .unreadable
    }
}

extension DecodedPayload {
    /// Decodes every payload, in chunks on all cores: JSON decoding is most of the cost of a
    /// 100k-event postmortem.
    static func decodeAll(_ events: [TimelineEvent]) -> [DecodedPayload] {
        let chunkSize = 4096
        guard events.count > chunkSize else {
            let decoder = JSONDecoder()
            return events.map { decode($0, using: decoder) }
        }
        let chunks = (events.count + chunkSize - 1) / chunkSize
        let results = ChunkResults(count: chunks)
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            let decoder = JSONDecoder()
            let range = chunk * chunkSize..<min(events.count, (chunk + 1) * chunkSize)
            results.store(chunk, events[range].map { decode($0, using: decoder) })
        }
        return results.joined()
    }

    /// One slot per chunk, each written by exactly one worker.
    private final class ChunkResults: @unchecked Sendable {
        // @unchecked: workers write distinct slots under the lock; read after all are done.
        private var slots: [[DecodedPayload]]
        private let lock = NSLock()
        init(count: Int) { slots = Array(repeating: [], count: count) }
        func store(_ index: Int, _ values: [DecodedPayload]) { lock.withLock { slots[index] = values } }
        func joined() -> [DecodedPayload] { lock.withLock { slots.flatMap { $0 } } }
    }
}
