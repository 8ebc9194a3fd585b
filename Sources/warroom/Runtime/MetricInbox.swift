import ConsoleUI
import Foundation
import LiveMetrics

/// Where the console's metric sampler (a background task) leaves readings for the main loop,
/// keeping each metric's recent values for the sparkline and the chart.
final class MetricInbox: @unchecked Sendable {
    static let kept = 120
    private let lock = NSLock()
    private var pending: [String: MetricReading] = [:]
    private var history: [String: [Double]] = [:]

    /// A sample (its value joins the history) or a state without one.
    func push(_ status: MetricStatus, source: String?, sampled: Bool) {
        lock.lock()
        defer { lock.unlock() }
        var values = history[status.name] ?? []
        if sampled, let value = status.value {
            values.append(value)
            if values.count > Self.kept { values.removeFirst(values.count - Self.kept) }
            history[status.name] = values
        }
        pending[status.name] = MetricReading(
            name: status.name, state: MetricReading.State(rawValue: status.state.rawValue) ?? .error,
            value: status.value, unit: status.unit, threshold: status.threshold,
            detail: status.pendingText ?? status.error ?? status.hint,
            samples: values, source: source,
            series: status.series.map { MetricSeries(labels: $0.labels, value: $0.value) })
    }

    func drain() -> [MetricReading] {
        lock.lock()
        defer { lock.unlock() }
        let result = pending.values.sorted { $0.name < $1.name }
        pending = [:]
        return result
    }
}
