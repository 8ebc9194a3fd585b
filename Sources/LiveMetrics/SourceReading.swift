/// One series of a multi-series answer (a Prometheus vector): its labels and its value.
public struct SeriesValue: Sendable, Equatable {
    public var labels: [String: String]
    public var value: Double

    public init(labels: [String: String], value: Double) {
        self.labels = labels
        self.value = value
    }
}

/// One successful sample: every series' value, in `unit` (nil when the source does not say).
public struct SourceReading: Sendable, Equatable {
    public var values: [Double]
    public var unit: String?
    /// Extra words for display ("HTTP 200 in 12ms").
    public var detail: String?
    /// Each series with its labels, in the order of `values`; empty for single-number sources.
    public var series: [SeriesValue]

    public init(values: [Double], unit: String? = nil, detail: String? = nil, series: [SeriesValue] = []) {
        self.values = values
        self.unit = unit
        self.detail = detail
        self.series = series
    }

    /// Several labelled series: `values` are theirs, in order.
    public init(series: [SeriesValue], unit: String? = nil, detail: String? = nil) {
        self.init(values: series.map(\.value), unit: unit, detail: detail, series: series)
    }

    public init(value: Double, unit: String? = nil, detail: String? = nil) {
        self.init(values: [value], unit: unit, detail: detail)
    }

    public var seriesCount: Int { values.count }
}

/// Why a sample failed, in words an on-call engineer can act on ("connection refused",
/// "query error: …", "timeout after 5s").
public struct SourceError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }

    public static func timeout(_ seconds: Double) -> SourceError {
        SourceError("timeout after \(DurationText.short(seconds))")
    }
}

/// Something that can be sampled for a number.
public protocol MetricSource: Sendable {
    func sample() async throws -> SourceReading
}
