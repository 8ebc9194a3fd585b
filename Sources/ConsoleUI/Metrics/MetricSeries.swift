/// One series of a multi-series metric (a Prometheus vector): its labels and value, for the
/// chart's series list.
public struct MetricSeries: Sendable, Equatable {
    public var labels: [String: String]
    public var value: Double

    public init(labels: [String: String], value: Double) {
        self.labels = labels
        self.value = value
    }

    /// `up{instance="127.0.0.1:9090", job="self"}`: the metric name, then the other labels by name.
    public var labelText: String {
        let name = labels["__name__"] ?? ""
        let rest = labels.filter { $0.key != "__name__" }.sorted { $0.key < $1.key }
            .map { "\($0.key)=\"\($0.value)\"" }
        if rest.isEmpty { return name.isEmpty ? "{}" : name }
        return name + "{" + rest.joined(separator: ", ") + "}"
    }
}
