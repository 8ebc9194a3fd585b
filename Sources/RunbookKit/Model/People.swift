/// One step of an escalation path: who is called, and when.
public struct EscalationStep: Sendable, Codable, Equatable, Hashable {
    public var level: Int
    public var who: String
    public var after: String?
    public var contact: String?
    public var line: Int

    public init(level: Int, who: String, after: String? = nil, contact: String? = nil, line: Int) {
        self.level = level
        self.who = who
        self.after = after
        self.contact = contact
        self.line = line
    }

    enum CodingKeys: String, CodingKey { case level, who, after, contact, line }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(level, forKey: .level)
        try c.encode(who, forKey: .who)
        try c.encode(after, forKey: .after)
        try c.encode(contact, forKey: .contact)
        try c.encode(line, forKey: .line)
    }
}

/// A person, team or vendor to reach, and how.
public struct Contact: Sendable, Codable, Equatable, Hashable {
    public var name: String
    public var contact: String
    public var role: String?
    public var line: Int

    public init(name: String, contact: String, role: String? = nil, line: Int) {
        self.name = name
        self.contact = contact
        self.role = role
        self.line = line
    }

    enum CodingKeys: String, CodingKey { case name, contact, role, line }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encode(contact, forKey: .contact)
        try c.encode(role, forKey: .role)
        try c.encode(line, forKey: .line)
    }
}

/// A postmortem or status-update template found in the runbook.
public struct RunbookTemplate: Sendable, Codable, Equatable, Hashable {
    public enum Kind: String, Sendable, Codable { case postmortem, statusUpdate = "status-update" }

    public var kind: Kind
    public var title: String
    public var body: String
    /// `[placeholders]` the template asks to fill.
    public var fields: [String]
    public var line: Int

    public init(kind: Kind, title: String, body: String, fields: [String], line: Int) {
        self.kind = kind
        self.title = title
        self.body = body
        self.fields = fields
        self.line = line
    }
}

/// Something the reader was unsure about. Never fatal.
public struct RunbookWarning: Sendable, Codable, Equatable, Hashable {
    public var line: Int
    public var message: String

    public init(line: Int, message: String) {
        self.line = line
        self.message = message
    }
}
