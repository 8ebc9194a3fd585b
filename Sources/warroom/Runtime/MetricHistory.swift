import ConsoleUI
import Foundation
import LiveMetrics

/// The console's metric sampler's memory: each metric's recent values, for the sparkline and the
/// chart, turned with a status into the reading the console shows.
final class MetricHistory: @unchecked Sendable {
    // @unchecked: `history` is only touched under `lock` (the sampler and the stale watch both write).
    static let kept = 120
    private let lock = NSLock()
    private var history: [String: [Double]] = [:]

    /// A sample (its value joins the history) or a state without one, as the console shows it.
    func reading(_ status: MetricStatus, source: String?, sampled: Bool) -> MetricReading {
        let values = lock.withLock { () -> [Double] in
            var values = history[status.name] ?? []
            if sampled, let value = status.value {
                values.append(value)
                if values.count > Self.kept { values.removeFirst(values.count - Self.kept) }
                history[status.name] = values
            }
            return values
        }
        return MetricReading(
            name: status.name, state: MetricReading.State(rawValue: status.state.rawValue) ?? .error,
            value: status.value, unit: status.unit, threshold: status.threshold,
            detail: status.pendingText ?? status.error ?? status.hint,
            samples: values, source: source,
            series: status.series.map { MetricSeries(labels: $0.labels, value: $0.value) })
    }
}
