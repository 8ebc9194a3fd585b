/// Runs every structure extractor over the outline, in an order where later ones can use
/// what earlier ones found (procedures link to severities and skip lists read as checklists).
///
/// Two phases, each of two independent halves (run at once on large runbooks, see `SideBySide`):
/// 1. commands | severities, escalation, contacts, templates
/// 2. checklists, procedures (they point at commands) | metrics (PromQL and shell checks of commands)
enum Extractors {
    static func run(_ outline: Section, context: ExtractionContext, together: Bool, into runbook: inout Runbook) {
        let (early, ()) = SideBySide.run(together: together) {
            withoutCommands(outline)
        } _: {
            CommandCollector.collect(outline, into: context)
        }
        runbook.commands = context.commands
        runbook.codeBlocks = context.codeBlocks
        context.warnings += early.warnings
        let severities = early.severities
        let commands = context.commands
        let (metrics, (checklists, procedures)) = SideBySide.run(together: together) {
            MetricExtractor.extract(outline, commands: commands)
        } _: {
            let checklists = ChecklistExtractor.extract(outline, skipping: severities.definitionLines, context: context)
            let procedures = ProcedureExtractor.extract(
                outline, severities: severities, usedLists: checklists.usedListLines, context: context)
            return (checklists, procedures)
        }
        runbook.severities = severities.levels
        runbook.checklists = checklists.checklists
        runbook.procedures = procedures
        for i in runbook.severities.indices where runbook.severities[i].procedure == nil {
            let id = runbook.severities[i].id
            runbook.severities[i].procedure = runbook.procedures.first { $0.severity == id }?.title
        }
        (runbook.metrics, runbook.queries) = metrics
        runbook.escalation = early.escalation
        runbook.contacts = early.contacts
        runbook.templates = early.templates
    }

    /// What the extractors that need no command find: with its own context (warnings, caches),
    /// since it may run beside the command collector.
    private static func withoutCommands(_ outline: Section) -> WithoutCommands {
        let context = ExtractionContext()
        let severities = SeverityExtractor.extract(outline, context: context)
        var escalation = EscalationExtractor.extract(outline, severities: severities.levels)
        if escalation.isEmpty { escalation = ProseMentions.escalation(outline) }
        var contacts = ContactExtractor.extract(outline)
        contacts += ProseMentions.contacts(outline, known: contacts)
        return WithoutCommands(
            severities: severities, escalation: escalation, contacts: contacts,
            templates: TemplateExtractor.extract(outline), warnings: context.warnings)
    }

    private struct WithoutCommands {
        var severities: SeverityExtractor.Result
        var escalation: [EscalationStep]
        var contacts: [Contact]
        var templates: [RunbookTemplate]
        var warnings: [RunbookWarning]
    }
}
