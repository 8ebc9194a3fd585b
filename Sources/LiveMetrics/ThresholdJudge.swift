import RunbookKit

/// Judges one metric's samples against its warning and critical thresholds, in time given by the
/// caller (seconds on any clock), so tests run in virtual time.
///
/// - A level *fires* when its condition has held continuously for its "for" duration (at once
///   without one); any clear sample before that resets the count ("resets on a dip").
/// - Hysteresis: a firing level recovers only when a sample is back past the threshold by a margin of
///   5% of the threshold's value (`> 1%` recovers below 0.95%); values in between keep it firing.
///   Chosen over "one interval clear" because it needs no timing and never flaps on a noisy value.
/// - STALE when the last good sample is older than 3 intervals; ERROR when the last sample failed.
public struct ThresholdJudge: Sendable {
    public static let recoveryMargin = 0.05
    public static let staleIntervals = 3.0

    public let name: String
    public let warning: Threshold?
    public let critical: Threshold?
    public let interval: Double

    private var breachStart: [AlertLevel: Double] = [:]
    private var firing: AlertLevel?
    private var lastValue: Double?
    private var lastReading: SourceReading?
    /// The last reading's labelled series, converted and sorted worst first.
    private var lastSeries: [SeriesValue] = []
    private var lastSampleAt: Double?
    private var lastError: String?
    private var unit: String?

    public init(name: String, warning: Threshold?, critical: Threshold?, interval: Double) {
        self.name = name
        self.warning = warning
        self.critical = critical
        self.interval = interval
        unit = critical?.unit ?? warning?.unit
    }

    /// The op that decides which series is worst: the highest for `>`, the lowest for `<`.
    var worstIsLowest: Bool {
        switch (critical ?? warning)?.op {
        case .less, .lessOrEqual: true
        default: false
        }
    }

    /// Records a sample; returns the transition it causes, if any. `unit` is the source's unit.
    @discardableResult
    public mutating func observe(_ reading: SourceReading, sourceUnit: String?, at now: Double) -> MetricTransition? {
        lastSampleAt = now
        lastError = nil
        lastReading = reading
        if let source = reading.unit ?? sourceUnit, let unit, UnitConversion.incompatible(source, unit) {
            lastError =
                "the source gives \(source), the threshold is in \(unit): set unit: in warroom.yaml or fix the query"
            return nil
        }
        let converted = reading.values.map { UnitConversion.convert($0, from: reading.unit ?? sourceUnit, to: unit) }
        guard let value = worstIsLowest ? converted.min() : converted.max() else { return nil }
        if unit == nil { unit = reading.unit ?? sourceUnit }
        let lowestFirst = worstIsLowest
        lastSeries = zip(reading.series, converted).map { SeriesValue(labels: $0.labels, value: $1) }
            .sorted { lowestFirst ? $0.value < $1.value : $0.value > $1.value }
        lastValue = value
        return judge(value, at: now)
    }

    /// Records a failed sample. Breach tracking is left as it was: a failure is not a recovery.
    public mutating func fail(_ message: String, at now: Double) {
        lastError = message
        _ = now
    }

    private mutating func judge(_ value: Double, at now: Double) -> MetricTransition? {
        var newFiring: AlertLevel?
        for (level, threshold) in [(AlertLevel.critical, critical), (.warning, warning)] {
            guard let threshold else { continue }
            if threshold.isBreached(by: value) {
                let start = breachStart[level] ?? now
                breachStart[level] = start
                if now - start >= Double(threshold.forSeconds ?? 0) { newFiring = max(newFiring ?? level, level) }
            } else if firing.map({ $0 >= level }) == true, !clearedWithMargin(value, threshold) {
                // Still inside the hysteresis band of a firing level: keep it.
                newFiring = max(newFiring ?? level, level)
            } else {
                breachStart[level] = nil
            }
        }
        let old = firing
        firing = newFiring
        guard old != newFiring else { return nil }
        if let level = newFiring, let threshold = self.threshold(level) {
            return MetricTransition(
                kind: .breached, metric: name, value: value, unit: unit,
                thresholdValue: threshold.value, thresholdText: ThresholdText.compact(threshold),
                level: level, at: now)
        }
        guard let old, let threshold = self.threshold(old) else { return nil }
        return MetricTransition(
            kind: .recovered, metric: name, value: value, unit: unit,
            thresholdValue: threshold.value, thresholdText: ThresholdText.compact(threshold),
            level: old, at: now)
    }

    func clearedWithMargin(_ value: Double, _ t: Threshold) -> Bool {
        let margin = abs(t.value) * Self.recoveryMargin
        switch t.op {
        case .greater, .greaterOrEqual: return value < t.value - margin
        case .less, .lessOrEqual: return value > t.value + margin
        // A state has no margin: it holds or it does not.
        case .equal: return value != t.value
        case .notEqual: return value == t.value
        }
    }

    func threshold(_ level: AlertLevel) -> Threshold? { level == .critical ? critical : warning }

    /// The state at `now`.
    public func status(at now: Double) -> MetricStatus {
        var status = MetricStatus(
            name: name, state: .ok, value: lastValue, unit: unit,
            seriesCount: lastReading?.seriesCount, detail: lastReading?.detail)
        status.series = lastSeries
        let shown = firing.flatMap(threshold) ?? warning ?? critical
        status.threshold = shown.map(ThresholdText.compact)
        if let lastError {
            status.state = .error
            status.error = lastError
            return status
        }
        guard let lastSampleAt else {
            status.state = .pending
            status.detail = "waiting for the first sample"
            return status
        }
        if now - lastSampleAt >= Self.staleIntervals * interval {
            status.state = .stale
            status.error = "no fresh sample for \(DurationText.short(now - lastSampleAt))"
            return status
        }
        switch firing {
        case .critical: status.state = .crit
        case .warning: status.state = .warn
        case nil:
            // Pending on the highest level that is breaching but has not held long enough.
            for level in [AlertLevel.critical, .warning] {
                guard let start = breachStart[level], let t = threshold(level) else { continue }
                status.state = .pending
                status.breachingFor = now - start
                status.needed = Double(t.forSeconds ?? 0)
                status.threshold = ThresholdText.compact(t)
                break
            }
        }
        if firing == .warning, let start = breachStart[.critical], let t = critical {
            // Warning fires while critical is still counting: show the critical countdown too.
            status.breachingFor = now - start
            status.needed = Double(t.forSeconds ?? 0)
        }
        return status
    }
}
