/// A comparison such as "> 1% for 10 minutes".
public struct Threshold: Sendable, Codable, Equatable, Hashable {
    public enum Op: String, Sendable, Codable, CaseIterable {
        case greater = ">", greaterOrEqual = ">=", less = "<", lessOrEqual = "<="
        /// `up == 0`, `health_status{color="red"} == 1`: a state rather than a level.
        case equal = "==", notEqual = "!="
    }

    public var op: Op
    public var value: Double
    public var unit: String?
    /// The condition must hold this long ("for 10 minutes").
    public var forSeconds: Int?
    /// A counting window ("> 10 in 5 minutes").
    public var windowSeconds: Int?
    /// Words after the number that qualify it ("free", "of limit", "5xx responses").
    public var qualifier: String?
    public var text: String
    public var line: Int

    public init(
        op: Op, value: Double, unit: String? = nil, forSeconds: Int? = nil, windowSeconds: Int? = nil,
        qualifier: String? = nil, text: String, line: Int
    ) {
        self.op = op
        self.value = value
        self.unit = unit
        self.forSeconds = forSeconds
        self.windowSeconds = windowSeconds
        self.qualifier = qualifier
        self.text = text
        self.line = line
    }

    /// Whether `sample` (in the threshold's own unit) meets the condition.
    public func isBreached(by sample: Double) -> Bool {
        switch op {
        case .greater: sample > value
        case .greaterOrEqual: sample >= value
        case .less: sample < value
        case .lessOrEqual: sample <= value
        case .equal: sample == value
        case .notEqual: sample != value
        }
    }

    enum CodingKeys: String, CodingKey { case op, value, unit, forSeconds, windowSeconds, qualifier, text, line }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(op, forKey: .op)
        try c.encode(value, forKey: .value)
        try c.encode(unit, forKey: .unit)
        try c.encode(forSeconds, forKey: .forSeconds)
        try c.encode(windowSeconds, forKey: .windowSeconds)
        try c.encode(qualifier, forKey: .qualifier)
        try c.encode(text, forKey: .text)
        try c.encode(line, forKey: .line)
    }
}

/// A metric the runbook watches, with every threshold it gives for it merged together.
public struct MetricSpec: Sendable, Codable, Equatable, Hashable {
    public var name: String
    public var target: String?
    public var warning: Threshold?
    public var critical: Threshold?
    /// Conditions without a number ("Database connection pool exhausted"), with their level.
    public var conditions: [String]
    /// PromQL that measures it, when the runbook has one.
    public var query: String?
    public var line: Int

    public init(
        name: String, target: String? = nil, warning: Threshold? = nil, critical: Threshold? = nil,
        conditions: [String] = [], query: String? = nil, line: Int
    ) {
        self.name = name
        self.target = target
        self.warning = warning
        self.critical = critical
        self.conditions = conditions
        self.query = query
        self.line = line
    }

    enum CodingKeys: String, CodingKey { case name, target, warning, critical, conditions, query, line }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encode(target, forKey: .target)
        try c.encode(warning, forKey: .warning)
        try c.encode(critical, forKey: .critical)
        try c.encode(conditions, forKey: .conditions)
        try c.encode(query, forKey: .query)
        try c.encode(line, forKey: .line)
    }
}

/// PromQL found in the runbook that could not be tied to a named metric.
public struct MetricQuery: Sendable, Codable, Equatable, Hashable {
    public var query: String
    public var command: Int?
    public var line: Int

    public init(query: String, command: Int?, line: Int) {
        self.query = query
        self.command = command
        self.line = line
    }
}
