/// A heading with ordered steps: what to do for one kind of problem.
public struct Procedure: Sendable, Codable, Equatable, Hashable {
    public var title: String
    public var section: String
    /// Severity id when the procedure belongs to a level (catalogue §1e).
    public var severity: String?
    public var responseTime: Deadline?
    public var symptoms: String?
    public var steps: [ProcedureStep]
    public var line: Int

    public init(
        title: String, section: String, severity: String? = nil, responseTime: Deadline? = nil,
        symptoms: String? = nil, steps: [ProcedureStep], line: Int
    ) {
        self.title = title
        self.section = section
        self.severity = severity
        self.responseTime = responseTime
        self.symptoms = symptoms
        self.steps = steps
        self.line = line
    }

    enum CodingKeys: String, CodingKey { case title, section, severity, responseTime, symptoms, steps, line }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(title, forKey: .title)
        try c.encode(section, forKey: .section)
        try c.encode(severity, forKey: .severity)
        try c.encode(responseTime, forKey: .responseTime)
        try c.encode(symptoms, forKey: .symptoms)
        try c.encode(steps, forKey: .steps)
        try c.encode(line, forKey: .line)
    }
}

public struct ProcedureStep: Sendable, Codable, Equatable, Hashable {
    public var text: String
    /// The bold label or phase heading the step sits under (`Fix`, `Detection & Triage`).
    public var phase: String?
    public var window: TimeWindow?
    public var commands: [Int]
    public var line: Int

    public init(text: String, phase: String? = nil, window: TimeWindow? = nil, commands: [Int] = [], line: Int) {
        self.text = text
        self.phase = phase
        self.window = window
        self.commands = commands
        self.line = line
    }

    enum CodingKeys: String, CodingKey { case text, phase, window, commands, line }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(text, forKey: .text)
        try c.encode(phase, forKey: .phase)
        try c.encode(window, forKey: .window)
        try c.encode(commands, forKey: .commands)
        try c.encode(line, forKey: .line)
    }
}
