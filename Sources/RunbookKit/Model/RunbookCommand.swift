/// How much a command can hurt: decides how the console asks before running it.
/// `unknown` is a command no rule understands: it asks like a change, and says so.
public enum Risk: String, Sendable, Codable, CaseIterable, Comparable {
    case read, unknown, change, destructive

    private var order: Int {
        switch self {
        case .read: 0
        case .unknown: 1
        case .change: 2
        case .destructive: 3
        }
    }

    public static func < (lhs: Risk, rhs: Risk) -> Bool { lhs.order < rhs.order }
}

/// One runnable (or manual) command found in a runbook.
public struct RunbookCommand: Sendable, Codable, Equatable, Hashable {
    public var id: Int
    public var title: String?
    /// `bash`, `sql`, `python`, `promql`, ... or `manual` for prose steps found in a fence.
    public var language: String
    public var code: String
    /// Heading path, outermost first, joined with " > ".
    public var section: String
    public var line: Int
    public var placeholders: [String]
    public var risk: Risk
    /// The rule that decided `risk`, in words.
    public var riskReason: String
    public var runnable: Bool
    /// Needs a real terminal (REPLs, `psql` without `-c`, `MONITOR`, `-it` ...).
    public var interactive: Bool
    /// Index into `Runbook.codeBlocks` when the command came from a fenced or indented block.
    public var block: Int?
    /// Where it was found: `fence`, `inline`, `session` (prompt lines of a shell session), or
    /// `example`: shown as what went wrong ("someone ran `kubectl delete ns`"), never runnable.
    public var origin: Origin

    public enum Origin: String, Sendable, Codable { case fence, inline, session, example }

    public init(
        id: Int, title: String?, language: String, code: String, section: String, line: Int,
        placeholders: [String], risk: Risk, riskReason: String, runnable: Bool,
        interactive: Bool = false, block: Int? = nil, origin: Origin = .fence
    ) {
        self.id = id
        self.title = title
        self.language = language
        self.code = code
        self.section = section
        self.line = line
        self.placeholders = placeholders
        self.risk = risk
        self.riskReason = riskReason
        self.runnable = runnable
        self.interactive = interactive
        self.block = block
        self.origin = origin
    }

    enum CodingKeys: String, CodingKey {
        case id, title, language, code, section, line, placeholders, risk, riskReason, runnable, interactive, block,
            origin
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(title, forKey: .title)
        try c.encode(language, forKey: .language)
        try c.encode(code, forKey: .code)
        try c.encode(section, forKey: .section)
        try c.encode(line, forKey: .line)
        try c.encode(placeholders, forKey: .placeholders)
        try c.encode(risk, forKey: .risk)
        try c.encode(riskReason, forKey: .riskReason)
        try c.encode(runnable, forKey: .runnable)
        try c.encode(interactive, forKey: .interactive)
        try c.encode(block, forKey: .block)
        try c.encode(origin, forKey: .origin)
    }
}

/// A whole fenced or indented code block, kept runnable as one piece too.
public struct CodeBlock: Sendable, Codable, Equatable, Hashable {
    public var index: Int
    /// The fence's info string as written (may be empty).
    public var info: String
    public var language: String
    public var code: String
    public var section: String
    public var line: Int
    /// Ids of the commands split out of this block.
    public var commands: [Int]

    public init(index: Int, info: String, language: String, code: String, section: String, line: Int, commands: [Int]) {
        self.index = index
        self.info = info
        self.language = language
        self.code = code
        self.section = section
        self.line = line
        self.commands = commands
    }
}
