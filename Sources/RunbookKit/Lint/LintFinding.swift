/// One thing a team would want fixed in a runbook before the incident, at a file and line.
public struct LintFinding: Sendable, Codable, Equatable, Hashable {
    public enum Severity: String, Sendable, Codable, Comparable {
        /// The runbook works but a reader could be misled or stuck; `check --strict` fails on it.
        case warning
        /// The file could not be read at all.
        case error

        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs == .warning && rhs == .error }
    }

    /// What was found; the raw values are the stable `kind` of `warroom check --format json`.
    public enum Kind: String, Sendable, Codable, CaseIterable {
        /// A warning from reading the file (repairs, ambiguities).
        case reader
        case severityWithoutResponseTime = "severity-without-response-time"
        case unfillablePlaceholder = "unfillable-placeholder"
        case destructiveWithoutCaution = "destructive-without-caution"
        case metricWithoutThreshold = "metric-without-threshold"
        case missingAnchor = "missing-anchor"
        case missingFile = "missing-file"
        case duplicateCommand = "duplicate-command"
        /// A token, key or password written in a command (`RunbookSecrets`, IncidentKit).
        case secret
        case unreadable
    }

    public var file: String
    public var line: Int
    public var severity: Severity
    public var message: String
    public var kind: Kind

    public init(file: String, line: Int, severity: Severity = .warning, message: String, kind: Kind) {
        self.file = file
        self.line = line
        self.severity = severity
        self.message = message
        self.kind = kind
    }

    enum CodingKeys: String, CodingKey { case file, line, severity, message, kind }
}
