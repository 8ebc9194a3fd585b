import Foundation

/// A live metric as the console shows it: filled by the runtime from the sampler, judged there.
public struct MetricReading: Sendable, Equatable {
    public enum State: String, Sendable, Equatable { case ok, warn, crit, pending, stale, error, unbound }

    public var name: String
    public var state: State
    public var value: Double?
    public var unit: String?
    /// The threshold the state refers to, as the runbook writes it (`> 100`).
    public var threshold: String?
    /// PENDING's "breaching 3m12s of 10m", ERROR's reason, or nil.
    public var detail: String?
    /// Recent values, oldest first.
    public var samples: [Double]
    /// Where the value is read (`command: echo 42`, a PromQL query).
    public var source: String?
    /// Every series of a multi-series answer, worst first (empty for single-number sources).
    public var series: [MetricSeries]

    public init(
        name: String, state: State, value: Double? = nil, unit: String? = nil, threshold: String? = nil,
        detail: String? = nil, samples: [Double] = [], source: String? = nil, series: [MetricSeries] = []
    ) {
        self.series = series
        self.name = name
        self.state = state
        self.value = value
        self.unit = unit
        self.threshold = threshold
        self.detail = detail
        self.samples = samples
        self.source = source
    }

    /// WARN or CRIT: counted in the header.
    public var breached: Bool { state == .warn || state == .crit }

    var themeKey: ThemeKey {
        switch state {
        case .ok: .metricOK
        case .warn: .metricWarn
        case .crit: .metricCrit
        case .pending: .metricPending
        case .stale, .unbound: .metricStale
        case .error: .metricError
        }
    }

    /// The state as a word: `CRIT`, `PENDING breaching 1m of 5m`, `ERROR timeout`, `no source — bind it in warroom.yaml`.
    var stateText: String {
        switch state {
        case .unbound: return "no source — bind it in warroom.yaml"
        case .pending, .error: return state.rawValue.uppercased() + (detail.map { " " + $0 } ?? "")
        default: return state.rawValue.uppercased()
        }
    }

    /// `150 ms`, or `—` before the first sample.
    var valueText: String {
        guard let value else { return "—" }
        let number = value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(format: "%.2f", value)
        return number + (unit.map { " " + $0 } ?? "")
    }
}
