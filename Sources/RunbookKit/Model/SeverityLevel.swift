/// One severity level of a runbook (SEV1, P0, ...), normalised from however it was written.
public struct SeverityLevel: Sendable, Codable, Equatable, Hashable {
    /// Normalised id such as `SEV1` or `P0` (or the upper-cased name for word-only levels).
    public var id: String
    /// Lower is more severe.
    public var rank: Int
    public var name: String?
    public var description: String?
    public var responseTime: Deadline?
    public var escalation: String?
    public var communication: String?
    public var examples: String?
    /// Title of the procedure that comes with this level (catalogue §1e), if any.
    public var procedure: String?
    public var line: Int

    public init(
        id: String, rank: Int, name: String? = nil, description: String? = nil,
        responseTime: Deadline? = nil, escalation: String? = nil, communication: String? = nil,
        examples: String? = nil, procedure: String? = nil, line: Int
    ) {
        self.id = id
        self.rank = rank
        self.name = name
        self.description = description
        self.responseTime = responseTime
        self.escalation = escalation
        self.communication = communication
        self.examples = examples
        self.procedure = procedure
        self.line = line
    }

    enum CodingKeys: String, CodingKey {
        case id, rank, name, description, responseTime, escalation, communication, examples, procedure, line
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(rank, forKey: .rank)
        try c.encode(name, forKey: .name)
        try c.encode(description, forKey: .description)
        try c.encode(responseTime, forKey: .responseTime)
        try c.encode(escalation, forKey: .escalation)
        try c.encode(communication, forKey: .communication)
        try c.encode(examples, forKey: .examples)
        try c.encode(procedure, forKey: .procedure)
        try c.encode(line, forKey: .line)
    }
}
