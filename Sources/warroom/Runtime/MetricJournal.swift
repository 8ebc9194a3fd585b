import IncidentKit
import LiveMetrics

/// Writes a breach or recovery to an incident's timeline: shared by `warroom metrics --watch --incident`
/// and the console.
enum MetricJournal {
    @discardableResult
    static func record(
        _ transition: MetricTransition, journal: any Journal, incident: String,
        author: String
    ) throws -> TimelineEvent {
        let payload = MetricPayload(
            metric: transition.metric, value: transition.value,
            threshold: transition.thresholdValue, level: transition.level.rawValue,
            unit: transition.unit)
        let kind: EventKind = transition.kind == .breached ? .metricBreached : .metricRecovered
        return try journal.append(kind, payload, to: incident, author: author)
    }
}
