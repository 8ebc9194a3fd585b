/// How a metric stands right now.
public enum MetricState: String, Sendable, Codable, Equatable, CaseIterable {
    case ok, warn, crit
    /// The condition holds but not yet for its "for" duration.
    case pending
    /// No fresh sample for 3 intervals.
    case stale
    /// The last sample failed.
    case error
    /// The runbook names the metric but `warroom.yaml` does not say where to read it.
    case unbound
}

public enum AlertLevel: String, Sendable, Codable, Equatable, Comparable {
    case warning, critical
    public static func < (a: AlertLevel, b: AlertLevel) -> Bool { a == .warning && b == .critical }
}

/// A metric's state with everything a screen or the CLI shows about it.
public struct MetricStatus: Sendable, Equatable {
    public var name: String
    public var state: MetricState
    /// Latest value, in the threshold's unit.
    public var value: Double?
    public var unit: String?
    public var seriesCount: Int?
    public var detail: String?
    /// The threshold the state refers to (the firing or pending one, else the lowest level).
    public var threshold: String?
    /// For PENDING: how long the condition has held and how long it must ("breaching 3m12s of 10m").
    public var breachingFor: Double?
    public var needed: Double?
    public var error: String?
    public var hint: String?
    /// Every series of a multi-series answer with its labels, in the metric's unit, worst first
    /// (empty for single-number sources).
    public var series: [SeriesValue] = []

    public init(
        name: String, state: MetricState, value: Double? = nil, unit: String? = nil, seriesCount: Int? = nil,
        detail: String? = nil, threshold: String? = nil, breachingFor: Double? = nil, needed: Double? = nil,
        error: String? = nil, hint: String? = nil
    ) {
        self.name = name
        self.state = state
        self.value = value
        self.unit = unit
        self.seriesCount = seriesCount
        self.detail = detail
        self.threshold = threshold
        self.breachingFor = breachingFor
        self.needed = needed
        self.error = error
        self.hint = hint
    }

    /// "breaching 3m12s of 10m" while pending.
    public var pendingText: String? {
        guard state == .pending, let breachingFor, let needed else { return nil }
        return "breaching \(DurationText.short(breachingFor)) of \(DurationText.short(needed))"
    }
}

/// A breach or recovery, for the journal (`metric_breached` / `metric_recovered`).
public struct MetricTransition: Sendable, Equatable {
    public enum Kind: String, Sendable { case breached, recovered }
    public var kind: Kind
    public var metric: String
    public var value: Double
    public var unit: String?
    /// The threshold's number and its text ("> 1% for 10m").
    public var thresholdValue: Double
    public var thresholdText: String
    /// The level now firing (breached) or the level that stopped (recovered).
    public var level: AlertLevel
    /// Seconds on the sampler's clock.
    public var at: Double
}
