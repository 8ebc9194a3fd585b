/// A list of things to do and tick off: an incident checklist, a deployment checklist, ...
public struct Checklist: Sendable, Codable, Equatable, Hashable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case incident, deployment, maintenance, security, other
    }

    public var title: String
    public var kind: Kind
    /// Headings above the checklist, outermost first.
    public var section: String
    public var line: Int
    public var items: [ChecklistItem]

    public init(title: String, kind: Kind, section: String, line: Int, items: [ChecklistItem]) {
        self.title = title
        self.kind = kind
        self.section = section
        self.line = line
        self.items = items
    }

    /// For after the incident: its title says so ("After the incident", "Post-incident",
    /// "Follow-ups", "Postmortem checklist", "Retrospective").
    public var isAftermath: Bool {
        let lower = title.lowercased()
        if lower.containsWord([
            "post-incident", "postincident", "follow-up", "follow-ups", "followup", "followups", "postmortem",
            "post-mortem", "retrospective", "wrap-up", "aftermath"
        ]) || lower.contains("post incident") || lower.contains("follow up") || lower.contains("wrap up") {
            return true
        }
        // "After the incident", "After resolution", "Once resolved".
        return (lower.hasPrefix("after ") || lower.hasPrefix("once "))
            && lower.containsWord(["incident", "incidents", "resolution", "resolved", "recovery", "outage"])
    }

    /// Phase titles in the order they first appear.
    public var phases: [String] {
        var seen = Set<String>()
        return items.compactMap(\.phase).filter { seen.insert($0).inserted }
    }
}

public struct ChecklistItem: Sendable, Codable, Equatable, Hashable {
    public var text: String
    public var phase: String?
    /// Seconds after the incident starts by which this item is due.
    public var deadlineSeconds: Int?
    /// Ids of runbook commands found in the item.
    public var commands: [Int]
    /// `true` when the source was a task item already ticked (`- [x]`).
    public var checkedInSource: Bool
    public var line: Int

    public init(
        text: String, phase: String? = nil, deadlineSeconds: Int? = nil, commands: [Int] = [],
        checkedInSource: Bool = false, line: Int
    ) {
        self.text = text
        self.phase = phase
        self.deadlineSeconds = deadlineSeconds
        self.commands = commands
        self.checkedInSource = checkedInSource
        self.line = line
    }

    enum CodingKeys: String, CodingKey { case text, phase, deadlineSeconds, commands, checkedInSource, line }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(text, forKey: .text)
        try c.encode(phase, forKey: .phase)
        try c.encode(deadlineSeconds, forKey: .deadlineSeconds)
        try c.encode(commands, forKey: .commands)
        try c.encode(checkedInSource, forKey: .checkedInSource)
        try c.encode(line, forKey: .line)
    }
}
