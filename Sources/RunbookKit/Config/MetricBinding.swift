/// Where a runbook metric's live value comes from, as `warroom.yaml` `metrics:` binds it.
public struct MetricBinding: Sendable, Equatable {
    public enum Source: Sendable, Equatable {
        /// PromQL instant query.
        case prometheus(query: String)
        /// A shell command line; its first number is the value.
        case command(String)
        /// `cpu`, `memory`, `disk:/path`, `load1`, `load5`, `load15`, `fds`.
        case host(String)
        /// Status and latency of a URL.
        case http(url: String)
    }

    /// The name as written; matched loosely against the runbook's metric names.
    public var name: String
    public var source: Source
    /// Unit the source reports in (`%`, `ms`, `s`, `MB`, `bytes`…), when it differs from the threshold's.
    public var unit: String?
    /// Polling interval in seconds.
    public var everySeconds: Double
    /// Overrides the runbook's thresholds when present.
    public var warning: Threshold?
    public var critical: Threshold?
    /// Per-sample timeout in seconds.
    public var timeoutSeconds: Double
    public var line: Int?

    public static let defaultEverySeconds: Double = 15
    public static let defaultTimeoutSeconds: Double = 5

    public init(
        name: String, source: Source, unit: String? = nil, everySeconds: Double = defaultEverySeconds,
        warning: Threshold? = nil, critical: Threshold? = nil,
        timeoutSeconds: Double = defaultTimeoutSeconds, line: Int? = nil
    ) {
        self.name = name
        self.source = source
        self.unit = unit
        self.everySeconds = everySeconds
        self.warning = warning
        self.critical = critical
        self.timeoutSeconds = timeoutSeconds
        self.line = line
    }

    /// Whether this binding is for the runbook metric named `metricName` (case, spacing and
    /// punctuation do not matter; synonyms such as "5xx" ≈ "error" are folded as in the runbook).
    public func matches(_ metricName: String) -> Bool {
        MetricNameMatch.same(name, metricName)
    }
}

/// Public face of RunbookKit's loose metric-name comparison.
public enum MetricNameMatch {
    public static func same(_ a: String, _ b: String) -> Bool {
        let squash = { (s: String) in s.lowercased().filter { $0.isLetter || $0.isNumber } }
        return squash(a) == squash(b) || MetricName.same(a, b)
    }
}
