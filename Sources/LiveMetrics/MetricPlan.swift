import RunbookKit

/// What to watch: every runbook metric, bound to its `warroom.yaml` source or marked unbound,
/// plus bindings the runbook does not mention (watched without thresholds unless they give some).
public struct MetricPlan: Sendable {
    public struct Entry: Sendable {
        public var name: String
        public var binding: MetricBinding?
        public var warning: Threshold?
        public var critical: Threshold?
        /// For unbound metrics: what to add to `warroom.yaml`.
        public var hint: String?
        /// The binding exists but was rejected (`warroom.yaml:8: error: …`).
        public var configError: String?

        /// The state of a metric that is not sampled: ERROR for a rejected binding, else UNBOUND.
        public var unsampledStatus: MetricStatus {
            MetricStatus(
                name: name, state: configError == nil ? .unbound : .error,
                threshold: (warning ?? critical).map(ThresholdText.compact), error: configError, hint: hint)
        }

        public var interval: Double { binding?.everySeconds ?? MetricBinding.defaultEverySeconds }

        public func judge() -> ThresholdJudge {
            ThresholdJudge(name: name, warning: warning, critical: critical, interval: interval)
        }
    }

    public var entries: [Entry]

    /// `prometheusURL` is the one in effect (`WarroomConfig.prometheusURL(environment:)`): only with one is
    /// the runbook's own PromQL offered as the binding of an unbound metric.
    public init(runbook metrics: [MetricSpec], config: WarroomConfig, prometheusURL: String?) {
        var used = Set<Int>()
        var entries: [Entry] = []
        for spec in metrics {
            // Only metrics with something to judge: a threshold or a query.
            guard spec.warning != nil || spec.critical != nil || spec.query != nil else { continue }
            if let index = config.metrics.indices.first(where: {
                !used.contains($0) && config.metrics[$0].matches(spec.name)
            }) {
                used.insert(index)
                let b = config.metrics[index]
                entries.append(
                    Entry(
                        name: spec.name, binding: b, warning: b.warning ?? spec.warning,
                        critical: b.critical ?? spec.critical))
            } else if let rejected = config.rejectedMetrics.first(where: { MetricNameMatch.same($0.key, spec.name) }) {
                entries.append(
                    Entry(
                        name: spec.name, binding: nil, warning: spec.warning, critical: spec.critical,
                        configError: rejected.value.description))
            } else {
                entries.append(
                    Entry(
                        name: spec.name, binding: nil, warning: spec.warning, critical: spec.critical,
                        hint: Self.unboundHint(spec, prometheusURL: prometheusURL)))
            }
        }
        for (index, b) in config.metrics.enumerated() where !used.contains(index) {
            entries.append(Entry(name: b.name, binding: b, warning: b.warning, critical: b.critical))
        }
        self.entries = entries
    }

    public var bound: [Entry] { entries.filter { $0.binding != nil } }

    /// How to bind a metric the config does not: its PromQL when a Prometheus URL is configured, else
    /// the kinds of source (and, when the runbook has PromQL, that it needs a Prometheus URL).
    static func unboundHint(_ spec: MetricSpec, prometheusURL: String?) -> String {
        let add = "no source: add `- name: \(spec.name)` with"
        if let query = spec.query, prometheusURL != nil {
            return "\(add) prometheus: \(query) to warroom.yaml metrics:"
        }
        let hint = "\(add) command:, host:, http: or prometheus: to warroom.yaml metrics:"
        guard spec.query != nil else { return hint }
        return hint
            + " (the runbook's PromQL can be bound once a Prometheus URL is set: prometheus: in warroom.yaml or PROMETHEUS_URL)"
    }
}

/// Builds the source for a binding.
public enum SourceFactory {
    public static func source(
        for binding: MetricBinding, prometheusURL: String?,
        auth: PrometheusAuth
    ) -> any MetricSource {
        switch binding.source {
        case .host(let name): return HostSource(name)
        case .command(let line): return CommandSource(line, timeoutSeconds: binding.timeoutSeconds)
        case .http(let url): return HTTPCheckSource(url: url, timeoutSeconds: binding.timeoutSeconds)
        case .prometheus(let query):
            guard let prometheusURL else {
                return FailingSource(message: "no Prometheus URL (set prometheus: in warroom.yaml or PROMETHEUS_URL)")
            }
            return PrometheusSource(
                baseURL: prometheusURL, query: query, auth: auth, timeoutSeconds: binding.timeoutSeconds)
        }
    }
}

/// A source that cannot work as configured; every sample is an ERROR with the reason.
public struct FailingSource: MetricSource {
    public let message: String
    public func sample() async throws -> SourceReading { throw SourceError(message) }
}
