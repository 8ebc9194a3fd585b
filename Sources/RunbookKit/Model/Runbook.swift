/// Everything warroom understood from one Markdown runbook.
public struct Runbook: Sendable, Codable, Equatable {
    public var title: String
    public var source: String
    /// Heading outline, for navigation and search.
    public var sections: [SectionInfo]
    public var severities: [SeverityLevel]
    public var checklists: [Checklist]
    public var procedures: [Procedure]
    public var commands: [RunbookCommand]
    public var codeBlocks: [CodeBlock]
    public var metrics: [MetricSpec]
    public var queries: [MetricQuery]
    public var escalation: [EscalationStep]
    public var contacts: [Contact]
    public var templates: [RunbookTemplate]
    public var warnings: [RunbookWarning]

    public init(
        title: String, source: String, sections: [SectionInfo] = [], severities: [SeverityLevel] = [],
        checklists: [Checklist] = [], procedures: [Procedure] = [], commands: [RunbookCommand] = [],
        codeBlocks: [CodeBlock] = [], metrics: [MetricSpec] = [], queries: [MetricQuery] = [],
        escalation: [EscalationStep] = [], contacts: [Contact] = [], templates: [RunbookTemplate] = [],
        warnings: [RunbookWarning] = []
    ) {
        self.title = title
        self.source = source
        self.sections = sections
        self.severities = severities
        self.checklists = checklists
        self.procedures = procedures
        self.commands = commands
        self.codeBlocks = codeBlocks
        self.metrics = metrics
        self.queries = queries
        self.escalation = escalation
        self.contacts = contacts
        self.templates = templates
        self.warnings = warnings
    }

    /// The checklist the console offers first: the first incident-response checklist, else the
    /// first checklist of any kind; never one for after the incident ("After the incident",
    /// "Follow-up", "Postmortem checklist"), which is no step of the response.
    public var incidentChecklist: Checklist? { incidentChecklistIndex.map { checklists[$0] } }

    /// Where `incidentChecklist` is in `checklists`.
    public var incidentChecklistIndex: Int? {
        var firstDuring: Int?
        for (index, checklist) in checklists.enumerated() where !checklist.isAftermath {
            if checklist.kind == .incident { return index }
            if firstDuring == nil { firstDuring = index }
        }
        return firstDuring
    }

    public func severity(_ id: String) -> SeverityLevel? {
        let wanted = SeverityID.leading(id)?.id ?? id.uppercased()
        return severities.first { $0.id == wanted }
    }

    /// Ids are 1-based positions in `commands` as the reader assigns them; the search is the
    /// fallback for a model built some other way.
    public func command(_ id: Int) -> RunbookCommand? {
        if id >= 1, id <= commands.count, commands[id - 1].id == id { return commands[id - 1] }
        return commands.first { $0.id == id }
    }
}

/// One heading of the runbook's outline.
public struct SectionInfo: Sendable, Codable, Equatable, Hashable {
    public var title: String
    public var level: Int
    public var line: Int
    public var path: String

    public init(title: String, level: Int, line: Int, path: String) {
        self.title = title
        self.level = level
        self.line = line
        self.path = path
    }
}
